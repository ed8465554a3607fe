// A static file server for web/ on 127.0.0.1 (a free port), for the page tests.
// With SLANT_PKG set (`just test-page` sets it to target/page-test/pkg, the
// wasm built with its test hooks), /pkg/ is served from there, not web/pkg.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB = fileURLToPath(new URL("../../web/", import.meta.url));
export const PKG = process.env.SLANT_PKG ? resolve(process.env.SLANT_PKG) + sep : `${WEB}pkg${sep}`;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export async function serve(root = WEB) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) throw new Error("outside");
      const pkgDir = normalize(join(root, "pkg") + sep);
      if (file.startsWith(pkgDir)) file = join(PKG, file.slice(pkgDir.length));
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
