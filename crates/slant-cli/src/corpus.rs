//! Corpus mode: one JSON document per input line, one analysis per output
//! line, in input order, analysed on every core.
//!
//! Lines are read in batches so memory stays bounded by one batch; a bad
//! line is reported on stderr with its line number and the run goes on.
//!
//! A byte-order mark at the start of a line is skipped (editors write one at
//! the start of a file, and files joined with `cat` keep theirs). Text that
//! is not Unicode fails its line with a message naming the column: invalid
//! UTF-8, and a lone surrogate escape such as `"\ud800"` (half of a UTF-16
//! pair, which JavaScript's `JSON.stringify` and Python's `json.dumps` write
//! for a string cut inside an emoji). With `--lossy` each becomes U+FFFD and
//! the document is analysed, as `--lossy` does for plain input; offsets then
//! refer to the replaced text.

use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use slant_core::{Analysis, Analyzer, Config};

use crate::report::Safe;

/// Lines analysed together; each batch is written before the next is read.
const BATCH_LINES: usize = 256;
/// A batch also ends once it holds this many bytes of input.
const BATCH_BYTES: usize = 16 * 1024 * 1024;
/// A UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// An id quoted in an error message is cut to this many characters.
const ID_CHARS: usize = 80;

/// Which JSON fields hold a document's id and text.
pub struct Fields {
    pub id: String,
    pub text: String,
}

/// What a corpus run did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub analysed: usize,
    pub failed: usize,
    /// Invalid UTF-8 sequences and lone surrogates replaced with U+FFFD (`lossy`).
    pub replaced: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Analyses every line of `input`, writing one JSON line per document to
/// `out`; with `lossy`, text that is not Unicode becomes U+FFFD.
pub fn run(
    mut input: impl BufRead,
    out: &mut impl Write,
    config: &Config,
    fields: &Fields,
    lossy: bool,
    pool: &rayon::ThreadPool,
) -> io::Result<Outcome> {
    let progress = if io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} ({elapsed})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut outcome = Outcome::default();
    let mut line_number = 0usize;
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    // one analyzer per worker thread, kept for the whole run so its word
    // table stays warm (rayon's `map_init` would make one per split of each batch)
    let analyzers: Vec<Mutex<Analyzer>> =
        (0..pool.current_num_threads()).map(|_| Mutex::new(Analyzer::new(config.clone()))).collect();
    loop {
        let mut bytes = 0;
        batch.clear();
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            line_number += 1;
            bytes += line.len();
            if line.starts_with(BOM) {
                line.drain(..BOM.len());
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue; // a blank line is no document
            }
            batch.push((line_number, line));
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<(Vec<u8>, usize), String>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(_, line)| {
                    // each worker locks only its own analyzer, so the lock is never contended
                    // (a pool thread's index is below the pool's size; only a call from
                    // outside the pool, which does not happen, makes its own analyzer)
                    match rayon::current_thread_index().and_then(|worker| analyzers.get(worker)) {
                        Some(slot) => {
                            let mut analyzer = slot.lock().unwrap_or_else(|e| e.into_inner());
                            analyse_line(line, &mut analyzer, fields, lossy)
                        }
                        None => analyse_line(line, &mut Analyzer::new(config.clone()), fields, lossy),
                    }
                })
                .collect()
        });
        for ((number, _), result) in batch.iter().zip(results) {
            match result {
                Ok((json, replaced)) => {
                    out.write_all(&json)?;
                    outcome.analysed += 1;
                    outcome.replaced += replaced;
                }
                Err(message) => {
                    // the message may quote the input (an id): escaped like the report
                    progress.suspend(|| eprintln!("slant: line {number}: {}", Safe(&message)));
                    outcome.failed += 1;
                }
            }
        }
        out.flush()?;
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    Ok(outcome)
}

/// Analyses one document; returns its JSON line and the replacements made.
fn analyse_line(
    line: &[u8],
    analyzer: &mut Analyzer,
    fields: &Fields,
    lossy: bool,
) -> Result<(Vec<u8>, usize), String> {
    let (doc, replaced) = parse_line(line, lossy)?;
    let Value::Object(map) = &doc else {
        return Err("not a JSON object".into());
    };
    let id = map.get(&fields.id).unwrap_or(&Value::Null);
    let text = match map.get(&fields.text) {
        Some(Value::String(text)) => text,
        Some(_) => return Err(format!("field \"{}\" is not a string{}", fields.text, quote_id(id))),
        None => return Err(format!("no \"{}\" field{}", fields.text, quote_id(id))),
    };
    analyzer.push(text);
    let analysis = analyzer.finish_document();
    // the JSON is about eight times the text: sized once, it is not copied as it grows
    let mut json = Vec::with_capacity(text.len().saturating_mul(8).max(1024));
    serde_json::to_writer(&mut json, &Output { id, analysis: &analysis }).map_err(|e| e.to_string())?;
    json.push(b'\n');
    Ok((json, replaced))
}

/// " (id …)" for an error message, so a document can be found by its id too
/// (line numbers shift when a corpus is split across machines).
fn quote_id(id: &Value) -> String {
    if id.is_null() {
        return String::new();
    }
    let json = id.to_string();
    match json.char_indices().nth(ID_CHARS) {
        Some((cut, _)) => format!(" (id {}…)", &json[..cut]),
        None => format!(" (id {json})"),
    }
}

/// Parses a line as JSON. Only a line that fails to parse is looked at for
/// text that is not Unicode (see the module's comment), so valid lines cost
/// nothing more.
fn parse_line(line: &[u8], lossy: bool) -> Result<(Value, usize), String> {
    let error = match serde_json::from_slice(line) {
        Ok(doc) => return Ok((doc, 0)),
        Err(e) => e,
    };
    let lone = lone_surrogates(line);
    let invalid_utf8 = std::str::from_utf8(line).err().map(|e| e.valid_up_to());
    if lone.is_empty() && invalid_utf8.is_none() {
        return Err(format!("not a JSON document: {error}"));
    }
    if !lossy {
        // the first of the two problems, by column (1-based, in bytes)
        return Err(match (lone.first(), invalid_utf8) {
            (Some(escape), at) if escape.start < at.unwrap_or(usize::MAX) => format!(
                "lone surrogate {} at column {} of a JSON string: half of a UTF-16 pair, not text \
                 (--lossy replaces it with U+FFFD)",
                String::from_utf8_lossy(&line[escape.clone()]),
                escape.start + 1
            ),
            (_, at) => {
                format!("invalid UTF-8 at column {} (--lossy replaces it with U+FFFD)", at.unwrap_or_default() + 1)
            }
        });
    }
    let mut repaired = Vec::with_capacity(line.len());
    let mut from = 0;
    for escape in &lone {
        repaired.extend_from_slice(&line[from..escape.start]);
        repaired.extend_from_slice(b"\\ufffd");
        from = escape.end;
    }
    repaired.extend_from_slice(&line[from..]);
    let invalid = repaired.utf8_chunks().filter(|chunk| !chunk.invalid().is_empty()).count();
    let doc =
        serde_json::from_str(&String::from_utf8_lossy(&repaired)).map_err(|e| format!("not a JSON document: {e}"))?;
    Ok((doc, lone.len() + invalid))
}

/// The byte ranges of the `\uXXXX` escapes in a JSON line that encode a lone
/// UTF-16 surrogate: a high one not followed by a low one, or a low one
/// alone. Every backslash of valid JSON starts an escape inside a string,
/// so no tracking of strings is needed; `\\` is skipped whole.
fn lone_surrogates(line: &[u8]) -> Vec<std::ops::Range<usize>> {
    let unit = |at: usize| -> Option<u32> {
        let hex = line.get(at..at + 6)?.strip_prefix(b"\\u")?;
        u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if line[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                found.push(i..i + 6);
                i += 6;
            }
            _ => i += 2,
        }
    }
    found
}

/// `--jobs` within the machine's parallelism: more threads than cores only
/// cost memory (thousands of them exhaust the process), so a larger value is
/// lowered, with a note for stderr. 0 or none: every core.
pub fn clamp_jobs(jobs: Option<usize>, cores: usize) -> (usize, Option<String>) {
    let cores = cores.max(1);
    match jobs {
        Some(n) if n > cores => (cores, Some(format!("--jobs {n} lowered to {cores}, the number of cores available"))),
        Some(n) if n > 0 => (n, None),
        _ => (cores, None),
    }
}

/// The worker threads of corpus mode. Failing to start them (the process's
/// thread or memory limit) is an error for the caller to report, not a panic.
pub fn worker_pool(threads: usize) -> io::Result<rayon::ThreadPool> {
    build_pool(threads, None)
}

fn build_pool(threads: usize, stack_size: Option<usize>) -> io::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new().num_threads(threads);
    if let Some(bytes) = stack_size {
        builder = builder.stack_size(bytes);
    }
    builder.build().map_err(|e| io::Error::other(format!("cannot start {threads} worker thread(s): {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_escapes_are_found_and_pairs_are_not() {
        let cases: [(&str, &[&str]); 8] = [
            (r#"{"text":"a \ud800 b"}"#, &[r"\ud800"]),
            (r#"{"text":"a \ud800"}"#, &[r"\ud800"]),
            (r#"{"text":"\udc00\ud83d"}"#, &[r"\udc00", r"\ud83d"]),
            (r#"{"text":"\ud800\u0041"}"#, &[r"\ud800"]),
            (r#"{"text":"\uDBFF"}"#, &[r"\uDBFF"]),
            (r#"{"text":"\ud83d\ude00 fine"}"#, &[]),
            (r#"{"text":"\\ud800 is a backslash and text"}"#, &[]),
            (r#"{"text":"\u00e9 \n \" \\"}"#, &[]),
        ];
        for (line, want) in cases {
            let found: Vec<&str> = lone_surrogates(line.as_bytes()).into_iter().map(|r| &line[r]).collect();
            assert_eq!(found, want, "{line}");
        }
    }

    #[test]
    fn lossy_parsing_replaces_what_is_not_unicode() {
        let cases: [(&[u8], &str, usize); 4] = [
            (br#"{"text":"a \ud800 b"}"#, "a \u{FFFD} b", 1),
            (b"{\"text\":\"a \xff b \\udc00\"}", "a \u{FFFD} b \u{FFFD}", 2),
            (br#"{"text":"\ud83d\ude00"}"#, "\u{1F600}", 0),
            (br#"{"text":"\\ud800"}"#, "\\ud800", 0),
        ];
        for (line, text, replaced) in cases {
            let (doc, n) = parse_line(line, true).expect("parses");
            assert_eq!((doc["text"].as_str(), n), (Some(text), replaced), "{}", String::from_utf8_lossy(line));
            if replaced > 0 {
                assert!(parse_line(line, false).unwrap_err().contains("--lossy"));
            }
        }
    }

    #[test]
    fn jobs_are_clamped_to_the_cores() {
        for (jobs, cores, want, note) in [
            (None, 4, 4, false),
            (Some(0), 4, 4, false),
            (Some(3), 4, 3, false),
            (Some(10_000), 4, 4, true),
            (Some(5), 0, 1, true),
        ] {
            let (n, message) = clamp_jobs(jobs, cores);
            assert_eq!((n, message.is_some()), (want, note), "{jobs:?} on {cores} cores");
        }
    }

    #[test]
    fn a_pool_that_cannot_start_is_an_error_not_a_panic() {
        // a stack larger than any address space: the threads cannot be created
        let err = build_pool(2, Some(1 << 60)).expect_err("no such stack");
        assert!(err.to_string().starts_with("cannot start 2 worker thread(s)"), "{err}");
        assert!(build_pool(2, None).is_ok());
    }
}
