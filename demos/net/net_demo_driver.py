#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the networked demo (net_demo.c) on the host or a QEMU board, for a test, a benchmark
or a user.

    net_demo_driver.py [--board NAME] [--icount SHIFT] [--timeout S] --check IMAGE
    net_demo_driver.py --board NAME --serve PORT IMAGE

--check (the ctest; bench/run.py with --icount 0): the demo runs in a network namespace of
its own (libs/net/tests/netns_driver.py: TAP device qtap0, host side 192.0.2.1/24, with its
DHCP, DNS and TCP echo peers). On the host (no --board) the demo attaches to qtap0 itself; a
board boots under tools/qemu-run with `--net tap,ifname=qtap0,...`, which connects the
board's own network card to that device, so the guest sits on that link. The driver then checks, from the console lines "net-demo: ...":
  - the address is the DHCP lease, 192.0.2.50;
  - the name the demo resolved, echo.quartz.test, is 192.0.2.1 (the namespace's DNS server);
  - the demo's client moved all of its bytes through the host's echo server and checked them;
  - once the demo is ready (after its timed transfer, so the two never share the link), the
    host reaches the demo's echo server: 1 MiB to 192.0.2.50:7 and back, checked byte for
    byte (libs/net/tests/qemu_net_driver.py's echo client);
then stops the demo. A board whose network is its UART (QUARTZ_BOARD_NET_LINK serial: SLIP)
boots instead with its UART on libs/net/tests/slip_bridge.py's line to a TUN device in the
namespace (same peers, no DHCP): the address must be the static 192.0.2.2, and there is no
second boot (it has no network card for user networking). Any other board then boots a second
time as `make run-net` boots it (--serve,
below; inside the namespace too): the address must be QEMU's lease 10.0.2.15, the DNS step
must report its failure, and the host's 1 MiB must come back byte for byte through the
hostfwd on 127.0.0.1. Last it prints "net-demo-result: bytes=<n> ticks=<t> hz=<f>" (the
client's transfer on the TAP link in guest ticks, for bench/run.py). Exit status 0, 1 if a
check failed, 124 if a boot did not get through within --timeout seconds, 77 when, not root,
no namespace can be made (as netns_driver.py).

Why a namespace and not only QEMU's user networking, which the board network test uses:
slirp in restrict=on mode (the only mode the tests may use) drops every UDP datagram from the
guest but DHCP and TFTP, so no DNS query can reach any server; and its lease names no DNS
server.
In the namespace nothing leaves the machine either, and the host and the demo are the same on
every target.

--serve PORT (`make run-net`): boots the board's demo under user networking in restrict=on
mode with the demo's echo port forwarded to 127.0.0.1:PORT, prints the `nc` command, and runs
until interrupted. There is no DNS server or host echo service there, so the demo reports
those steps as skipped and keeps serving echo.
"""
import argparse
import os
import re
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(ROOT, "libs", "net", "tests"))
import netns_driver as netns  # noqa: E402
import qemu_net_driver as qemu_net  # noqa: E402
import slip_bridge  # noqa: E402

ECHO_PORT = 7                # NET_DEMO_PORT
CLIENT_BYTES = 1 << 20       # NET_DEMO_BYTES, unless board.cmake's QUARTZ_BOARD_NET_DEMO_SIZES
                             # says otherwise (client_bytes())
PEER_NAME = "echo.quartz.test"
LINES = {
    "address": re.compile(r"net-demo: address (\S+) \((dhcp|static)\)"),
    "listening": re.compile(r"net-demo: echo server listening on port (\d+)"),
    "dns": re.compile(r"net-demo: dns (\S+) (?:-> (\S+)|failed.*)"),
    "client": re.compile(r"net-demo: client echoed (\d+) bytes in (\d+) ticks at (\d+) Hz"),
    "client_failed": re.compile(r"net-demo: client failed.*"),
    "ready": re.compile(r"net-demo: ready"),
}


def log(msg):
    print(f"net_demo_driver: {msg}", flush=True)


def board_cmake(board):
    with open(os.path.join(ROOT, "boards", board, "board.cmake")) as f:
        return f.read()


def serial_link(board):
    """True when the board's network is a serial line (board.cmake: QUARTZ_BOARD_NET_LINK)."""
    return re.search(r"^set\(QUARTZ_BOARD_NET_LINK\s+serial\)", board_cmake(board),
                     re.M) is not None


def client_bytes(board):
    """What the demo's client sends: NET_DEMO_BYTES as the board's build sets it."""
    m = re.search(r"NET_DEMO_BYTES=(\d+)", board_cmake(board)) if board else None
    return int(m.group(1)) if m else CLIENT_BYTES


def demo_command(args, link):
    """link: qemu-run's options for the board's network ("--net", SPEC or "--serial", PATH)."""
    if not args.board:
        return [args.image]
    cmd = [os.path.join(ROOT, "tools", "qemu-run"), "--board", args.board, "--timeout", "0",
           *link]
    if args.icount is not None:
        cmd += ["--icount", args.icount]
    return cmd + [args.image]


SLIRP_LEASE = "10.0.2.15"  # QEMU user networking's first lease


def forward_nic(port):
    """QEMU user networking, restrict=on, the demo's echo port forwarded to 127.0.0.1:port."""
    return f"user,restrict=on,hostfwd=tcp:127.0.0.1:{port}-:{ECHO_PORT}"


class Run:
    """One boot of the demo: what it said, and the host's own checks. echo_to(seen) is the
    (host, port) through which the host reaches the demo's echo server."""

    def __init__(self, echo_to):
        self.echo_to = echo_to
        self.seen = {}
        self.failures = []
        self.host_echo = None
        self.timed_out = False

    def fail(self, msg):
        self.failures.append(msg)

    def expect(self, key, want, what):
        if self.seen.get(key) != want:
            self.fail(f"{what}: want {want}, demo said {self.seen.get(key)}")


def watch(proc, run):
    """Copies the console and records the demo's lines until "ready" (or the demo's end), then
    starts the host's echo client on the demo's server: only then, so that the demo's own
    transfer, which it times, has the link to itself."""
    for line in proc.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        for key, pattern in LINES.items():
            m = pattern.search(line)
            if m and key not in run.seen:
                run.seen[key] = m.groups()
        if "ready" in run.seen:
            break
    if "ready" in run.seen and "listening" in run.seen and "address" in run.seen:
        host, port = run.echo_to(run.seen)
        run.host_echo = threading.Thread(target=qemu_net.echo_client,
                                         args=(port, run.failures, host))
        run.host_echo.start()


def boot(cmd, timeout, echo_to, line=None):
    """Runs the demo until it is ready and the host's echo exchange is over, then stops it (it
    serves forever). line: the slip_bridge.SerialLine QEMU's UART connects to, if any."""
    run = Run(echo_to)
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                          errors="replace") as proc:
        guard = threading.Timer(float(timeout), proc.kill)
        guard.start()
        if line is not None and not line.connect():
            run.fail("QEMU never connected its UART to the serial line")
        watch(proc, run)
        if run.host_echo is not None:
            run.host_echo.join()
        run.timed_out = not guard.is_alive()
        guard.cancel()
        proc.terminate()
        sys.stdout.write(proc.communicate()[0])
    if run.host_echo is None:
        run.fail("the demo never said it was ready with its echo server listening")
    return run


def own_echo(seen):
    return seen["address"][0], int(seen["listening"][0])


def expect_namespace(run, address, want_bytes):
    """In the namespace: the address, the DNS answer, the demo's client transfer."""
    run.expect("address", address, "address")
    run.expect("dns", (PEER_NAME, netns.HOST4), "dns")
    client = run.seen.get("client")
    if client is None or int(client[0]) != want_bytes or int(client[1]) <= 0:
        run.fail(f"client: want {want_bytes} bytes echoed, demo said "
                 f"{client or run.seen.get('client_failed', 'nothing')}")


def on_tap(args):
    """The namespace's link: lease, DNS answer, host to demo echo, demo's client transfer."""
    run = boot(demo_command(args, ["--net", f"tap,ifname={netns.TAP},script=no,downscript=no"]),
               args.timeout, own_echo)
    expect_namespace(run, (netns.LEASE4, "dhcp"), client_bytes(args.board))
    return run


def on_serial_line(args, tun_fd):
    """A board whose network is its UART: the same checks over slip_bridge.py's SLIP line to
    the namespace, where the address is the static one (a SLIP link has no DHCP)."""
    line = slip_bridge.SerialLine(tun_fd)
    try:
        run = boot(demo_command(args, ["--serial", line.path]), args.timeout, own_echo, line)
    finally:
        line.close()
    expect_namespace(run, (netns.QUARTZ4, "static"), client_bytes(args.board))
    return run


def through_forward(args):
    """A board again, as `make run-net` boots it: slirp's lease, no DNS server (restrict=on),
    and the host's echo through the hostfwd on 127.0.0.1."""
    port = qemu_net.free_port()
    run = boot(demo_command(args, ["--net", forward_nic(port)]), args.timeout,
               lambda seen: ("127.0.0.1", port))
    run.expect("address", (SLIRP_LEASE, "dhcp"), "address under user networking")
    run.expect("dns", (PEER_NAME, None), "dns under user networking (none: restrict=on)")
    return run


def check(args):
    if not netns.in_namespace():
        return netns.enter_namespace(__file__, sys.argv[1:])
    if args.board and serial_link(args.board):
        # No network card, so no boot under user networking either.
        tun_fd, failed = slip_bridge.prepare()
        if failed is not None:
            return failed
        runs = [on_serial_line(args, tun_fd)]
    else:
        failed = netns.prepare_namespace()
        if failed is not None:
            return failed
        runs = [on_tap(args)] + ([through_forward(args)] if args.board else [])
    if any(r.timed_out for r in runs):
        log(f"the demo did not get through within {args.timeout} s")
        return 124
    failures = [f for r in runs for f in r.failures]
    for f in failures:
        log(f"FAIL {f}")
    if failures:
        return 1
    bytes_, ticks, hz = runs[0].seen["client"]
    print(f"net-demo-result: bytes={bytes_} ticks={ticks} hz={hz}", flush=True)
    return 0


def serve(args):
    print(f"Booting the networked demo on {args.board}; its echo server is forwarded to "
          f"127.0.0.1:{args.serve}.\nTalk to it from another terminal with:\n"
          f"    nc 127.0.0.1 {args.serve}\n(Ctrl-C stops the demo)", flush=True)
    args.icount = None
    cmd = demo_command(args, ["--net", forward_nic(args.serve)])
    cmd.insert(1, "--realtime")
    try:
        return subprocess.run(cmd).returncode
    except KeyboardInterrupt:  # Ctrl-C is how a user stops it; QEMU got it too
        return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--board", help="a QEMU board (default: the POSIX host program)")
    ap.add_argument("--icount", help="QEMU -icount shift (tools/qemu-run's default: 4)")
    ap.add_argument("--timeout", default="240", help="wall-clock seconds (a hang guard)")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--serve", type=int, metavar="PORT")
    ap.add_argument("image")
    args = ap.parse_args()
    if not os.path.isfile(args.image):
        log(f"no image {args.image}")
        return 2
    if args.serve is not None:
        if not args.board:
            log("--serve needs --board (on the host, see demos/net/README.md)")
            return 2
        if serial_link(args.board):
            log(f"{args.board} has no network card for user networking: its network is its "
                "UART (SLIP); run the demo with --check, as root (demos/net/README.md)")
            return 2
        return serve(args)
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
