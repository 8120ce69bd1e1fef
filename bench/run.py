#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/run.py: build and run the benchmark suite on QEMU boards and collect the results.

For each board, each optimisation level and each configuration (bench/config/) it configures
bench/image as a project of its own under <build>/<board>/<config><opt>/, builds the kernel
libraries (footprint) and, for the "full" configuration, the benchmark image, boots the image
under QEMU with -icount shift=0 (one instruction = one virtual ns), parses its "bench: " lines
and writes <build>/results.json, then a table (<board>.md) and a chart (<board>.svg) per board
(bench/report.py). Every figure depends only on the instructions executed, so runs repeat
exactly; --runs 2 boots each image twice and fails unless both print the same lines.

A board with a network driver also runs the networked demo (demos/net/) for its TCP
throughput: MB/s of virtual time, the median of NET_RUNS boots, under "net" in results.json.
That figure is not repeatable and is never compared (bench_net() says why); --no-net leaves it
out.

The POSIX host ("posix") runs the same image as a host program: its figures are host
nanoseconds, vary from run to run, and are marked noisy (never checked for repeatability, and
tools/bench-compare skips them).

Invariants: nothing outside <build> is written; a board is measured only if it has a QEMU
machine (QUARTZ_BOARD_QEMU_MACHINE) or is the host, and a benchmark seam (bench/image decides);
any missing or malformed figure fails the run (exit status 1).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import report  # noqa: E402  (bench/report.py, next to this file)

CONFIGS = ["minimal", "typical", "full"]
OPTS = ["-O2", "-Os"]
TM_TESTS = ["basic", "cooperative", "preemptive", "interrupt", "irq_preempt", "message", "sync",
            "memory"]
MICROS = ["calib_empty_loop", "calib_timer_read", "calib_100_nops", "yield_switch",
          "sem_give_wake_cycle", "sem_give_to_woken", "queue_round_trip", "notify_round_trip",
          "mutex_uncontended", "mutex_contended_cycle", "irq_to_task", "task_create_delete",
          "malloc_free_128"]
SIZES = ["StaticTask_t", "StaticQueue_t", "StaticSemaphore_t", "StaticEventGroup_t",
         "StaticTimer_t", "StaticStreamBuffer_t", "StaticMessageBuffer_t", "StaticList_t"]
RAMS = ["task_beyond_stack"]
# The self-test in bench/src/micro.c: 100 no-ops must measure 100 +- this.
NOP_TOLERANCE = 2.0
# Boots of the networked demo per board; its throughput figure is their median.
NET_RUNS = 5

# Kernel object kinds by source file stem (FreeRTOS-Kernel's and Quartz's names); any other
# object in the kernel libraries belongs to the port.
KINDS = [
    ("tasks", r"^(tasks|task_\w+|task|sched|tick|delay|notify|idle|stack)$"),
    ("queue", r"^(queue\w*|mutex|sem)$"),
    ("timers", r"^timers\w*$"),
    ("event_groups", r"^event_groups$"),
    ("stream_buffer", r"^stream_buffer\w*$"),
    ("list", r"^list$"),
    ("croutine", r"^croutine$"),
    ("heap", r"^heap_\d$"),
]


class Skip(Exception):
    """A board the suite cannot run on yet (no benchmark seam): reported, not an error."""


class Failed(Exception):
    """A build, a run or a check failed: that board's figures are missing, the run fails."""


def fail(msg):
    raise Failed(msg)


def run(cmd, **kw):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    if res.returncode != 0:
        print(res.stdout)
        fail(f"{' '.join(cmd)} exited with {res.returncode}")
    return res.stdout


def board_info(board):
    """toolchain, machine and port from boards/<board>/board.cmake, evaluated by CMake (a board
    may include another's); missing keys are empty strings."""
    path = os.path.join(ROOT, "boards", board, "board.cmake")
    if not os.path.exists(path):
        return {}
    res = subprocess.run(["cmake", f"-DBOARD_CMAKE={path}", "-P",
                          os.path.join(HERE, "image", "board_info.cmake")],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return dict(ln.split("=", 1) for ln in res.stdout.splitlines() if "=" in ln)


def read_board_cmake(board):
    """The board's QEMU machine, or None."""
    return board_info(board).get("machine") or None


HOST = "posix"


def default_boards():
    """Every board with a QEMU machine (bench/image/CMakeLists.txt finds each its seam), then
    the host. The board template has a machine only to show its unwritten functions fail."""
    found = []
    for board in sorted(os.listdir(os.path.join(ROOT, "boards"))):
        if board != "template" and read_board_cmake(board):
            found.append(board)
    return found + [HOST]


def toolchain_file(board):
    """The board's CMake toolchain file: cmake/toolchain-<QUARTZ_BOARD_TOOLCHAIN>.cmake, the
    tool prefix its board.cmake names (default arm-none-eabi), as cmake/quartz_boards.cmake."""
    prefix = board_info(board).get("toolchain") or "arm-none-eabi"
    return os.path.join(ROOT, "cmake", f"toolchain-{prefix}.cmake")


def opt_name(opt):
    return opt.lstrip("-")


def configure_and_build(args, board, config, opt, with_image):
    bdir = os.path.join(args.build, board, f"{config}-{opt_name(opt)}")
    toolchain = toolchain_file(board) if board != HOST else ""
    cache = os.path.join(bdir, "CMakeCache.txt")
    if os.path.exists(cache) and (cache_value(bdir, "CMAKE_TOOLCHAIN_FILE") or "") != toolchain:
        shutil.rmtree(bdir)  # CMake cannot change the compiler of a configured directory
    cmd = ["cmake", "-S", os.path.join(HERE, "image"), "-B", bdir, "-G", "Ninja"]
    if toolchain:
        cmd.append(f"-DCMAKE_TOOLCHAIN_FILE={toolchain}")
    cmd += [f"-DQUARTZ_BOARD={board}", f"-DKERNEL_DIR={args.kernel_dir}",
           f"-DBENCH_CONFIG={config}", f"-DBENCH_OPT={opt}"]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.returncode != 0 and os.path.exists(cache):  # perhaps a stale cache: start afresh
        shutil.rmtree(bdir)
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.returncode != 0 and "no benchmark seam" in res.stdout:
        raise Skip(f"no benchmark seam (bench/boards/{board}.cmake, see bench/README.md)")
    if res.returncode != 0:
        print(res.stdout)
        fail(f"{board}: configuring {bdir} failed")
    targets = ["bench_kernel"] + (["bench"] if with_image else [])
    run(["cmake", "--build", bdir, "-j", str(args.jobs), "--target"] + targets)
    return bdir


def cache_value(bdir, key):
    for line in open(os.path.join(bdir, "CMakeCache.txt")):
        if line.startswith(key + ":"):
            return line.split("=", 1)[1].strip()
    return None


def kind_of(obj):
    stem = re.sub(r"\.(c|S|s)?\.(obj|o)$", "", obj)
    for kind, pattern in KINDS:
        if re.match(pattern, stem):
            return kind
    return "port"


def footprint(bdir):
    """Text, data and bss of the kernel libraries' objects, summed by kind."""
    size_tool = cache_value(bdir, "CMAKE_SIZE") or "size"
    # "heap_bytes <n>" (configTOTAL_HEAP_SIZE, left out of the RAM figure), then the libraries.
    lines = open(os.path.join(bdir, "kernel_libs.txt")).read().split("\n")
    heap_bytes = int(lines[0].split()[1])
    libs = [p for p in lines[1:] if p]
    kinds = {}
    for lib in libs:
        for line in run([size_tool, lib]).splitlines()[1:]:
            f = line.split()
            if len(f) < 6:
                continue
            text, data, bss = int(f[0]), int(f[1]), int(f[2])
            kind = kind_of(f[5])
            if kind == "heap" and bss >= heap_bytes:
                bss -= heap_bytes
            k = kinds.setdefault(kind, {"text": 0, "data": 0, "bss": 0})
            k["text"] += text
            k["data"] += data
            k["bss"] += bss
    return {"kinds": kinds,
            "text": sum(k["text"] for k in kinds.values()),
            "ram": sum(k["data"] + k["bss"] for k in kinds.values())}


def boot(args, board, image):
    params = f"period_ms={args.period_ms} iters={args.iters}"
    if board == HOST:
        cmd = ["timeout", str(args.timeout), image] + params.split()
    else:
        cmd = [os.path.join(ROOT, "tools", "qemu-run"), "--board", board, "--icount", "0",
               "--timeout", str(args.timeout), "--append", params, image]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = [ln.strip() for ln in res.stdout.splitlines() if ln.startswith("bench: ")]
    if res.returncode != 0:
        print(res.stdout)
        fail(f"{board}: the benchmark image exited with {res.returncode}")
    return lines


def parse(lines, where, noisy):
    """The figures of one run; fails unless every expected figure is there, well-formed."""
    out = {"tm": {}, "micro": {}, "size": {}, "ram": {}}
    if not lines or not lines[0].startswith("bench: begin ") or lines[-1] != "bench: end ok":
        fail(f"{where}: output does not run from 'bench: begin' to 'bench: end ok'")
    out["begin"] = dict(kv.split("=", 1) for kv in lines[0].split()[2:])
    for ln in lines[1:-1]:
        f = ln.split()
        try:
            if f[1] == "tm" and len(f) == 6:
                out["tm"][f[2]] = {"count": int(f[3]), "ns": int(f[4]), "per_s": int(f[5])}
            elif f[1] == "micro" and len(f) == 4 and re.match(r"^\d+\.\d\d$", f[3]):
                out["micro"][f[2]] = float(f[3])
            elif f[1] in ("size", "ram") and len(f) == 4:
                out[f[1]][f[2]] = int(f[3])
            else:
                raise ValueError
        except (ValueError, IndexError):
            fail(f"{where}: malformed line '{ln}'")
    for section, names in (("tm", TM_TESTS), ("micro", MICROS), ("size", SIZES), ("ram", RAMS)):
        missing = [n for n in names if n not in out[section]]
        if missing:
            fail(f"{where}: missing {section} figures {missing}")
    for name, t in out["tm"].items():
        if t["count"] <= 0 or t["ns"] <= 0:
            fail(f"{where}: Thread-Metric test {name} counted nothing")
    nops = out["micro"]["calib_100_nops"]
    if not noisy and abs(nops - 100.0) > NOP_TOLERANCE:
        fail(f"{where}: the timer self-test measured 100 no-ops as {nops}")
    return out


def bench_board(args, board):
    noisy = board == HOST
    result = {"qemu_machine": read_board_cmake(board), "noisy": noisy, "opts": {}}
    for opt in args.opts:
        entry = {"footprint": {}}
        for config in args.configs:
            with_image = config == "full"
            bdir = configure_and_build(args, board, config, opt, with_image)
            entry["footprint"][config] = footprint(bdir)
            if not with_image:
                continue
            image = os.path.join(bdir, "bench.elf")
            where = f"{board} {opt}"
            first = boot(args, board, image)
            for i in range(1, 1 if noisy else args.runs):
                again = boot(args, board, image)
                if again != first:
                    diff = [f"  run 1: {a}\n  run {i + 1}: {b}"
                            for a, b in zip(first, again) if a != b]
                    fail(f"{where}: two runs differ:\n" + "\n".join(diff[:20]))
            entry.update(parse(first, where, noisy))
            with open(os.path.join(bdir, "output.txt"), "w") as f:
                f.write("\n".join(first) + "\n")
        result["opts"][opt_name(opt)] = entry
    return result


def net_image(args, board):
    """The networked demo (demos/net/) for board, built by a board build of its own under
    <build>/<board>/net/ (only its target is built)."""
    bdir = os.path.join(args.build, board, "net")
    run(["cmake", "-S", os.path.join(ROOT, "cmake", "board_build"), "-B", bdir, "-G", "Ninja",
         f"-DCMAKE_TOOLCHAIN_FILE={toolchain_file(board)}", f"-DQUARTZ_BOARD={board}"])
    run(["cmake", "--build", bdir, "-j", str(args.jobs), "--target", "demo_net"])
    return os.path.join(bdir, "demos", "net", "demo_net.elf")


def bench_net(args, board):
    """TCP throughput of the networked demo on a board with a network driver, or None: its
    client's 1 MiB echoed through the host (demos/net/net_demo_driver.py --check) under
    -icount shift=0, NET_RUNS times; the median in MB/s of virtual time. Not repeatable (the
    echo server is a host process, and an idle guest's virtual time follows the host clock:
    tools/qemu-run --net), so it is marked "compared": false and no run is checked against
    another. Only Quartz's own kernel: the demo is built with it, not with --kernel-dir."""
    if not board_info(board).get("net_driver"):
        return None
    if os.path.realpath(args.kernel_dir) != os.path.realpath(os.path.join(ROOT, "kernel")):
        return {"skipped": "the networked demo is built with Quartz's kernel only"}
    image = net_image(args, board)
    cmd = [sys.executable, os.path.join(ROOT, "demos", "net", "net_demo_driver.py"),
           "--board", board, "--icount", "0", "--timeout", str(args.timeout), "--check", image]
    figures = []
    for _ in range(NET_RUNS):
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if res.returncode == 77:  # no network namespace without root (netns_driver.py)
            return {"skipped": res.stdout.strip().splitlines()[-1]}
        m = re.search(r"^net-demo-result: bytes=(\d+) ticks=(\d+) hz=(\d+)$", res.stdout, re.M)
        if res.returncode != 0 or not m:
            print(res.stdout)
            fail(f"{board}: the networked demo exited with {res.returncode}")
        nbytes, ticks, hz = (int(g) for g in m.groups())
        figures.append(round(nbytes * hz / ticks / 1e6, 3))
    return {"tcp_echo_mb_s": sorted(figures)[len(figures) // 2], "runs_mb_s": figures,
            "bytes": nbytes, "compared": False}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--boards", default="", help="space-separated (default: every QEMU board)")
    ap.add_argument("--kernel-dir", default=os.path.join(ROOT, "kernel"),
                    help="a FreeRTOS-API kernel with FreeRTOS-Kernel's CMake interface")
    ap.add_argument("--opts", default=" ".join(OPTS))
    ap.add_argument("--configs", default=" ".join(CONFIGS))
    ap.add_argument("--period-ms", type=int, default=250)
    ap.add_argument("--iters", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=1, help="boots per image; all must agree")
    ap.add_argument("--quick", action="store_true",
                    help="short periods and few iterations (a smoke and determinism test)")
    ap.add_argument("--no-net", action="store_true",
                    help="leave out the TCP throughput of the networked boards")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=600, help="wall-clock seconds per boot")
    args = ap.parse_args()
    if args.quick:
        args.period_ms, args.iters = 20, 400
    args.build = os.path.abspath(args.build)
    args.kernel_dir = os.path.abspath(args.kernel_dir)
    args.opts = args.opts.split()
    args.configs = args.configs.split()
    boards = args.boards.split() or default_boards()
    if not boards:
        fail("no QEMU boards found under boards/")
    os.makedirs(args.build, exist_ok=True)

    results = {"schema": 1, "kernel_dir": args.kernel_dir, "icount_shift": 0,
               "period_ms": args.period_ms, "iters": args.iters, "boards": {}}
    for board in boards:
        print(f"bench: {board}: building and running ({', '.join(args.opts)})", flush=True)
        try:
            results["boards"][board] = bench_board(args, board)
            net = None if args.no_net or board == HOST else bench_net(args, board)
            if net is not None:
                results["boards"][board]["net"] = net
        except Skip as why:
            print(f"bench: {board}: skipped: {why}")
            results.setdefault("skipped", {})[board] = str(why)
        except Failed as why:  # measure the other boards, then fail
            print(f"bench: {board}: FAILED: {why}", file=sys.stderr)
            results.setdefault("failed", {})[board] = str(why)
    path = os.path.join(args.build, "results.json")
    with open(path, "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
        f.write("\n")
    for board, res in results["boards"].items():
        table = report.board_table(board, res, results)
        with open(os.path.join(args.build, f"{board}.md"), "w") as f:
            f.write(table)
        svg = os.path.join(args.build, f"{board}.svg")
        with open(svg, "w") as f:
            f.write(report.board_svg(board, res))
        try:
            ElementTree.parse(svg)
        except ElementTree.ParseError as e:
            fail(f"{svg} is not well-formed: {e}")
        print(table)
    print(f"bench: wrote {path} and a table (.md) and chart (.svg) per board")
    for board, why in results.get("failed", {}).items():
        print(f"bench: FAILED on {board}: {why}", file=sys.stderr)
    if results.get("failed"):
        sys.exit(1)


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        print(f"bench: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
