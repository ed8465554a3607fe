//! The wasm-bindgen tests, shared by `node.rs` (run by `wasm-pack test
//! --node`) and `browser.rs` (run by `wasm-pack test --chrome`). They call
//! the exported JS functions and check offsets the way a page uses them: by
//! slicing a JavaScript string.

use js_sys::JsString;
use serde_json::Value;
use slant_wasm::{analyze, Analyzer};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

pub const SAMPLE: &str = include_str!("../../../../web/sample.txt");
pub const ASTRAL: &str = "\u{1F600} The mayor of \u{1D4B3}ville, Jane Doe, said on Monday that the plan was a \u{201C}disaster.\u{201D} \
     \u{1F44D}\u{1F3FD} Critics called it \u{1F4A9}. Mr. Smith (\u{00E9}\u{0301}) left at 5 p.m. \u{4E2D}\u{6587} text follows.\n\n\
     \u{1F1FA}\u{1F1F8} U.S. officials agreed. Final words \u{1F600}";
pub const CRLF: &str =
    "Headline without a stop\r\n\r\nThe first sentence.\r\nIt goes on\r\nacross lines. \u{1F600} And ends.\r\n";

fn json(v: JsValue) -> Value {
    serde_wasm_bindgen::from_value(v).expect("a plain JSON-compatible object")
}

/// Every span with `start`, `end` and `text` in `v`, slicing-checked against `text`.
fn check_spans(input: &str, v: &Value) -> usize {
    let js = JsString::from(input);
    let mut checked = 0;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let (Some(s), Some(e), Some(Value::String(t))) =
                    (map.get("start").and_then(Value::as_u64), map.get("end").and_then(Value::as_u64), map.get("text"))
                {
                    let sliced: String = js.slice(s as u32, e as u32).into();
                    assert_eq!(&sliced, t, "text.slice({s}, {e}) differs from the span's text");
                    checked += 1;
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    checked
}

#[wasm_bindgen_test]
fn analyze_returns_the_contract_object() {
    let v = json(analyze(SAMPLE).expect("analysis"));
    for key in ["sentences", "entities", "cues", "summary"] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    let sentences = v["sentences"].as_array().expect("sentences array");
    assert!(sentences.len() >= 30, "the sample has 31 sentences (a split after its date line is allowed)");
    assert!(check_spans(SAMPLE, &v) >= sentences.len());
}

#[wasm_bindgen_test]
fn offsets_slice_astral_and_crlf_text() {
    for text in [ASTRAL, CRLF] {
        let v = json(analyze(text).expect("analysis"));
        let n = v["sentences"].as_array().map_or(0, Vec::len);
        assert!(n >= 3, "expected several sentences in {text:?}");
        assert!(check_spans(text, &v) >= n, "every sentence span checked");
        // The last sentence ends at the end of the text, in UTF-16 units.
        let last_end = v["sentences"][n - 1]["end"].as_u64().unwrap_or(0) as usize;
        assert_eq!(last_end, text.trim_end().encode_utf16().count());
    }
}

#[wasm_bindgen_test]
fn streaming_equals_one_shot() {
    for text in [SAMPLE, ASTRAL, CRLF] {
        let whole = json(analyze(text).expect("analysis"));
        for size in [1, 7, 64, 1000, text.len()] {
            let mut a = Analyzer::new();
            let mut reported = Vec::new();
            for chunk in slant_core::workloads::char_chunks(text, size) {
                let reports = json(a.feed(chunk).expect("reports"));
                check_spans(text, &reports);
                reported.extend(reports.as_array().cloned().unwrap_or_default());
            }
            assert_eq!(a.fed_length() as usize, text.encode_utf16().count());
            let streamed = json(a.finish().expect("analysis"));
            assert_eq!(streamed, whole, "chunks of {size} bytes");
            // Every sentence reported while feeding is in the final analysis.
            for r in &reported {
                let i = r["index"].as_u64().unwrap_or(u64::MAX) as usize;
                assert_eq!(Some(&r["sentence"]), whole["sentences"].get(i), "chunks of {size} bytes, sentence {i}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn finish_starts_a_new_document() {
    let mut a = Analyzer::new();
    a.feed(ASTRAL).expect("reports");
    let first = json(a.finish().expect("analysis"));
    a.feed(CRLF).expect("reports");
    let second = json(a.finish().expect("analysis"));
    assert_eq!(first, json(analyze(ASTRAL).expect("analysis")));
    assert_eq!(second, json(analyze(CRLF).expect("analysis")));
}

#[wasm_bindgen_test]
fn empty_and_odd_input_do_not_throw() {
    for text in ["", " ", "\n\n\n", "\u{FEFF}", "...", "\u{1F600}", "\u{0}\u{7F}"] {
        let v = json(analyze(text).expect("analysis"));
        check_spans(text, &v);
    }
}
