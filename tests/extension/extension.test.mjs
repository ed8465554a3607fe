// The browser extension, built (`just extension`) and loaded into Debian's
// headless Chromium, on news-like fixture pages this project writes
// (tests/extension/fixtures/: navigation, ads, an ad in a frame, comments and
// a hostile script; the article is web/sample.txt, the seed article).
//
// The reader's click on the toolbar button is the DevTools protocol's
// Extensions.triggerAction (it grants activeTab exactly as a click does).
// The side panel it opens is not a page Playwright can drive, so the checks
// read the same panel.html opened in a tab for the fixture's tab
// (panel.html?tab=ID), next to the real side panel.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync, existsSync, mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "../page/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXT = process.env.SLANT_EXTENSION || join(ROOT, "target/extension/slant");
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const SAMPLE = readFileSync(join(ROOT, "web/sample.txt"), "utf8");
const SHOTS = join(ROOT, "target/screenshots");
// Article text that is markup: it must stay text everywhere slant shows it.
const HOSTILE_PARAGRAPHS = [
  'Readers wrote in: <img src=x onerror="top.__pwned = 1"> and <script>top.__pwned = 2</script> were in their letters.',
  "Another letter ended with </p><iframe src=javascript:top.__pwned=3></iframe> and a signature.",
];

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// long.html: the news fixture with the article 400 times (2.2 MB of text),
// which the worker analyses in chunks with progress.
const LONG_REPEAT = 400;

function fixture(name) {
  const html = readFileSync(join(FIXTURES, name === "long.html" ? "news.html" : name), "utf8");
  if (name !== "news.html" && name !== "long.html") return html;
  const paragraphs = SAMPLE.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const article = [...paragraphs, ...HOSTILE_PARAGRAPHS].map((p) => `<p>${escapeHtml(p)}</p>`).join("\n      ");
  return html.replace("<!--ARTICLE-->", name === "long.html" ? Array(LONG_REPEAT).fill(article).join("\n") : article);
}

let server;
let origin;
let context;
let profile;
let extensionId;
let browserSession;
let opened = 0;
const requests = [];
const consoleErrors = [];

before(async () => {
  assert.ok(existsSync(join(EXT, "manifest.json")), `${EXT} is missing: run \`just extension\``);
  server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.slice(1) || "news.html";
    if (name === "favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (!/^[a-z-]+\.html$/.test(name) || !(name === "long.html" || existsSync(join(FIXTURES, name)))) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fixture(name));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), "slant-extension-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      // For Extensions.triggerAction, the toolbar click.
      "--enable-unsafe-extension-debugging",
    ],
  });
  context.on("request", (r) => requests.push(r.url()));
  context.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${m.page()?.url() ?? "?"}: ${m.text()}`);
  });
  context.on("weberror", (e) => consoleErrors.push(String(e.error())));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  extensionId = new URL(worker.url()).host;
  worker.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`service worker: ${m.text()}`);
  });
  browserSession = await context.browser().newBrowserCDPSession();
});

after(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/// The reader clicks slant's toolbar button on `page` (its tab in front, as a
/// reader's click is: the activeTab grant is for the tab in front).
async function clickToolbarButton(page) {
  await page.bringToFront();
  const { targetInfos } = await browserSession.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  assert.ok(tab, `no tab target for ${page.url()}`);
  await browserSession.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
}

/// The extension's id for the tab showing `url` (the click's activeTab grant
/// lets the extension see that tab's address).
async function tabIdOf(url) {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  const ids = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), url);
  assert.equal(ids.length, 1, `one tab shows ${url}`);
  return ids[0];
}

/// Opens `fixtureName`, clicks the button, and opens the panel for that tab.
async function analysePage(fixtureName) {
  const page = await context.newPage();
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e}`));
  // A query string of its own, so no two tabs of the run show the same address.
  await page.goto(`${origin}/${fixtureName}?${++opened}`);
  await clickToolbarButton(page);
  const tabId = await tabIdOf(page.url());
  const panel = await context.newPage();
  page.on("dialog", (d) => consoleErrors.push(`dialog on the page: ${d.message()}`));
  panel.on("dialog", (d) => consoleErrors.push(`dialog in the panel: ${d.message()}`));
  panel.on("pageerror", (e) => consoleErrors.push(`panel: ${e}`));
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
  return { page, panel, tabId };
}

/// Waits until `condition` holds in the panel; a timeout names the panel's status.
async function waitPanel(panel, condition) {
  try {
    await panel.waitForFunction(condition, null, { timeout: 30_000 });
  } catch (e) {
    const status = await panel.textContent("#status").catch(() => "?");
    throw new Error(`${e.message} (the panel says: ${status})`);
  }
}

const waitRenders = (panel) => waitPanel(panel, () => Number(document.documentElement.dataset.renders || 0) >= 1);

/// The text of each range of the page's highlight `name` (read in the page).
const highlightTexts = (page, name) =>
  page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString()), name);

test("a click analyses the article: highlights over the right text, the seed article's framing in the panel", async () => {
  const { page, panel } = await analysePage("news.html");
  await waitRenders(panel);

  // The real side panel opened on the click.
  const { targetInfos } = await browserSession.send("Target.getTargets");
  assert.ok(
    targetInfos.filter((t) => t.url === `chrome-extension://${extensionId}/panel.html`).length >= 1,
    "the side panel is open",
  );

  // The article, not the navigation, ads, comments or the framed ad.
  const text = await panel.evaluate(() => globalThis.slantPanel.text);
  assert.ok(text.includes("Genocidal Chinese dictator Xi Jinping held an extended private meeting"));
  for (const noise of ["Subscribe to my channel", "Buy the new phone", "All rights reserved", "Senator Smith is a crook", "Politics"]) {
    assert.ok(!text.includes(noise), `the extracted text leaves out "${noise}"`);
  }

  // The panel lists the seed article's negatively framed entities, most negative first.
  const rows = await panel.$$eval("#entities button.entity", (bs) =>
    bs.map((b) => ({ name: b.querySelector(".entity-name").textContent, score: b.querySelector(".entity-score").textContent })),
  );
  assert.equal(rows[0].name, "Xi Jinping", "the most negatively framed entity comes first");
  for (const name of ["Xi Jinping", "Vladimir Putin", "RT", "Xinhua News Agency", "He Lifeng"]) {
    const row = rows.find((r) => r.name === name);
    assert.ok(row, `${name} is listed`);
    assert.match(row.score, /^−/, `${name} is framed negatively (${row.score})`);
  }
  assert.equal(await panel.$eval("#summary", (dl) => dl.textContent.includes("Xi Jinping")), true);

  // Highlights lie over exactly the cue and mention words on the page.
  const labels = await highlightTexts(page, "slant-cue-label");
  for (const word of ["Genocidal", "dictator", "strongman", "state-run"]) {
    assert.ok(labels.includes(word), `"${word}" is highlighted as a label (${labels.join(", ")})`);
  }
  const people = await highlightTexts(page, "slant-mention-PERSON");
  assert.ok(people.includes("Xi Jinping") && people.includes("Vladimir Putin"), people.join(", "));
  const drawn = Number(await panel.evaluate(() => document.documentElement.dataset.drawn));
  const analysis = await panel.evaluate(() => globalThis.slantPanel.analysis);
  const spans = analysis.cues.length + analysis.entities.reduce((n, e) => n + e.mentions.length, 0);
  assert.equal(drawn, spans, "every mention and cue is drawn on the page");
  // The page's own DOM is unchanged around the text: no element was wrapped round a word.
  assert.equal(await page.$$eval("article mark, article span", (els) => els.length), 0);

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, "extension-page.png") });
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.screenshot({ path: join(SHOTS, "extension-panel.png") });
  // The two side by side, as a reader sees them (the README's picture).
  const shot = (f) => `data:image/png;base64,${readFileSync(join(SHOTS, f)).toString("base64")}`;
  const both = await context.newPage();
  await both.setViewportSize({ width: 1680, height: 720 });
  await both.setContent(
    `<body style="margin:0;display:flex"><img src="${shot("extension-page.png")}"><img src="${shot("extension-panel.png")}" style="border-left:1px solid #999"></body>`,
  );
  await both.screenshot({ path: join(SHOTS, "extension.png") });
  await both.close();
  await page.close();
  await panel.close();
});

test("the panel's evidence scrolls the page to the cue it names", async () => {
  const { page, panel } = await analysePage("news.html");
  await waitRenders(panel);
  // He Lifeng's evidence is near the end of the article, off the first screen.
  await panel.click('#entities button.entity:has(.entity-name:text-is("He Lifeng"))');
  const items = await panel.$$eval("#evidence .evidence-item", (bs) => bs.map((b) => b.textContent));
  assert.ok(items.some((t) => t.includes("contrary to extensive evidence")), items.join(" | "));
  assert.equal(await page.evaluate(() => scrollY), 0);
  // (both of He Lifeng's cues are in one sentence: the item is told by its cue)
  const item = panel.locator("#evidence .evidence-item").filter({
    has: panel.locator(".evidence-cues", { hasText: "“contrary to extensive evidence”" }),
  });
  await item.click();
  await page.waitForFunction(() => CSS.highlights.has("slant-focus"));
  const focus = await page.evaluate(() => {
    const range = [...CSS.highlights.get("slant-focus")][0];
    const rect = range.getBoundingClientRect();
    return { text: range.toString(), top: rect.top, bottom: rect.bottom, height: innerHeight, scrollY };
  });
  assert.equal(focus.text, "contrary to extensive evidence");
  assert.ok(focus.scrollY > 0, "the page scrolled");
  assert.ok(focus.top >= 0 && focus.bottom <= focus.height, `the cue is in view (${focus.top}..${focus.bottom} of ${focus.height})`);
  await page.close();
  await panel.close();
});

test("nothing leaves the browser, the hostile page reads nothing and runs nothing in the panel", async () => {
  const { page, panel } = await analysePage("news.html");
  await waitRenders(panel);
  // Hover a cue: the tip is drawn in a closed shadow root.
  const box = await page.evaluate(() => {
    const r = [...CSS.highlights.get("slant-cue-label")][0].getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => document.querySelector("slant-tip")?.style.display === "block");
  await page.waitForTimeout(200); // the page's script looks every 50 ms
  const stolen = await page.evaluate(() => window.__stolen);
  const analysis = await panel.evaluate(() => globalThis.slantPanel.analysis);
  const secrets = [
    ...analysis.cues.map((c) => c.reason),
    ...analysis.entities.filter((e) => e.framing.polarity !== "neutral").map((e) => String(e.framing.score)),
    "pejorative",
  ];
  for (const s of stolen) {
    for (const secret of secrets) assert.ok(!s.includes(secret), `the page read "${secret}" through: ${s}`);
  }
  assert.ok(!stolen.some((s) => s.startsWith("shadow opened")), "the page's patched attachShadow was not used");
  // The article's markup stayed text in the panel and ran nowhere.
  assert.equal(await panel.evaluate(() => globalThis.__pwned), undefined);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const panelText = await panel.evaluate(() => document.body.textContent + globalThis.slantPanel.text);
  assert.ok(panelText.includes('<img src=x onerror="top.__pwned = 1">'), "the markup is shown as text");
  assert.equal(await panel.$$eval("img, iframe, script:not([src])", (els) => els.length), 0);
  // Only the fixture's origin and the extension itself.
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith(`chrome-extension://${extensionId}/`) && !u.startsWith("blob:"));
  assert.deepEqual(foreign, [], "requests outside the fixture's origin and the extension");
  assert.deepEqual(consoleErrors, [], "console errors or dialogs");
  await page.close();
  await panel.close();
});

test("a page without an article gets a clear message", async () => {
  const { page, panel } = await analysePage("no-article.html");
  await waitPanel(panel, () => document.getElementById("status").dataset.kind === "error");
  assert.match(await panel.textContent("#status"), /No article found/);
  assert.equal(await panel.isHidden("#results"), true);
  await page.close();
  await panel.close();
});

test("right-to-left pages are read and highlighted", async () => {
  const { page, panel } = await analysePage("rtl.html");
  await waitRenders(panel);
  const text = await panel.evaluate(() => globalThis.slantPanel.text);
  assert.ok(text.includes("شي جين بينغ"), "the Arabic text is extracted");
  const names = await panel.$$eval("#entities .entity-name", (els) => els.map((e) => e.textContent));
  assert.ok(names.includes("Xi Jinping") && names.includes("Vladimir Putin"), names.join(", "));
  const people = await highlightTexts(page, "slant-mention-PERSON");
  assert.ok(people.includes("Xi Jinping"), people.join(", "));
  assert.deepEqual(consoleErrors, [], "console errors or dialogs");
  await page.close();
  await panel.close();
});

test("a long article shows progress, can be cancelled, and is analysed in full", async () => {
  const { page, panel } = await analysePage("long.html");
  // Cancel as soon as the analysis reports progress.
  await waitPanel(panel, () => !document.getElementById("cancel").hidden && !document.getElementById("progress").hidden);
  await panel.click("#cancel");
  await waitPanel(panel, () => document.getElementById("status").textContent === "Cancelled.");
  assert.equal(await panel.isHidden("#results"), true, "nothing is shown for the cancelled analysis");
  // Asked again (the button clicked again on the article's tab), it runs to the end.
  await clickToolbarButton(page);
  await waitRenders(panel);
  const analysis = await panel.evaluate(() => globalThis.slantPanel.analysis);
  const text = await panel.evaluate(() => globalThis.slantPanel.text);
  assert.ok(text.length > 2_000_000, `the whole article is read (${text.length} characters)`);
  const xi = analysis.entities.find((e) => e.name === "Xi Jinping");
  assert.ok(xi.mentions.length >= LONG_REPEAT * 9, `every copy's mentions are found (${xi.mentions.length})`);
  assert.deepEqual(consoleErrors, [], "console errors or dialogs");
  await page.close();
  await panel.close();
});
