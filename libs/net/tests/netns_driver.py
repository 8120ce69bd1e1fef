#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs a Quartz network test inside a network namespace of its own, with the host peers it
talks to.

    netns_driver.py <test executable> [args...]

The driver re-runs itself under `unshare --net`, so the namespace, its TAP device and every
socket vanish with the process: nothing is left behind and no traffic leaves the namespace.
Inside, it creates TAP device qtap0 (host side 192.0.2.1/24 and fd00:51::1/64, MTU 2000 so
oversized test frames can be sent), starts the peers below on threads, and runs the test,
which attaches to qtap0 as 192.0.2.2 / fd00:51::2 (tests/net_test.h). Exit status: the
test's, or 77 (ctest SKIP_RETURN_CODE) when, not being root, it cannot create a namespace or a
TAP device; as root that is a failure.

A second TAP device, qtap1 (host side 198.51.100.1/24), has no DHCP server, for the DHCP
fallback test.

Peers (IPv4 and IPv6, on 192.0.2.1 / fd00:51::1; the echo services on every address):
  UDP 7   echo                         TCP 7   echo
  TCP 9   sink: reads to EOF, checks the test pattern, answers "OK <n>" or "BAD <offset>"
  TCP 19  source: reads a byte count (a decimal line, "1048576\n"), sends that many bytes of
          the test pattern (at most PATTERN_BYTES), then closes
  TCP 20  accepts, then resets the connection (SO_LINGER 0)
  TCP 21  accepts and stays silent until the client closes
  UDP 53  DNS: echo.quartz.test -> 192.0.2.1 / fd00:51::1, every other name NXDOMAIN
  UDP 123 SNTP: always 2026-01-01T00:00:00.5Z
  UDP 67  DHCP on qtap0 only: leases 192.0.2.50/24, router and DNS server 192.0.2.1
  UDP 5000 control, one command per datagram, answered with one datagram:
     "ping <addr>"          host pings <addr> (IPv4 or IPv6) 3 times: "ok" or "fail ..."
     "tcpecho <addr> <port> <bytes>"  host connects, sends the pattern, checks the echo
     "carrier"              "1" when qtap0 has carrier, else "0"
     "bigframe"             sends a 1700-byte frame to the test: "ok"
     "flood <n>"            sends n small UDP datagrams to the test's port 9: "ok"
"""
import os
import socket
import struct
import subprocess
import sys
import threading
import time

TAP, TAP1 = "qtap0", "qtap1"
HOST4, QUARTZ4, LEASE4 = "192.0.2.1", "192.0.2.2", "192.0.2.50"
HOST1 = "198.51.100.1"
HOST6 = "fd00:51::1"
QUARTZ_MAC = bytes([0x02, 0, 0, 0, 0, 0x02])
PATTERN_BYTES = 1 << 20
SNTP_UNIX_TIME = 1767225600  # 2026-01-01T00:00:00Z (net_test.h: NET_SNTP_TIME)
NTP_UNIX_OFFSET = 2208988800  # seconds from 1900 to 1970
SKIP = 77
STALL_SECONDS = 20  # the longest a host exchange may make no progress (net_util.c waits 60 s)
PING_TRIES = 5  # requests sent for each echo the host's ping wants answered, 2 s apart


def pattern(offset, length):
    """Byte i of the test pattern is (i * 7 + i // 251) mod 256 (net_test.c: net_pattern)."""
    return bytes(((i * 7) + (i // 251)) & 0xFF for i in range(offset, offset + length))


def log(msg):
    print(f"netns_driver: {msg}", flush=True)


def run(*cmd):
    subprocess.run(cmd, check=True)


def setup_namespace():
    run("ip", "link", "set", "lo", "up")
    run("ip", "tuntap", "add", "dev", TAP, "mode", "tap")
    run("ip", "link", "set", TAP, "mtu", "2000")
    run("ip", "addr", "add", f"{HOST4}/24", "dev", TAP)
    run("ip", "-6", "addr", "add", f"{HOST6}/64", "dev", TAP, "nodad")
    run("ip", "link", "set", TAP, "up")
    run("ip", "tuntap", "add", "dev", TAP1, "mode", "tap")
    run("ip", "addr", "add", f"{HOST1}/24", "dev", TAP1)
    run("ip", "link", "set", TAP1, "up")


def dhcp_reply(request):
    """BOOTP/DHCP (RFC 2131) server for qtap0: DISCOVER -> OFFER, REQUEST -> ACK of LEASE4."""
    if len(request) < 240 or request[0] != 1 or request[236:240] != b"\x63\x82\x53\x63":
        return None
    options, pos = {}, 240
    while pos < len(request) and request[pos] != 255:
        if request[pos] == 0:
            pos += 1
            continue
        options[request[pos]] = request[pos + 2:pos + 2 + request[pos + 1]]
        pos += 2 + request[pos + 1]
    kind = {1: 2, 3: 5}.get(options.get(53, b"\0")[0])  # DISCOVER -> OFFER, REQUEST -> ACK
    if kind is None:
        return None
    server, mask = socket.inet_aton(HOST4), socket.inet_aton("255.255.255.0")
    reply = bytearray(request[:240])
    reply[0] = 2
    reply[12:16] = bytes(4)
    reply[16:20] = socket.inet_aton(LEASE4)
    reply[20:24] = server
    opts = [(53, bytes([kind])), (54, server), (51, struct.pack("!I", 3600)), (1, mask),
            (3, server), (6, server)]
    reply += b"".join(bytes([code, len(val)]) + val for code, val in opts) + b"\xff"
    return bytes(reply)


def serve_dhcp():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, TAP.encode())
    sock.bind(("0.0.0.0", 67))

    def loop():
        while True:
            reply = dhcp_reply(sock.recvfrom(2048)[0])
            if reply is not None:
                sock.sendto(reply, ("255.255.255.255", 68))

    threading.Thread(target=loop, daemon=True).start()


def serve_tcp(port, handler):
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    srv.bind(("::", port))
    srv.listen(64)

    def loop():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=guard, args=(handler, conn), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()


def guard(handler, conn):
    try:
        handler(conn)
    except OSError as e:
        log(f"{handler.__name__}: {e}")
    finally:
        conn.close()


def tcp_echo(conn):
    while True:
        data = conn.recv(65536)
        if not data:
            return
        conn.sendall(data)


def tcp_sink(conn):
    offset, bad = 0, None
    while True:
        data = conn.recv(65536)
        if not data:
            break
        if bad is None and data != pattern(offset, len(data)):
            expect = pattern(offset, len(data))
            bad = offset + next(i for i in range(len(data)) if data[i] != expect[i])
        offset += len(data)
    conn.sendall(f"OK {offset}\n".encode() if bad is None else f"BAD {bad}\n".encode())


def tcp_source(conn):
    request = b""
    while not request.endswith(b"\n"):
        data = conn.recv(32)
        if not data or len(request) > 16:
            return
        request += data
    total = min(int(request), PATTERN_BYTES)
    for off in range(0, total, 16384):
        conn.sendall(pattern(off, min(16384, total - off)))


def tcp_reset(conn):
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def tcp_silent(conn):
    while conn.recv(4096):
        pass


def serve_udp(port, handler):
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind(("::", port))

    def loop():
        while True:
            data, peer = sock.recvfrom(65536)
            try:
                reply = handler(data)
            except Exception as e:  # a bad request must not kill the peer
                reply = f"fail {e}".encode()
            if reply is not None:
                sock.sendto(reply, peer)

    threading.Thread(target=loop, daemon=True).start()


def sntp_answer(request):
    """SNTP server (RFC 4330): always the time SNTP_UNIX_TIME + 0.5 s, stratum 1."""
    if len(request) < 48 or request[0] & 0x7 != 3:
        return None
    ntp = struct.pack("!II", SNTP_UNIX_TIME + NTP_UNIX_OFFSET, 1 << 31)
    return (struct.pack("!BBbbII4s", 0x24, 1, 4, -20, 0, 0, b"GPS\0") + ntp + request[40:48]
            + ntp + ntp)


def dns_answer(query):
    """A minimal DNS responder: one question, A/AAAA for echo.quartz.test, else NXDOMAIN."""
    qid, _flags, qdcount = struct.unpack("!HHH", query[:6])
    pos, labels = 12, []
    while query[pos]:
        labels.append(query[pos + 1:pos + 1 + query[pos]].decode().lower())
        pos += 1 + query[pos]
    qtype = struct.unpack("!H", query[pos + 1:pos + 3])[0]
    question = query[12:pos + 5]
    name = ".".join(labels)
    answers = []
    if name == "echo.quartz.test":
        if qtype == 1:
            answers.append((1, socket.inet_pton(socket.AF_INET, HOST4)))
        elif qtype == 28:
            answers.append((28, socket.inet_pton(socket.AF_INET6, HOST6)))
        rcode = 0
    else:
        rcode = 3
    header = struct.pack("!HHHHHH", qid, 0x8180 | rcode, qdcount, len(answers), 0, 0)
    body = b"".join(struct.pack("!HHHIH", 0xC00C, t, 1, 60, len(r)) + r for t, r in answers)
    return header + question + body


def icmp_checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF


def echo_reply(sock, want, answer, ident, seq, v6):
    """The payload of the echo reply from `want` to request seq, or None if none came within
    the socket's timeout."""
    while True:
        try:
            data, peer = sock.recvfrom(2048)
        except socket.timeout:
            return None
        ip = 0 if v6 else (data[0] & 0xF) * 4
        if len(data) < ip + 8:
            continue
        typ, _, _, rid, rseq = struct.unpack("!BBHHH", data[ip:ip + 8])
        if (socket.inet_pton(sock.family, peer[0]) == want and typ == answer and rid == ident
                and rseq == seq):
            return data[ip + 8:]


def host_ping(addr):
    """ICMP echo (type 8, reply 0) or, to an IPv6 address, ICMPv6 echo (128, reply 129). An
    ICMPv6 raw socket gets no IP header, and Linux computes its checksum. The neighbour cache
    is flushed first (every device's: slip_bridge.py's namespace has no qtap0), so the host
    resolves addr afresh on an Ethernet link: by an ARP broadcast, or by a neighbour
    solicitation to addr's solicited-node multicast group, which reaches the guest only through
    its NIC's multicast filter. Three requests must be answered; like ping, an unanswered one
    is sent again (a SLIP line may lose a packet), up to PING_TRIES times."""
    run("ip", "neigh", "flush", "all")
    v6 = ":" in addr
    family = socket.AF_INET6 if v6 else socket.AF_INET
    request, answer = (128, 129) if v6 else (8, 0)
    sock = socket.socket(family, socket.SOCK_RAW,
                         socket.IPPROTO_ICMPV6 if v6 else socket.IPPROTO_ICMP)
    sock.settimeout(2.0)
    ident = os.getpid() & 0xFFFF
    want = socket.inet_pton(family, addr)
    for seq in range(3):
        payload = pattern(seq, 56)
        hdr = struct.pack("!BBHHH", request, 0, 0, ident, seq)
        chksum = 0 if v6 else icmp_checksum(hdr + payload)
        for _ in range(PING_TRIES):
            sock.sendto(struct.pack("!BBHHH", request, 0, chksum, ident, seq) + payload,
                        (addr, 0))
            reply = echo_reply(sock, want, answer, ident, seq, v6)
            if reply is not None:
                break
        else:
            return f"fail echo {seq}: no reply in {PING_TRIES} tries".encode()
        if reply != payload:
            return b"fail payload"
    return b"ok"


def host_tcpecho(addr, port, nbytes):
    """Sends the pattern to addr:port and checks what comes back. A thread sends while this one
    reads, so neither direction waits for the other, and STALL_SECONDS bounds each step, not
    the exchange: over a lossy line (a SLIP UART) retransmissions back off to several seconds
    and a busy machine stretches the whole. The reply says what failed, in few words (the
    test's buffer is 64 bytes)."""
    data = pattern(0, nbytes)
    errors = []
    got = bytearray()
    with socket.create_connection((addr, port), timeout=STALL_SECONDS) as conn:
        def send():
            try:
                view = memoryview(data)
                while view:
                    view = view[conn.send(view[:65536]):]
                conn.shutdown(socket.SHUT_WR)
            except OSError as e:
                errors.append(f"send {nbytes - len(view)}: {e}")

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        try:
            while len(got) < nbytes and (chunk := conn.recv(65536)):
                got += chunk
        except OSError as e:
            errors.append(f"recv {len(got)}: {e}")
        sender.join()
    if errors:
        return f"fail {'; '.join(errors)}".encode()
    return b"ok" if got == data else f"fail got {len(got)} bytes".encode()


def carrier():
    out = subprocess.run(["ip", "-o", "link", "show", TAP], capture_output=True, text=True)
    return b"0" if "NO-CARRIER" in out.stdout else b"1"


def big_frame():
    """A 1700-byte frame, over Ethernet's maximum (qtap0's MTU is 2000 so Linux sends it).
    Runts cannot be sent this way: Linux refuses frames shorter than an Ethernet header."""
    with socket.socket(socket.AF_PACKET, socket.SOCK_RAW) as sock:
        sock.bind((TAP, 0))
        sock.send(QUARTZ_MAC + bytes.fromhex("020000000001") + b"\x08\x00" + bytes(1686))
    return b"ok"


def flood(count):
    """count small UDP datagrams to the test's port 9 (discard) as fast as Python can."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for i in range(count):
            sock.sendto(struct.pack("!I", i), (QUARTZ4, 9))
    return b"ok"


def control(request):
    words = request.decode().split()
    if words[0] == "flood":
        return flood(int(words[1]))
    if words[0] == "ping":
        return host_ping(words[1])
    if words[0] == "tcpecho":
        return host_tcpecho(words[1], int(words[2]), int(words[3]))
    if words[0] == "carrier":
        return carrier()
    if words[0] == "bigframe":
        return big_frame()
    return b"fail unknown command"


def start_peers(dhcp=True):
    """The peers above; dhcp=False leaves out the DHCP server, which needs qtap0 (a SLIP link,
    slip_bridge.py, has no DHCP)."""
    serve_udp(7, lambda data: data)
    serve_udp(53, dns_answer)
    serve_udp(123, sntp_answer)
    serve_udp(5000, control)
    serve_tcp(7, tcp_echo)
    serve_tcp(9, tcp_sink)
    serve_tcp(19, tcp_source)
    serve_tcp(20, tcp_reset)
    serve_tcp(21, tcp_silent)
    if dhcp:
        serve_dhcp()


def cannot(reason):
    """Without root the machine may simply not allow namespaces: skip. As root it must."""
    if os.geteuid() == 0:
        print(f"FAIL: running as root, but {reason}", flush=True)
        return 1
    print(f"SKIP: {reason}", flush=True)
    return SKIP


def in_namespace():
    """True in the copy of a driver that enter_namespace() started."""
    return os.environ.get("QNET_IN_NETNS") == "1"


def enter_namespace(script, argv):
    """Runs the Python script with argv again in a new network namespace (in_namespace() is
    true there); its exit status, or cannot()'s when no namespace can be made. Other drivers
    (demos/net/net_demo_driver.py) start their namespace with it too."""
    env = dict(os.environ, QNET_IN_NETNS="1")
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return cannot("cannot create a network namespace (needs root or unprivileged user "
                      f"namespaces): {probe.stderr.strip()}")
    return subprocess.run(["unshare", "--net", sys.executable, os.path.abspath(script)]
                          + argv, env=env).returncode


def prepare_namespace():
    """Inside the namespace: the TAP devices and the peers. None, or the exit status to end
    with when the devices cannot be made."""
    try:
        setup_namespace()
    except (OSError, subprocess.CalledProcessError) as e:
        return cannot(f"cannot create TAP device {TAP} in the namespace ({e})")
    start_peers()
    return None


def inside(argv):
    failed = prepare_namespace()
    if failed is not None:
        return failed
    start = time.monotonic()
    rc = subprocess.run(argv).returncode
    log(f"test exited with {rc} after {time.monotonic() - start:.1f} s (wall clock, for info)")
    return rc


def main():
    argv = sys.argv[1:]
    if not argv:
        print(__doc__)
        return 2
    if in_namespace():
        return inside(argv)
    return enter_namespace(__file__, argv)


if __name__ == "__main__":
    sys.exit(main())
