//! Python bindings of slant-core: `slant.analyze`, `slant.analyze_many` and
//! `slant.Analyzer`. Results are the analysis contract as Python dicts, the
//! objects `json.loads` would make of the CLI's JSON (built directly by
//! [`to_py`]), offsets converted from UTF-8 bytes to code points, which is
//! what Python's str indices count.

#![forbid(unsafe_code)]

mod to_py;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;
use slant_core::{Analysis, Config, SentenceLimit, SentenceReport};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Byte offsets → code point offsets over `text`, in one pass: every offset
/// is collected, the distinct ones sorted and converted walking the text once.
/// An offset past the end or inside a character (not produced by a correct
/// analysis) is counted as if the bytes were ASCII, never panicking.
fn to_code_points(text: &str, each_offset: impl Fn(&mut dyn FnMut(&mut usize))) {
    let mut offsets = Vec::new();
    each_offset(&mut |o| offsets.push(*o));
    offsets.sort_unstable();
    offsets.dedup();
    let bytes = text.as_bytes();
    let mut converted = Vec::with_capacity(offsets.len());
    let (mut at, mut points) = (0usize, 0usize);
    for &target in &offsets {
        let stop = target.min(bytes.len());
        if stop > at {
            // One code point per byte that starts a character.
            points += bytes.get(at..stop).unwrap_or_default().iter().filter(|&&b| b & 0xC0 != 0x80).count();
            at = stop;
        }
        converted.push(points + (target - at));
    }
    each_offset(&mut |o| {
        if let Ok(i) = offsets.binary_search(o) {
            *o = converted.get(i).copied().unwrap_or(*o);
        }
    });
}

fn analysis_in_code_points(text: &str, mut analysis: Analysis) -> Analysis {
    let cell = std::cell::RefCell::new(&mut analysis);
    to_code_points(text, |f| cell.borrow_mut().for_each_offset_mut(&mut |o| f(o)));
    analysis
}

fn report_in_code_points(text: &str, mut report: SentenceReport) -> SentenceReport {
    let cell = std::cell::RefCell::new(&mut report);
    to_code_points(text, |f| cell.borrow_mut().for_each_offset_mut(&mut |o| f(o)));
    report
}

/// The configuration for an optional sentence limit; slant_core's errors
/// (only a limit below its minimum can occur here) become ValueError.
fn config(max_sentence_bytes: Option<usize>) -> PyResult<Config> {
    let mut config = Config::default();
    if let Some(bytes) = max_sentence_bytes {
        config.max_sentence_bytes = SentenceLimit::new(bytes).map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(config)
}

/// A result → Python objects (dicts, lists, str, int, float, None).
fn to_python<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<PyObject> {
    to_py::to_py(py, &to_py::Names::default(), value)
}

/// Analyses one text and returns the analysis as a dict (offsets in code points).
#[pyfunction]
#[pyo3(signature = (text, *, max_sentence_bytes=None))]
fn analyze(py: Python<'_>, text: &str, max_sentence_bytes: Option<usize>) -> PyResult<PyObject> {
    let config = config(max_sentence_bytes)?;
    let analysis = py.allow_threads(|| analysis_in_code_points(text, slant_core::analyze(text, config)));
    to_python(py, &analysis)
}

/// Analyses many texts on `jobs` threads (default: every core) without the
/// GIL; results in input order, equal to `analyze` on each text.
#[pyfunction]
#[pyo3(signature = (texts, jobs=None, *, max_sentence_bytes=None))]
fn analyze_many(
    py: Python<'_>,
    texts: Vec<String>,
    jobs: Option<usize>,
    max_sentence_bytes: Option<usize>,
) -> PyResult<Vec<PyObject>> {
    let config = config(max_sentence_bytes)?;
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // The cyclic GC would rescan the growing result list again and again while
    // it is built (2.4x slower here), and the result holds no cycles: pause it.
    let gc = py.import("gc")?;
    let gc_was_enabled = gc.call_method0("isenabled")?.is_truthy()?;
    gc.call_method0("disable")?;
    let names = to_py::Names::default();
    let analyses = if jobs == 1 {
        // one job is one core: analyse everything, then build the dicts
        let mut all = Vec::with_capacity(texts.len());
        py.allow_threads(|| analyse_in_turn(&config, &texts, &AtomicUsize::new(0), |_, a| all.push(a)));
        all.iter().map(|analysis| to_py::to_py(py, &names, analysis)).collect()
    } else {
        // Building the dicts needs the GIL, so it cannot run in parallel; it
        // overlaps the analysis instead: the workers analyse without the GIL
        // while this thread turns each finished analysis into a dict.
        in_parallel(py, jobs, &config, &texts, &names)
    };
    if gc_was_enabled {
        gc.call_method0("enable")?;
    }
    analyses
}

/// Analyses the texts not yet taken, in input order, with one analyzer
/// reused from text to text (as the CLI's corpus mode does; finish_document
/// equals a new analyzer, and the word table stays warm). `next` is shared
/// by the workers: each takes the next text when it is free.
fn analyse_in_turn(config: &Config, texts: &[String], next: &AtomicUsize, mut done: impl FnMut(usize, Analysis)) {
    let mut analyzer = slant_core::Analyzer::new(config.clone());
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(text) = texts.get(i) else { break };
        analyzer.push(text);
        done(i, analysis_in_code_points(text, analyzer.finish_document()));
    }
}

/// [`analyze_many`] on `jobs` worker threads, the dicts built on this one as
/// analyses arrive (in any order; placed by index).
fn in_parallel(
    py: Python<'_>,
    jobs: usize,
    config: &Config,
    texts: &[String],
    names: &to_py::Names,
) -> PyResult<Vec<PyObject>> {
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, Analysis)>();
    let mut analyses: Vec<Option<PyObject>> = Vec::with_capacity(texts.len());
    analyses.resize_with(texts.len(), || None);
    let mut failure = None;
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(texts.len()) {
            let (sender, next) = (sender.clone(), &next);
            // a closed channel means the caller stopped on an error: the rest is not needed
            scope.spawn(move || {
                analyse_in_turn(config, texts, next, |i, a| {
                    if sender.send((i, a)).is_err() {
                        next.store(texts.len(), Ordering::Relaxed);
                    }
                })
            });
        }
        // the workers hold the only senders left: the loop below ends when they do
        drop(sender);
        let mut receiver = receiver;
        loop {
            // wait without the GIL (the receiver is moved in and back: it is not Sync)
            let (next, back) = py.allow_threads(move || (receiver.recv(), receiver));
            receiver = back;
            let Ok((i, analysis)) = next else { break };
            match to_py::to_py(py, names, &analysis) {
                Ok(dict) => {
                    if let Some(slot) = analyses.get_mut(i) {
                        *slot = Some(dict);
                    }
                }
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        drop(receiver);
    });
    if let Some(e) = failure {
        return Err(e);
    }
    analyses
        .into_iter()
        .map(|a| a.ok_or_else(|| PyRuntimeError::new_err("slant: an analysis did not finish")))
        .collect()
}

/// Streaming analysis: `feed(chunk)` returns the sentence reports that
/// became final, `finish()` the whole analysis. Offsets count code points
/// from the start of everything fed. The analyzer keeps the text fed so far
/// (to convert offsets), so memory grows with the text.
#[pyclass(module = "slant")]
struct Analyzer {
    inner: Option<slant_core::Analyzer>,
    fed: String,
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (*, max_sentence_bytes=None))]
    fn new(max_sentence_bytes: Option<usize>) -> PyResult<Self> {
        let config = config(max_sentence_bytes)?;
        Ok(Analyzer { inner: Some(slant_core::Analyzer::new(config)), fed: String::new() })
    }

    /// Adds a chunk; returns the sentence reports that became final.
    fn feed(&mut self, py: Python<'_>, chunk: &str) -> PyResult<Py<PyList>> {
        let inner = self.inner.as_mut().ok_or_else(|| PyRuntimeError::new_err("the analyzer is finished"))?;
        self.fed.push_str(chunk);
        let reports = inner.feed(chunk);
        let list = PyList::empty(py);
        for report in reports {
            list.append(to_python(py, &report_in_code_points(&self.fed, report))?)?;
        }
        Ok(list.unbind())
    }

    /// Ends the text and returns the whole analysis; the analyzer cannot be fed afterwards.
    fn finish(&mut self, py: Python<'_>) -> PyResult<PyObject> {
        let inner = self.inner.take().ok_or_else(|| PyRuntimeError::new_err("the analyzer is finished"))?;
        let analysis = analysis_in_code_points(&self.fed, inner.finish());
        self.fed = String::new();
        to_python(py, &analysis)
    }
}

/// The compiled part of the `slant` package.
#[pymodule]
fn _slant(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_class::<Analyzer>()?;
    Ok(())
}
