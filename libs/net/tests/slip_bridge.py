#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs a board network test on a board whose network is IP over its UART with SLIP (RFC 1055;
board.cmake: QUARTZ_BOARD_NET_LINK serial), playing the other end of the serial line.

    slip_bridge.py <tools/qemu-run> [qemu-run options...] IMAGE.elf

Like netns_driver.py (whose namespace and peers it reuses) it re-runs itself under
`unshare --net`, so nothing it makes outlives it and no packet leaves the namespace. Inside:
  - TUN device qsl0 (/dev/net/tun, IFF_TUN | IFF_NO_PI: bare IP packets, no link header), the
    host's end of the point-to-point link: 192.0.2.1 peer 192.0.2.2, MTU 296 (the board's
    lwipopts.h: SLIP_MAX_SIZE);
  - netns_driver.py's peers on 192.0.2.1 (echo, sink, source, reset, silent, DNS, SNTP, the
    control port 5000), without DHCP: a SLIP link has none, the board uses its static address;
  - a Unix socket that QEMU's UART connects to (qemu-run --serial), and two threads that move
    packets between it and the TUN device, SLIP-decoding one way and encoding the other.
Bytes on the line that do not decode to an IPv4 packet (say, a console line printed before
the board opened its line) are dropped and counted.

Link down and up, for the test: UDP port 5001 on 192.0.2.1 takes "down <ms>": the bridge
answers "ok" and, as soon as that answer is on the line, drops every packet both ways for
<ms> milliseconds of wall-clock time (the board's idle virtual time follows the host's under
qemu-run --serial), as a cut cable would. It keeps reading the line meanwhile, so the board's
UART never stalls.

With SLIP_BRIDGE_TRACE=1 in the environment every packet is logged (direction, protocol,
length, TCP ports and flags).

Exit status: the test's; 77 (skip) without root, as netns_driver.py.
"""
import fcntl
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netns_driver  # noqa: E402  (the namespace and the peers)

TUN = "qsl0"
HOST4, BOARD4 = netns_driver.HOST4, netns_driver.QUARTZ4
MTU = 296
LINK_CONTROL_PORT = 5001
TUNSETIFF = 0x400454CA
IFF_TUN, IFF_NO_PI = 0x0001, 0x1000
END, ESC, ESC_END, ESC_ESC = 0xC0, 0xDB, 0xDC, 0xDD


def slip_encode(packet):
    """RFC 1055 framing: END, the packet with END and ESC escaped, END."""
    body = packet.replace(bytes([ESC]), bytes([ESC, ESC_ESC]))
    body = body.replace(bytes([END]), bytes([ESC, ESC_END]))
    return bytes([END]) + body + bytes([END])


class SlipDecoder:
    """Bytes from the line in, whole packets out; empty frames (back-to-back ENDs) vanish."""

    def __init__(self):
        self.frame, self.escaped = bytearray(), False

    def feed(self, data):
        packets = []
        for b in data:
            if self.escaped:
                self.frame.append({ESC_END: END, ESC_ESC: ESC}.get(b, b))
                self.escaped = False
            elif b == ESC:
                self.escaped = True
            elif b == END:
                if self.frame:
                    packets.append(bytes(self.frame))
                self.frame = bytearray()
            else:
                self.frame.append(b)
        return packets


TRACE = os.environ.get("SLIP_BRIDGE_TRACE") == "1"


def trace(direction, packet):
    if not TRACE:
        return
    ihl, proto = (packet[0] & 0xF) * 4, packet[9]
    what = f"proto {proto}"
    if proto == 6 and len(packet) >= ihl + 14:
        sport, dport, seq, ack, flags = struct.unpack("!HHIIxB", packet[ihl:ihl + 14])
        what = f"tcp {sport}->{dport} flags {flags:#04x} seq {seq} ack {ack}"
    netns_driver.log(f"{direction} len {len(packet)} {what}")


class Bridge:
    def __init__(self, line, tun_fd):
        self.line, self.tun_fd = line, tun_fd
        self.down_until = 0.0
        self.cut_after_answer = None  # seconds, once the answer to "down" is on the line
        self.counts = {"to_tun": 0, "to_line": 0, "garbage": 0, "dropped_down": 0}

    def link_down(self):
        return time.monotonic() < self.down_until

    def line_to_tun(self):
        decoder = SlipDecoder()
        while True:
            try:
                data = self.line.recv(4096)
            except OSError:
                data = b""
            if not data:
                return  # QEMU has exited
            for packet in decoder.feed(data):
                if len(packet) < 20 or packet[0] >> 4 != 4:
                    self.counts["garbage"] += 1
                elif self.link_down():
                    self.counts["dropped_down"] += 1
                else:
                    trace("board->host", packet)
                    os.write(self.tun_fd, packet)
                    self.counts["to_tun"] += 1

    def tun_to_line(self):
        while True:
            packet = os.read(self.tun_fd, 65536)
            if self.link_down():
                self.counts["dropped_down"] += 1
                continue
            trace("host->board", packet)
            try:
                self.line.sendall(slip_encode(packet))
            except OSError:
                return
            self.counts["to_line"] += 1
            if self.cut_after_answer is not None and is_link_control_answer(packet):
                self.down_until = time.monotonic() + self.cut_after_answer
                self.cut_after_answer = None

    def control(self, request):
        words = request.decode(errors="replace").split()
        if len(words) == 2 and words[0] == "down":
            # The cut starts once this answer has gone onto the line (tun_to_line).
            self.cut_after_answer = int(words[1]) / 1000.0
            return b"ok"
        return b"fail unknown command"


def is_link_control_answer(packet):
    """A UDP datagram from the link control port."""
    ihl = (packet[0] & 0xF) * 4
    return (packet[9] == 17 and len(packet) >= ihl + 8
            and struct.unpack("!H", packet[ihl:ihl + 2])[0] == LINK_CONTROL_PORT)


def open_tun():
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", TUN.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def setup_link():
    netns_driver.run("ip", "link", "set", "lo", "up")
    fd = open_tun()
    netns_driver.run("ip", "addr", "add", HOST4, "peer", BOARD4, "dev", TUN)
    netns_driver.run("ip", "link", "set", TUN, "mtu", str(MTU), "up")
    return fd


def start_thread(fn):
    threading.Thread(target=fn, daemon=True).start()


def prepare():
    """Inside the namespace: the TUN device and the peers (no DHCP). The TUN device's file
    descriptor, or the exit status to end with when it cannot be made (77 without root)."""
    try:
        tun_fd = setup_link()
    except (OSError, subprocess.CalledProcessError) as e:
        return None, netns_driver.cannot(f"cannot create TUN device {TUN} in the namespace ({e})")
    netns_driver.start_peers(dhcp=False)
    return tun_fd, None


class SerialLine:
    """The Unix socket QEMU's UART connects to (qemu-run --serial PATH), and, once it has,
    the bridge between it and the TUN device. Also used by demos/net/net_demo_driver.py."""

    def __init__(self, tun_fd):
        self.tun_fd = tun_fd
        self.tmp = tempfile.mkdtemp(prefix="slip_bridge.")
        self.path = os.path.join(self.tmp, "uart.sock")
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.path)
        self.listener.listen(1)
        self.bridge = None

    def connect(self, timeout=30):
        """Waits for QEMU to connect, then bridges; False if it never did."""
        self.listener.settimeout(timeout)
        try:
            line, _ = self.listener.accept()
        except socket.timeout:
            return False
        self.bridge = Bridge(line, self.tun_fd)
        netns_driver.serve_udp(LINK_CONTROL_PORT, self.bridge.control)
        start_thread(self.bridge.line_to_tun)
        start_thread(self.bridge.tun_to_line)
        return True

    def close(self):
        self.listener.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def inside(argv):
    tun_fd, failed = prepare()
    if failed is not None:
        return failed
    line = SerialLine(tun_fd)
    try:
        start = time.monotonic()
        qemu = subprocess.Popen([argv[0], "--serial", line.path] + argv[1:])
        if not line.connect():
            qemu.kill()
            print("slip_bridge: QEMU never connected to the serial socket", flush=True)
            return 1
        rc = qemu.wait()
        netns_driver.log(f"test exited with {rc} after {time.monotonic() - start:.1f} s "
                         f"(wall clock, for info); bridge counts {line.bridge.counts}")
        return rc
    finally:
        line.close()


def main():
    argv = sys.argv[1:]
    if not argv:
        print(__doc__)
        return 2
    if netns_driver.in_namespace():
        return inside(argv)
    return netns_driver.enter_namespace(__file__, argv)


if __name__ == "__main__":
    sys.exit(main())
