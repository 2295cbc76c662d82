#!/usr/bin/env bash
# `make run`: Rasa (REST channel; the actions run inside it, endpoints.yml) and the chat
# widget's demo page on localhost, until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
RASA_PORT=${RASA_PORT:-5005}
WIDGET_PORT=${WIDGET_PORT:-8080}
# Prometheus metrics on loopback (docs/metrics.md, deploy/prometheus.yml)
export VIGIE_METRICS_PORT=${VIGIE_METRICS_PORT:-9105}
WIDGET_URL="http://127.0.0.1:$WIDGET_PORT"
# Web pages allowed to call Rasa from a browser (CORS, space-separated): the demo page only,
# unless VIGIE_CORS_ORIGINS names the sites that embed the widget.
read -r -a CORS_ORIGINS <<< "${VIGIE_CORS_ORIGINS:-$WIDGET_URL http://localhost:$WIDGET_PORT}"
mkdir -p .rasa
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

$PY -m vigie.server run -m models/vigie.tar.gz -i 127.0.0.1 -p "$RASA_PORT" \
    --credentials credentials.yml --endpoints endpoints.yml --cors "${CORS_ORIGINS[@]}" \
    > .rasa/rasa.log 2>&1 &
pids+=($!)
$PY widget/serve.py --port "$WIDGET_PORT" --server "http://127.0.0.1:$RASA_PORT" \
    > .rasa/widget.log 2>&1 &
pids+=($!)

echo "Vigie démarre (modèle chargé en ~20 s)…"
until curl -sf "http://127.0.0.1:$RASA_PORT/" > /dev/null; do
  kill -0 "${pids[0]}" 2>/dev/null || { echo "Rasa s'est arrêté : voir .rasa/rasa.log"; exit 1; }
  sleep 1
done
kill -0 "${pids[1]}" 2>/dev/null || { echo "Le widget s'est arrêté : voir .rasa/widget.log"; exit 1; }
cat <<MSG
Vigie est prête.
  REST : curl -s localhost:$RASA_PORT/webhooks/rest/webhook -H 'Content-Type: application/json' \\
           -d '{"sender":"moi","message":"quelqu un menace de publier mes photos"}'
  Widget (page de démo) : $WIDGET_URL/      (CORS : ${CORS_ORIGINS[*]})
  Métriques : http://127.0.0.1:$VIGIE_METRICS_PORT/metrics
  Terminal : make shell      Logs : .rasa/rasa.log, .rasa/widget.log      Arrêt : Ctrl-C
MSG
wait
