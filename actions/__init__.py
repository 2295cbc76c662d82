"""Vigie's custom actions (run by `rasa run actions`)."""
import sys
from pathlib import Path

# the action server runs from the project root; make the shared `vigie` package importable anyway
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
