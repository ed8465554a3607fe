// The extension's service worker. It holds no article text and no analysis:
// on the reader's click it opens the side panel and injects the content
// script into that one tab (activeTab grants the access for this click only),
// then tells the panel the tab is ready. The panel does the rest.

// The content script and its library, injected together (classic scripts, in
// the page's isolated world: the page's own scripts cannot see them).
export const CONTENT_FILES = ["vendor/Readability.js", "content.js"];
export const CONTENT_CSS = ["highlight.css"];

chrome.action.onClicked.addListener((tab) => {
  // Opened first and not awaited: sidePanel.open needs the click's user gesture.
  chrome.sidePanel.open({ tabId: tab.id }).catch(() => {});
  prepareTab(tab.id);
});

async function prepareTab(tabId) {
  try {
    await chrome.scripting.insertCSS({ target: { tabId }, files: CONTENT_CSS });
    await chrome.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
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
