"""Vigie's custom actions (run by `rasa run actions`)."""
from vigie.directory import directory

directory()  # read when the action server starts, not at the first answer
