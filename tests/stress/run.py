#!/usr/bin/env python3
"""Adversarial inputs against the release binary, with stated bounds.

Each case streams a generated input through `slant` and checks that it
finishes, that peak memory (RSS of the child) stays under the bound, and that
throughput stays over the case's floor: 20 MB/s, except two cases whose
output, not the analysis, sets the pace (their floors say why). A scaling case checks that 10x the input
costs less than 15x the time. Exit status 1 when a bound is broken.

Usage: tests/stress/run.py [--bin target/release/slant] [--scale 1.0] [--only TEXT]
(--scale shrinks or grows every input, e.g. 0.1 for a quick run; --only runs
the cases whose name contains TEXT, e.g. --only capitalised.)
"""
import argparse, os, subprocess, sys, tempfile, time

MB = 1024 * 1024
RSS_LIMIT_MB = 128
MIN_MB_PER_S = 20


def write(path, size, piece):
    """Writes `piece` repeated to `size` bytes, cut at a character boundary."""
    piece = piece.encode()
    with open(path, "wb") as f:
        left = size
        block = piece * max(1, (1 << 20) // len(piece))
        while left > 0:
            part = block[:left]
            if len(part) < len(block):
                # cut back to the start of the character the cut fell in
                cut = len(part)
                while cut > 0 and (block[cut] & 0xC0) == 0x80:
                    cut -= 1
                part = block[:cut]
            if not part:
                break
            f.write(part)
            left -= len(part)


def run(binary, args, path):
    """Runs slant on the file; returns (seconds, peak RSS in MB, exit status, stderr tail)."""
    start = time.perf_counter()
    with open(path, "rb") as f, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([binary, *args], stdin=f, stdout=subprocess.DEVNULL, stderr=err)
        # wait4 reports this child's own peak RSS (getrusage of all children keeps the maximum so far)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        err.seek(0)
        tail = err.read().decode(errors="replace")[-300:]
    return seconds, usage.ru_maxrss / 1024, proc.returncode, tail


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/slant")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="", help="run only the cases whose name contains this text")
    opts = ap.parse_args()
    s = opts.scale
    jsonl = ["analyze", "--format", "jsonl"]
    cases = [
        ("8 MB of quotation marks", int(8 * MB * s), "“\"”'’‘", jsonl, MIN_MB_PER_S),
        ("8 MB of nested brackets", int(8 * MB * s), "(((([[[[{{{{", jsonl, MIN_MB_PER_S),
        # every word is a mention, listed in its sentence and under the entity:
        # the output is 15x the input (129 MB for 8 MB)
        ("8 MB of one capitalised word", int(8 * MB * s), "Washington ", jsonl, 5),
        # a sentence every 54 bytes, each its own JSON line with escaped control characters
        ("8 MB of controls, RTL, combining marks, emoji", int(8 * MB * s),
         "\x00\x01\x1b שלום עולם. e\u0301 😀👩‍👩‍👧 \u202e. ", jsonl, 10),
        ("50 MB on one line", int(50 * MB * s), "the talks went on and on. ", jsonl, MIN_MB_PER_S),
        ("100 MB without punctuation", int(100 * MB * s), "the talks went on and on ", ["split"], MIN_MB_PER_S),
        ("100 MB without punctuation, analysed", int(100 * MB * s), "the talks went on and on ", jsonl, MIN_MB_PER_S),
    ]
    cases = [c for c in cases if opts.only in c[0]]
    scaling = opts.only in "scaling"
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input.txt")
        for name, size, piece, args, floor in cases:
            write(path, size, piece)
            size = os.path.getsize(path)
            secs, rss, code, err = run(opts.bin, args, path)
            speed = size / MB / secs if secs else float("inf")
            ok = code == 0 and rss < RSS_LIMIT_MB and speed >= floor
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {size / MB:.1f} MB in {secs:.2f} s "
                  f"({speed:.0f} MB/s, floor {floor}), peak RSS <= {rss:.0f} MB, exit {code} {err.strip()[:200]}")
        # Scaling: 10x the input costs < 15x the time.
        if not scaling:
            print(f"stress: {len(cases) - failed} passed, {failed} failed")
            return 1 if failed else 0
        base = max(1, int(4 * MB * s))
        times = []
        for size in (base, base * 10):
            write(path, size, "Sen. Jane Doe told Reuters the “deal” was alleged. ")
            times.append(run(opts.bin, ["analyze", "--format", "jsonl"], path)[0])
        ratio = times[1] / times[0] if times[0] else 0
        ok = ratio < 15
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} scaling: 10x input took {ratio:.1f}x the time "
              f"({times[0]:.2f} s -> {times[1]:.2f} s)")
    print(f"stress: {len(cases) + 1 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
