"""Kept for bench/load.py until it imports vigie.cluster itself (issue 11); use vigie.cluster."""
from vigie.cluster import ScaledStack  # noqa: F401
