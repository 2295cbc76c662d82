"""Vigie's development tooling, apart from what Rasa loads: real servers for tests and benchmarks
(processes, cluster), the blind-set evaluation, the content table's reader (tests, content report
and book), the widget's generated facts."""
