#!/bin/sh
# SPDX-License-Identifier: MIT
# demos/mqtt_board/run.sh IMAGE: boots demo_mqtt_board by hand (`make run-mqtt`), inside
# run_nginx.py and mqtt_broker_driver.py, which start nginx and Mosquitto on free 127.0.0.1
# ports and pass them in QUARTZ_HTTP_PORT and MQTT_BROKER_PORT. Prints how to talk to the demo.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
p="$MQTT_BROKER_PORT"
cat <<EOT
Broker on 127.0.0.1:$p. In another terminal:
  mosquitto_sub -p $p -v -t 'quartz/board/#'
  mosquitto_pub -p $p -t quartz/board/cmd -m '{"cmd":"period","ms":250}'
  mosquitto_pub -p $p -t quartz/board/cmd -m '{"cmd":"fetch","path":"/data/1mib.bin"}'
  mosquitto_pub -p $p -t quartz/board/cmd -m '{"cmd":"stop"}'
EOT
exec python3 "$root/libs/net/tests/qemu_net_driver.py" --timeout 290 \
    --forward 1883=MQTT_BROKER_PORT --forward 80=QUARTZ_HTTP_PORT "$1"
