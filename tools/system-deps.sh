#!/bin/sh
# `make system-deps`: WeasyPrint subsets fonts with HarfBuzz when libharfbuzz-subset is present (about 3x
# faster PDF than its fontTools fallback, which it still uses otherwise). Installed on Debian as root.
if ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0; then
  :
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing libharfbuzz-subset0 (fast PDF font subsetting) with apt-get"
  apt-get install -y -q libharfbuzz-subset0 >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q libharfbuzz-subset0 >/dev/null 2>&1; } ||
    echo "  not installed: PDFs still build, more slowly"
else
  echo "Note: install libharfbuzz-subset0 (or your system's HarfBuzz subset library) for faster PDFs"
fi
