#!/bin/sh
# `make system-deps`: the Debian packages the report needs beside Python, installed as root with apt-get:
#   fonts-liberation2     Liberation Sans, the report's font (metric-compatible with Arial, which the
#                         Word file names); without it the PDF falls back to another sans font
#   libharfbuzz-subset0   WeasyPrint subsets fonts with HarfBuzz (about 3x faster PDF than fontTools)
# Extra packages may be named as arguments (CI: LibreOffice Writer and Calc, the real client the tests open
# the Word file, the Word-made PDFs and the workbooks with).
# Elsewhere (not Debian, not root) it says what to install and goes on.
perlu=""
ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0 || perlu="libharfbuzz-subset0"
fc-list 2>/dev/null | grep -q LiberationSans-Regular || perlu="$perlu fonts-liberation2"
for paket in "$@"; do
  dpkg -s "$paket" >/dev/null 2>&1 || perlu="$perlu $paket"
done
[ -n "$perlu" ] || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing$(printf ' %s' $perlu) with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $perlu >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $perlu >/dev/null 2>&1; } ||
    echo "  not installed:$(printf ' %s' $perlu) (the report still builds, with another font or more slowly)"
else
  echo "Note: install$(printf ' %s' $perlu) (Debian package names) for the report's font and faster PDFs"
fi
