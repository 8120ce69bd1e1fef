#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run a command with the transport qualification suite's echo server on 127.0.0.1.

Usage: run_echo_server.py <transport_echo_server> <command> [args...]

Starts the stand-alone echo server (echo_server_main.c), reads the ports it prints, runs the
command with TQ_ECHO_PORT and TQ_CLOSE_PORT set (for qemu_net_driver.py --forward
7=TQ_ECHO_PORT ...), stops the server when the command ends and exits with its status.
"""
import os
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    if not os.access(sys.argv[1], os.X_OK):
        # The board tests use the host build's server: a board built on its own lacks it.
        print(f"run_echo_server.py: no echo server at {sys.argv[1]}: build the host build's "
              "target transport_echo_server first (make test builds everything)")
        return 1
    server = subprocess.Popen([sys.argv[1]], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              text=True)
    try:
        words = server.stdout.readline().split()  # "echo N close N refused N"
        ports = dict(zip(words[0::2], words[1::2]))
        if "echo" not in ports or "close" not in ports:
            print("run_echo_server.py: the echo server did not start")
            return 1
        env = dict(os.environ, TQ_ECHO_PORT=ports["echo"], TQ_CLOSE_PORT=ports["close"])
        return subprocess.call(sys.argv[2:], env=env, stdin=subprocess.DEVNULL)
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
