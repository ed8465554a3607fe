// Turning an analysis (the contract's object, UTF-16 offsets) into DOM.
// Article text only ever enters the page through text nodes
// (createTextNode / textContent): it is never parsed as HTML.

export const CUE_KINDS = ["label", "scare_quote", "doubt", "attribution", "loaded"];
export const CUE_NAMES = {
  label: "label",
  scare_quote: "scare quote",
  doubt: "doubt",
  attribution: "attribution",
  loaded: "loaded wording",
};
export const LABEL_NAMES = {
  PERSON: "person",
  ORG: "organisation",
  GPE: "country, city or state",
  LOC: "place",
  NORP: "group",
  EVENT: "event",
};

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) node.append(c);
  return node;
}

/// `text` in quotation marks, never doubled (““…””): as it is when it
/// already has its own (a scare quote's cue text does), in single ones when
/// it holds double ones (‘so-called “expert”’).
export function quoted(text) {
  const t = String(text ?? "");
  if (t.length > 1 && /^["'“‘«„]/.test(t) && /["'”’»“]$/.test(t)) return t;
  return /["“”«»„]/.test(t) ? `‘${t}’` : `“${t}”`;
}

export function fmtScore(x) {
  const v = Number(x) || 0;
  return (v > 0 ? "+" : v < 0 ? "−" : "±") + Math.abs(v).toFixed(2);
}

/// Entities sorted from most negative to most positive (then by mentions).
export function sortedEntities(analysis) {
  return [...(analysis.entities || [])].sort(
    (a, b) =>
      (a.framing?.score ?? 0) - (b.framing?.score ?? 0) ||
      (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0) ||
      a.id - b.id,
  );
}

/// The spans to draw inside each sentence: entity mentions and cues.
function spansBySentence(analysis) {
  const by = new Map();
  const add = (i, span) => {
    if (!by.has(i)) by.set(i, []);
    by.get(i).push(span);
  };
  for (const e of analysis.entities || []) {
    for (const m of e.mentions || []) {
      add(m.sentence, { start: m.start, end: m.end, type: "mention", entity: e });
    }
  }
  (analysis.cues || []).forEach((c, index) => add(c.sentence, { start: c.start, end: c.end, type: "cue", cue: c, index }));
  return by;
}

function spanElement(span, entitiesById, part) {
  if (span.type === "mention") {
    const e = span.entity;
    return el("span", {
      class: `mention ent-${e.label}`,
      "data-entity": e.id,
      "data-part": part,
      title: `${e.name} (${LABEL_NAMES[e.label] || e.label})`,
    });
  }
  const c = span.cue;
  const target = c.target === null || c.target === undefined ? null : entitiesById.get(c.target);
  const describe = describeCue(c, target);
  return el("mark", {
    class: `cue cue-${c.kind}`,
    "data-cue": span.index,
    "data-target": target ? target.id : null,
    "data-part": part,
    // Only the first piece of a cue split by nesting takes keyboard focus.
    tabindex: part === 0 ? 0 : null,
    "aria-label": part === 0 ? `${c.text} — ${describe}` : null,
    "data-describe": describe,
  });
}

/// A cue in words, for tooltips: its kind, why, its polarity and whom it frames.
export function describeCue(c, target) {
  return `${CUE_NAMES[c.kind] || c.kind}: ${c.reason}. Polarity ${fmtScore(c.polarity)}${target ? `, about ${target.name}` : ""}.`;
}

/// Renders one sentence's text with its spans, nesting properly: spans are
/// opened in (start, longest first) order and a span that crosses the end
/// of its enclosing one is split in two pieces.
export function renderSentence(sentence, spans, entitiesById) {
  const text = sentence.text;
  const base = sentence.start;
  const items = spans
    .map((s) => ({ ...s, s: Math.max(0, s.start - base), e: Math.min(text.length, s.end - base), part: 0 }))
    .filter((s) => s.e > s.s)
    .sort((a, b) => a.s - b.s || b.e - a.e || (a.type === "mention" ? -1 : 1));
  const root = el("span", { class: "sentence", "data-sentence": sentence.index });
  const stack = [{ node: root, e: text.length }];
  let pos = 0;
  const emit = (node, upto) => {
    if (upto > pos) {
      node.append(document.createTextNode(text.slice(pos, upto)));
      pos = upto;
    }
  };
  while (items.length) {
    const s = items.shift();
    while (stack.length > 1 && stack[stack.length - 1].e <= s.s) {
      const top = stack.pop();
      emit(top.node, top.e);
    }
    const top = stack[stack.length - 1];
    emit(top.node, s.s);
    let end = s.e;
    if (end > top.e) {
      // Crosses its parent: draw the rest as a second piece after it closes.
      const rest = { ...s, s: top.e, part: s.part + 1 };
      end = top.e;
      let at = items.findIndex((o) => o.s > rest.s || (o.s === rest.s && o.e < rest.e));
      if (at < 0) at = items.length;
      items.splice(at, 0, rest);
    }
    const node = spanElement(s, entitiesById, s.part);
    top.node.append(node);
    stack.push({ node, e: end });
  }
  while (stack.length) {
    const top = stack.pop();
    emit(top.node, top.e);
  }
  return root;
}

/// The article view: one block per sentence, the first ones only when
/// `limits` (`sentences`, `spans`, `chars`) would be passed: a text of 2 MB
/// full of names must not become a million nodes. Returns how many
/// sentences it drew.
export function renderArticle(container, analysis, limits = {}) {
  const { sentences: maxSentences = Infinity, spans: maxSpans = Infinity, chars: maxChars = Infinity } = limits;
  const entitiesById = new Map((analysis.entities || []).map((e) => [e.id, e]));
  const spans = spansBySentence(analysis);
  const frag = document.createDocumentFragment();
  const sentences = analysis.sentences || [];
  let n = 0;
  let spanCount = 0;
  let charCount = 0;
  for (; n < Math.min(sentences.length, maxSentences); n++) {
    const own = spans.get(n) || [];
    spanCount += own.length;
    charCount += sentences[n].text.length;
    // The first sentence is always drawn, whatever its size.
    if (n > 0 && (spanCount > maxSpans || charCount > maxChars)) break;
    const s = { ...sentences[n], index: n };
    frag.append(renderSentence(s, own, entitiesById), document.createTextNode(" "));
  }
  if (n < sentences.length) {
    frag.append(el("p", { class: "more", text: `… and ${sentences.length - n} more sentences (download the JSON for all of them).` }));
  }
  container.replaceChildren(frag);
  return n;
}

/// A diverging bar: negative to the left of the centre, positive to the right.
export function divergingBar(score, label, weak = false) {
  const v = Math.max(-1, Math.min(1, Number(score) || 0));
  const bar = el("span", {
    class: `bar ${v < 0 ? "neg" : v > 0 ? "pos" : "zero"}${weak ? " weak" : ""}`,
    role: "img",
    "aria-label": label ?? `framing score ${fmtScore(v)}`,
  });
  const fill = el("span", { class: "bar-fill" });
  fill.style.setProperty("--w", `${Math.abs(v) * 50}%`);
  bar.append(el("span", { class: "bar-axis" }), fill);
  return bar;
}

/// One row of the entity list: a button to select the entity.
export function entityRow(e) {
  const n = e.mentions?.length ?? 0;
  return el(
    "li",
    {},
    el(
      "button",
      { type: "button", class: "entity", "data-entity": e.id, "aria-pressed": "false" },
      el("span", { class: "entity-name", text: e.name }),
      el("span", { class: `badge ent-${e.label}`, text: e.label, title: LABEL_NAMES[e.label] || e.label }),
      el("span", { class: "entity-count", text: `${n} mention${n === 1 ? "" : "s"}` }),
      divergingBar(e.framing?.score, undefined, isWeak(e)),
      el("span", { class: "entity-score", text: fmtScore(e.framing?.score) + (isWeak(e) ? " weak" : "") }),
    ),
  );
}

/// A polar verdict whose evidence only leans (the learned model alone, or cues that barely pass).
export function isWeak(e) {
  return e.framing?.polarity !== "neutral" && e.framing?.confidence === "weak";
}

/// The whole entity list (the report; the page draws it a page at a time).
export function renderEntities(list, analysis) {
  const frag = document.createDocumentFragment();
  for (const e of sortedEntities(analysis)) frag.append(entityRow(e));
  list.replaceChildren(frag);
}

export function renderSummary(dl, analysis) {
  const s = analysis.summary || {};
  const byId = new Map((analysis.entities || []).map((e) => [e.id, e]));
  const counts = s.cue_counts || {};
  const rows = [
    ["Words", String(s.words ?? 0)],
    ["Sentences", String(analysis.sentences?.length ?? 0)],
    ["Cues per 100 words", (Number(s.cues_per_100_words) || 0).toFixed(2)],
    ...CUE_KINDS.map((k) => [`Cues: ${CUE_NAMES[k]}`, String(counts[k] ?? 0)]),
    ["Most negatively framed", byId.get(s.most_negative)?.name ?? "—"],
    ["Most positively framed", byId.get(s.most_positive)?.name ?? "—"],
  ];
  const frag = document.createDocumentFragment();
  for (const [k, v] of rows) frag.append(el("dt", { text: k }), el("dd", { text: v }));
  dl.replaceChildren(frag);
}

/// The heading of an entity's evidence: its name, score and verdict.
export function verdictHeading(entity) {
  return `${entity.name}: ${fmtScore(entity.framing?.score)} (${entity.framing?.polarity ?? "neutral"}${isWeak(entity) ? ", a weak lean" : ""})`;
}

/// The context model's share of an entity's score, with the words it weighed most.
export function contextReading(entity) {
  const context = entity.framing?.context;
  const words = (context?.words || []).map((w) => `${quoted(w.text)} (${w.weight > 0 ? "+" : "−"}${Math.abs(w.weight).toFixed(2)})`);
  return `Wording around the name (a learned model): ${fmtScore(context?.score ?? 0)}` + (words.length ? `, most from ${words.join(", ")}.` : ".");
}

/// Saves `content` as a file named `name` (a download; nothing leaves the browser).
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
