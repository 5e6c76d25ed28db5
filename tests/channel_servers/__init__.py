"""Local HTTP servers that behave like the sales channels, for adapter tests and benchmarks."""
