#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the seed corpus of fuzz_eth_rx (corpus/): well-formed frames for each protocol the
target reaches, addressed to it (02:00:00:00:00:02, 192.0.2.2, fd00:51::2), in the target's
input format (a 16-bit header: the path bits, 3 bits of 250 ms clock steps, 11 bits of length;
then the frame; fuzz_eth_rx.c). Some go through virtio-net's receive path, behind its legacy
or modern header. Run it again after changing it: python3 make_corpus.py corpus"""
import os
import struct
import sys

US = bytes.fromhex("020000000002")
PEER = bytes.fromhex("020000000001")
IP_US, IP_PEER = bytes([192, 0, 2, 2]), bytes([192, 0, 2, 1])
IP6_US = bytes.fromhex("fd000051000000000000000000000002")
IP6_PEER = bytes.fromhex("fd000051000000000000000000000001")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total >> 16) + (total & 0xFFFF)
    return ~total & 0xFFFF


def eth(ethertype, payload, dst=US):
    return dst + PEER + struct.pack("!H", ethertype) + payload


def ipv4(proto, payload, frag=0x4000, ident=1):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, frag, 64, proto, 0,
                      IP_PEER, IP_US)
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def l4_v4(proto, seg):
    pseudo = IP_PEER + IP_US + struct.pack("!BBH", 0, proto, len(seg))
    return seg, csum(pseudo + seg)


def udp4(dport, data):
    seg = struct.pack("!HHHH", 40000, dport, 8 + len(data), 0) + data
    seg, c = l4_v4(17, seg)
    return seg[:6] + struct.pack("!H", c) + seg[8:]


def tcp4(dport, flags, seq=1000, ack=0, data=b""):
    seg = struct.pack("!HHIIBBHHH", 40001, dport, seq, ack, 5 << 4, flags, 8192, 0, 0) + data
    seg, c = l4_v4(6, seg)
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def ipv6(nh, payload, dst=IP6_US):
    return struct.pack("!IHBB", 6 << 28, len(payload), nh, 255) + IP6_PEER + dst + payload


def icmp6(typ, code, body, dst=IP6_US):
    msg = struct.pack("!BBH", typ, code, 0) + body
    pseudo = IP6_PEER + dst + struct.pack("!I3xB", len(msg), 58)
    return msg[:2] + struct.pack("!H", csum(pseudo + msg)) + msg[4:]


VIRTIO_LEGACY, VIRTIO_MODERN = 0x4000, 0xC000  # path bits; headers of 10 and 12 bytes


def record(frame, steps=0, path=0):
    return struct.pack("!H", path | (steps << 11) | len(frame)) + frame


def virtio(frame, path=VIRTIO_LEGACY, flags=0, gso=0):
    hdr = struct.pack("<BBHHHH", flags, gso, 0, 0, 0, 0)
    if path == VIRTIO_MODERN:
        hdr += struct.pack("<H", 1)  # num_buffers
    return record(hdr + frame, path=path)


def seeds():
    arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + PEER + IP_PEER + bytes(6) + IP_US
    echo = struct.pack("!BBHHH", 8, 0, 0, 1, 1) + b"quartz-ping"
    echo = echo[:2] + struct.pack("!H", csum(echo)) + echo[4:]
    payload = udp4(7, bytes(range(64)))
    ns_body = bytes(4) + IP6_US + bytes([1, 1]) + PEER
    sol = bytes.fromhex("ff0200000000000000000001ff000002")
    yield "arp-request", record(eth(0x0806, arp, b"\xff" * 6))
    yield "icmp-echo", record(eth(0x0800, ipv4(1, echo)))
    yield "udp-echo", record(eth(0x0800, ipv4(17, udp4(7, b"hello"))))
    yield "tcp-syn", record(eth(0x0800, ipv4(6, tcp4(7, 0x02))))
    yield "tcp-syn-then-rst", record(eth(0x0800, ipv4(6, tcp4(7, 0x02)))) + record(
        eth(0x0800, ipv4(6, tcp4(7, 0x04, seq=1001))), steps=2)
    yield "ipv4-fragments", record(eth(0x0800, ipv4(17, payload[:32], frag=0x2000, ident=7))) + \
        record(eth(0x0800, ipv4(17, payload[32:], frag=4, ident=7)))
    yield "ipv6-neighbor-solicit", record(eth(0x86DD, ipv6(58, icmp6(135, 0, ns_body, sol),
                                                           sol), bytes.fromhex("3333ff000002")))
    yield "ipv6-echo", record(eth(0x86DD, ipv6(58, icmp6(128, 0, struct.pack("!HH", 1, 1)))))
    yield "runt", record(US + PEER[:2])
    yield "oversized", record(eth(0x0800, bytes(1600)))
    yield "virtio-legacy-echo", virtio(eth(0x0800, ipv4(1, echo)))
    yield "virtio-modern-udp", virtio(eth(0x0800, ipv4(17, udp4(7, b"hello"))), VIRTIO_MODERN)
    yield "virtio-gso", virtio(eth(0x0800, ipv4(6, tcp4(7, 0x02))), gso=1)
    yield "virtio-short", record(bytes(4), path=VIRTIO_LEGACY)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus")
    os.makedirs(out, exist_ok=True)
    for name, data in seeds():
        with open(os.path.join(out, name + ".bin"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
