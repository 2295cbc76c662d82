"""Custom Rasa NLU components of Vigie (referenced by name in config.yml)."""
