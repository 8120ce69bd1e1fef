#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Plays the operator of demo_mqtt_board and checks what the demo did.

Usage (inside run_nginx.py and mqtt_broker_driver.py, which set QUARTZ_HTTP_PORT,
QUARTZ_HTTP_ROOT and MQTT_BROKER_PORT):
    check_demo.py <command that boots the demo, e.g. qemu_net_driver.py ... demo.elf>

Subscribes to quartz/board/# with mosquitto_sub, then boots the demo and, as its messages come:
  after 3 telemetry messages      publishes {"cmd":"period","ms":250} to quartz/board/cmd
  after 4 more at 250 ms          publishes {"cmd":"fetch","path":"/data/1mib.bin"}
  on the "fetched" event          publishes {"cmd":"stop"}
and checks: telemetry sequence numbers 0, 1, 2, ... with none lost or repeated; each message
`period_ms` ticks after the one before while the period stands (1000, then 250: the command
took effect; ticks are the guest's, so the check is exact); the file's length and CRC-32 as the
demo reported them equal the file nginx served; the demo reported "stopped" and exited 0.
Prints "check_demo: all checks passed" or what failed. Exit status: 0 when all passed.
"""
import json
import os
import subprocess
import sys
import threading
import zlib

TOPICS = "quartz/board/#"
FILE = "/data/1mib.bin"
BEFORE, AFTER = 3, 4  # telemetry messages at each period before the next command
WAIT = 260  # seconds for the whole run, past qemu_net_driver.py's own guard (a hang guard only)


def log(msg):
    print(f"check_demo: {msg}", flush=True)


class Operator:
    def __init__(self, port):
        self.port = port
        self.telemetry = []
        self.events = []
        self.sent = []
        self.lock = threading.Lock()

    def publish(self, command):
        subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", self.port, "-q", "1",
                        "-t", "quartz/board/cmd", "-m", json.dumps(command)], check=True)
        self.sent.append(command["cmd"])
        log(f"sent {command}")

    def on_message(self, topic, payload):
        """Called for every message; sends the next command when its moment has come."""
        with self.lock:
            msg = json.loads(payload)
            if topic.endswith("/telemetry"):
                self.telemetry.append(msg)
                fast = [m for m in self.telemetry if m["period_ms"] == 250]
                if len(self.telemetry) == BEFORE and not self.sent:
                    self.publish({"cmd": "period", "ms": 250})
                elif len(fast) == AFTER and self.sent == ["period"]:
                    self.publish({"cmd": "fetch", "path": FILE})
            elif topic.endswith("/event"):
                self.events.append(msg)
                # On fetch_failed too: the check then fails at once, naming it, not by timeout.
                if msg.get("event") in ("fetched", "fetch_failed") and "stop" not in self.sent:
                    self.publish({"cmd": "stop"})


def start_subscriber(port):
    """mosquitto_sub -d: its debug lines say when the subscription stands (line-buffered by
    stdbuf: into a pipe, its output would otherwise wait in a block buffer)."""
    return subprocess.Popen(["stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", port,
                             "-q", "1", "-d", "-v", "-t", TOPICS], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)


def read_subscriber(sub, operator, ready):
    for line in sub.stdout:
        line = line.rstrip("\n")
        if "received SUBACK" in line:
            ready.set()
        elif line.startswith("quartz/board/"):
            topic, _, payload = line.partition(" ")
            try:
                operator.on_message(topic, payload)
            except (ValueError, KeyError, subprocess.CalledProcessError) as e:
                log(f"bad message {line!r}: {e}")


def check_telemetry(telemetry, failures):
    seqs = [m["seq"] for m in telemetry]
    if seqs != list(range(len(seqs))):
        failures.append(f"telemetry sequence {seqs} is not 0, 1, 2, ...")
    periods = [m["period_ms"] for m in telemetry]
    slow = [m for m in telemetry if m["period_ms"] == 1000]
    fast = [m for m in telemetry if m["period_ms"] == 250]
    if len(slow) < BEFORE or len(fast) < AFTER or periods != sorted(periods, reverse=True):
        failures.append(f"periods {periods}: the period command did not take effect once")
    for run in (slow, fast[:AFTER]):  # after the fetch command the demo was busy downloading
        for a, b in zip(run, run[1:]):
            if b["tick"] - a["tick"] != b["period_ms"]:
                failures.append(f"telemetry {b['seq']} came {b['tick'] - a['tick']} ticks after "
                                f"{a['seq']}, not {b['period_ms']}")


def check_fetch(events, failures):
    with open(os.environ["QUARTZ_HTTP_ROOT"] + FILE, "rb") as f:
        data = f.read()
    fetched = [e for e in events if e.get("event") == "fetched"]
    if not fetched:
        failures.append(f"no fetched event (events: {events})")
    elif fetched[0]["bytes"] != len(data) or fetched[0]["crc32"] != zlib.crc32(data):
        failures.append(f"fetched {fetched[0]}, but the file has {len(data)} bytes, "
                        f"crc32 {zlib.crc32(data)}")
    if not any(e.get("event") == "stopped" for e in events):
        failures.append("no stopped event")


def main():
    port = os.environ.get("MQTT_BROKER_PORT")
    if port is None or "QUARTZ_HTTP_ROOT" not in os.environ or len(sys.argv) < 2:
        print(__doc__)
        return 2
    operator = Operator(port)
    ready = threading.Event()
    sub = start_subscriber(port)
    threading.Thread(target=read_subscriber, args=(sub, operator, ready), daemon=True).start()
    try:
        if not ready.wait(30):
            log("mosquitto_sub did not subscribe")
            return 1
        status = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, timeout=WAIT).returncode
    except subprocess.TimeoutExpired:
        status = 124
    finally:
        sub.terminate()  # it would otherwise outlive us, holding ctest's output pipe
        sub.wait()
    failures = [] if status == 0 else [f"the demo exited with {status}"]
    with operator.lock:
        check_telemetry(operator.telemetry, failures)
        check_fetch(operator.events, failures)
    for f in failures:
        log(f"FAIL {f}")
    if not failures:
        log(f"all checks passed ({len(operator.telemetry)} telemetry messages)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
