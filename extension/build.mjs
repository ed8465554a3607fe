// Assembles the unpacked extension: its own files plus the page's shared
// modules (render.js, report.js, worker.js, style.css and the wasm build in
// web/pkg), copied, not forked, and Mozilla's Readability from npm.
// Run by `just extension`: node extension/build.mjs OUT_DIR
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] || join(root, "target/extension/slant"));
const pkg = resolve(process.env.SLANT_PKG || join(root, "web/pkg"));

const OWN = ["manifest.json", "background.js", "content-files.js", "content.js", "highlight.css", "panel.html", "panel.css", "panel.js", "icon.png"];
const SHARED = ["render.js", "report.js", "worker.js", "style.css"];
const WASM = ["slant_wasm.js", "wasm_bytes.js"];
const READABILITY = join(root, "node_modules/@mozilla/readability");

for (const f of [join(pkg, "wasm_bytes.js"), join(READABILITY, "Readability.js")]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`just wasm\` and \`npm ci\` first`);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
mkdirSync(join(out, "vendor"), { recursive: true });
for (const f of OWN) cpSync(join(root, "extension", f), join(out, f));
for (const f of SHARED) cpSync(join(root, "web", f), join(out, f));
for (const f of WASM) cpSync(join(pkg, f), join(out, "pkg", f));
cpSync(join(READABILITY, "Readability.js"), join(out, "vendor/Readability.js"));
cpSync(join(READABILITY, "LICENSE.md"), join(out, "vendor/Readability.LICENSE.md"));
console.log(`extension: ${out}`);
