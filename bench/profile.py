#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/profile.py: where the instructions of one benchmark go, function by function.

    bench/profile.py TRACE START END OPS [--top N]

TRACE is QEMU's execution log of a benchmark image run one instruction per block, e.g.
    eval "$(tools/qemu-run --print --icount 0 --append 'period_ms=1 iters=40' bench.elf)" \\
        -singlestep -d exec,nochain -D trace.log
The window opens at the first instruction executed in function START and closes at the next
instruction executed in function END; the instructions in between are counted by function and
divided by OPS (the operations the window holds, e.g. 2 * iters for the yield test, or
"calls:FN", the number of times the window enters function FN). This is how
bench/README.md names the hot paths; the figures match the micro-benchmarks' own to within
their loop overhead.
"""
import argparse
import collections
import re

LINE = re.compile(r"^Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/[0-9a-f]+/[0-9a-f]+\] (\S+)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trace")
    ap.add_argument("start")
    ap.add_argument("end")
    ap.add_argument("ops", help="a number, or calls:FN")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    counts = collections.Counter()
    marker = args.ops[6:] if args.ops.startswith("calls:") else None
    marker_pcs = collections.Counter()  # the marker's entries: how often its first PC runs
    inside = False
    with open(args.trace, errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            fn = m.group(2)
            if not inside:
                inside = fn == args.start
            elif fn == args.end:
                break
            if inside:
                counts[fn] += 1
                if fn == marker:
                    marker_pcs[int(m.group(1), 16)] += 1
    total = sum(counts.values())
    if total == 0:
        raise SystemExit(f"profile: no instruction of {args.start} in {args.trace}")
    if marker is None:
        ops = int(args.ops)
    elif marker_pcs:
        ops = marker_pcs[min(marker_pcs)]  # a function's entry is its lowest address
    else:
        raise SystemExit(f"profile: the window never enters {marker}")
    print(f"{total / ops:8.1f}  instructions per operation ({ops}), {args.start} .. {args.end}")
    for fn, n in counts.most_common(args.top):
        print(f"{n / ops:8.1f}  {fn}")


if __name__ == "__main__":
    main()
