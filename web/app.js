// The page: input, a worker that owns the wasm, and the views.
import sample from "./pkg/sample.js";
import {
  el,
  fmtScore,
  renderArticle,
  renderEntities,
  renderSummary,
  sortedEntities,
  divergingBar,
  CUE_NAMES,
} from "./render.js";
import { encodeText, decodeText } from "./permalink.js";
import { reportHtml } from "./report.js";

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 200;
// The article view draws at most this many sentences (the rest are in the JSON).
const RENDER_LIMIT = 3000;

const state = {
  worker: null,
  ready: false,
  nextId: 1,
  // Per input ("a", "b"): the request in flight and the newest text waiting.
  inFlight: new Map(),
  waiting: new Map(),
  analysis: { a: null, b: null },
  text: { a: "", b: "" },
  selected: null,
  renders: 0,
};
// For tests and the curious: the latest analyses.
window.slant = state;

function setStatus(message, kind = "") {
  const s = $("status");
  s.textContent = message;
  s.dataset.kind = kind;
}

// ---------------------------------------------------------------- worker

function startWorker() {
  if (state.worker) state.worker.terminate();
  state.ready = false;
  state.inFlight.clear();
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (event) => onWorkerMessage(worker, event.data || {});
  worker.onerror = (event) => {
    event.preventDefault();
    restartAfterFailure(`The analyser stopped (${event.message || "worker error"}); it has been restarted.`);
  };
  state.worker = worker;
}

function restartAfterFailure(message) {
  // Requests that were running are retried once on the fresh worker.
  for (const [which, req] of state.inFlight) {
    if (!state.waiting.has(which) && !req.retried) state.waiting.set(which, { text: req.text, retried: true });
  }
  startWorker();
  setStatus(message, "error");
}

function onWorkerMessage(worker, msg) {
  if (worker !== state.worker) return;
  if (msg.type === "ready") {
    state.ready = true;
    document.documentElement.dataset.ready = "true";
    pump();
    return;
  }
  const which = [...state.inFlight].find(([, r]) => r.id === msg.id)?.[0];
  if (msg.type === "progress") {
    if (which === "a") showProgress(msg.done / msg.total, `Analysing… ${msg.sentences} sentences so far`);
    return;
  }
  if (msg.type === "error") {
    if (msg.fatal || msg.id === null) {
      restartAfterFailure(`The analyser failed (${msg.message}); it has been restarted.`);
    } else {
      setStatus(`The analysis failed: ${msg.message}`, "error");
    }
    return;
  }
  if (msg.type === "result" && which) {
    const req = state.inFlight.get(which);
    state.inFlight.delete(which);
    hideProgress();
    if (!state.waiting.has(which)) showResult(which, req.text, msg.analysis, msg.ms);
    pump();
  }
}

/// Sends the newest waiting text of each input when nothing is in flight for it.
function pump() {
  if (!state.ready) return;
  for (const [which, item] of state.waiting) {
    if (state.inFlight.has(which)) continue;
    state.waiting.delete(which);
    const id = state.nextId++;
    state.inFlight.set(which, { id, text: item.text, retried: item.retried });
    if (item.text.length > 200_000) showProgress(0, "Analysing…");
    state.worker.postMessage({ type: "analyze", id, text: item.text });
  }
}

function request(which, text) {
  state.waiting.set(which, { text });
  const running = state.inFlight.get(which);
  // A long analysis of stale text is abandoned rather than awaited.
  if (running && running.text.length > 200_000) cancel(false);
  pump();
}

function cancel(announce = true) {
  const had = state.inFlight.size > 0;
  // Only the article's analysis is cancelled: the second text's is resent.
  const b = state.inFlight.get("b");
  if (b && !state.waiting.has("b")) state.waiting.set("b", { text: b.text });
  startWorker();
  hideProgress();
  if (announce && had) {
    state.waiting.delete("a");
    setStatus("Analysis cancelled.");
  }
}

function showProgress(fraction, message) {
  $("progress").hidden = false;
  $("progress").value = fraction;
  $("cancel").hidden = false;
  setStatus(message);
}

function hideProgress() {
  $("progress").hidden = true;
  $("cancel").hidden = true;
}

// ---------------------------------------------------------------- views

function showResult(which, text, analysis, ms) {
  state.analysis[which] = analysis;
  state.text[which] = text;
  if (which === "a") {
    const t0 = performance.now();
    renderArticle($("article"), analysis, RENDER_LIMIT);
    renderEntities($("entities"), analysis);
    renderSummary($("summary"), analysis);
    $("sentence-count").textContent = `(${analysis.sentences.length})`;
    $("entity-count").textContent = `(${analysis.entities.length})`;
    const keep = state.selected;
    state.selected = null;
    if (keep !== null && analysis.entities.some((e) => e.id === keep)) selectEntity(keep);
    else $("evidence").hidden = true;
    const renderMs = performance.now() - t0;
    state.lastTimings = { analyseMs: ms, renderMs };
    const n = analysis.sentences.length;
    setStatus(
      text.length === 0
        ? "Paste or type an article, or load the sample."
        : `${n} sentence${n === 1 ? "" : "s"}, ${analysis.entities.length} entities, ${analysis.cues.length} cues — analysed in ${ms.toFixed(1)} ms, drawn in ${renderMs.toFixed(1)} ms.`,
    );
  }
  if (!$("compare").hidden) renderCompare();
  state.renders += 1;
  document.documentElement.dataset.renders = String(state.renders);
}

function selectEntity(id) {
  const same = state.selected === id;
  state.selected = same ? null : id;
  for (const b of $("entities").querySelectorAll("button.entity")) {
    b.setAttribute("aria-pressed", String(Number(b.dataset.entity) === state.selected));
  }
  for (const n of $("article").querySelectorAll(".selected")) n.classList.remove("selected");
  const evidence = $("evidence");
  if (state.selected === null) {
    evidence.hidden = true;
    return;
  }
  const analysis = state.analysis.a;
  const entity = analysis.entities.find((e) => e.id === state.selected);
  for (const n of $("article").querySelectorAll(`[data-entity="${state.selected}"], mark[data-target="${state.selected}"]`)) {
    n.classList.add("selected");
  }
  const cues = (entity.framing?.cues || []).map((i) => analysis.cues[i]).filter(Boolean);
  const sentences = [...new Set(cues.map((c) => c.sentence))].sort((x, y) => x - y);
  const list = el("ol", { class: "evidence-list" });
  for (const i of sentences) {
    const s = analysis.sentences[i];
    if (!s) continue;
    const kinds = cues.filter((c) => c.sentence === i).map((c) => `${CUE_NAMES[c.kind] || c.kind} “${c.text}”`);
    list.append(el("li", {}, el("span", { class: "evidence-text", text: s.text }), el("span", { class: "evidence-cues", text: kinds.join("; ") })));
  }
  // The context model's share of the score, with the words it weighed most.
  const context = entity.framing?.context;
  const words = (context?.words || []).map((w) => `“${w.text}” (${w.weight > 0 ? "+" : "−"}${Math.abs(w.weight).toFixed(2)})`);
  evidence.replaceChildren(
    el("h3", { text: `${entity.name}: ${fmtScore(entity.framing?.score)} (${entity.framing?.polarity ?? "neutral"})` }),
    sentences.length
      ? list
      : el("p", {
          class: "hint",
          text: "No framing cues point at this entity: its score is only the learned model's lean, kept within ±0.30.",
        }),
    el("p", {
      class: "hint context-reading",
      text: `Wording around the name (a learned model): ${fmtScore(context?.score ?? 0)}` + (words.length ? `, most from ${words.join(", ")}.` : "."),
    }),
  );
  evidence.hidden = false;
  $("article").querySelector(`[data-entity="${state.selected}"]`)?.scrollIntoView({ block: "nearest" });
}

// Tooltip for cues, on hover and on keyboard focus.
function showTip(mark) {
  const tip = $("tooltip");
  const cue = state.analysis.a?.cues?.[Number(mark.dataset.cue)];
  if (!cue) return;
  tip.replaceChildren(
    el("strong", { text: CUE_NAMES[cue.kind] || cue.kind }),
    el("span", { text: ` “${cue.text}”` }),
    el("br"),
    el("span", { text: cue.reason }),
    el("br"),
    el("span", { text: `Polarity ${fmtScore(cue.polarity)}` }),
    el("span", {
      text:
        cue.target === null || cue.target === undefined
          ? " · no target"
          : ` · about ${state.analysis.a.entities.find((e) => e.id === cue.target)?.name ?? "?"}`,
    }),
  );
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const w = Math.min(320, window.innerWidth - 16);
  tip.style.maxWidth = `${w}px`;
  tip.style.left = `${Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - w - 8))}px`;
  tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  mark.setAttribute("aria-describedby", "tooltip");
}

function hideTip() {
  $("tooltip").hidden = true;
}

// ---------------------------------------------------------------- compare

function renderCompare() {
  const a = state.analysis.a;
  const b = state.analysis.b;
  const chart = $("compare-chart");
  if (!a || !b) {
    chart.replaceChildren(el("li", { class: "hint", text: "Paste a second article to compare." }));
    return;
  }
  const key = (e) => `${e.label}\u0000${e.name.toLowerCase()}`;
  const inB = new Map(b.entities.map((e) => [key(e), e]));
  const shared = sortedEntities(a)
    .filter((e) => inB.has(key(e)))
    .map((e) => [e, inB.get(key(e))]);
  if (!shared.length) {
    chart.replaceChildren(el("li", { class: "hint", text: "The two articles name no entity in common." }));
    return;
  }
  chart.replaceChildren(
    ...shared.map(([ea, eb]) =>
      el(
        "li",
        { class: "compare-row", "data-name": ea.name },
        el("span", { class: "entity-name", text: ea.name }),
        el(
          "span",
          { class: "compare-bars" },
          el("span", { class: "which", text: "A" }),
          divergingBar(ea.framing?.score, `article A: ${fmtScore(ea.framing?.score)}`),
          el("span", { class: "entity-score", text: fmtScore(ea.framing?.score) }),
          el("span", { class: "which", text: "B" }),
          divergingBar(eb.framing?.score, `article B: ${fmtScore(eb.framing?.score)}`),
          el("span", { class: "entity-score", text: fmtScore(eb.framing?.score) }),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- export

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyPermalink() {
  const hash = await encodeText($("text").value);
  // Browsers cap addresses at about 2 MB.
  if (hash.length > 1_500_000) {
    setStatus("This text is too long for a permalink; download the JSON or the HTML report instead.", "error");
    return;
  }
  history.replaceState(null, "", `#${hash}`);
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus("Permalink copied: it carries the text itself, compressed.");
  } catch {
    setStatus("Permalink set in the address bar: it carries the text itself, compressed.");
  }
}

// ---------------------------------------------------------------- input

let timer = 0;
function scheduleAnalysis(which) {
  clearTimeout(timer);
  timer = setTimeout(() => request(which, (which === "a" ? $("text") : $("text-b")).value), DEBOUNCE_MS);
}

function setText(text) {
  $("text").value = text;
  clearTimeout(timer);
  request("a", text);
}

async function readFile(file) {
  if (!file) return;
  setText(await file.text());
}

const THEMES = ["auto", "light", "dark"];
function applyTheme(theme) {
  if (theme === "auto") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  $("theme").textContent = `Theme: ${theme}`;
  $("theme").setAttribute("aria-label", `Colour theme: ${theme === "auto" ? "automatic" : theme}`);
  try {
    localStorage.setItem("slant-theme", theme);
  } catch {
    /* storage may be disabled */
  }
}

function wire() {
  $("text").addEventListener("input", () => scheduleAnalysis("a"));
  $("text-b").addEventListener("input", () => scheduleAnalysis("b"));
  $("load-sample").addEventListener("click", () => setText(sample));
  $("clear").addEventListener("click", () => setText(""));
  $("file").addEventListener("change", (e) => readFile(e.target.files?.[0]));
  $("cancel").addEventListener("click", () => cancel());
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    readFile(e.dataTransfer?.files?.[0]);
  });
  $("entities").addEventListener("click", (e) => {
    const b = e.target.closest("button.entity");
    if (b) selectEntity(Number(b.dataset.entity));
  });
  const article = $("article");
  article.addEventListener("mouseover", (e) => {
    const m = e.target.closest("mark.cue");
    if (m) showTip(m);
  });
  article.addEventListener("mouseout", (e) => {
    if (e.target.closest("mark.cue") && !e.relatedTarget?.closest?.("mark.cue")) hideTip();
  });
  article.addEventListener("focusin", (e) => {
    const m = e.target.closest("mark.cue");
    if (m) showTip(m);
  });
  article.addEventListener("focusout", hideTip);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideTip();
  });
  $("export-json").addEventListener("click", () => {
    if (state.analysis.a) download("slant-analysis.json", "application/json", JSON.stringify(state.analysis.a, null, 2));
  });
  $("export-html").addEventListener("click", () => {
    if (state.analysis.a) download("slant-report.html", "text/html", reportHtml(state.analysis.a));
  });
  $("permalink").addEventListener("click", copyPermalink);
  $("compare-toggle").addEventListener("click", () => {
    const on = $("compare").hidden;
    $("compare").hidden = !on;
    $("compare-box").hidden = !on;
    $("compare-toggle").setAttribute("aria-pressed", String(on));
    document.querySelector(".texts").classList.toggle("two", on);
    if (on) {
      request("b", $("text-b").value);
      renderCompare();
    }
  });
  $("theme").addEventListener("click", () => {
    const now = document.documentElement.dataset.theme || "auto";
    applyTheme(THEMES[(THEMES.indexOf(now) + 1) % THEMES.length]);
  });
  window.addEventListener("hashchange", loadFromHash);
}

async function loadFromHash() {
  const hash = location.hash.slice(1);
  if (!hash) return false;
  try {
    setText(await decodeText(hash));
    return true;
  } catch (e) {
    setStatus(`The link’s text could not be read (${e.message}).`, "error");
    return false;
  }
}

async function main() {
  let theme = "auto";
  try {
    theme = localStorage.getItem("slant-theme") || "auto";
  } catch {
    /* storage may be disabled */
  }
  applyTheme(THEMES.includes(theme) ? theme : "auto");
  wire();
  startWorker();
  // Offline once loaded (a no-op where service workers are unavailable).
  navigator.serviceWorker?.register("./sw.js").catch(() => {});
  if (!(await loadFromHash())) setText(sample);
}

main();
