"""Vigie started otherwise than by `python -m vigie.server` refuses to run without the action
fallback (two Python processes: end-to-end layer, not unit)."""
import subprocess

from tooling.processes import PYTHON, ROOT, env


def test_the_store_refuses_to_start_without_the_action_fallback_when_asked():
    code = ("from rasa.shared.core.domain import Domain; from vigie.stores import "
            "ErasableInMemoryTrackerStore as S; S(Domain.empty(), require_action_fallback=True)")
    plain = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env(), capture_output=True, text=True)
    assert plain.returncode != 0 and "vigie.server" in plain.stderr
    installed = subprocess.run([PYTHON, "-c", "from vigie import resilience; resilience.install(); " + code],
                               cwd=ROOT, env=env(), capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
