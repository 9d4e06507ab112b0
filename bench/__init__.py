"""Benchmarks on synthetic data (never published); `bench.synthetic.generate` writes it."""
