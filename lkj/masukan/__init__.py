"""Input: project paths, CSV schemas, params, the report plan; every input read and validated once."""
