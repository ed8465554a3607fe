// A self-contained HTML report: the page's styles inlined, the article view,
// the entities and the summary, and no script. The markup is produced by the
// same DOM code as the page and serialised, so article text stays escaped.
import { el, quoted, renderArticle, renderEntities, renderSummary } from "./render.js";

function pageStyles() {
  let css = "";
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) css += `${rule.cssText}\n`;
    } catch {
      /* a sheet we cannot read is skipped */
    }
  }
  return css;
}

function escapeText(s) {
  const d = document.createElement("div");
  d.textContent = s;
  return d.innerHTML;
}

export function reportHtml(analysis, title = "slant report") {
  const article = el("div", { class: "article" });
  renderArticle(article, analysis);
  // The hover text, as the page's tooltip: the cue's words (quoted once), then why.
  for (const m of article.querySelectorAll("mark[data-describe]")) {
    const cue = analysis.cues?.[Number(m.dataset.cue)];
    m.title = cue ? `${quoted(cue.text)} — ${m.dataset.describe}` : m.dataset.describe;
  }
  const entities = el("ol", { class: "entities" });
  renderEntities(entities, analysis);
  for (const b of entities.querySelectorAll("button")) b.setAttribute("disabled", "");
  const summary = el("dl", { class: "summary" });
  renderSummary(summary, analysis);
  const main = el(
    "main",
    { class: "report" },
    el("section", { class: "results" },
      el("div", { class: "article-col" }, el("h2", { text: "Sentences" }), article),
      el("aside", { class: "side" }, el("h2", { text: "Entities" }), entities, el("h2", { text: "Summary" }), summary)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeText(title)}</title>
<style>
${pageStyles()}
</style></head>
<body><header class="top"><h1>${escapeText(title)}</h1>
<p class="tagline">Made by slant on ${escapeText(new Date().toISOString().slice(0, 10))}. Hover a highlighted cue for its reason.</p></header>
${main.outerHTML}
</body></html>
`;
}
