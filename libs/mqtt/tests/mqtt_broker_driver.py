#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run one MQTT test program against a private Mosquitto broker.

Usage: mqtt_broker_driver.py <test executable> [args...]

Starts Debian's mosquitto (never the system service) with its own configuration in a
temporary directory: a listener on a free 127.0.0.1 port, anonymous access, persistence in
that directory. The test gets the port in MQTT_BROKER_PORT. The test may write control lines
to its stdout, which this driver acts on:
    @@broker:restart   stop the broker (SIGTERM, so it saves its sessions) and start it again
                       on the same port after a short pause
The broker is stopped when the test ends, whatever happens. Exit status: the test's.
"""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

CONFIG = """\
user {user}
listener {port} 127.0.0.1
allow_anonymous true
persistence true
persistence_location {dir}/
persistence_file mosquitto.db
autosave_interval 0
max_queued_messages 100000
max_inflight_messages 20
set_tcp_nodelay true
log_dest file {dir}/mosquitto.log
log_type error
log_type warning
log_type notice
"""


def find_mosquitto():
    for path in (shutil.which("mosquitto"), "/usr/sbin/mosquitto"):
        if path and os.access(path, os.X_OK):
            return path
    return None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, proc, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.02)
    return False


class Broker:
    def __init__(self, exe, workdir):
        self.exe = exe
        self.workdir = workdir
        self.proc = None
        self.port = None

    def start(self, port):
        conf = os.path.join(self.workdir, "mosquitto.conf")
        with open(conf, "w") as f:
            # Run as ourselves: as root, mosquitto would otherwise switch to its own user, which
            # cannot write the persistence database or the log in our private directory.
            user = pwd.getpwuid(os.geteuid()).pw_name
            f.write(CONFIG.format(port=port, dir=self.workdir, user=user))
        self.proc = subprocess.Popen([self.exe, "-c", conf], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = port
        if not wait_listening(port, self.proc):
            self.stop()
            return False
        return True

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def log(self):
        try:
            with open(os.path.join(self.workdir, "mosquitto.log")) as f:
                return f.read()[-4000:]
        except OSError:
            return ""


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    exe = find_mosquitto()
    if exe is None:
        print("mqtt_broker_driver: mosquitto is not installed (run tools/setup)")
        return 1
    workdir = tempfile.mkdtemp(prefix="quartz-mqtt-")
    broker = Broker(exe, workdir)
    status = 1
    try:
        for _ in range(5):  # another process may take the free port before mosquitto does
            if broker.start(free_port()):
                break
        else:
            print("mqtt_broker_driver: cannot start mosquitto\n" + broker.log())
            return 1
        env = dict(os.environ, MQTT_BROKER_PORT=str(broker.port))
        test = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, env=env,
                                stdin=subprocess.DEVNULL)
        for raw in test.stdout:
            line = raw.decode(errors="replace")
            sys.stdout.write(line)
            sys.stdout.flush()
            if "@@broker:restart" in line:
                broker.stop()
                time.sleep(0.3)
                if not broker.start(broker.port):
                    print("mqtt_broker_driver: broker did not restart\n" + broker.log())
        status = test.wait()
        if status != 0:
            print("mqtt_broker_driver: test exited with %d; broker log tail:\n%s"
                  % (status, broker.log()))
    finally:
        broker.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
