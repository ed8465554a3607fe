// The side panel: asks the tab's content script for the article's text,
// analyses it in the page's worker (the same wasm and worker protocol as the
// page), lists the entities with the page's components, and sends the spans
// to highlight back to the tab. Nothing here touches the network.
import {
  el,
  entityRow,
  renderSummary,
  quoted,
  sortedEntities,
  describeCue,
  verdictHeading,
  contextReading,
  download,
  CUE_NAMES,
} from "./render.js";
import { reportHtml } from "./report.js";
import { CONTENT_FILES, CONTENT_CSS } from "./content-files.js";

const $ = (id) => document.getElementById(id);
// The list draws at most this many entities (the JSON export has all).
const ENTITY_LIMIT = 300;
// Evidence items listed for an entity without cues: its first mentions.
const MENTION_ITEMS = 8;
// How often and how far apart a panel that opens asks the tab for its content script.
const PING_ATTEMPTS = 10;
const PING_PAUSE_MS = 200;

// A panel opened as a tab (panel.html?tab=ID) analyses that tab; the side
// panel follows the active tab of its window.
const fixedTab = new URLSearchParams(location.search).has("tab")
  ? Number(new URLSearchParams(location.search).get("tab"))
  : null;

const state = {
  tabId: fixedTab,
  reading: null, // the tab whose article was last asked for
  windowId: null,
  worker: null,
  nextId: 1,
  pending: null, // {id, tabId, text, title, origin}
  analysis: null,
  text: "",
  title: "",
  origin: "",
  selected: null,
};
// For tests and the curious: the panel's state.
globalThis.slantPanel = state;

function setStatus(message, kind = "") {
  $("status").textContent = message;
  $("status").dataset.kind = kind;
}

function startWorker() {
  state.worker?.terminate();
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (event) => onWorkerMessage(event.data || {});
  worker.onerror = () => setStatus("The analyser stopped unexpectedly. Click slant's button to try again.", "error");
  state.worker = worker;
}

function onWorkerMessage(msg) {
  const pending = state.pending;
  if (msg.type === "ready" || !pending || msg.id !== pending.id) return;
  if (msg.type === "progress") {
    $("progress").hidden = false;
    $("progress").value = msg.done / Math.max(1, msg.total);
    setStatus(`Analysing… ${msg.sentences} sentences so far.`);
  } else if (msg.type === "result") {
    state.pending = null;
    busy(false);
    show(pending, JSON.parse(msg.json), msg.ms);
  } else if (msg.type === "error") {
    state.pending = null;
    busy(false);
    setStatus(`The analysis failed: ${msg.message}`, "error");
    if (msg.fatal) startWorker();
  }
}

function busy(on) {
  $("cancel").hidden = !on;
  if (!on) $("progress").hidden = true;
}

/// Reads the article of `tabId` and analyses it.
async function analyseTab(tabId) {
  state.tabId = tabId;
  state.reading = tabId;
  setStatus("Reading the article…");
  let article;
  try {
    article = await chrome.tabs.sendMessage(tabId, { type: "slant:extract" });
  } catch {
    setStatus("Click slant's toolbar button on an article to analyse it.");
    return;
  }
  if (!article?.ok) {
    setStatus(
      article?.reason === "error"
        ? `This page could not be read: ${article.message}`
        : "No article found on this page: slant reads the main text of news articles and posts.",
      "error",
    );
    return;
  }
  // A newer request supersedes one in flight: results are matched by id.
  const id = state.nextId++;
  state.pending = { id, tabId, text: article.text, title: article.title, origin: article.origin, dir: article.dir };
  setStatus(`Analysing ${article.text.length.toLocaleString()} characters…`);
  busy(true);
  state.worker.postMessage({ type: "analyze", id, text: article.text });
  updateAutoCheckbox(article.origin);
}

function cancel() {
  if (!state.pending) return;
  state.pending = null;
  busy(false);
  startWorker(); // the only way to stop a running wasm call
  setStatus("Cancelled.");
}

function spansToDraw(analysis) {
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  const spans = [];
  for (const e of analysis.entities) {
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, name: `mention-${e.label}` });
  }
  for (const c of analysis.cues) {
    const target = c.target === null || c.target === undefined ? null : byId.get(c.target);
    spans.push({ start: c.start, end: c.end, name: `cue-${c.kind}`, describe: `${quoted(c.text)} — ${describeCue(c, target)}` });
  }
  return spans;
}

async function show(request, analysis, ms) {
  state.analysis = analysis;
  state.text = request.text;
  state.title = request.title || "";
  state.selected = null;
  $("article-title").textContent = state.title;
  $("article-title").dir = request.dir || "auto";
  $("article-title").hidden = !state.title;
  const sorted = sortedEntities(analysis);
  const list = document.createDocumentFragment();
  for (const e of sorted.slice(0, ENTITY_LIMIT)) list.append(entityRow(e));
  $("entities").replaceChildren(list);
  $("entity-count").textContent =
    sorted.length > ENTITY_LIMIT ? `(${ENTITY_LIMIT} of ${sorted.length})` : `(${sorted.length})`;
  renderSummary($("summary"), analysis);
  $("evidence").hidden = true;
  $("results").hidden = false;
  setStatus(
    `${analysis.sentences.length} sentences, ${analysis.entities.length} entities, ${analysis.cues.length} cues in ${Math.round(ms)} ms.`,
  );
  try {
    const drawn = await chrome.tabs.sendMessage(request.tabId, { type: "slant:show", spans: spansToDraw(analysis) });
    $("highlight-note").hidden = drawn?.supported !== false;
    document.documentElement.dataset.drawn = String(drawn?.drawn ?? 0);
  } catch {
    // the tab navigated away meanwhile: the list stays
  }
  document.documentElement.dataset.renders = String(Number(document.documentElement.dataset.renders || 0) + 1);
}

function evidenceItem(label, detail, start, end) {
  const button = el(
    "button",
    { type: "button", class: "evidence-item", "data-start": start, "data-end": end },
    el("span", { class: "evidence-text", dir: "auto", text: label }),
  );
  if (detail) button.append(el("span", { class: "evidence-cues", text: detail }));
  button.addEventListener("click", () => focusOnPage(start, end));
  return el("li", {}, button);
}

async function focusOnPage(start, end) {
  try {
    const r = await chrome.tabs.sendMessage(state.tabId, { type: "slant:focus", start, end });
    if (!r?.ok) setStatus("That passage is no longer on the page (it changed since the analysis).");
  } catch {
    setStatus("The page is no longer open.");
  }
}

function selectEntity(id) {
  state.selected = state.selected === id ? null : id;
  for (const b of $("entities").querySelectorAll("button.entity")) {
    b.setAttribute("aria-pressed", String(Number(b.dataset.entity) === state.selected));
  }
  const evidence = $("evidence");
  if (state.selected === null) {
    evidence.hidden = true;
    return;
  }
  const analysis = state.analysis;
  const entity = analysis.entities.find((e) => e.id === state.selected);
  const cues = (entity.framing?.cues || []).map((i) => analysis.cues[i]).filter(Boolean);
  const list = el("ol", { class: "evidence-list" });
  for (const c of cues) {
    const sentence = analysis.sentences[c.sentence]?.text ?? c.text;
    list.append(evidenceItem(sentence, `${CUE_NAMES[c.kind] || c.kind} ${quoted(c.text)}: ${c.reason}`, c.start, c.end));
  }
  if (!cues.length) {
    for (const m of entity.mentions.slice(0, MENTION_ITEMS)) {
      list.append(evidenceItem(analysis.sentences[m.sentence]?.text ?? m.text, `mention ${quoted(m.text)}`, m.start, m.end));
    }
  }
  evidence.replaceChildren(
    el("h3", { text: verdictHeading(entity) }),
    cues.length
      ? el("p", { class: "hint", text: "The cues that frame it:" })
      : el("p", { class: "hint", text: "No framing cues point at it; its mentions:" }),
    list,
    el("p", { class: "hint context-reading", text: contextReading(entity) }),
  );
  evidence.hidden = false;
}

function fileStem() {
  return (state.title || "article").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "article";
}

// ---------------------------------------------------------------- automatic analysis per site

function autoScriptId(origin) {
  return `auto-${origin.replace(/[^a-z0-9]+/gi, "_")}`;
}

async function updateAutoCheckbox(origin) {
  state.origin = origin || "";
  const box = $("auto");
  if (!/^https?:/.test(state.origin)) {
    box.disabled = true;
    box.checked = false;
    return;
  }
  box.disabled = false;
  const granted = await chrome.permissions.contains({ origins: [`${state.origin}/*`] });
  const scripts = await chrome.scripting.getRegisteredContentScripts({ ids: [autoScriptId(state.origin)] });
  box.checked = granted && scripts.length > 0;
}

async function setAuto(on) {
  const origin = state.origin;
  const id = autoScriptId(origin);
  if (on) {
    // Asked on the reader's click, for this one site only.
    const granted = await chrome.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) {
      $("auto").checked = false;
      return;
    }
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
    if (!existing.length) {
      await chrome.scripting.registerContentScripts([
        { id, matches: [`${origin}/*`], js: CONTENT_FILES, css: CONTENT_CSS, runAt: "document_idle", persistAcrossSessions: true },
      ]);
    }
  } else {
    await chrome.scripting.unregisterContentScripts({ ids: [id] }).catch(() => {});
    await chrome.permissions.remove({ origins: [`${origin}/*`] }).catch(() => {});
  }
}

/// A tab the panel follows finished loading, or became active: analyse it if
/// its content script is there (a site analysed automatically, or a click).
async function maybeAnalyse(tabId) {
  state.tabId = tabId;
  // A click's injection may still be running when the panel opens: ask a few times.
  for (let attempt = 0; attempt < PING_ATTEMPTS; attempt++) {
    try {
      await chrome.tabs.sendMessage(tabId, { type: "slant:ping" });
      if (state.tabId === tabId) analyseTab(tabId);
      return;
    } catch {
      if (attempt === 0) setStatus("Click slant's toolbar button on an article to analyse it.");
      await new Promise((r) => setTimeout(r, PING_PAUSE_MS));
    }
    if (state.tabId !== tabId || state.reading === tabId) return; // the reader moved on, or a click's message came first
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  $("entities").addEventListener("click", (event) => {
    const b = event.target.closest("button.entity");
    if (b) selectEntity(Number(b.dataset.entity));
  });
  $("cancel").addEventListener("click", cancel);
  $("export-json").addEventListener("click", () => {
    if (state.analysis) download(`${fileStem()}.slant.json`, "application/json", JSON.stringify(state.analysis, null, 2));
  });
  $("export-html").addEventListener("click", () => {
    if (state.analysis) download(`${fileStem()}.slant.html`, "text/html", reportHtml(state.analysis, `slant: ${state.title || "article"}`));
  });
  $("clear").addEventListener("click", () => {
    if (state.tabId !== null) chrome.tabs.sendMessage(state.tabId, { type: "slant:clear" }).catch(() => {});
  });
  $("auto").addEventListener("change", (event) => setAuto(event.target.checked));

  chrome.runtime.onMessage.addListener((message) => {
    if (fixedTab !== null && message?.tabId !== fixedTab) return;
    if (message?.type === "slant:tab-ready") analyseTab(message.tabId);
    else if (message?.type === "slant:cannot-read") setStatus("slant cannot read this page (the browser's own pages and the web store are closed to extensions).", "error");
  });
  if (fixedTab === null) {
    chrome.tabs.onActivated.addListener(({ tabId, windowId }) => {
      if (windowId === state.windowId) maybeAnalyse(tabId);
    });
    chrome.tabs.onUpdated.addListener((tabId, change) => {
      if (tabId === state.tabId && change.status === "complete") maybeAnalyse(tabId);
    });
  }
}

async function main() {
  wire();
  startWorker();
  if (fixedTab !== null) {
    maybeAnalyse(fixedTab);
    return;
  }
  const win = await chrome.windows.getCurrent();
  state.windowId = win.id;
  const [tab] = await chrome.tabs.query({ active: true, windowId: win.id });
  if (tab) maybeAnalyse(tab.id);
}

main();
