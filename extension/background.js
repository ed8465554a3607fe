// The extension's service worker. It holds no article text and no analysis:
// on the reader's click it opens the side panel and injects the content
// script into that one tab (activeTab grants the access for this click only),
// then tells the panel the tab is ready. The panel does the rest.

import { CONTENT_FILES, CONTENT_CSS } from "./content-files.js";

const RETRY_AFTER_MS = 300;

chrome.action.onClicked.addListener((tab) => {
  // Opened first and not awaited: sidePanel.open needs the click's user gesture.
  chrome.sidePanel.open({ tabId: tab.id }).catch(() => {});
  prepareTab(tab.id);
});

async function inject(tabId) {
  await chrome.scripting.insertCSS({ target: { tabId }, files: CONTENT_CSS });
  await chrome.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
}

async function prepareTab(tabId) {
  try {
    try {
      await inject(tabId);
    } catch {
      // The click's activeTab grant can land just after its event (seen
      // under load with DevTools' Extensions.triggerAction): one retry.
      await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
      await inject(tabId);
    }
  } catch (e) {
    // Pages no extension may script (the browser's own pages, the web store).
    notifyPanel({ type: "slant:cannot-read", tabId, message: String(e?.message ?? e) });
    return;
  }
  notifyPanel({ type: "slant:tab-ready", tabId });
}

function notifyPanel(message) {
  // No panel open yet is fine: a panel that opens asks the tab itself.
  chrome.runtime.sendMessage(message).catch(() => {});
}
