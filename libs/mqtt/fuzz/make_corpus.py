#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write the MQTT packet corpus: corpus/<expected status>-<what>.bin, one packet per file.

The files seed the libFuzzer targets, and the fuzz_corpus test decodes each one and checks
that the status matches its name (success, badresponse, needmorebytes, serverrefused, nodata).
Run it again after editing the table below; the .bin files are kept in the repository.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def s(text):  # an MQTT UTF-8 string field
    b = text.encode()
    return bytes([len(b) >> 8, len(b) & 0xFF]) + b


PACKETS = {
    # Valid packets a client receives (MQTT 3.1.1 section 3).
    "success-connack-accepted": b"\x20\x02\x00\x00",
    "success-connack-session-present": b"\x20\x02\x01\x00",
    "success-publish-qos0": b"\x30\x07" + s("a/b") + b"hi",
    "success-publish-qos0-retain-empty": b"\x31\x05" + s("a/b"),
    "success-publish-qos1": b"\x32\x09" + s("a/b") + b"\x00\x0Ahi",
    "success-publish-qos2-dup": b"\x3C\x07" + s("a/b") + b"\x00\x0A",
    "success-publish-long-length": b"\x30\x80\x01" + s("t") + b"x" * 125,
    "success-puback": b"\x40\x02\x00\x01",
    "success-pubrec": b"\x50\x02\x12\x34",
    "success-pubrel": b"\x62\x02\x12\x34",
    "success-pubcomp": b"\x70\x02\xFF\xFF",
    "success-suback": b"\x90\x04\x00\x0B\x01\x02",
    "success-unsuback": b"\xB0\x02\x00\x0A",
    "success-pingresp": b"\xD0\x00",
    "serverrefused-connack-not-authorized": b"\x20\x02\x00\x05",
    "serverrefused-suback-failure": b"\x90\x05\x00\x0A\x00\x02\x80",
    "nodata-empty": b"",
    # Incomplete: the header or body stops early.
    "needmorebytes-length-continues": b"\x30\x80",
    "needmorebytes-body-short": b"\x32\x09" + s("a/b"),
    "needmorebytes-type-only": b"\x90",
    # Malformed (MQTTBadResponse).
    "badresponse-client-only-connect": b"\x10\x00",
    "badresponse-client-only-subscribe": b"\x82\x00",
    "badresponse-reserved-type-0": b"\x00\x00",
    "badresponse-reserved-type-15": b"\xF0\x00",
    "badresponse-puback-flags": b"\x41\x02\x00\x01",
    "badresponse-pubrel-flags": b"\x60\x02\x00\x01",
    "badresponse-publish-qos3": b"\x36\x03" + s("t")[0:2] + b"t",
    "badresponse-length-five-digits": b"\x30\xFF\xFF\xFF\xFF\x01",
    "badresponse-length-padded": b"\x30\x80\x00",
    "badresponse-connack-long": b"\x20\x03\x00\x00\x00",
    "badresponse-connack-flags": b"\x20\x02\x02\x00",
    "badresponse-connack-refused-with-session": b"\x20\x02\x01\x03",
    "badresponse-connack-unknown-code": b"\x20\x02\x00\x06",
    "badresponse-puback-id-zero": b"\x40\x02\x00\x00",
    "badresponse-puback-long": b"\x40\x03\x00\x01\x00",
    "badresponse-pubcomp-short": b"\x70\x01\x00",
    "badresponse-suback-no-codes": b"\x90\x02\x00\x01",
    "badresponse-suback-bad-code": b"\x90\x03\x00\x01\x03",
    "badresponse-suback-id-zero": b"\x90\x03\x00\x00\x01",
    "badresponse-pingresp-body": b"\xD0\x01\x00",
    "badresponse-publish-topic-overrun": b"\x30\x04\x00\x03a/",
    "badresponse-publish-id-short": b"\x32\x04\x00\x01t\x00",
    "badresponse-publish-id-zero": b"\x32\x05\x00\x01t\x00\x00",
    "badresponse-publish-empty-topic": b"\x30\x02\x00\x00",
    "badresponse-publish-dup-qos0": b"\x38\x03\x00\x01t",
    "badresponse-publish-too-short": b"\x30\x01\x00",
}


def main():
    out = os.path.join(HERE, "corpus")
    os.makedirs(out, exist_ok=True)
    for name, data in PACKETS.items():
        with open(os.path.join(out, name + ".bin"), "wb") as f:
            f.write(data)
    print("wrote %d files to %s" % (len(PACKETS), out))


if __name__ == "__main__":
    main()
