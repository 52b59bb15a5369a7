"""The benchmark suite run by `make bench` (see docs/benchmarks.md). Never imported by the site."""
