#!/usr/bin/env python3
"""`just bench`: one MB/s table for the core's stages, the CLI end to end and
the wasm build under Node.

The justfile builds the release CLI and the Node wasm package first. Then:

1. the input text, written to target/bench/input.txt: the GUM dev text of
   ../shared (read at run time, never copied into the repository) when
   present, else the repository's own text (the sample article, the entity
   chunking case and the framing cases written for slant), repeated to about
   4 MB;
2. `cargo bench -p slant-core --bench pipeline` (criterion: sentence
   splitting, split + entities, and the whole pipeline, on the GUM text as
   one document (whole and in 1 KiB chunks) and on news articles one by one;
   its `summary:` lines give MB/s per CPU-second and of the best run); with
   --quick only the summary runs, not criterion's own groups;
3. the release CLI on the file (not a pipe): `split`, `entities` and
   `analyze` (json and jsonl), output to /dev/null, best wall-clock run of
   --runs and its CPU time;
4. scripts/bench_wasm.mjs: the wasm build's `analyze()` under Node on the
   same text, best of --runs.

MB are 10^6 bytes. The machine's load average is printed with the table:
on a shared machine the wall-clock figures are only as good as it is quiet.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
REPO_TEXTS = [
    ROOT / "crates/slant-core/tests/data/seed_article.txt",
    ROOT / "crates/slant-core/tests/data/entities/chunking.txt",
]
FRAMING_CASES = ROOT / "crates/slant-core/tests/data/framing/cases.txt"


def input_text(shared: Path, target_bytes: int) -> tuple[str, str]:
    """The benchmark text and a description of where it came from."""
    gum = shared / "data/sentences/gum_dev.jsonl"
    unit, source = None, None
    if gum.is_file():
        texts = []
        for line in gum.read_text(encoding="utf-8").splitlines():
            try:
                doc = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(doc, dict) and isinstance(doc.get("text"), str):
                texts.append(doc["text"])
        if texts:
            unit = "\n\n".join(texts) + "\n\n"
            source = f"GUM dev text ({gum}, read at run time)"
    if unit is None:
        parts = [p.read_text(encoding="utf-8") for p in REPO_TEXTS]
        cases = [line[2:] for line in FRAMING_CASES.read_text(encoding="utf-8").splitlines() if line.startswith("> ")]
        unit = "\n\n".join(parts + ["\n\n".join(cases)]) + "\n\n"
        source = "the repository's text (sample article, entity chunking case, framing cases; no ../shared)"
    size = len(unit.encode("utf-8"))
    copies = max(1, -(-target_bytes // size))
    return unit * copies, f"{source}, {size / 1e6:.2f} MB x {copies}"


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def criterion(quick: bool) -> tuple[list[tuple[str, str, str]], str]:
    """Runs the core's criterion bench; returns rows (stage, MB/s, detail) and its corpus line."""
    cmd = ["cargo", "bench", "-p", "slant-core", "--bench", "pipeline"]
    if quick:
        cmd += ["--", "summary"]  # matches no criterion group; the summary lines always run
    print("bench: $", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        return [("core: criterion bench", "n/a", "n/a", f"cargo bench failed (exit {proc.returncode})")], ""
    corpus = next((l for l in proc.stderr.splitlines() if l.startswith("corpus:")), "")
    thrpt = {}
    current = None
    for line in proc.stdout.splitlines():
        m = re.match(r"^(\S+/\S+)\s+time:", line)
        if m:
            current = m.group(1)
        elif re.match(r"^(\S+/\S+)\s*$", line):
            current = line.strip()
        m = re.search(r"thrpt:\s+\[\S+ \S+ (\S+) (\S+)", line)
        if m and current:
            value, unit = float(m.group(1)), m.group(2)
            scale = {"B/s": 1e-6, "KiB/s": 1024 / 1e6, "MiB/s": 1024**2 / 1e6, "GiB/s": 1024**3 / 1e6}.get(unit)
            if scale:
                thrpt[current] = value * scale
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"summary: (.+?): (\S+) MB/s per CPU-second, (\S+) MB/s best run \((.+)\)", line)
        if not m:
            continue
        label, cpu, best, corpus_desc = m.groups()
        group = "split" if label.startswith("split") else "pipeline"
        variant = "whole" if label.endswith("whole") else "1KiB_chunks"
        crit = next((v for k, v in thrpt.items() if k.startswith(f"{group}/{variant}/")), None)
        detail = f"criterion median {crit:.0f} MB/s" if crit else "criterion groups skipped"
        rows.append((f"core: {label}", best, cpu, detail))
        corpus = corpus or corpus_desc
    return rows, corpus


def cli(binary: Path, text_file: Path, size: int, runs: int) -> list[tuple[str, str, str]]:
    rows = []
    cases = [
        ("split --format jsonl", ["split", "--format", "jsonl"]),
        ("entities --format jsonl", ["entities", "--format", "jsonl"]),
        ("analyze --format json", ["analyze", "--format", "json"]),
        ("analyze --format jsonl", ["analyze", "--format", "jsonl"]),
    ]
    for label, args in cases:
        best_wall, best_cpu = float("inf"), float("inf")
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([str(binary), *args, str(text_file)], stdout=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if wall < best_wall:
                best_wall, best_cpu = wall, cpu
        mb = size / 1e6
        rows.append(
            (
                f"CLI: slant {label}",
                f"{mb / best_wall:.0f}",
                f"{mb / best_cpu:.0f}" if best_cpu > 0 else "n/a",
                f"best of {runs}: {best_wall:.2f} s wall, {best_cpu:.2f} s CPU",
            )
        )
    return rows


def wasm(pkg: Path, text_file: Path, runs: int) -> list[tuple[str, str, str]]:
    if not (pkg / "slant_wasm.js").is_file():
        return [("wasm under Node: analyze()", "n/a", "n/a", f"no package in {pkg} (run through `just bench`)")]
    out = subprocess.run(
        ["node", str(ROOT / "scripts/bench_wasm.mjs"), str(pkg), str(text_file), str(runs)],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return [("wasm under Node: analyze()", "n/a", "n/a", f"node failed (exit {out.returncode})")]
    r = json.loads(out.stdout.strip().splitlines()[-1])
    size = (pkg / "slant_wasm_bg.wasm").stat().st_size
    return [
        (
            "wasm under Node: analyze()",
            f"{r['mb_per_s']:.1f}",
            f"{r['bytes'] / 1e6 / (r['best_cpu_ms'] / 1e3):.1f}" if r.get("best_cpu_ms") else "n/a",
            f"best of {runs}: {r['best_ms'] / 1e3:.2f} s wall, {r['best_cpu_ms'] / 1e3:.2f} s CPU (Node process); "
            f"{size // 1024} KiB wasm, opt-level z",
        )
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the ../shared directory (optional)")
    ap.add_argument("--mb", type=float, default=4.0, help="size of the CLI and wasm input, MB (default 4)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each CLI command and of the wasm (best kept)")
    ap.add_argument("--quick", action="store_true", help="only criterion's summary lines, not its groups")
    ap.add_argument("--no-core", action="store_true", help="skip the criterion bench (CLI and wasm only)")
    ap.add_argument("--bin", type=Path, default=ROOT / "target/release/slant")
    ap.add_argument("--wasm-pkg", type=Path, default=OUT / "wasm-node")
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    text, source = input_text(args.shared, int(args.mb * 1e6))
    text_file = OUT / "input.txt"
    data = text.encode("utf-8")
    text_file.write_bytes(data)
    load_before = load()

    core_rows, core_corpus = ([], "skipped (--no-core)") if args.no_core else criterion(args.quick)
    rows = core_rows + cli(args.bin, text_file, len(data), args.runs) + wasm(args.wasm_pkg, text_file, args.runs)

    print()
    print("== slant throughput (MB = 10^6 bytes)")
    print(f"core (criterion bench): {core_corpus.removeprefix('corpus: ')}")
    print(f"CLI and wasm input: {text_file.relative_to(ROOT)}, {len(data) / 1e6:.2f} MB: {source}")
    print(f"load average: {load_before} before, {load()} after ({os.cpu_count()} CPUs)")
    print()
    width = max(len(r[0]) for r in rows)
    print(f"| {'what':<{width}} | MB/s, best run | MB/s per CPU-second | detail |")
    print(f"|{'-' * (width + 2)}|---:|---:|---|")
    for what, mbs, cpu, detail in rows:
        print(f"| {what:<{width}} | {mbs:>14} | {cpu:>19} | {detail} |")
    if any(mbs == "n/a" for _, mbs, _, _ in rows):
        raise SystemExit("bench: some measurements failed (n/a above)")


if __name__ == "__main__":
    main()
