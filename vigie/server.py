"""Starts Rasa with Vigie's runtime guarantees installed: `python -m vigie.server run ...`
takes the same arguments as the `rasa` command, and serves the metrics when VIGIE_METRICS_PORT
is set (vigie/metrics.py)."""
import os
import sys

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
# TensorFlow imports jax only for TFLite conversion, and tolerates its absence: Vigie converts
# nothing, and not loading it saves ~90 MB per Rasa process.
sys.modules.setdefault("jax", None)


def serves_messages(argv: list) -> bool:
    """`run`, not `run actions` (the action server) nor `train`, `shell`..."""
    return argv[1:2] == ["run"] and argv[2:3] != ["actions"]


def main() -> None:
    from vigie import metrics, resilience, warmup
    from vigie.rasa_version import require_rasa_version

    require_rasa_version()
    resilience.install()
    warmup.install()
    if serves_messages(sys.argv):
        metrics.serve_from_environment()  # before the model loads: a taken port fails at once
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
