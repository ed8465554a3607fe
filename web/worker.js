// The module Web Worker that owns the wasm. The page never blocks on an
// analysis: it posts {type: "analyze", id, text} and gets back progress
// messages (large inputs are streamed in chunks) and one result (the
// analysis as JSON) or error.
import { initSync, analyze, Analyzer, version } from "./pkg/slant_wasm.js";
// The test hooks: present only in the page tests' build of the wasm.
import * as hooks from "./pkg/slant_wasm.js";
import wasmBytes from "./pkg/wasm_bytes.js";

// Texts longer than this (UTF-16 units) are streamed with progress reports.
const STREAM_ABOVE = 200_000;
const CHUNK = 64 * 1024;

try {
  initSync({ module: wasmBytes });
  // The first analysis builds the word lists and automata: do it now, so
  // the reader's first analysis is as fast as the next ones.
  analyze("Warm up, Mr. Smith said in Washington.");
  postMessage({ type: "ready", version: version() });
} catch (e) {
  postMessage({ type: "error", id: null, message: `The analyser could not start: ${e}` });
}

// A chunk never ends between the two halves of a surrogate pair.
function chunkEnd(text, from, size) {
  let end = Math.min(text.length, from + size);
  if (end < text.length) {
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  }
  return end;
}

function run(id, text) {
  const t0 = performance.now();
  let analysis;
  if (text.length <= STREAM_ABOVE) {
    analysis = analyze(text);
  } else {
    const a = new Analyzer();
    let sentences = 0;
    for (let from = 0; from < text.length; ) {
      const end = chunkEnd(text, from, CHUNK);
      sentences += a.feed(text.slice(from, end)).length;
      from = end;
      postMessage({ type: "progress", id, done: from, total: text.length, sentences });
    }
    analysis = a.finish();
    a.free();
  }
  const ms = performance.now() - t0;
  // Sent as JSON: the page parses it in a quarter of the time the browser
  // takes to copy the object itself (2 MB of names: 290 ms against 830 ms,
  // with the page frozen meanwhile).
  postMessage({ type: "result", id, json: JSON.stringify(analysis), ms });
}

onmessage = (event) => {
  const msg = event.data || {};
  try {
    if (msg.type === "analyze") run(msg.id, String(msg.text ?? ""));
    // Only the page tests send this: a real trap inside the wasm (their
    // build has the hook; the page's own wasm does not, and ignores it).
    else if (msg.type === "trap" && hooks.__panicForTests) hooks.__panicForTests();
  } catch (e) {
    // A trapped instance is not reused: the page starts a fresh worker.
    postMessage({ type: "error", id: msg.id, fatal: true, message: String(e && e.message ? e.message : e) });
  }
};
