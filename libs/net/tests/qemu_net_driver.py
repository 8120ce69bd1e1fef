#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Boots a Quartz board network test under QEMU user networking and plays the host's part.

    qemu_net_driver.py [--board NAME] [--timeout SECONDS] [--qemu-args ARGS]
                       [--forward PORT=TARGET ...] <image.elf>

QEMU runs the command line tools/qemu-run prints (--print) for
    --net user,id=net0,mac=52:54:00:51:91:18,restrict=on,
          hostfwd=tcp:127.0.0.1:<H>-:7,guestfwd=tcp:10.0.2.100:7-tcp:127.0.0.1:<E>
(on the board's own NIC: MPS2's LAN9118, virt's virtio-net-device; qemu-run knows which)
plus a QMP monitor socket in a temporary directory, so the driver can pull the cable, and
--qemu-args (split as the shell would) for a variant of the machine, e.g. virtio-mmio's modern
transport.
restrict=on keeps the guest inside slirp's virtual network 10.0.2.0/24: it reaches the host
only through the guestfwd, and the host reaches it only through the hostfwd, both bound to
127.0.0.1 on ports chosen free at start. No traffic leaves the machine. Tests running alongside
pick free ports too: when another program takes the hostfwd's port before QEMU binds it, QEMU
refuses to start and the run is repeated on another port.

Host peers (test_net_board.c names the guest's side):
  E  TCP echo server on 127.0.0.1:<E>, the guest's 10.0.2.100:7 (guestfwd): echoes until EOF.
  H  once the console prints "net: echo server ready", connects to 127.0.0.1:<H> (the
     guest's echo server on port 7), sends PATTERN_BYTES of the test pattern while reading
     the echo, checks it byte for byte, closes, and prints "host: echo ... ok" or what failed.
  on "net: inject bad frames": a runt (10 bytes) and an oversized frame (1600 bytes) to the
     guest's MAC, through a filter-redirector on net0's output (a Unix socket chardev, each
     frame as a 32-bit big-endian length and the bytes): the NIC receives them from "the wire".
  on "net: unplug the cable" / "net: plug the cable": QMP set_link net0 down / up.
With --forward (repeatable), the driver plays none of the peers above and runs the image with
only the forwards asked for, for applications (the protocol libraries' board tests, demos)
whose peers are host services started by an outer driver (mqtt_broker_driver.py, run_nginx.py):
    --forward PORT=TARGET   the guest's 10.0.2.100:PORT reaches 127.0.0.1:TARGET, where TARGET
                            is a port number or the name of an environment variable holding one
Each such forward is `guestfwd=tcp:10.0.2.100:PORT-cmd:socat ... TCP:127.0.0.1:TARGET`: slirp starts
one socat per guest connection, so every connection of the guest is its own connection on the
host, and a close on either side reaches the other (a chardev guestfwd, as peer E uses, joins
all of the guest's connections into one host stream). Connections to any other guest-side port
of 10.0.2.100 are reset by slirp, like a refused connection.

The console is copied to stdout. Exit status: QEMU's (the guest's), 124 if the run did not end
within --timeout seconds (a hang guard, like qemu-run's), or 1 if a host check failed. Nothing
here measures time otherwise; socket timeouts only bound a hung peer.
"""
import argparse
import json
import os
import shlex
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading

PATTERN_BYTES = 1 << 20
GUEST_HOST = "10.0.2.100"  # where the guest reaches the host's services (guestfwd)
READY = "net: echo server ready"
GUEST_MAC = "52:54:00:51:91:18"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SOCKET_TIMEOUT = 120  # seconds without any progress before a peer gives up
# QEMU's words when the hostfwd's port, free when free_port() let it go, was taken before QEMU
# bound it (other tests pick ports too); the run is then repeated on another port.
HOSTFWD_TAKEN = "Could not set up host forwarding rule"
HOSTFWD_ATTEMPTS = 5


def pattern(offset, length):
    """Byte i of the test pattern is (i * 7 + i // 251) mod 256 (test_net_board.c)."""
    return bytes(((i * 7) + (i // 251)) & 0xFF for i in range(offset, offset + length))


def log(msg):
    print(f"host: {msg}", flush=True)


def free_port():
    """A port nothing listens on now; nothing keeps it free until it is used."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def echo_server(listener):
    """Peer E: echo every connection (one at a time) until the guest closes it."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(SOCKET_TIMEOUT)
            total = 0
            try:
                while data := conn.recv(65536):
                    conn.sendall(data)
                    total += len(data)
            except OSError as e:
                log(f"echo server: {e}")
            log(f"echo server: {total} bytes echoed")


def echo_client(port, failures, host="127.0.0.1"):
    """Peer H: 1 MiB to the guest's echo server and back, checked byte for byte (also used by
    demos/net/net_demo_driver.py, with the guest's own address)."""
    where = f"echo to {host}:{port}"
    try:
        with socket.create_connection((host, port), timeout=SOCKET_TIMEOUT) as s:
            data = pattern(0, PATTERN_BYTES)
            sender = threading.Thread(target=s.sendall, args=(data,), daemon=True)
            sender.start()
            got = bytearray()
            while len(got) < PATTERN_BYTES:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got += chunk
            sender.join()
            if bytes(got) != data:
                bad = next((i for i in range(min(len(got), len(data))) if got[i] != data[i]),
                           len(got))
                failures.append(f"{where}: {len(got)} bytes back, first "
                                f"difference at {bad}")
                return
            log(f"{where}: {len(got)} bytes ok")
    except OSError as e:
        failures.append(f"{where}: {e}")


class Qmp:
    """The smallest QMP client: connect, leave negotiation mode, run commands."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(SOCKET_TIMEOUT)
        self.sock.connect(path)
        self.file = self.sock.makefile("rw")
        self.file.readline()  # the greeting
        self.execute("qmp_capabilities")

    def execute(self, command, **arguments):
        self.file.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
        self.file.flush()
        while True:
            reply = json.loads(self.file.readline())
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise RuntimeError(f"QMP {command}: {reply['error']}")
            # anything else is an asynchronous event: skip it


def qemu_command(args, net, extra=()):
    """tools/qemu-run's command line for this run, with `extra` options added."""
    printed = subprocess.run(
        [os.path.join(ROOT, "tools", "qemu-run"), "--board", args.board, "--net", net,
         "--print", args.image], check=True, capture_output=True, text=True).stdout
    return shlex.split(printed) + shlex.split(args.qemu_args) + list(extra)


def peer_options(tmpdir):
    """The board test's QMP socket (to pull the cable) and frame injector (a Unix socket
    chardev feeding a filter-redirector on net0's output)."""
    return ["-qmp", f"unix:{os.path.join(tmpdir, 'qmp.sock')},server=on,wait=off",
            "-chardev", f"socket,id=inject,path={os.path.join(tmpdir, 'inject.sock')},"
            "server=on,wait=off",
            "-object", "filter-redirector,id=inject0,netdev=net0,queue=tx,indev=inject"]


def bad_frames():
    """A runt and an oversized frame, both to the guest's MAC address."""
    mac = bytes.fromhex(GUEST_MAC.replace(":", ""))
    return [mac + b"\x02\x00\x00\x00", mac + bytes.fromhex("020000000001") + b"\x88\xb5" +
            bytes(1600 - 14)]


def inject(path, frames, failures):
    """Hand frames to the filter-redirector as the backend's output: length (32-bit big
    endian), then the bytes."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(SOCKET_TIMEOUT)
            s.connect(path)
            for frame in frames:
                s.sendall(struct.pack("!I", len(frame)) + frame)
        log(f"injected {len(frames)} bad frames")
    except OSError as e:
        failures.append(f"inject: {e}")


def boot(command, timeout, on_line=None):
    """Runs QEMU, copying its console and its own messages to stdout line by line (and to
    on_line); returns its exit status, or 124 when it had to be killed after `timeout`
    seconds."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, text=True, errors="replace") as qemu:
        guard = threading.Timer(float(timeout), qemu.kill)
        guard.start()
        for line in qemu.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if on_line is not None:
                on_line(line)
        status = qemu.wait()
        if not guard.is_alive():
            log(f"the run did not finish within {timeout} s")
            status = 124
        guard.cancel()
    return status


def set_link(qmp_path, up, failures):
    try:
        Qmp(qmp_path).execute("set_link", name="net0", up=up)
        log(f"link {'up' if up else 'down'}")
    except (OSError, RuntimeError, ValueError) as e:
        failures.append(f"set_link: {e}")


def forward_spec(forward):
    """PORT=TARGET (a number or an environment variable's name) as a per-connection guestfwd."""
    port, _, target = forward.partition("=")
    host_port = target if target.isdigit() else os.environ.get(target, "")
    if not port.isdigit() or not host_port.isdigit():
        raise ValueError(f"--forward {forward}: want PORT=TARGET, TARGET a port or a set "
                         "environment variable")
    # socat's stderr is the guest's connection too: its messages go to /dev/null, not into the
    # guest's byte stream.
    return (f"guestfwd=tcp:{GUEST_HOST}:{port}-cmd:socat -lf /dev/null - "
            f"TCP:127.0.0.1:{host_port}")


def run_forward_only(args):
    """Boots the image with only the --forward services reachable; returns its exit status."""
    if shutil.which("socat") is None:
        log("socat is missing (tools/setup installs it)")
        return 2
    try:
        forwards = [forward_spec(f) for f in args.forward]
    except ValueError as e:
        log(str(e))
        return 2
    net = ",".join([f"user,id=net0,mac={GUEST_MAC},restrict=on"] + forwards)
    return boot(qemu_command(args, net), args.timeout)


def run_peers(args, listener, fwd_port):
    """One boot with every host peer; returns (exit status, failures), or None when QEMU could
    not bind fwd_port because another program took it after free_port() let it go."""
    echo_port = listener.getsockname()[1]
    net = (f"user,id=net0,mac={GUEST_MAC},restrict=on,"
           f"hostfwd=tcp:127.0.0.1:{fwd_port}-:7,"
           f"guestfwd=tcp:10.0.2.100:7-tcp:127.0.0.1:{echo_port}")
    tmp = tempfile.TemporaryDirectory(prefix="quartz-net-")
    qmp_path = os.path.join(tmp.name, "qmp.sock")
    failures = []
    peers = {}
    port_taken = []

    def on_line(line):
        if READY in line and "client" not in peers:
            peers["client"] = threading.Thread(target=echo_client, args=(fwd_port, failures))
            peers["client"].start()
        elif "net: inject bad frames" in line:
            inject(os.path.join(tmp.name, "inject.sock"), bad_frames(), failures)
        elif "net: unplug the cable" in line:
            set_link(qmp_path, False, failures)
        elif "net: plug the cable" in line:
            set_link(qmp_path, True, failures)
        elif HOSTFWD_TAKEN in line:
            port_taken.append(line)

    status = boot(qemu_command(args, net, peer_options(tmp.name)), args.timeout, on_line)
    tmp.cleanup()
    if "client" in peers:
        peers["client"].join()
    elif port_taken:
        return None
    else:
        failures.append("the guest never said its echo server was ready")
    return status, failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--board", default="qemu-mps2-an385")
    parser.add_argument("--timeout", default="240")
    parser.add_argument("--qemu-args", default="")
    parser.add_argument("--forward", action="append", default=[])
    parser.add_argument("image")
    args = parser.parse_args()

    if args.forward:
        return run_forward_only(args)
    if not os.path.isfile(args.image):
        log(f"no image {args.image}")
        return 2
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    threading.Thread(target=echo_server, args=(listener,), daemon=True).start()
    for _ in range(HOSTFWD_ATTEMPTS):
        result = run_peers(args, listener, free_port())
        if result is not None:
            break
        log("another program took the forwarded port before QEMU bound it: again, on another")
    else:
        result = (1, [f"no free port for the hostfwd in {HOSTFWD_ATTEMPTS} attempts"])
    listener.close()
    status, failures = result
    for f in failures:
        log(f"FAIL {f}")
    return status if status != 0 else (1 if failures else 0)


if __name__ == "__main__":
    sys.exit(main())
