//! The core under arbitrary text and arbitrary chunking: never panics, every
//! span slices the input to its text, chunking never changes the result, and
//! an analyzer reused after another document gives what a new one gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_core::{analyze, Analyzer, Config, SentenceLimit, MIN_SENTENCE_BYTES};

fuzz_target!(|data: &[u8]| {
    // The first bytes choose chunk sizes; the rest is the text.
    let (sizes, text) = data.split_at(data.len().min(4));
    let text = String::from_utf8_lossy(text);
    let limit = SentenceLimit::new(MIN_SENTENCE_BYTES + sizes.first().copied().unwrap_or(0) as usize * 4)
        .expect("at least MIN_SENTENCE_BYTES");
    let config = Config { max_sentence_bytes: limit, ..Config::default() };
    let whole = analyze(&text, config.clone());
    for s in &whole.sentences {
        assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
    }
    for e in &whole.entities {
        for m in &e.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
    for c in &whole.cues {
        assert_eq!(text.get(c.start..c.end), Some(c.text.as_str()));
    }

    let mut analyzer = Analyzer::new(config.clone());
    let mut pos = 0;
    let mut turn = 0;
    while pos < text.len() {
        let step = 1 + sizes.get(turn % sizes.len().max(1)).copied().unwrap_or(7) as usize;
        let mut end = (pos + step).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        analyzer.feed(&text[pos..end]);
        pos = end;
        turn += 1;
    }
    assert_eq!(analyzer.finish(), whole, "chunk sizes {sizes:?}");

    // the same text after the text's second half, as one analyzer's second document
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half += 1;
    }
    let mut reused = Analyzer::new(config);
    reused.push(&text[half..]);
    reused.finish_document();
    reused.push(&text);
    assert_eq!(reused.finish_document(), whole, "second document");
});
