"""Times slant.analyze_many on about 8 MB of articles with jobs=1 and jobs=N
(default 2) and prints the speed-up. A measurement, not a pass/fail test.

    python scripts/py_analyze_many_speedup.py [--jsonl FILE] [--mb 8] [--jobs 2]

Articles: the "text" fields of a JSONL file (e.g. ../shared's
persent_dev.jsonl), else web/sample.txt, repeated up to --mb megabytes.
"""

import argparse
import json
import pathlib
import time

import slant

ROOT = pathlib.Path(__file__).resolve().parents[1]


def articles(jsonl, megabytes):
    if jsonl:
        with open(jsonl, encoding="utf-8") as f:
            base = [json.loads(line)["text"] for line in f if line.strip()]
    else:
        base = [(ROOT / "web" / "sample.txt").read_text(encoding="utf-8")]
    texts, size, want = [], 0, megabytes * 1_000_000
    while size < want:
        for text in base:
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= want:
                break
    return texts, size


def best_of(runs, texts, jobs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = slant.analyze_many(texts, jobs=jobs)
        times.append(time.perf_counter() - start)
        # freed outside the timing: the call is timed, not Python freeing its result
        del result
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_jsonl = ROOT.parent / "shared" / "data" / "framing" / "persent_dev.jsonl"
    parser.add_argument("--jsonl", default=str(default_jsonl) if default_jsonl.exists() else None)
    parser.add_argument("--mb", type=float, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs each")
    args = parser.parse_args()
    texts, size = articles(args.jsonl, args.mb)
    print(f"{len(texts)} articles, {size / 1e6:.1f} MB ({args.jsonl or 'web/sample.txt'})")
    one = best_of(args.runs, texts, 1)
    many = best_of(args.runs, texts, args.jobs)
    print(f"jobs=1: {one:.2f} s ({size / 1e6 / one:.1f} MB/s)")
    print(f"jobs={args.jobs}: {many:.2f} s ({size / 1e6 / many:.1f} MB/s)")
    print(f"speed-up: {one / many:.2f}x")


if __name__ == "__main__":
    main()
