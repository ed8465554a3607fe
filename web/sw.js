// Service worker: keeps the page usable offline once it has been loaded.
// Network first (so a rebuilt page is picked up at once), the cache when
// the network is unavailable. Same-origin GET requests only.
const CACHE = "slant-page-v1";
const FILES = [
  "./",
  "index.html",
  "style.css",
  "app.js",
  "render.js",
  "permalink.js",
  "report.js",
  "worker.js",
  "pkg/slant_wasm.js",
  "pkg/wasm_bytes.js",
  "pkg/sample.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        const hit = await cache.match(request, { ignoreSearch: true });
        if (hit) return hit;
        throw error;
      }
    })(),
  );
});
