"""The Grafana dashboard's queries (deploy/grafana-dashboard.json), as Grafana sends them."""
import json
from typing import Iterator, Tuple

from tooling.processes import ROOT

DASHBOARD = ROOT / "deploy" / "grafana-dashboard.json"
HIDE_BELOW_5 = " >= 5"
# Grafana's own variables, as Grafana fills them for the last hour
GRAFANA_VARIABLES = {"$__range": "1h", "$__rate_interval": "1m"}


def queries() -> Iterator[Tuple[str, str]]:
    """(panel title, PromQL) for every query of every panel."""
    for panel in json.loads(DASHBOARD.read_text(encoding="utf-8"))["panels"]:
        for target in panel.get("targets", []):
            yield panel["title"], target["expr"]


def as_sent(expression: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expression = expression.replace(variable, value)
    return expression
