// Permalinks: the text itself, deflated and base64url-encoded, after the `#`
// (the fragment is never sent to a server). Format: `t=<base64url>`.

const PREFIX = "t=";
// Compressed input is fed to the inflater this many bytes at a time: deflate
// expands at most ~1032x, so one piece can never produce more than ~1 MB
// before the size check below runs.
const FEED = 1024;

/// A permalink that cannot be loaded; `reason` is "damaged", "too-long" or "not-slant".
export class PermalinkError extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

function toBase64Url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(s) {
  const bin = atob(s.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/// The fragment (without `#`) that carries `text`.
export async function encodeText(text) {
  const out = new Response(new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw")));
  return PREFIX + toBase64Url(new Uint8Array(await out.arrayBuffer()));
}

const damaged = () =>
  new PermalinkError("damaged", "This permalink is damaged: its text could not be decompressed, so nothing was loaded.");
const tooLong = (maxBytes) =>
  new PermalinkError("too-long", `This permalink’s text is longer than ${maxBytes / 1e6} MB, the most the page accepts, so nothing was loaded.`);

/// Inflates `packed` into at most `maxBytes` bytes; stops (and cancels the
/// stream) as soon as the output passes the cap, so a small "deflate bomb"
/// never gets to fill the tab's memory.
async function inflateCapped(packed, maxBytes) {
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  // Small pieces, each awaited: the readable side's backpressure then keeps
  // the inflater from running ahead of the size check.
  const feeding = (async () => {
    for (let i = 0; i < packed.length; i += FEED) await writer.write(packed.subarray(i, i + FEED));
    await writer.close();
  })();
  feeding.catch(() => {}); // its failure is the reader's too, reported below
  const chunks = [];
  let total = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      throw damaged(); // not deflate data, or cut short
    }
    if (step.done) break;
    total += step.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLong(maxBytes);
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/// The text carried by a fragment made by `encodeText`, at most `maxBytes`
/// bytes of UTF-8. Throws a `PermalinkError` saying why it cannot be read.
export async function decodeText(fragment, maxBytes) {
  if (!fragment.startsWith(PREFIX)) throw new PermalinkError("not-slant", "This link’s fragment (after #) is not a slant permalink, so nothing was loaded.");
  const body = fragment.slice(PREFIX.length);
  // Base64 of deflated text is never much longer than the text itself.
  if (body.length > (maxBytes * 4) / 3 + 1024) throw tooLong(maxBytes);
  let packed;
  try {
    packed = fromBase64Url(body);
  } catch {
    throw damaged();
  }
  const bytes = await inflateCapped(packed, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw damaged();
  }
}
