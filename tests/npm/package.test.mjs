// The packed npm package, installed from its tarball into this directory
// (just test-npm), imported by its name as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { analyze, Analyzer, version } from "slant-wasm";

const ROOT = new URL("../../", import.meta.url);
const SAMPLE = readFileSync(new URL("web/sample.txt", ROOT), "utf8");

/// Every span's text is the slice of the input at its offsets.
function assertSpansSlice(text, a) {
  const spans = [
    ...a.sentences,
    ...a.cues,
    ...a.entities.flatMap((e) => [...e.mentions, ...e.framing.context.words]),
  ];
  assert.ok(spans.length > 0);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, JSON.stringify(s));
}

test("the seed article: its most negatively framed entity is Xi Jinping, with evidence", () => {
  const a = analyze(SAMPLE);
  assert.match(version(), /^\d+\.\d+\.\d+/);
  const worst = a.entities[a.summary.most_negative];
  assert.equal(worst.name, "Xi Jinping");
  assert.equal(worst.framing.polarity, "negative");
  assert.ok(worst.framing.cues.length >= 2, "cues behind the verdict");
  const kinds = new Set(worst.mentions.map((m) => m.kind));
  assert.ok(kinds.has("name"));
  assertSpansSlice(SAMPLE, a);
});

test("offsets are UTF-16 code units on accented, astral and right-to-left text", () => {
  const text =
    "🎉 Ангела Меркель met “so-called” reformer José Núñez in Zürich. " +
    "He called the so-called experts 𝒻𝒶𝓀𝑒. Benjamin Netanyahu (בנימין נתניהו) denied it.";
  const a = analyze(text);
  assert.ok(a.entities.some((e) => e.name === "José Núñez"), JSON.stringify(a.entities.map((e) => e.name)));
  assertSpansSlice(text, a);
});

test("streaming in chunks equals analysing the whole text", () => {
  const analyzer = new Analyzer();
  const chars = Array.from(SAMPLE); // cut between whole characters
  const reports = [];
  for (let i = 0; i < chars.length; i += 97) reports.push(...analyzer.feed(chars.slice(i, i + 97).join("")));
  const streamed = analyzer.finish();
  assert.deepEqual(streamed, analyze(SAMPLE));
  assert.ok(reports.length > 10 && reports.length <= streamed.sentences.length);
  assert.equal(analyzer.fedLength, 0, "finish starts a new document");
});

test("the bundler build, loaded as bundlers load it (wasm as an ES module)", async () => {
  const { spawnSync } = await import("node:child_process");
  const entry = new URL("node_modules/slant-wasm/bundler/slant.js", import.meta.url).href;
  const script = `const m = await import(${JSON.stringify(entry)});
    const a = m.analyze(${JSON.stringify(SAMPLE)});
    console.log(a.entities[a.summary.most_negative].name);`;
  const run = spawnSync(process.execPath, ["--experimental-wasm-modules", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), "Xi Jinping");
});
