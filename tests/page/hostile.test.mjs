// Hostile and huge input on the page (issue 12): permalink bombs and damaged
// permalinks, texts over the size limit, 100,000 entities, slow analyses of
// short texts, cue texts that bring their own quotation marks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { serve } from "./server.mjs";
import { launch, openPage, waitRenders } from "./browser.mjs";

const MAX_TEXT_BYTES = 5_000_000; // web/app.js
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/// Opens the page; checks at the end that it requested nothing outside its
/// origin and logged no console error.
async function withPage(fn, { url = server.url, init = null } = {}) {
  const p = await openPage(browser, url, {}, init);
  try {
    await fn(p);
    const foreign = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("blob:") && !u.startsWith("data:"));
    assert.deepEqual(foreign, [], "requests outside the page's own origin");
    assert.deepEqual(p.errors, [], "console errors");
  } finally {
    await p.context.close();
  }
}

const status = (page) => page.textContent("#status");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Sets the article text as typing would (an `input` event), without
/// Playwright's per-character typing.
async function putText(page, text) {
  await page.evaluate((t) => {
    const box = document.getElementById("text");
    box.value = t;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

async function analyse(page, text) {
  await putText(page, text);
  await page.waitForFunction((t) => window.slant?.text?.a === t, text, { timeout: 60_000 });
}

/// Asks the page a trivial question every 50 ms until `done` holds in the
/// page and for `after` ms more; returns the longest wait for an answer (the
/// longest the main thread was busy, give or take a poll).
async function longestStall(page, done, arg, after = 1500) {
  let worst = 0;
  let doneAt = 0;
  const give = Date.now() + 120_000;
  while (!doneAt || Date.now() - doneAt < after) {
    assert.ok(Date.now() < give, "the page never showed the result");
    const t0 = Date.now();
    const ok = await page.evaluate(done, arg);
    worst = Math.max(worst, Date.now() - t0);
    if (ok && !doneAt) doneAt = Date.now();
    await sleep(50);
  }
  return worst;
}

/// Distinct pronounceable names: "Babab Cababson met Talac Valacson."
function word(i) {
  const V = "aeiou";
  const C = "bcdfghjklmnprstvz";
  let s = "";
  for (let k = 0; k < 5; k++) {
    const set = k % 2 ? V : C;
    s += set[i % set.length];
    i = Math.floor(i / set.length);
  }
  return s[0].toUpperCase() + s.slice(1);
}
function namesText(chars, sep = ". ") {
  const out = [];
  for (let i = 0, len = 0; len < chars; i++) {
    const s = `${word(2 * i)} ${word(2 * i + 1)}son met ${word(2 * i + 7919)} ${word(2 * i + 7920)}son`;
    out.push(s);
    len += s.length + sep.length;
  }
  return out.join(sep) + ".";
}

const base64url = (buf) => buf.toString("base64").replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

// ---------------------------------------------------------------- permalinks

test("a permalink bomb (100 MB of spaces) is refused with a message that stays, and the tab survives", async () => {
  const bomb = base64url(deflateRawSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 }));
  assert.ok(bomb.length < 200_000, `the bomb is small: ${bomb.length} characters`);
  // Counts the bytes the page reads out of any stream: inflation must stop
  // soon after the 5 MB cap, not run to 100 MB.
  const init = () => {
    window.__streamBytes = 0;
    const read = ReadableStreamDefaultReader.prototype.read;
    ReadableStreamDefaultReader.prototype.read = async function () {
      const step = await read.call(this);
      if (step.value?.byteLength) window.__streamBytes += step.value.byteLength;
      return step;
    };
  };
  await withPage(
    async ({ page }) => {
      await page.waitForFunction(() => document.getElementById("status").dataset.kind === "error", null, { timeout: 30_000 });
      assert.match(await status(page), /longer than 5 MB/);
      const read = await page.evaluate(() => window.__streamBytes);
      assert.ok(read > MAX_TEXT_BYTES && read < MAX_TEXT_BYTES + 2_000_000, `inflated ${read} bytes before stopping`);
      // Memory: nothing like the 100 MB the link inflates to is held.
      const cdp = await page.context().newCDPSession(page);
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      assert.ok(usedSize < 64 * 1024 * 1024, `JS heap ${(usedSize / 1e6).toFixed(1)} MB`);
      // The message stays: the sample does not replace a failed permalink.
      await page.waitForFunction(() => window.slant.ready);
      await sleep(1500);
      assert.match(await status(page), /longer than 5 MB/);
      assert.equal(await page.inputValue("#text"), "");
      assert.equal(await page.evaluate(() => window.slant.analysis.a), null);
      // The tab still answers and still analyses what is typed.
      assert.equal(await page.evaluate(() => 6 * 7), 42);
      await page.focus("#text");
      await page.keyboard.type("Typing works. Yes.");
      await page.waitForFunction(() => window.slant?.text?.a === "Typing works. Yes.");
      assert.deepEqual(await page.$$eval("#article .sentence", (s) => s.map((e) => e.textContent)), ["Typing works.", "Yes."]);
      assert.doesNotMatch(await status(page), /longer than/);
    },
    { url: `${server.url}#t=${bomb}`, init },
  );
});

test("a damaged permalink says it is damaged (not 'Failed to fetch'), and the message stays", async () => {
  // 0xff: a deflate block of the reserved type, so not deflate data at all.
  await withPage(
    async ({ page }) => {
      await page.waitForFunction(() => document.getElementById("status").dataset.kind === "error", null, { timeout: 30_000 });
      assert.match(await status(page), /permalink is damaged/);
      await page.waitForFunction(() => window.slant.ready);
      await sleep(1500);
      assert.match(await status(page), /permalink is damaged/);
      assert.equal(await page.inputValue("#text"), "");
      // Cut short, not base64, not UTF-8: damaged too, each with the same clear reason.
      const whole = deflateRawSync(Buffer.from("A sentence long enough to be cut in two. ".repeat(20)));
      const reasons = await page.evaluate(
        async (links) => {
          const { decodeText } = await import("./permalink.js");
          const out = [];
          for (const link of links) {
            try {
              await decodeText(link, 5_000_000);
              out.push("decoded");
            } catch (e) {
              out.push(e.reason ?? e.message);
            }
          }
          return out;
        },
        [`t=${base64url(whole.subarray(0, whole.length >> 1))}`, "t=%%%", `t=${base64url(deflateRawSync(Buffer.from([0xc3, 0x28])))}`, "x=1"],
      );
      assert.deepEqual(reasons, ["damaged", "damaged", "damaged", "not-slant"]);
    },
    { url: `${server.url}#t=${base64url(Buffer.alloc(64, 0xff))}` },
  );
});

test("texts over 5 MB are refused with a clear message, typed, pasted or opened", async () => {
  await withPage(async ({ page }) => {
    await waitRenders(page);
    const big = "word ".repeat(MAX_TEXT_BYTES / 5 + 100_000); // 5.5 MB
    // Typed (or put there any other way): not analysed, said so.
    await putText(page, big);
    await page.waitForFunction(() => /5,500,000 bytes long; the page analyses at most 5,000,000 bytes/.test(document.getElementById("status").textContent));
    assert.equal(await page.getAttribute("#status", "data-kind"), "error");
    assert.notEqual(await page.evaluate(() => window.slant.text.a.length), big.length);
    await analyse(page, "Small again. Fine.");
    assert.doesNotMatch(await status(page), /at most/);
    // Pasted: refused whole, the text area keeps what it had.
    const prevented = await page.evaluate((n) => {
      const data = new DataTransfer();
      data.setData("text/plain", "é".repeat(n)); // 2 bytes each in UTF-8: over the limit in bytes, not in characters
      const event = new ClipboardEvent("paste", { clipboardData: data, cancelable: true, bubbles: true });
      document.getElementById("text").dispatchEvent(event);
      return event.defaultPrevented;
    }, MAX_TEXT_BYTES / 2 + 10);
    assert.equal(prevented, true);
    assert.match(await status(page), /5,000,038 bytes long; the page analyses at most 5,000,000 bytes/);
    assert.equal(await page.inputValue("#text"), "Small again. Fine.");
    // Opened (or dropped): checked before it is read.
    await page.setInputFiles("#file", { name: "big.txt", mimeType: "text/plain", buffer: Buffer.from(big) });
    await page.waitForFunction(() => /5,500,000 bytes long/.test(document.getElementById("status").textContent));
    await sleep(300);
    assert.equal(await page.inputValue("#text"), "Small again. Fine.");
  });
});

// ---------------------------------------------------------------- huge results

test("100,000 entities: the page stays responsive and draws the list a page at a time", async (t) => {
  const text = namesText(1_900_000);
  await withPage(async ({ page }) => {
    await waitRenders(page);
    await putText(page, text);
    const stall = await longestStall(page, (n) => window.slant?.text?.a?.length === n, text.length);
    const entities = await page.evaluate(() => window.slant.analysis.a.entities.length);
    t.diagnostic(`${entities} entities; longest the page took to answer: ${stall} ms; status: ${await status(page)}`);
    assert.ok(entities >= 100_000, `${entities} entities`);
    // Drawing them all froze the page for 12 s; the bound is loose for shared machines.
    assert.ok(stall < 3000, `the page did not answer for ${stall} ms`);
    assert.equal(await page.$$eval("#entities button.entity", (b) => b.length), 200);
    assert.ok((await page.$$eval("#entities *", (e) => e.length)) < 3000, "the list's nodes are bounded");
    assert.ok((await page.evaluate(() => document.getElementsByTagName("*").length)) < 60_000, "the page's nodes are bounded");
    // The status says what was drawn.
    assert.match(await status(page), /drawn in [\d.]+ ms \(the first 3,000 of [\d,]+ sentences and 200 of [\d,]+ entities\)/);

    // "Show more" from the keyboard: the next rows, the focus on the first of
    // them (focusing the button scrolls the list, which may draw a page itself).
    const rows = () => page.$$eval("#entities button.entity", (b) => b.length);
    // Two frames: any scroll event (and the rows it draws) has been handled.
    const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.focus("#entities button.show-more");
    await settle();
    const before = await rows();
    await page.keyboard.press("Enter");
    assert.equal(await rows(), before + 200);
    const focused = await page.evaluate(() => [...document.querySelectorAll("#entities button.entity")].indexOf(document.activeElement));
    assert.equal(focused, before);
    // Selecting from the keyboard still works on the new rows.
    await page.keyboard.press("Space");
    const id = await page.evaluate(() => Number(document.activeElement.dataset.entity));
    assert.equal(await page.evaluate(() => window.slant.selected), id);
    assert.equal(await page.getAttribute(`#entities button.entity[data-entity="${id}"]`, "aria-pressed"), "true");
    assert.equal(await page.isVisible("#evidence"), true);
    // Scrolling to the end of the list draws more.
    await settle();
    const now = await rows();
    await page.evaluate(() => {
      const list = document.getElementById("entities");
      list.scrollTop = list.scrollHeight;
    });
    await page.waitForFunction((n) => document.querySelectorAll("#entities button.entity").length >= n + 200, now);
  });
});

test("a 1.5 MB article of long sentences full of names: the article view is drawn in part and the page stays responsive", async (t) => {
  // Long sentences, hundreds of names each: the sentence limit alone would draw them all.
  const text = namesText(1_500_000, ", then ");
  await withPage(async ({ page }) => {
    await waitRenders(page);
    await putText(page, text);
    const stall = await longestStall(page, (n) => window.slant?.text?.a?.length === n, text.length);
    const counts = await page.evaluate(() => {
      const a = window.slant.analysis.a;
      return {
        mentions: a.entities.reduce((n, e) => n + e.mentions.length, 0),
        drawn: document.querySelectorAll("#article .mention").length,
        nodes: document.querySelectorAll("#article *").length,
        sentences: a.sentences.length,
        drawnSentences: document.querySelectorAll("#article .sentence").length,
      };
    });
    t.diagnostic(`${JSON.stringify(counts)}; longest the page took to answer: ${stall} ms`);
    assert.ok(counts.mentions > 30_000, `${counts.mentions} mentions`);
    assert.ok(counts.drawn <= 20_000 && counts.nodes < 25_000, `${counts.nodes} nodes drawn`);
    assert.ok(counts.drawnSentences < counts.sentences);
    assert.match(await page.textContent("#article .more"), /more sentences/);
    assert.ok(stall < 3000, `the page did not answer for ${stall} ms`);
  });
});

// ---------------------------------------------------------------- slow analyses

test("an analysis that takes more than a moment shows the analysing state and Cancel, whatever the text's length", async () => {
  // Holds each analysis request back `__analysisDelay` ms on its way to the
  // worker: a short text whose analysis is slow.
  const init = () => {
    window.__analysisDelay = 0;
    const Real = window.Worker;
    window.Worker = class extends Real {
      postMessage(msg, ...rest) {
        const delay = msg?.type === "analyze" ? window.__analysisDelay : 0;
        if (delay) setTimeout(() => super.postMessage(msg, ...rest), delay);
        else super.postMessage(msg, ...rest);
      }
    };
  };
  await withPage(
    async ({ page }) => {
      await waitRenders(page);
      await page.evaluate(() => {
        window.__cancelShown = false;
        const cancel = document.getElementById("cancel");
        new MutationObserver(() => (window.__cancelShown ||= !cancel.hidden)).observe(cancel, { attributes: true });
      });
      // A quick analysis does not flash the analysing state.
      await analyse(page, "Quick one. Done.");
      assert.equal(await page.evaluate(() => window.__cancelShown), false);

      // A slow one of a short text: the state appears while it runs, and goes when it is done.
      await page.evaluate(() => (window.__analysisDelay = 2500));
      const slow = "A short text whose analysis is slow. Far under 200,000 characters.";
      await putText(page, slow);
      await page.waitForSelector("#cancel:not([hidden])", { timeout: 2000 });
      assert.notEqual(await page.evaluate(() => window.slant.text.a), slow, "shown while the analysis runs");
      assert.match(await status(page), /Analysing/);
      assert.equal(await page.isVisible("#progress"), true);
      await page.waitForFunction((t) => window.slant.text.a === t, slow);
      assert.equal(await page.isVisible("#cancel"), false);
      assert.equal(await page.isVisible("#progress"), false);
      assert.match(await status(page), /2 sentences/);

      // And it can be cancelled.
      await putText(page, "Another slow one. Cancel it.");
      await page.waitForSelector("#cancel:not([hidden])", { timeout: 2000 });
      await page.click("#cancel");
      await page.waitForFunction(() => /cancelled/.test(document.getElementById("status").textContent));
      await page.evaluate(() => (window.__analysisDelay = 0));
      await page.waitForFunction(() => window.slant.ready);
      await analyse(page, "After cancelling. It works.");
      assert.deepEqual(await page.$$eval("#article .sentence", (s) => s.map((e) => e.textContent)), ["After cancelling.", "It works."]);
    },
    { init },
  );
});

// ---------------------------------------------------------------- quotation marks

test("a cue's own quotation marks are not doubled in the tooltip, the evidence or the report", async () => {
  const text = "Critics called Senator John Smith a “reformer.” The so-called “expert” Bob Jones lied.";
  const doubled = /[“”"]{2}|[‘’]{2}/;
  await withPage(async ({ page }) => {
    await waitRenders(page);
    await analyse(page, text);
    const cues = await page.evaluate(() => window.slant.analysis.a.cues.map((c) => c.text));
    assert.ok(cues.includes("“reformer.”") && cues.includes("“expert”"), `scare quotes found: ${cues.join(" | ")}`);

    // The tooltip of every cue.
    const tips = [];
    for (const mark of await page.$$("#article mark.cue[tabindex='0']")) {
      await mark.focus();
      tips.push(await page.textContent("#tooltip"));
    }
    assert.ok(tips.some((tip) => tip.includes(" “reformer.”")), tips.join(" | "));
    assert.ok(tips.some((tip) => tip.includes(" ‘so-called “expert”’")), "a cue holding quotation marks is quoted with single ones");
    for (const tip of tips) assert.doesNotMatch(tip, doubled);

    // The evidence of the entity the scare quote is about.
    await page.click("#entities button.entity:has-text('John Smith')");
    const evidence = await page.textContent("#evidence .evidence-cues");
    assert.match(evidence, /scare quote “reformer\.”/);
    assert.doesNotMatch(evidence, doubled);

    // The report's hover texts.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-html")]);
    const report = await browser.newPage();
    await report.setContent(readFileSync(await download.path(), "utf8"));
    const titles = await report.$$eval("mark[title]", (m) => m.map((e) => e.title));
    await report.close();
    assert.ok(titles.some((x) => x.startsWith("“reformer.” — scare quote")), titles.join(" | "));
    for (const title of titles) assert.doesNotMatch(title, doubled);
  });
});
