"""Benchmark scripts that print figures (speed goals are never timed tests). Each runs as a module from the
repository root, e.g. `python -m bench.bench_load --help`; what they share is in bench/common.py."""
