// The page: input, a worker that owns the wasm, and the views.
import sample from "./pkg/sample.js";
import {
  el,
  fmtScore,
  renderArticle,
  entityRow,
  renderSummary,
  quoted,
  sortedEntities,
  divergingBar,
  verdictHeading,
  contextReading,
  download,
  CUE_NAMES,
} from "./render.js";
import { encodeText, decodeText, PermalinkError } from "./permalink.js";
import { reportHtml } from "./report.js";

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 200;
// The article view draws at most this many sentences, spans (mentions and
// cues) and characters, so a huge text cannot freeze the tab (the rest are in
// the JSON).
const ARTICLE_LIMITS = { sentences: 3000, spans: 20_000, chars: 400_000 };
// The entity list draws this many rows at a time (more on scroll or "Show
// more"): 100,000 entities drawn at once froze the tab for seconds.
const ENTITY_PAGE = 200;
// The compare chart draws at most this many shared entities.
const COMPARE_LIMIT = 300;
// An analysis running longer than this shows the "analysing" state and Cancel;
// texts longer than STREAM_ABOVE (which the worker streams, with progress)
// show it at once.
const BUSY_AFTER_MS = 300;
const STREAM_ABOVE = 200_000;
// The most text the page accepts, in bytes of UTF-8, whichever way it comes
// (typing, paste, file, drop, permalink).
const MAX_TEXT_BYTES = 5_000_000;

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
  // The entity list: the analysis's entities in display order, how many are drawn.
  sorted: [],
  shown: 0,
  // True while an error the reader must see (a refused text, a failed
  // permalink) is shown: results of older requests do not overwrite it.
  errorShown: false,
};
// For tests and the curious: the latest analyses.
window.slant = state;

function setStatus(message, kind = "") {
  const s = $("status");
  s.textContent = message;
  s.dataset.kind = kind;
}

/// An error that stays until the reader gives the page another text.
function showError(message) {
  hideProgress();
  setStatus(message, "error");
  state.errorShown = true;
}

/// The size of `s` in bytes of UTF-8 if that is over MAX_TEXT_BYTES, else 0.
function oversize(s) {
  if (s.length * 3 <= MAX_TEXT_BYTES) return 0; // at most 3 bytes per UTF-16 unit
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair (4 bytes) counts 2 + 2.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n > MAX_TEXT_BYTES ? n : 0;
}

function tooLongMessage(bytes, which = "a") {
  const what = which === "a" ? "This text" : "The second text";
  const n = (x) => x.toLocaleString("en");
  return `${what} is ${n(bytes)} bytes long; the page analyses at most ${n(MAX_TEXT_BYTES)} bytes (5 MB), so it was not analysed. Split it, or use the command line tool (slant analyze).`;
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
    const req = state.inFlight.get(which);
    if (which !== "a" || !req) return;
    req.progress = [msg.done / msg.total, `Analysing… ${msg.sentences} sentences so far`];
    if (req.busy) showProgress(...req.progress);
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
    clearTimeout(req.busyTimer);
    if (which === "a") hideProgress();
    if (!state.waiting.has(which)) showResult(which, req.text, msg.json, msg.ms);
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
    const req = { id, text: item.text, retried: item.retried, busy: false, progress: [null, "Analysing…"] };
    state.inFlight.set(which, req);
    // Whatever the text's length: an analysis that takes more than a moment
    // says so and can be cancelled.
    if (which === "a") {
      const busy = () => {
        if (state.inFlight.get("a") !== req) return;
        req.busy = true;
        showProgress(...req.progress);
      };
      if (item.text.length > STREAM_ABOVE) busy();
      else req.busyTimer = setTimeout(busy, BUSY_AFTER_MS);
    }
    state.worker.postMessage({ type: "analyze", id, text: item.text });
  }
}

function request(which, text) {
  const size = oversize(text);
  if (size) {
    state.waiting.delete(which);
    showError(tooLongMessage(size, which));
    return;
  }
  if (which === "a") state.errorShown = false;
  state.waiting.set(which, { text });
  const running = state.inFlight.get(which);
  // A long analysis of stale text is abandoned rather than awaited.
  if (running?.busy) cancel(false);
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

/// The "analysing" state; `fraction` null for a bar without a known end.
function showProgress(fraction, message) {
  if (state.errorShown) return;
  const bar = $("progress");
  bar.hidden = false;
  if (fraction === null) bar.removeAttribute("value");
  else bar.value = fraction;
  $("cancel").hidden = false;
  setStatus(message);
}

function hideProgress() {
  $("progress").hidden = true;
  $("cancel").hidden = true;
}

// ---------------------------------------------------------------- views

function showResult(which, text, json, ms) {
  // Parsing is main-thread work too: it counts in the drawing time.
  const t0 = performance.now();
  const analysis = JSON.parse(json);
  state.analysis[which] = analysis;
  state.text[which] = text;
  if (which === "a") {
    const drawnSentences = renderArticle($("article"), analysis, ARTICLE_LIMITS);
    state.sorted = sortedEntities(analysis);
    drawEntities(false);
    renderSummary($("summary"), analysis);
    $("sentence-count").textContent = `(${analysis.sentences.length})`;
    $("entity-count").textContent = `(${analysis.entities.length})`;
    const keep = state.selected;
    state.selected = null;
    if (keep !== null && analysis.entities.some((e) => e.id === keep)) selectEntity(keep);
    else $("evidence").hidden = true;
    // Reading a layout figure makes the browser lay the new nodes out now,
    // so "drawn in" includes that work rather than leaving it for later.
    void document.body.offsetHeight;
    const renderMs = performance.now() - t0;
    state.lastTimings = { analyseMs: ms, renderMs };
    const n = analysis.sentences.length;
    const entities = analysis.entities.length;
    // Say what was drawn when it is not everything.
    const partial = [];
    if (drawnSentences < n) partial.push(`${drawnSentences.toLocaleString("en")} of ${n.toLocaleString("en")} sentences`);
    if (state.shown < entities) partial.push(`${state.shown.toLocaleString("en")} of ${entities.toLocaleString("en")} entities`);
    const drawn = `drawn in ${renderMs.toFixed(1)} ms${partial.length ? ` (the first ${partial.join(" and ")})` : ""}`;
    if (!state.errorShown) {
      setStatus(
        text.length === 0
          ? "Paste or type an article, or load the sample."
          : `${n} sentence${n === 1 ? "" : "s"}, ${entities} entities, ${analysis.cues.length} cues — analysed in ${ms.toFixed(1)} ms, ${drawn}.`,
      );
    }
  }
  if (!$("compare").hidden) renderCompare();
  state.renders += 1;
  document.documentElement.dataset.renders = String(state.renders);
}

/// Draws the entity list's first page (`more` false) or its next page.
/// Returns the index of the first row it drew.
function drawEntities(more) {
  const list = $("entities");
  const from = more ? state.shown : 0;
  const to = Math.min(state.sorted.length, from + ENTITY_PAGE);
  const frag = document.createDocumentFragment();
  for (const e of state.sorted.slice(from, to)) {
    const row = entityRow(e);
    row.firstChild.setAttribute("aria-pressed", String(e.id === state.selected));
    frag.append(row);
  }
  // The "Show more" row stays the same element (new rows go before it), so
  // a keyboard user's focus on it survives rows drawn by scrolling.
  let moreRow = more ? list.querySelector(".more-row") : null;
  if (moreRow) moreRow.before(frag);
  else list.replaceChildren(frag);
  const left = state.sorted.length - to;
  if (left > 0) {
    if (!moreRow) {
      moreRow = el("li", { class: "more-row" }, el("button", { type: "button", class: "show-more" }));
      list.append(moreRow);
    }
    moreRow.firstChild.textContent = `Show ${Math.min(left, ENTITY_PAGE)} more (${left.toLocaleString("en")} not shown)`;
  } else {
    moreRow?.remove();
  }
  state.shown = to;
  return from;
}

/// "Show more": the next page, and the keyboard focus on its first row.
function showMoreEntities() {
  const from = drawEntities(true);
  $("entities").querySelectorAll("button.entity")[from]?.focus();
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
    const kinds = cues.filter((c) => c.sentence === i).map((c) => `${CUE_NAMES[c.kind] || c.kind} ${quoted(c.text)}`);
    list.append(el("li", {}, el("span", { class: "evidence-text", text: s.text }), el("span", { class: "evidence-cues", text: kinds.join("; ") })));
  }
  evidence.replaceChildren(
    el("h3", { text: verdictHeading(entity) }),
    sentences.length
      ? list
      : el("p", {
          class: "hint",
          text: "No framing cues point at this entity: its score is only the learned model's lean, kept within ±0.30.",
        }),
    el("p", { class: "hint context-reading", text: contextReading(entity) }),
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
    el("span", { text: ` ${quoted(cue.text)}` }),
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
  // Drawn in one go: capped, like the entity list, so huge texts stay responsive.
  const more = shared.length - COMPARE_LIMIT;
  chart.replaceChildren(
    ...shared.slice(0, COMPARE_LIMIT).map(([ea, eb]) =>
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
  if (more > 0) chart.append(el("li", { class: "hint", text: `… and ${more.toLocaleString("en")} more entities named in both.` }));
}

// ---------------------------------------------------------------- export

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
  // Checked before reading, so a huge file is never loaded into the page.
  if (file.size > MAX_TEXT_BYTES) {
    showError(tooLongMessage(file.size));
    return;
  }
  setText(await file.text());
}

/// A paste that would take a text area past the limit is refused whole
/// (rather than cut somewhere the reader did not choose).
function guardPaste(event, which) {
  const box = event.target;
  const pasted = event.clipboardData?.getData("text/plain") ?? "";
  const size = oversize(box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd));
  if (size) {
    event.preventDefault();
    showError(tooLongMessage(size, which));
  }
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
  $("text").addEventListener("paste", (e) => guardPaste(e, "a"));
  $("text-b").addEventListener("paste", (e) => guardPaste(e, "b"));
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
    else if (e.target.closest("button.show-more")) showMoreEntities();
  });
  // Scrolling near the end of the list draws the next rows.
  $("entities").addEventListener("scroll", (e) => {
    const list = e.currentTarget;
    if (state.shown < state.sorted.length && list.scrollTop + list.clientHeight > list.scrollHeight - 200) drawEntities(true);
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

/// Loads the text a permalink carries: "none" without a fragment, "loaded",
/// or "failed" (with an error that stays: the sample must not replace it).
async function loadFromHash() {
  const hash = location.hash.slice(1);
  if (!hash) return "none";
  try {
    setText(await decodeText(hash, MAX_TEXT_BYTES));
    return "loaded";
  } catch (e) {
    showError(e instanceof PermalinkError ? e.message : `The link’s text could not be read (${e.message}), so nothing was loaded.`);
    return "failed";
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
  if ((await loadFromHash()) === "none") setText(sample);
}

main();
