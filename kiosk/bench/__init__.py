"""Benchmarks: real code paths on realistic data, reported as JSON, never asserted."""
