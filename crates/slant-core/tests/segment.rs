//! Data-driven sentence splitter cases: every `tests/data/sentences/*.txt`
//! (format in that folder's README.md), run through the public API.

use std::path::{Path, PathBuf};

use slant_core::{analyze, Analyzer, Config, SentenceLimit, SentenceSplitter, MIN_SENTENCE_BYTES};

/// One case: its name and where it came from, the input, the expected sentences.
pub struct Case {
    pub name: String,
    pub input: String,
    pub expected: Vec<String>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sentences")
}

/// `\n`, `\r`, `\t` and `\s` stand for a line break, a carriage return, a tab and a space.
fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('s') => out.push(' '),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A case being read.
struct Partial<'a> {
    name: String,
    input: Vec<&'a str>,
    expected: Option<Vec<&'a str>>,
}

impl Partial<'_> {
    fn finish(self) -> Case {
        let expected = self.expected.unwrap_or_else(|| panic!("case {}: no `---` line", self.name));
        Case {
            input: unescape(&self.input.join("\n")),
            expected: expected.iter().map(|l| unescape(l)).collect(),
            name: self.name,
        }
    }
}

/// Reads every case file.
pub fn load_cases() -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .expect("tests/data/sentences exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", data_dir().display());
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("case file is UTF-8");
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let mut current: Option<Partial> = None;
        for line in text.lines() {
            if let Some(name) = line.strip_prefix("=== ") {
                if let Some(done) = current.take() {
                    cases.push(done.finish());
                }
                current = Some(Partial { name: format!("{stem}: {name}"), input: Vec::new(), expected: None });
            } else if let Some(case) = current.as_mut() {
                match case.expected.as_mut() {
                    None if line == "---" => case.expected = Some(Vec::new()),
                    None => case.input.push(line),
                    Some(lines) if !line.is_empty() => lines.push(line),
                    Some(_) => {}
                }
            }
        }
        if let Some(done) = current.take() {
            cases.push(done.finish());
        }
    }
    cases
}

#[test]
fn sentence_cases() {
    let cases = load_cases();
    assert!(cases.len() >= 40, "only {} cases found", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let analysis = analyze(&case.input, Config::default());
        for s in &analysis.sentences {
            assert_eq!(case.input.get(s.start..s.end), Some(s.text.as_str()), "{}: offsets of {:?}", case.name, s);
        }
        let got: Vec<&str> = analysis.sentences.iter().map(|s| s.text.as_str()).collect();
        if got != case.expected {
            failures.push(format!(
                "{}\n  input:    {:?}\n  expected: {:#?}\n  got:      {:#?}",
                case.name, case.input, case.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// The public splitter gives the same sentences as the analyzer.
#[test]
fn splitter_matches_analyzer() {
    for case in load_cases() {
        let mut splitter = SentenceSplitter::new(Config::default().max_sentence_bytes);
        let mut out = Vec::new();
        splitter.push(&case.input, &mut out);
        splitter.finish(&mut out);
        assert_eq!(out, analyze(&case.input, Config::default()).sentences, "{}", case.name);
    }
}

/// A text without any boundary is cut at `max_sentence_bytes`, at a space,
/// the same way however it arrives.
#[test]
fn long_sentences_are_cut_at_the_limit() {
    let text = "word ".repeat(100) + "end";
    let config = Config { max_sentence_bytes: SentenceLimit::new(64).unwrap(), ..Config::default() };
    let whole = analyze(&text, config.clone());
    assert!(whole.sentences.len() > 5, "{:?}", whole.sentences);
    for s in &whole.sentences {
        assert!(s.text.len() <= 64, "{:?}", s);
        assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
        assert!(s.text.ends_with("word") || s.text.ends_with("end"), "cut inside a word: {:?}", s.text);
    }
    let mut analyzer = Analyzer::new(config);
    for i in 0..text.len() {
        analyzer.feed(&text[i..i + 1]);
    }
    assert_eq!(analyzer.finish(), whole);

    // No space at all: cut at a character boundary.
    let text = "é".repeat(100);
    let config = Config { max_sentence_bytes: SentenceLimit::new(65).unwrap(), ..Config::default() };
    let whole = analyze(&text, config);
    assert!(whole.sentences.iter().all(|s| s.text.len() <= 65 && !s.text.is_empty()));
    assert_eq!(whole.sentences.iter().map(|s| s.text.as_str()).collect::<String>(), text);
}

/// One policy for the sentence limit: `SentenceLimit::new` rejects a value
/// below `MIN_SENTENCE_BYTES` with an error and accepts the rest; whatever it
/// accepts, the analyzer and the splitter take without panicking, and cut
/// no sentence longer than the limit. No constructor panics on any value.
#[test]
fn every_sentence_limit_is_an_error_or_works() {
    let text = "word ".repeat(60) + "é".repeat(80).as_str() + " The end. Done";
    let values = (0..=100).chain([1 << 14, usize::MAX - 1, usize::MAX]);
    for bytes in values {
        let limit = match SentenceLimit::new(bytes) {
            Ok(limit) => limit,
            Err(err) => {
                assert!(bytes < MIN_SENTENCE_BYTES, "{bytes} rejected: {err}");
                assert_eq!(err.to_string(), "bad configuration: max_sentence_bytes must be at least 64");
                continue;
            }
        };
        assert!(bytes >= MIN_SENTENCE_BYTES, "{bytes} accepted");
        assert_eq!(limit.get(), bytes);
        let config = Config { max_sentence_bytes: limit, ..Config::default() };
        let whole = analyze(&text, config.clone());
        assert!(whole.sentences.iter().all(|s| s.text.len() <= bytes && !s.text.is_empty()), "{bytes}");
        let mut analyzer = Analyzer::new(config);
        for piece in text.split_inclusive(' ') {
            analyzer.feed(piece);
        }
        assert_eq!(analyzer.finish(), whole, "{bytes}");
        let mut splitter = SentenceSplitter::new(limit);
        let mut sentences = Vec::new();
        splitter.push(&text, &mut sentences);
        splitter.finish(&mut sentences);
        assert_eq!(sentences, whole.sentences, "{bytes}");
    }
}

/// Inputs found to be tricky stay panic-free and keep offsets exact.
#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        "",
        ".",
        "...",
        ". . .",
        "!?",
        "\n",
        "\r\n\r\n",
        "“",
        "”.",
        "[",
        "[.",
        "1.",
        "1",
        "a)",
        "•",
        "• ",
        "Mr.",
        "U.S.",
        "e.g.",
        "x.Y",
        "a.Bc",
        "Monday,",
        "Monday, March",
        "Monday, March 4, 2024",
        "word. [",
        "word. [1",
        "word. [1]",
        "word.” ",
        "“Hi?” J",
        "😀. 😀",
        "\u{2028}.\u{2029}",
        "2.1.",
        "2.1",
        "Tuesday, May 1, 20245",
    ];
    for input in inputs {
        let analysis = analyze(input, Config::default());
        for s in &analysis.sentences {
            assert_eq!(input.get(s.start..s.end), Some(s.text.as_str()), "{input:?}");
            assert_eq!(s.text.trim(), s.text, "{input:?}");
        }
    }
}
