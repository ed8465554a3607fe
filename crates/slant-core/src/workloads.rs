//! Shared by the benchmarks, the performance guard and the chunking tests, so
//! they cut text and time the stages the same way. Not part of the API: it
//! exists only with the `_bench` feature, which those enable (the crate's own
//! tests and benches through its dev-dependency on itself).

use crate::{Analyzer, Config, SentenceSplitter};

/// `text` in pieces of about `size` bytes (at least one), cut at character boundaries.
pub fn char_chunks(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = size.max(1).min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at(end);
        out.push(piece);
        rest = tail;
    }
    out
}

/// Splits `pieces` into sentences; returns how many.
pub fn split_count(pieces: &[&str]) -> usize {
    let mut splitter = SentenceSplitter::new(Config::default().max_sentence_bytes);
    let mut out = Vec::new();
    let mut n = 0;
    for piece in pieces {
        splitter.push(piece, &mut out);
        n += out.len();
        out.clear();
    }
    splitter.finish(&mut out);
    n + out.len()
}

/// Runs the whole analysis over `pieces`; returns the number of sentences
/// and entities (something the optimiser cannot drop).
pub fn pipeline_count(pieces: &[&str]) -> usize {
    document_count(pieces, Config::default())
}

/// Split + entities over `pieces`, framing off; returns the number of
/// sentences and entities.
pub fn entities_count(pieces: &[&str]) -> usize {
    document_count(pieces, Config { framing: false, ..Config::default() })
}

fn document_count(pieces: &[&str], config: Config) -> usize {
    let mut analyzer = Analyzer::new(config);
    let mut n = 0;
    for piece in pieces {
        n += analyzer.feed(piece).len();
    }
    n + analyzer.finish().entities.len()
}

/// Analyses each of `documents` on its own, as corpus mode does (one
/// analyzer, reused); `framing` off gives split + entities. Returns the
/// number of sentences and entities.
pub fn corpus_count(documents: &[&str], framing: bool) -> usize {
    let mut analyzer = Analyzer::new(Config { framing, ..Config::default() });
    let mut n = 0;
    for document in documents {
        analyzer.push(document);
        let analysis = analyzer.finish_document();
        n += analysis.sentences.len() + analysis.entities.len();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_at_character_boundaries() {
        let text = "aé😀b".repeat(5);
        for size in 0..8 {
            let pieces = char_chunks(&text, size);
            assert_eq!(pieces.concat(), text);
            assert!(pieces.iter().all(|p| !p.is_empty()));
        }
    }
}
