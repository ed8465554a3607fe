//! Corpus mode: one JSON document per input line, one analysis per output
//! line, in input order, analysed on every core.
//!
//! Lines are read in batches so memory stays bounded by one batch; a bad
//! line is reported on stderr with its line number and the run goes on.

use std::io::{self, BufRead, IsTerminal, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use slant_core::{Analysis, Analyzer, Config};

/// Lines analysed together; each batch is written before the next is read.
const BATCH_LINES: usize = 256;
/// A batch also ends once it holds this many bytes of input.
const BATCH_BYTES: usize = 16 * 1024 * 1024;

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
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Analyses every line of `input`, writing one JSON line per document to `out`.
pub fn run(
    mut input: impl BufRead,
    out: &mut impl Write,
    config: &Config,
    fields: &Fields,
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
            if line.iter().all(u8::is_ascii_whitespace) {
                continue; // a blank line is no document
            }
            batch.push((line_number, line));
        }
        if batch.is_empty() {
            break;
        }
        // one analyzer per worker, reused from document to document so its word table stays warm
        let results: Vec<Result<Vec<u8>, String>> = pool.install(|| {
            batch
                .par_iter()
                .map_init(|| Analyzer::new(config.clone()), |analyzer, (_, line)| analyse_line(line, analyzer, fields))
                .collect()
        });
        for ((number, _), result) in batch.iter().zip(results) {
            match result {
                Ok(json) => {
                    out.write_all(&json)?;
                    outcome.analysed += 1;
                }
                Err(message) => {
                    progress.suspend(|| eprintln!("slant: line {number}: {message}"));
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

fn analyse_line(line: &[u8], analyzer: &mut Analyzer, fields: &Fields) -> Result<Vec<u8>, String> {
    let doc: Value = serde_json::from_slice(line).map_err(|e| format!("not a JSON document: {e}"))?;
    let Value::Object(map) = &doc else {
        return Err("not a JSON object".into());
    };
    let text = match map.get(&fields.text) {
        Some(Value::String(text)) => text,
        Some(_) => return Err(format!("field \"{}\" is not a string", fields.text)),
        None => return Err(format!("no \"{}\" field", fields.text)),
    };
    let id = map.get(&fields.id).unwrap_or(&Value::Null);
    analyzer.push(text);
    let analysis = analyzer.finish_document();
    let mut json = serde_json::to_vec(&Output { id, analysis: &analysis }).map_err(|e| e.to_string())?;
    json.push(b'\n');
    Ok(json)
}
