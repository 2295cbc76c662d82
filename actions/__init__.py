"""Vigie's custom actions (run by `rasa run actions`)."""
