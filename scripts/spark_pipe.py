#!/usr/bin/env python3
"""Corpus mode across machines: Spark pipes partitions through `slant`.

`slant analyze --corpus` reads one JSON document per line and writes one
analysis per line in input order, so any engine that streams lines through a
command scales it out; nothing in slant knows about distribution. Here Spark's
`RDD.pipe` runs in local mode (`local[*]`); on a cluster the same code runs
with the binary shipped to the workers (e.g. `spark-submit --files`).

Usage: scripts/spark_pipe.py [--bin target/release/slant] [--docs 200] [INPUT.jsonl]
Without INPUT it builds a corpus from the sample article. Checks that every
document comes back exactly once with its id, and prints the throughput.
"""
import argparse, json, os, pathlib, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?")
    ap.add_argument("--bin", default=str(ROOT / "target/release/slant"))
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--partitions", type=int, default=4)
    opts = ap.parse_args()
    from pyspark import SparkConf, SparkContext

    if opts.input:
        lines = pathlib.Path(opts.input).read_text(encoding="utf-8").splitlines()
    else:
        article = (ROOT / "web/sample.txt").read_text(encoding="utf-8")
        lines = [json.dumps({"id": i, "text": article}) for i in range(opts.docs)]
    conf = SparkConf().setMaster("local[*]").setAppName("slant-corpus").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        start = time.perf_counter()
        out = sc.parallelize(lines, opts.partitions).pipe(f"{opts.bin} analyze --corpus").collect()
        secs = time.perf_counter() - start
    finally:
        sc.stop()
    ids = sorted(json.loads(line)["id"] for line in out)
    want = sorted(json.loads(line).get("id") for line in lines if line.strip())
    mb = sum(len(line.encode()) for line in lines) / 1e6
    print(f"spark: {len(out)} analyses of {len(lines)} documents, {mb:.1f} MB in {secs:.1f} s ({mb / secs:.1f} MB/s)")
    if ids != want:
        print("spark: FAIL documents lost or duplicated", file=sys.stderr)
        return 1
    print("spark: ok, every document analysed once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
