// The content script: runs in the page's isolated world (the page's scripts
// share the DOM but not these variables), injected on the reader's click or,
// for sites the reader chose, when a page loads.
//
// It extracts the article with Mozilla's Readability, keeping a map from each
// character of the extracted text back to the page's own text node, so the
// panel's analysis (UTF-16 offsets into that text) can be drawn over the page
// with the CSS Custom Highlight API, which paints DOM ranges without changing
// the page's DOM. Article text is only ever read, never written as HTML.
(() => {
  if (globalThis.__slantContent) return; // injected once per page
  globalThis.__slantContent = true;

  // Elements that start a new block of text: a paragraph break in the text.
  const BLOCKS = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
    "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
    "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL", "BR",
  ]);
  // A page whose article has fewer characters than this has no article.
  const MIN_ARTICLE_CHARS = 140;
  const HIGHLIGHT_PREFIX = "slant-";

  // The extracted text and, per piece of it, the page text node it came from.
  let extracted = null;
  // Cue ranges with their descriptions, for the hover tip.
  let cueRanges = [];

  /// Pairs each text node of a deep clone with the live node at the same place.
  function pairTextNodes(live, clone) {
    const pairs = new Map();
    const a = document.createTreeWalker(live, NodeFilter.SHOW_TEXT);
    const b = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) pairs.set(y, x);
    return pairs;
  }

  // White space as HTML collapses it, plus the no-break space.
  const isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0;

  function blockOf(node, root) {
    for (let e = node.parentElement; e && e !== root; e = e.parentElement) if (BLOCKS.has(e.tagName)) return e;
    return root;
  }

  /// The article's text, whitespace collapsed, with `pieces`: for each text
  /// node, where its characters start in the text, the live node (null when
  /// Readability made the node) and each character's offset in that node.
  function extract() {
    const clone = document.cloneNode(true);
    const pairs = pairTextNodes(document, clone);
    const article = new Readability(clone, { serializer: (el) => el }).parse();
    if (!article || !article.content) return { ok: false, reason: "no-article" };
    const pieces = [];
    // The text is built as parts joined once: appending to one long string
    // would copy it at every paragraph of a long article.
    const parts = [];
    let length = 0;
    let lastSpace = true; // no space at the start of the text or of a paragraph
    let lastBlock = null;
    const walker = document.createTreeWalker(article.content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      const block = blockOf(node, article.content);
      if (block !== lastBlock && length > 0 && parts[parts.length - 1] !== "\n\n") {
        const last = pieces[pieces.length - 1];
        if (parts[parts.length - 1].endsWith(" ")) {
          // a paragraph ends without its trailing space
          parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
          last.end -= 1;
          length -= 1;
        }
        parts.push("\n\n");
        length += 2;
        lastSpace = true;
      }
      lastBlock = block;
      // whitespace runs become one space; offsets[k] is where character k was in the node
      const offsets = new Uint32Array(data.length);
      const kept = [];
      for (let i = 0; i < data.length; i++) {
        const space = isSpace(data.charCodeAt(i));
        if (space && lastSpace) continue;
        offsets[kept.length] = i;
        kept.push(space ? " " : data[i]);
        lastSpace = space;
      }
      if (!kept.length) continue;
      const piece = kept.join("");
      pieces.push({ start: length, end: length + piece.length, node: pairs.get(node) ?? null, offsets });
      parts.push(piece);
      length += piece.length;
    }
    // only the end is trimmed: the offsets count from the start
    const text = parts.join("").trimEnd();
    if (text.length < MIN_ARTICLE_CHARS) return { ok: false, reason: "no-article" };
    extracted = { text, pieces };
    return { ok: true, text, origin: location.origin, title: article.title || document.title, lang: article.lang || document.documentElement.lang || "", dir: article.dir || "" };
  }

  /// The piece holding character `i` of the text (binary search).
  function pieceAt(i) {
    const pieces = extracted.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].end <= i) lo = mid + 1;
      else if (pieces[mid].start > i) hi = mid - 1;
      else return pieces[mid];
    }
    return null;
  }

  /// The page range of text characters start..end, or null where the page has
  /// no node for them (text Readability made itself).
  function rangeOf(start, end) {
    if (!extracted || end <= start) return null;
    const a = pieceAt(start);
    const b = pieceAt(end - 1);
    if (!a?.node || !b?.node || !a.node.isConnected || !b.node.isConnected) return null;
    const range = new Range();
    try {
      range.setStart(a.node, a.offsets[start - a.start]);
      range.setEnd(b.node, b.offsets[end - 1 - b.start] + 1);
    } catch {
      return null; // the page changed the node since
    }
    return range;
  }

  function clearHighlights() {
    if (!("highlights" in CSS)) return;
    for (const name of [...CSS.highlights.keys()]) if (name.startsWith(HIGHLIGHT_PREFIX)) CSS.highlights.delete(name);
    cueRanges = [];
  }

  /// Draws `spans` ({start, end, name, describe?}; names such as "cue-label",
  /// "mention-PERSON", drawn as ::highlight(slant-NAME)); returns how many were drawn.
  function show(spans) {
    clearHighlights();
    if (!("highlights" in CSS)) return { supported: false, drawn: 0 };
    const groups = new Map();
    let drawn = 0;
    for (const s of spans) {
      const range = rangeOf(s.start, s.end);
      if (!range) continue;
      drawn++;
      if (!groups.has(s.name)) groups.set(s.name, []);
      groups.get(s.name).push(range);
      if (s.describe) cueRanges.push({ range, describe: s.describe });
    }
    for (const [name, ranges] of groups) {
      const h = new Highlight(...ranges);
      // Cues draw over mentions.
      h.priority = name.startsWith("cue-") ? 1 : 0;
      CSS.highlights.set(HIGHLIGHT_PREFIX + name, h);
    }
    return { supported: true, drawn };
  }

  /// Scrolls to characters start..end and marks them as the selected evidence.
  function focusSpan(start, end) {
    const range = rangeOf(start, end);
    if (!range) return { ok: false };
    if ("highlights" in CSS) CSS.highlights.set(`${HIGHLIGHT_PREFIX}focus`, new Highlight(range));
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: "center", behavior: "instant" });
    const rect = range.getBoundingClientRect();
    return { ok: true, top: rect.top, bottom: rect.bottom, text: range.toString() };
  }

  // The hover tip: a closed shadow root, so the page's scripts and styles
  // cannot reach its content; created on first use only.
  let tip = null;
  function tipElement() {
    if (tip) return tip;
    const host = document.createElement("slant-tip");
    host.style.cssText = "all: initial; position: fixed; z-index: 2147483647; pointer-events: none; display: none;";
    const root = host.attachShadow({ mode: "closed" });
    const box = document.createElement("div");
    box.style.cssText =
      "max-width: 22rem; font: 13px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #fff; " +
      "border: 1px solid #888; border-radius: 6px; padding: 6px 8px; box-shadow: 0 2px 8px rgba(0,0,0,.25);";
    root.append(box);
    document.documentElement.append(host);
    tip = { host, box };
    return tip;
  }

  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      return p && { node: p.offsetNode, offset: p.offset };
    }
    const r = document.caretRangeFromPoint?.(x, y);
    return r && { node: r.startContainer, offset: r.startOffset };
  }

  let pendingMove = 0;
  document.addEventListener(
    "mousemove",
    (event) => {
      if (!cueRanges.length || pendingMove) return;
      pendingMove = requestAnimationFrame(() => {
        pendingMove = 0;
        const at = caretAt(event.clientX, event.clientY);
        const hit = at && cueRanges.find((c) => c.range.isPointInRange(at.node, at.offset));
        if (!hit) {
          if (tip) tip.host.style.display = "none";
          return;
        }
        const t = tipElement();
        t.box.textContent = hit.describe; // text, never HTML
        t.host.style.left = `${Math.min(event.clientX + 12, innerWidth - 360)}px`;
        t.host.style.top = `${event.clientY + 16}px`;
        t.host.style.display = "block";
      });
    },
    { passive: true },
  );

  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    // Only the extension's own pages talk to this script.
    if (sender.id !== chrome.runtime.id || sender.tab) return false;
    switch (message?.type) {
      case "slant:extract":
        try {
          reply(extract());
        } catch (e) {
          reply({ ok: false, reason: "error", message: String(e?.message ?? e) });
        }
        return false;
      case "slant:show":
        reply(show(message.spans || []));
        return false;
      case "slant:focus":
        reply(focusSpan(message.start, message.end));
        return false;
      case "slant:clear":
        clearHighlights();
        if (tip) tip.host.style.display = "none";
        reply({ ok: true });
        return false;
      case "slant:ping":
        reply({ ok: true, extracted: Boolean(extracted) });
        return false;
      default:
        return false;
    }
  });
})();
