// The content script's files: injected on a click (background.js) and
// registered for the sites the reader analyses automatically (panel.js).
// Classic scripts in the page's isolated world: the page's scripts cannot see them.
export const CONTENT_FILES = ["vendor/Readability.js", "content.js"];
export const CONTENT_CSS = ["highlight.css"];
