#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""trace_api.py: keeps the FreeRTOS V11 per-API trace hooks complete.

Every function that a public header (kernel/include/*.h) declares and the kernel implements has
two hooks, as in FreeRTOS V11: traceENTER_<fn>(<its parameters>) at entry and
traceRETURN_<fn>(<its return value>) before every exit (traceRETURN_<fn>() when it returns void).
The headers are the source of truth; this script derives everything else from them.

  trace_api.py generate   rewrite kernel/include/trace_api_defaults.h (each hook defined empty
                          unless the application defined it) and tests/configs/trace_api/
                          trace_api_recorder.h (each hook routed to the test's recorder)
  trace_api.py check      exit 1, naming each problem, if either file is out of date, if a public
                          function has no definition in kernel/, or if a kernel definition lacks
                          traceENTER_<fn> before its first exit or traceRETURN_<fn> before any
                          exit. A ctest runs this, so a new API function without hooks fails.
"""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
HEADERS = os.path.join(ROOT, "kernel", "include")
DEFAULTS = os.path.join(HEADERS, "trace_api_defaults.h")
RECORDER = os.path.join(ROOT, "tests", "configs", "trace_api", "trace_api_recorder.h")
# The generated files list the hooks header by header, in this order, then any other header.
HEADER_ORDER = ["task.h", "queue.h", "timers.h", "event_groups.h", "stream_buffer.h",
                "croutine.h", "list.h", "portable.h"]
# Declared in the public headers but provided by the port; the application's vApplication*
# hooks are skipped by name.
NOT_KERNEL = {"pxPortInitialiseStack", "xPortStartScheduler", "vPortEndScheduler",
              "vPortSuppressTicksAndSleep"}
# Quartz entries that a FreeRTOS macro maps to (task.h, semphr.h): they have no hooks of their
# own and call those of the FreeRTOS function the macro stands for.
STANDS_FOR = {"quartz_notify_give": "xTaskGenericNotify",
              "quartz_notify_take": "ulTaskGenericNotifyTake",
              "quartz_semaphore_give": "xQueueGenericSend"}

# A prototype: return type, name, parameters, ';' (after a ';', '{' or '}', comments removed).
DECL = re.compile(r"(?:(?<=[;{}])|^)\s*([A-Za-z_][\w\s*]*?[\s*])([A-Za-z_]\w*)\s*"
                  r"\(([^;{}()]*)\)\s*;", re.S)
# A definition: a line starting with its return type, the name, parameters, '{' on its own line.
DEFN = re.compile(r"^(?![ \t#/*])([^;{}#=()]*?)\b([A-Za-z_]\w*)\(([^;{}]*?)\)\s*\n\{", re.M | re.S)


def strip_comments_and_directives(text):
    """C text without comments and preprocessor lines (continuations included)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    kept, continued = [], False
    for line in text.split("\n"):
        if continued or line.lstrip().startswith("#"):
            continued = line.rstrip().endswith("\\")
            continue
        kept.append(line)
    return "\n".join(kept)


def param_names(params):
    """The parameter names of a prototype's parameter list ('void' has none)."""
    params = " ".join(params.split())
    if params in ("", "void"):
        return []
    return [re.search(r"([A-Za-z_]\w*)\s*(?:\[\s*\])?$", p.strip()).group(1)
            for p in params.split(",")]


def public_functions():
    """[(header, name, return type, [parameter names])] for every kernel-implemented function."""
    found = []
    others = sorted(h for h in os.listdir(HEADERS) if h.endswith(".h") and h not in HEADER_ORDER
                    and h != os.path.basename(DEFAULTS))
    for header in HEADER_ORDER + others:
        with open(os.path.join(HEADERS, header)) as f:
            text = strip_comments_and_directives(f.read())
        for m in DECL.finditer(text):
            ret, name = " ".join(m.group(1).split()), m.group(2)
            if ret.startswith("typedef") or name.startswith("vApplication") or name in NOT_KERNEL:
                continue
            found.append((header, name, ret, param_names(m.group(3))))
    return found


def wrap(head, args, tail, indent=0):
    """head(arg, arg, ...)tail, continued with backslashes to fit 100 columns after indent."""
    line, lines = head + "(", []
    for i, arg in enumerate(args):
        piece = arg + (", " if i + 1 < len(args) else ")" + tail)
        if indent + len(line) + len(piece) > 97:
            lines.append(line.rstrip())
            line = "        "
        line += piece
    if not args:
        line += ")" + tail
    lines.append(line)
    return " \\\n".join(lines) if len(lines) > 1 else lines[0]


def render_defaults(funcs):
    out = ["/* SPDX-License-Identifier: MIT */",
           "/*",
           " * trace_api_defaults.h: the FreeRTOS V11 per-API trace hooks, each defined empty",
           " * unless FreeRTOSConfig.h (or a trace recorder it includes) defined it first.",
           " * traceENTER_<fn> runs at the entry of a kernel API function with its parameters,",
           " * traceRETURN_<fn> before each of its exits with the value it returns (no argument",
           " * when it returns void). Empty hooks compile to nothing.",
           " *",
           " * Generated by tools/trace_api.py from the public headers: do not edit by hand; run",
           " * `python3 tools/trace_api.py generate` after changing an API function.",
           " * Included by trace_defaults.h only.",
           " */",
           "#ifndef QUARTZ_TRACE_API_DEFAULTS_H",
           "#define QUARTZ_TRACE_API_DEFAULTS_H"]
    header = None
    for hdr, name, ret, params in funcs:
        if name in STANDS_FOR:
            continue
        if hdr != header:
            header = hdr
            out += ["", "/* ---- %s ---- */" % hdr]
        out += ["#ifndef traceENTER_%s" % name,
                wrap("#define traceENTER_" + name, params, ""),
                "#endif",
                "#ifndef traceRETURN_%s" % name,
                "#define traceRETURN_%s(%s)" % (name, "" if ret == "void" else "ret"),
                "#endif"]
    out += ["", "#endif /* QUARTZ_TRACE_API_DEFAULTS_H */", ""]
    return "\n".join(out)


def render_recorder(funcs):
    out = ["/* SPDX-License-Identifier: MIT */",
           "/*",
           " * trace_api_recorder.h: every traceENTER_/traceRETURN_ hook routed to the test",
           " * recorder (tests/unit/trace/trace_recorder.c), which logs the function's name and",
           " * its arguments or return value, each converted to uint64_t.",
           " *",
           " * Generated by tools/trace_api.py from the public headers: do not edit by hand.",
           " * Included by tests/configs/trace_api/FreeRTOSConfig.h.",
           " */",
           "#ifndef TRACE_API_RECORDER_H",
           "#define TRACE_API_RECORDER_H",
           "",
           "#include <stdint.h>",
           "",
           "void trace_rec_enter(const char *fn, int argc, ...);",
           "void trace_rec_return(const char *fn, int argc, ...);",
           "#define TRACE_REC_ARG(x) ((uint64_t)(uintptr_t)(x))"]
    header = None
    for hdr, name, ret, params in funcs:
        if name in STANDS_FOR:
            continue
        if hdr != header:
            header = hdr
            out += ["", "/* ---- %s ---- */" % hdr]
        args = ['"%s"' % name, str(len(params))] + ["TRACE_REC_ARG(%s)" % p for p in params]
        out.append(wrap("#define traceENTER_" + name, params, "") + " \\\n    " +
                   wrap("trace_rec_enter", args, "", 4))
        rargs = ['"%s"' % name] + (["0"] if ret == "void" else ["1", "TRACE_REC_ARG(ret)"])
        out.append("#define traceRETURN_%s(%s) \\\n    %s" %
                   (name, "" if ret == "void" else "ret", wrap("trace_rec_return", rargs, "", 4)))
    out += ["", "#endif /* TRACE_API_RECORDER_H */", ""]
    return "\n".join(out)


def kernel_definitions():
    """{name: [(path, line, body)]} for every function defined in kernel/ and kernel/heap/."""
    defs = {}
    dirs = [os.path.join(ROOT, "kernel"), os.path.join(ROOT, "kernel", "heap")]
    for d in dirs:
        for fname in sorted(os.listdir(d)):
            if not fname.endswith(".c"):
                continue
            path = os.path.join(d, fname)
            with open(path) as f:
                text = f.read()
            for m in DEFN.finditer(text):
                start = m.end() - 1
                depth = 0
                for end in range(start, len(text)):
                    depth += {"{": 1, "}": -1}.get(text[end], 0)
                    if depth == 0:
                        break
                body = strip_comments_and_directives(text[start:end + 1])
                line = text.count("\n", 0, m.start()) + 1
                defs.setdefault(m.group(2), []).append((os.path.relpath(path, ROOT), line, body))
    return defs


def check_definition(name, ret, path, line, body):
    """Problems with the hooks of one definition (empty list when it is right)."""
    where = "%s:%d: %s" % (path, line, name)
    name = STANDS_FOR.get(name, name)
    enter, exit_ = "traceENTER_%s(" % name, "traceRETURN_%s(" % name
    problems = []
    chunks = re.split(r"\breturn\b", body)
    if enter not in chunks[0]:
        problems.append("%s: no %s...) before its first exit" % (where, enter))
    # Every return must follow a traceRETURN since the previous one; a void function must also
    # trace the exit at its closing brace.
    exits = chunks[:-1] + ([chunks[-1]] if ret == "void" else [])
    for i, chunk in enumerate(exits):
        if exit_ not in chunk:
            problems.append("%s: exit %d has no %s...) before it" % (where, i + 1, exit_))
    empty = re.search(r"traceRETURN_%s\(\s*\)" % name, body) is not None
    valued = re.search(r"traceRETURN_%s\(\s*[^\s)]" % name, body) is not None
    if (ret == "void" and valued) or (ret != "void" and empty):
        problems.append("%s: traceRETURN_%s must %s" %
                        (where, name, "take no argument" if ret == "void" else "pass the result"))
    return problems


def check(funcs):
    problems = []
    for path, text in ((DEFAULTS, render_defaults(funcs)), (RECORDER, render_recorder(funcs))):
        current = open(path).read() if os.path.exists(path) else None
        if current != text:
            problems.append("%s is out of date: run tools/trace_api.py generate" %
                            os.path.relpath(path, ROOT))
    defs = kernel_definitions()
    for _, name, ret, _ in funcs:
        if name not in defs:
            problems.append("%s: declared in kernel/include but defined nowhere in kernel/ (list "
                            "it in NOT_KERNEL if the port or application provides it)" % name)
        for path, line, body in defs.get(name, []):
            problems += check_definition(name, ret, path, line, body)
    return problems


def main(argv):
    funcs = public_functions()
    if len(argv) == 2 and argv[1] == "generate":
        for path, text in ((DEFAULTS, render_defaults(funcs)), (RECORDER, render_recorder(funcs))):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        return 0
    if len(argv) == 2 and argv[1] == "check":
        problems = check(funcs)
        for p in problems:
            print(p)
        print("trace_api: %d functions, %d problems" % (len(funcs), len(problems)))
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
