// Headless Chromium (Debian's, never a downloaded one) driven by playwright-core.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";

const CANDIDATES = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath() {
  const found = CANDIDATES.find((p) => p && existsSync(p));
  if (!found) throw new Error("no Chromium found: run `just setup` (apt-get install chromium) or set CHROMIUM");
  return found;
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/// A new page that records every request and every console error; `init`
/// (a function) runs in the page before any of its scripts.
export async function openPage(browser, url, options = {}, init = null) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  if (init) await context.addInitScript(init);
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, requests, errors };
}

/// Waits until the page has drawn at least `n` analyses in all.
export async function waitRenders(page, n = 1, timeout = 30_000) {
  await page.waitForFunction((k) => Number(document.documentElement.dataset.renders || 0) >= k, n, { timeout });
}
