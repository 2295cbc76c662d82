"""Kept for bench/load.py until it imports vigie.processes itself (issue 11); use vigie.processes."""
from vigie.processes import Stack  # noqa: F401
