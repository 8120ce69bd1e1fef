#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/report.py: the readable table (Markdown) and the SVG chart of one board's results.

bench/run.py calls board_table() and board_svg() for each board of results.json; run on its own
(`bench/report.py results.json [outdir]`) it redraws them from an existing results file. The
reference figures and targets are those of the benchmark issue, measured on qemu-mps2-an385
(Cortex-M3) under -icount shift=0 with the "full" configuration: on other boards they are shown
for orientation only. The SVG is written by hand (no plotting package).
"""
import json
import os
import sys
from xml.sax.saxutils import escape

# name: (description, FreeRTOS V11, ThreadX 6.4.2, Quartz target); None where there is none.
TM_REF = {
    "basic": ("basic processing (calibration loop)", None, None, None),
    "cooperative": ("cooperative scheduling", 12.05e6, 15.15e6, 15.2e6),
    "preemptive": ("preemptive scheduling", 2.87e6, 4.66e6, 4.7e6),
    "interrupt": ("interrupt processing", 5.68e6, 14.08e6, 14.1e6),
    "irq_preempt": ("interrupt preemption processing", 2.10e6, 3.42e6, 3.5e6),
    "message": ("message processing (16-byte send + receive)", 4.06e6, 8.00e6, 8.0e6),
    "sync": ("synchronization processing (take + give)", 5.59e6, 20.00e6, 20.0e6),
    "memory": ("memory allocation (128 B, heap 4)", 3.36e6, 16.95e6, 7.0e6),
}
MICRO_REF = {
    "yield_switch": ("yield switch, two equal-priority tasks", 75, 61, 50),
    "sem_give_wake_cycle": ("semaphore give to a higher-priority waiter, full cycle",
                            784, 259, 250),
    "sem_give_to_woken": ("the same, give to first instruction of the woken task",
                          278, 119, 115),
    "queue_round_trip": ("queue send + receive round trip, 4-byte items", 1481, 441, 440),
    "notify_round_trip": ("notification round trip", 798, None, 300),
    "mutex_uncontended": ("mutex take + give, uncontended", 185, 127, 100),
    "mutex_contended_cycle": ("mutex contended: give to a blocked higher-priority taker, cycle",
                              None, None, None),
    "irq_to_task": ("interrupt to first instruction of the woken task", 262, 127, 125),
    "task_create_delete": ("task create + delete (128-word stack)", 1179, 590, 590),
    "malloc_free_128": ("128-byte allocate + free (heap 4)", 276, 109, 140),
}
# FreeRTOS V11 at -Os, full configuration: kernel text by kind, and its static object sizes.
FOOT_REF = {"tasks": 8331, "queue": 3962, "timers": 1714, "event_groups": 1031,
            "stream_buffer": 2478, "list": 126, "port": 840, "heap": 998}
FOOT_TEXT_REF, FOOT_TEXT_TARGET = 19480, 15600
SIZE_REF = {"StaticTask_t": 100, "StaticQueue_t": 84}
CONFIG_ORDER = ["minimal", "typical", "full"]
SIZE_ORDER = ["StaticTask_t", "StaticQueue_t", "StaticSemaphore_t", "StaticEventGroup_t",
              "StaticTimer_t", "StaticStreamBuffer_t", "StaticMessageBuffer_t", "StaticList_t"]
KIND_ORDER = ["tasks", "queue", "timers", "event_groups", "stream_buffer", "list", "croutine",
              "port", "heap"]


def mega(v):
    return "—" if v is None else f"{v / 1e6:.2f} M"


def num(v):
    return "—" if v is None else (f"{v:.2f}" if isinstance(v, float) else f"{v:,}")


def verdict(value, target, higher_better):
    if value is None or target is None:
        return ""
    ok = value >= target if higher_better else value <= target
    return "meets" if ok else "misses"


def header(first, opts):
    cells = [first] + [f"Quartz -{o}" for o in opts] + ["FreeRTOS", "ThreadX", "target"]
    cells += [f"-{o} vs target" for o in opts]
    return "| " + " | ".join(cells) + " |\n" + "|---" * len(cells) + "|"


def tm_section(res, opts):
    lines = ["### Thread-Metric-definition tests (operations per virtual second, higher is "
             "better)", "", header("test", opts)]
    for name, (desc, fr, tx, tgt) in TM_REF.items():
        vals = [res["opts"][o].get("tm", {}).get(name, {}).get("per_s") for o in opts]
        cells = [mega(v) for v in vals] + [mega(fr), mega(tx), "" if tgt is None else
                                           f">= {mega(tgt)}"]
        cells += [verdict(v, None if res.get("noisy") else tgt, True) for v in vals]
        lines.append(f"| {desc} | " + " | ".join(cells) + " |")
    return lines


def micro_section(res, opts):
    lines = ["### Micro-benchmarks (instructions per operation, lower is better)", "",
             header("operation", opts)]
    for name, (desc, fr, tx, tgt) in MICRO_REF.items():
        vals = [res["opts"][o].get("micro", {}).get(name) for o in opts]
        cells = [num(v) for v in vals] + [num(fr), num(tx), "" if tgt is None else f"<= {tgt}"]
        cells += [verdict(v, None if res.get("noisy") else tgt, False) for v in vals]
        lines.append(f"| {desc} | " + " | ".join(cells) + " |")
    return lines


def footprint_section(res, opts):
    kinds = [k for k in KIND_ORDER
             if any(k in f["kinds"] for o in opts for f in res["opts"][o]["footprint"].values())]
    lines = ["### Kernel footprint (bytes; text = flash, RAM = data + bss without the heap "
             "array)", "",
             "| config | opt | text | RAM | " + " | ".join(kinds) + " |",
             "|---" * (4 + len(kinds)) + "|"]
    for o in opts:
        feet = res["opts"][o]["footprint"]
        for config in sorted(feet, key=lambda c: CONFIG_ORDER.index(c) if c in CONFIG_ORDER
                             else len(CONFIG_ORDER)):
            f = feet[config]
            cells = [num(f["kinds"].get(k, {}).get("text")) for k in kinds]
            lines.append(f"| {config} | {o} | {num(f['text'])} | {num(f['ram'])} | "
                         + " | ".join(cells) + " |")
    lines.append(f"| FreeRTOS V11 full | Os | {num(FOOT_TEXT_REF)} | | "
                 + " | ".join(num(FOOT_REF.get(k)) for k in kinds) + " |")
    full_os = res["opts"].get("Os", {}).get("footprint", {}).get("full")
    if full_os:
        lines += ["", f"Target: full configuration at -Os <= {FOOT_TEXT_TARGET:,} bytes of text: "
                  f"{num(full_os['text'])} ({verdict(full_os['text'], FOOT_TEXT_TARGET, False)})."]
    return lines


def sizes_section(res, opts):
    o = opts[0]
    sizes = res["opts"][o].get("size", {})
    if not sizes:
        return []
    lines = ["### Static object sizes (bytes)", "", "| type | size | FreeRTOS (target: no larger) "
             "| |", "|---|---|---|---|"]
    for name in sorted(sizes, key=lambda n: SIZE_ORDER.index(n) if n in SIZE_ORDER
                       else len(SIZE_ORDER)):
        v, ref = sizes[name], SIZE_REF.get(name)
        lines.append(f"| `{name}` | {v} | {num(ref)} | {verdict(v, ref, False)} |")
    for name, v in res["opts"][o].get("ram", {}).items():
        lines.append(f"| heap per dynamic task beyond its stack ({name}) | {v} | | |")
    return lines


def net_section(res):
    """The networked demo's TCP throughput (bench/run.py bench_net()), when measured."""
    net = res.get("net")
    if net is None:
        return []
    lines = ["### TCP throughput (networked demo, MB/s of virtual time, higher is better)", ""]
    if "skipped" in net:
        return lines + [f"Not measured: {net['skipped']}.", ""]
    runs = ", ".join(f"{v:.2f}" for v in net["runs_mb_s"])
    return lines + [
        "| transfer | MB/s (median) | runs | compared |", "|---|---|---|---|",
        f"| {num(net['bytes'])} bytes to a host echo server and back, checked | "
        f"{net['tcp_echo_mb_s']:.2f} | {runs} | no: not repeatable |", "",
        "The echo server is a host process and an idle guest's virtual time follows the host "
        "clock while it waits for it, so the figure varies from run to run (bench/README.md).",
        ""]


def board_table(board, res, results):
    opts = sorted(res["opts"].keys())  # O2 before Os
    first = res["opts"][opts[0]]
    kernel = first.get("begin", {}).get("kernel", "?")
    if res.get("noisy"):
        where = ("the POSIX host: NOISY figures, host nanoseconds (not instructions) that vary "
                 "from run to run; never compare them")
    else:
        where = (f"QEMU {res['qemu_machine']}, -icount shift={results['icount_shift']} "
                 "(1 instruction = 1 virtual ns)")
    lines = [f"## {board}", "",
             f"Kernel {results['kernel_dir']} ({kernel}); {where}; "
             f"periods of {results['period_ms']} ms, {results['iters']} iterations per "
             "micro-benchmark. Reference figures and targets: qemu-mps2-an385, full "
             "configuration.", ""]
    if "tm" in first:
        lines += tm_section(res, opts) + [""] + micro_section(res, opts) + [""]
    lines += net_section(res)
    lines += footprint_section(res, opts) + [""] + sizes_section(res, opts)
    return "\n".join(lines) + "\n"


# ---- SVG ----

COLOURS = {"O2": "#1f6feb", "Os": "#8fb8ff", "FreeRTOS": "#d1242f", "ThreadX": "#9a6700"}
LABEL_W, PLOT_W, BAR_H, GAP = 330, 520, 9, 10


def svg_panel(title, rows, series, y, unit, fmt):
    """rows: (label, {series: value}, target). Returns (svg elements, new y)."""
    top = max([v for _, vals, _ in rows for v in vals.values() if v] +
              [t for _, _, t in rows if t] + [1])
    out = [f'<text x="10" y="{y + 14}" font-weight="bold">{escape(title)}</text>']
    y += 26
    for label, vals, target in rows:
        out.append(f'<text x="10" y="{y + BAR_H * len(series) / 2 + 4}">{escape(label)}</text>')
        for i, s in enumerate(series):
            v = vals.get(s)
            if v is None:
                continue
            w = max(1.0, PLOT_W * v / top)
            by = y + i * BAR_H
            out.append(f'<rect x="{LABEL_W}" y="{by}" width="{w:.1f}" height="{BAR_H - 1}" '
                       f'fill="{COLOURS[s]}"/>')
            out.append(f'<text x="{LABEL_W + w + 4:.1f}" y="{by + BAR_H - 1}" '
                       f'font-size="9">{fmt(v)}</text>')
        if target:
            tx = LABEL_W + PLOT_W * target / top
            out.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y - 2}" '
                       f'y2="{y + BAR_H * len(series) + 1}" stroke="black" '
                       f'stroke-dasharray="3,2"/>')
        y += BAR_H * len(series) + GAP
    out.append(f'<text x="{LABEL_W}" y="{y + 2}" font-size="10">{escape(unit)}; dashed line: '
               'target</text>')
    return out, y + 20


def board_svg(board, res):
    opts = sorted(res["opts"].keys())
    series = [o for o in opts if o in COLOURS] + ["FreeRTOS", "ThreadX"]
    tm_rows, micro_rows = [], []
    for name, (desc, fr, tx, tgt) in TM_REF.items():
        vals = {o: res["opts"][o].get("tm", {}).get(name, {}).get("per_s") for o in opts}
        vals.update({"FreeRTOS": fr, "ThreadX": tx})
        tm_rows.append((desc, vals, tgt))
    for name, (desc, fr, tx, tgt) in MICRO_REF.items():
        vals = {o: res["opts"][o].get("micro", {}).get(name) for o in opts}
        vals.update({"FreeRTOS": fr, "ThreadX": tx})
        micro_rows.append((desc, vals, tgt))
    body, y = svg_panel(f"{board}: Thread-Metric-definition tests", tm_rows, series, 10,
                        "operations per virtual second (higher is better)",
                        lambda v: f"{v / 1e6:.2f} M")
    more, y = svg_panel("Micro-benchmarks", micro_rows, series, y,
                        "instructions per operation (lower is better)", lambda v: f"{v:.0f}")
    body += more
    net = res.get("net", {})
    if "tcp_echo_mb_s" in net:  # the networked demo is built at -O2
        more, y = svg_panel("TCP throughput (networked demo; varies from run to run)",
                            [("1 MiB echoed through the host, median", {"O2": net["tcp_echo_mb_s"]},
                              None)], ["O2"], y, "MB/s of virtual time (higher is better)",
                            lambda v: f"{v:.2f}")
        body += more
    legend = []
    for i, s in enumerate(series):
        name = f"Quartz -{s}" if s in opts else s
        legend.append(f'<rect x="{10 + i * 150}" y="{y}" width="10" height="10" '
                      f'fill="{COLOURS[s]}"/><text x="{24 + i * 150}" y="{y + 9}">'
                      f'{escape(name)}</text>')
    width, height = LABEL_W + PLOT_W + 80, y + 24
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'font-family="sans-serif" font-size="11">\n'
            f'<rect width="{width}" height="{height}" fill="white"/>\n'
            + "\n".join(body + legend) + "\n</svg>\n")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: bench/report.py results.json [outdir]")
    results = json.load(open(sys.argv[1]))
    outdir = sys.argv[2] if len(sys.argv) == 3 else os.path.dirname(sys.argv[1]) or "."
    for board, res in results["boards"].items():
        with open(os.path.join(outdir, f"{board}.md"), "w") as f:
            f.write(board_table(board, res, results))
        with open(os.path.join(outdir, f"{board}.svg"), "w") as f:
            f.write(board_svg(board, res))


if __name__ == "__main__":
    main()
