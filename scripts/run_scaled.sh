#!/usr/bin/env bash
# `make run-scaled`: Vigie as it runs on several machines, here all on loopback until Ctrl-C:
# Redis (conversations + locks), 2 action servers, 2 Rasa servers, nginx in front of each pair.
# Clients use http://127.0.0.1:$VIGIE_PORT/webhooks/rest/webhook exactly as with `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
VIGIE_PORT=${VIGIE_PORT:-5005}             # nginx, in front of the Rasa servers
RASA_PORTS=(${RASA_PORTS:-5006 5007})
METRICS_PORTS=(${METRICS_PORTS:-9105 9106})  # one per Rasa process (docs/metrics.md)
ACTIONS_LB_PORT=${ACTIONS_LB_PORT:-5054}   # nginx, in front of the action servers
ACTIONS_PORTS=(${ACTIONS_PORTS:-5055 5056})
REDIS_PORT=${REDIS_PORT:-6380}             # not 6379: leave a system Redis alone
WORK=.rasa/scaled
PATH=$PATH:/usr/sbin                       # Debian's nginx

for tool in redis-server nginx; do
  command -v $tool > /dev/null || { echo "$tool manquant : make system-scaled"; exit 1; }
done
rm -rf "$WORK" && mkdir -p "$WORK/redis" "$WORK/nginx" && chmod 755 "$WORK/nginx"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for() {  # url, pid, log
  until curl -sf "$1" > /dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "Arrêt inattendu : voir $3"; exit 1; }
    sleep 1
  done
}

# nothing written to disk: conversations only live 30 minutes anyway
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$WORK/redis" --save "" \
    --appendonly no > "$WORK/redis.log" 2>&1 &
pids+=($!)

for port in "${ACTIONS_PORTS[@]}"; do
  $PY -m rasa_sdk --actions actions --port "$port" > "$WORK/actions-$port.log" 2>&1 &
  pids+=($!)
done

servers() { for port in "$@"; do echo "        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"; done; }
prefix=$(cd "$WORK/nginx" && pwd)
awk -v rasa="$(servers "${RASA_PORTS[@]}")" -v actions="$(servers "${ACTIONS_PORTS[@]}")" \
    '{ if ($0 == "@@RASA_SERVERS@@") print rasa; else if ($0 == "@@ACTION_SERVERS@@") print actions; else print }' \
    deploy/nginx.conf.template \
  | sed -e "s#@@PREFIX@@#$prefix#g" -e "s#@@ERROR_LOG@@#$prefix/error.log#g" -e "s#@@PORT@@#$VIGIE_PORT#g" -e "s#@@ACTIONS_PORT@@#$ACTIONS_LB_PORT#g" -e "s#@@WIDGET_DIR@@#$PWD/widget#g" \
  > "$prefix/nginx.conf"
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
pids+=($!)

export VIGIE_REDIS_HOST=127.0.0.1 VIGIE_REDIS_PORT=$REDIS_PORT
export VIGIE_ACTIONS_URL=http://127.0.0.1:$ACTIONS_LB_PORT/webhook
rasa_pids=()
for i in "${!RASA_PORTS[@]}"; do
  port=${RASA_PORTS[$i]}
  VIGIE_METRICS_PORT=${METRICS_PORTS[$i]} $PY -m vigie.server run -m models/vigie.tar.gz -i 127.0.0.1 -p "$port" \
      --credentials credentials.yml --endpoints endpoints.scaled.yml > "$WORK/rasa-$port.log" 2>&1 &
  pids+=($!)
  rasa_pids+=($!)
done

echo "Vigie (2 serveurs Rasa) démarre (modèles chargés en ~1 min)…"
for i in "${!RASA_PORTS[@]}"; do
  wait_for "http://127.0.0.1:${RASA_PORTS[$i]}/" "${rasa_pids[$i]}" "$WORK/rasa-${RASA_PORTS[$i]}.log"
done
cat <<MSG
Vigie est prête, derrière nginx.
  REST : curl -s localhost:$VIGIE_PORT/webhooks/rest/webhook -H 'Content-Type: application/json' \\
           -d '{"sender":"moi","message":"je suis en Suisse"}'
  Rasa : ${RASA_PORTS[*]}   Actions : ${ACTIONS_PORTS[*]} (via $ACTIONS_LB_PORT)   Redis : $REDIS_PORT
  Métriques (une cible par processus Rasa) : ${METRICS_PORTS[*]}
  Logs : $WORK/      Arrêt : Ctrl-C
MSG
wait
