//! The same properties checked natively (`cargo test`), through the Rust
//! side of the crate: offsets are UTF-16 and slice the input, and streaming
//! in any chunking gives the one-shot result.
#![cfg(not(target_arch = "wasm32"))]

use slant_core::Analysis;
use slant_wasm::{analyze_utf16, StreamingAnalyzer};

const SAMPLE: &str = include_str!("../../../web/sample.txt");
const MIXED: &str =
    "\u{1F600} The mayor of \u{1D4B3}ville said on Monday it was a \u{201C}disaster.\u{201D} \u{1F44D}\u{1F3FD} \
     Critics agreed.\r\nMr. Smith left at 5 p.m.\r\n\r\n\u{4E2D}\u{6587} text \u{1F600}";

fn slice16(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(units.get(start..end).expect("span inside the text")).expect("span on whole characters")
}

fn check(text: &str, a: &Analysis) {
    let units: Vec<u16> = text.encode_utf16().collect();
    for s in &a.sentences {
        assert_eq!(slice16(&units, s.start, s.end), s.text);
    }
    for e in &a.entities {
        for m in &e.mentions {
            assert_eq!(slice16(&units, m.start, m.end), m.text);
        }
    }
    for c in &a.cues {
        assert_eq!(slice16(&units, c.start, c.end), c.text);
    }
}

#[test]
fn one_shot_offsets_slice_utf16() {
    for text in [SAMPLE, MIXED] {
        let a = analyze_utf16(text);
        assert!(a.sentences.len() > 2);
        check(text, &a);
    }
}

#[test]
fn streaming_at_every_split_point_equals_one_shot() {
    let whole = analyze_utf16(MIXED);
    for cut in (0..=MIXED.len()).filter(|&c| MIXED.is_char_boundary(c)) {
        let mut s = StreamingAnalyzer::new();
        let (a, b) = MIXED.split_at(cut);
        let mut reports = s.feed(a);
        reports.extend(s.feed(b));
        let got = s.finish();
        assert_eq!(got, whole, "split at byte {cut}");
        for r in reports {
            assert_eq!(whole.sentences.get(r.index), Some(&r.sentence), "split at byte {cut}");
        }
    }
}

#[test]
fn streaming_the_sample_in_small_chunks_equals_one_shot() {
    let whole = analyze_utf16(SAMPLE);
    check(SAMPLE, &whole);
    for size in [1, 3, 17, 256] {
        let mut s = StreamingAnalyzer::new();
        let mut rest = SAMPLE;
        while !rest.is_empty() {
            let mut cut = size.min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (head, tail) = rest.split_at(cut);
            s.feed(head);
            rest = tail;
        }
        assert_eq!(s.finish(), whole, "chunks of {size} bytes");
    }
}
