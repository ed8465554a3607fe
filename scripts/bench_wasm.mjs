// Times the wasm build's `analyze` under Node on a text file.
//
//   node scripts/bench_wasm.mjs PKG_DIR TEXT_FILE [RUNS]
//
// PKG_DIR is a `wasm-pack build --target nodejs` output (`just bench` makes
// target/bench/wasm-node). One warm-up call on the first 64 KiB, then RUNS
// (default 3) calls on the whole text; prints one JSON line:
// {"bytes", "runs_ms", "best_ms", "best_cpu_ms", "mb_per_s", "sentences",
// "entities"}; the CPU time is the whole Node process's (GC threads too).
// MB are 10^6 bytes of the UTF-8 text; each call includes passing the text
// in and converting the result to JavaScript objects, as on the page.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";

const [pkgDir, textFile, runsArg] = process.argv.slice(2);
if (!pkgDir || !textFile) {
  console.error("usage: node scripts/bench_wasm.mjs PKG_DIR TEXT_FILE [RUNS]");
  process.exit(2);
}
const runs = Math.max(1, Number.parseInt(runsArg ?? "3", 10) || 3);
const require = createRequire(import.meta.url);
const slant = require(resolve(pkgDir, "slant_wasm.js"));

const bytes = readFileSync(textFile);
const text = bytes.toString("utf8");
slant.analyze(text.slice(0, 65536));

const times = [];
const cpus = [];
let last;
for (let i = 0; i < runs; i++) {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  last = slant.analyze(text);
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpu0);
  cpus.push((cpu.user + cpu.system) / 1e3);
}
const best = Math.min(...times);
const bestCpu = cpus[times.indexOf(best)];
console.log(
  JSON.stringify({
    bytes: bytes.length,
    runs_ms: times.map((t) => Math.round(t * 10) / 10),
    best_ms: Math.round(best * 10) / 10,
    best_cpu_ms: Math.round(bestCpu * 10) / 10,
    mb_per_s: bytes.length / 1e6 / (best / 1e3),
    sentences: last.sentences?.length ?? null,
    entities: last.entities?.length ?? null,
  }),
);
