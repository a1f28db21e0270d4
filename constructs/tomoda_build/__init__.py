"""Build machinery: paths, lazy bindings, synthesis orchestration, cache, checks."""
