"""Vigie: shared code of the Rasa server side (NLU components, channels, stores)."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
