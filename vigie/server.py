"""Starts Rasa with Vigie's runtime guarantees installed: `python -m vigie.server run ...`
takes the same arguments as the `rasa` command."""
import os
import sys

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
# TensorFlow imports jax only for TFLite conversion, and tolerates its absence: Vigie converts
# nothing, and not loading it saves ~90 MB per Rasa process.
sys.modules.setdefault("jax", None)


def main() -> None:
    from vigie import resilience, warmup
    from vigie.rasa_version import require_rasa_version

    require_rasa_version()
    resilience.install()
    warmup.install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
