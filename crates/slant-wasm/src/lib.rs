//! slant for JavaScript: the analysis of `slant-core`, with every offset
//! converted from UTF-8 bytes to UTF-16 code units at the boundary, so that
//! `text.slice(start, end)` in JavaScript gives back the span's text
//! (astral characters included).
//!
//! ```js
//! import init, { analyze, Analyzer } from "./pkg/slant_wasm.js";
//! await init();
//! const analysis = analyze(text);          // the contract's object
//! const a = new Analyzer();                 // streaming
//! for (const chunk of chunks) for (const report of a.feed(chunk)) show(report);
//! const whole = a.finish();
//! ```
//!
//! Chunks given to [`Analyzer::feed`] must be split between whole
//! characters: a surrogate pair cut in two reaches Rust as two U+FFFD.
//!
//! This crate only translates types; all analysis lives in `slant-core`.
//! With the `typescript` feature (the npm package's build), the generated
//! `.d.ts` declares the result types (`Analysis`, `SentenceReport`, …) from
//! the Rust model types, through tsify.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod offsets;

use serde::Serialize;
use slant_core::{Analysis, Config, SentenceReport};
use wasm_bindgen::prelude::*;

use offsets::Utf16Converter;

/// Installs the panic hook when the module is instantiated, so a Rust panic
/// reaches the console with its message instead of a bare `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("slant: cannot convert the result for JavaScript: {e}")))
}

/// Analyses a whole text and returns the contract's object (`sentences`,
/// `entities`, `cues`, `summary`) with offsets in UTF-16 code units.
///
/// # Errors
/// A JS `Error` if the result cannot be converted (not expected).
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    console_error_panic_hook::set_once();
    to_js(&analyze_utf16(text))
}

/// The one-shot analysis with UTF-16 offsets, as a Rust value.
pub fn analyze_utf16(text: &str) -> Analysis {
    let mut analysis = slant_core::analyze(text, Config::default());
    offsets::convert_analysis_in(text, &mut analysis);
    analysis
}

/// The version of slant, as in its `Cargo.toml`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Panics on purpose, so the page's tests can check that a trapped instance
/// is replaced by a fresh worker and that the panic message reaches the
/// console through the hook. Not part of the API: only in a build with the
/// `_test-hooks` feature (`just test-page`), never in the page's wasm.
#[cfg(feature = "_test-hooks")]
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("slant: deliberate panic (a test of the panic hook)");
}

/// Streaming analysis of one document: `feed` it chunks as they arrive and
/// show each finished sentence at once; `finish` returns the whole analysis
/// and makes the analyzer ready for a new document.
#[wasm_bindgen]
pub struct Analyzer {
    inner: StreamingAnalyzer,
}

#[wasm_bindgen]
impl Analyzer {
    /// A new analyzer with the default configuration.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Analyzer {
        console_error_panic_hook::set_once();
        Analyzer { inner: StreamingAnalyzer::new() }
    }

    /// Adds the next chunk; returns an array of the sentence reports
    /// (`{index, sentence, mentions, cues}`) that became final, with UTF-16
    /// offsets counted from the start of the document.
    ///
    /// # Errors
    /// A JS `Error` if the result cannot be converted (not expected).
    #[wasm_bindgen(unchecked_return_type = "SentenceReport[]")]
    pub fn feed(&mut self, chunk: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.feed(chunk))
    }

    /// Ends the document and returns its analysis (UTF-16 offsets); the
    /// analyzer then starts afresh.
    ///
    /// # Errors
    /// A JS `Error` if the result cannot be converted (not expected).
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.inner.finish())
    }

    /// How much text has been fed so far, in UTF-16 code units.
    #[wasm_bindgen(getter, js_name = fedLength)]
    pub fn fed_length(&self) -> f64 {
        self.inner.fed_utf16() as f64
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// The streaming analyzer behind [`Analyzer`], usable from Rust (and from
/// native tests): reports and the final analysis carry UTF-16 offsets.
#[derive(Debug)]
pub struct StreamingAnalyzer {
    core: slant_core::Analyzer,
    conv: Utf16Converter,
}

impl StreamingAnalyzer {
    /// A new analyzer with the default configuration.
    pub fn new() -> Self {
        StreamingAnalyzer { core: slant_core::Analyzer::new(Config::default()), conv: Utf16Converter::new() }
    }

    /// Adds the next chunk; returns the finished sentences with UTF-16 offsets.
    pub fn feed(&mut self, chunk: &str) -> Vec<SentenceReport> {
        self.conv.push(chunk);
        let mut reports = self.core.feed(chunk);
        self.conv.convert_reports(&mut reports);
        reports
    }

    /// Ends the document and returns its analysis with UTF-16 offsets; the
    /// analyzer starts afresh.
    pub fn finish(&mut self) -> Analysis {
        let core = std::mem::replace(&mut self.core, slant_core::Analyzer::new(Config::default()));
        let mut conv = std::mem::take(&mut self.conv);
        // The last sentences only become final here; convert them while the
        // unfinished text is still held.
        let mut analysis = core.finish();
        conv.convert_final(&mut analysis);
        analysis
    }

    /// UTF-16 code units fed so far.
    pub fn fed_utf16(&self) -> usize {
        self.conv.fed_utf16()
    }
}

impl Default for StreamingAnalyzer {
    fn default() -> Self {
        StreamingAnalyzer::new()
    }
}
