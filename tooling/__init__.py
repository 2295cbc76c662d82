"""Vigie's development tooling, apart from what Rasa loads: real servers for tests and benchmarks
(processes, cluster), the blind-set evaluation, the widget's generated facts."""
