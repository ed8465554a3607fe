//! Chunk invariance: a document fed in any chunks gives exactly the output
//! of the same document fed whole — every sentence report as it was emitted
//! (sentence, mentions, cues) and the final analysis.

use proptest::prelude::*;
use slant_core::{analyze, Analysis, Analyzer, Config, Sentence, SentenceReport, SentenceSplitter};

#[path = "segment.rs"]
#[allow(dead_code)]
mod segment_cases;

const SEED_ARTICLE: &str = include_str!("data/seed_article.txt");

/// What a consumer sees: the reports in emission order, then the analysis.
fn run(text: &str, chunks: &[&str]) -> (Vec<SentenceReport>, Analysis) {
    debug_assert_eq!(chunks.concat(), text);
    let mut analyzer = Analyzer::new(Config::default());
    let mut reports = Vec::new();
    for chunk in chunks {
        reports.extend(analyzer.feed(chunk));
    }
    reports.extend(analyzer.flush());
    (reports, analyzer.finish())
}

/// Splits `text` into chunks of the given sizes in bytes, each rounded up to
/// the next character boundary (a `&str` cannot split a character); the last
/// chunk takes the rest. Returns the chunks and the sizes actually used.
fn chunk_by<'a>(text: &'a str, sizes: &[usize]) -> (Vec<&'a str>, Vec<usize>) {
    let mut chunks = Vec::new();
    let mut pos = 0;
    for &size in sizes.iter().cycle().take(text.len().max(1)) {
        if pos >= text.len() {
            break;
        }
        let mut end = (pos + size.max(1)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        chunks.push(&text[pos..end]);
        pos = end;
    }
    let used = chunks.iter().map(|c| c.len()).collect();
    (chunks, used)
}

fn check_offsets(text: &str, analysis: &Analysis) {
    for s in &analysis.sentences {
        assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()), "sentence offsets");
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "mention offsets");
        }
    }
    for c in &analysis.cues {
        assert_eq!(text.get(c.start..c.end), Some(c.text.as_str()), "cue offsets");
    }
}

/// Whole vs. every split point into two chunks.
fn every_split_point(name: &str, text: &str) {
    let whole = run(text, &[text]);
    check_offsets(text, &whole.1);
    assert_eq!(whole.1, analyze(text, Config::default()), "{name}: analyze() differs from feed+finish");
    for cut in (1..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let got = run(text, &[&text[..cut], &text[cut..]]);
        assert!(
            got == whole,
            "{name}: chunk sizes [{cut}, {}] differ from whole:\n{:#?}\nvs\n{:#?}",
            text.len() - cut,
            got.1.sentences,
            whole.1.sentences
        );
    }
}

/// The sentences alone, from the public splitter.
fn split(chunks: &[&str]) -> Vec<Sentence> {
    let mut splitter = SentenceSplitter::new(Config::default().max_sentence_bytes);
    let mut out = Vec::new();
    for chunk in chunks {
        splitter.push(chunk, &mut out);
    }
    splitter.finish(&mut out);
    out
}

/// For a longer text: the sentences at every split point, and the whole
/// pipeline's output at every split point in the first `head` bytes and at
/// every `stride`-th one after (the full pipeline at all of them is slow in
/// debug builds).
fn every_split_point_long(name: &str, text: &str, head: usize, stride: usize) {
    let whole = run(text, &[text]);
    let whole_split = split(&[text]);
    assert_eq!(whole_split, whole.1.sentences, "{name}: splitter and analyzer disagree");
    for cut in (1..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let chunks = [&text[..cut], &text[cut..]];
        let got = split(&chunks);
        assert!(got == whole_split, "{name}: chunk sizes [{cut}, {}] split differently:\n{got:#?}", text.len() - cut);
        if cut < head || cut % stride == 0 {
            let got = run(text, &chunks);
            assert!(got == whole, "{name}: chunk sizes [{cut}, {}]: the analysis differs from whole", text.len() - cut);
        }
    }
}

/// Whole vs. one character at a time.
fn one_byte_chunks(name: &str, text: &str) {
    let whole = run(text, &[text]);
    let (chunks, _) = chunk_by(text, &[1]);
    let got = run(text, &chunks);
    if got != whole {
        let first = got.0.iter().zip(&whole.0).position(|(a, b)| a != b);
        panic!("{name}: chunk size 1 (every character) differs from whole; first differing report: {first:?}\n{:#?}\nvs\n{:#?}",
            first.and_then(|i| got.0.get(i)).map(|r| &r.sentence), first.and_then(|i| whole.0.get(i)).map(|r| &r.sentence));
    }
}

fn random_chunks(name: &str, text: &str, sizes: &[usize]) -> Result<(), TestCaseError> {
    let whole = run(text, &[text]);
    let (chunks, used) = chunk_by(text, sizes);
    let got = run(text, &chunks);
    prop_assert!(
        got == whole,
        "{}: chunk sizes {:?} (repeated; {} chunks, first {:?}) differ from whole",
        name,
        sizes,
        used.len(),
        &used[..used.len().min(12)]
    );
    Ok(())
}

#[test]
fn seed_article_every_split_point() {
    every_split_point_long("seed article", SEED_ARTICLE, 400, 29);
}

#[test]
fn seed_article_one_byte_chunks() {
    one_byte_chunks("seed article", SEED_ARTICLE);
    assert_eq!(analyze(SEED_ARTICLE, Config::default()).sentences.len(), 31);
}

/// One analyzer reused with `finish_document` gives every document exactly
/// what a new analyzer gives it: nothing of one document leaks into the next.
#[test]
fn a_reused_analyzer_gives_each_document_what_a_new_one_gives() {
    let chunking = include_str!("data/entities/chunking.txt");
    let framing = include_str!("data/framing/cases.txt");
    let documents =
        [SEED_ARTICLE, chunking, "", framing, "Vladimir Putin spoke.", "“We will win,” he insisted.", "Xi met Putin."];
    let mut reused = Analyzer::new(Config::default());
    for (i, text) in documents.iter().enumerate() {
        for chunk in slant_core::workloads::char_chunks(text, 700) {
            reused.feed(chunk);
        }
        assert_eq!(reused.finish_document(), analyze(text, Config::default()), "document {i}");
    }
}

#[test]
fn own_cases_every_split_point_and_one_byte() {
    for case in segment_cases::load_cases() {
        every_split_point(&case.name, &case.input);
        one_byte_chunks(&case.name, &case.input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn seed_article_random_chunks(sizes in prop::collection::vec(1usize..300, 1..40)) {
        random_chunks("seed article", SEED_ARTICLE, &sizes)?;
    }

    #[test]
    fn own_cases_random_chunks(sizes in prop::collection::vec(1usize..12, 1..20)) {
        let text: String = segment_cases::load_cases().iter().map(|c| c.input.as_str()).collect::<Vec<_>>().join("\n\n");
        random_chunks("own cases joined", &text, &sizes)?;
    }
}

/// The evaluation sets, when `../shared` is present (skipped otherwise):
/// read at test time, never copied into the repository.
mod shared {
    use super::*;
    use std::path::PathBuf;

    fn shared_file(rel: &str) -> Option<String> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/sentences").join(rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(_) => {
                eprintln!("skipped: {} not found", path.display());
                None
            }
        }
    }

    fn texts(file: &str) -> Vec<String> {
        let Some(jsonl) = shared_file(file) else { return Vec::new() };
        jsonl
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let doc: serde_json::Value = serde_json::from_str(l).expect("valid JSONL");
                doc["text"].as_str().expect("a text field").to_string()
            })
            .collect()
    }

    /// Every 25th gum_dev document.
    fn gum_sample() -> Vec<String> {
        texts("gum_dev.jsonl").into_iter().step_by(25).collect()
    }

    /// The first `max` bytes of `text`, cut at a character boundary.
    fn head(text: &str, max: usize) -> &str {
        let mut end = max.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    }

    #[test]
    fn golden_rules_every_split_point_and_one_byte() {
        for (i, text) in texts("golden_rules.jsonl").iter().enumerate() {
            every_split_point(&format!("golden rule {}", i + 1), text);
            one_byte_chunks(&format!("golden rule {}", i + 1), text);
        }
    }

    #[test]
    fn gum_sample_every_split_point_of_the_opening() {
        for (i, text) in gum_sample().iter().enumerate() {
            every_split_point(&format!("gum_dev sample {i} (first 600 bytes)"), head(text, 600));
        }
    }

    #[test]
    fn gum_sample_one_byte_chunks() {
        for (i, text) in gum_sample().iter().enumerate() {
            one_byte_chunks(&format!("gum_dev sample {i}"), text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn gum_sample_random_chunks(doc in 0usize..1000, sizes in prop::collection::vec(1usize..2000, 1..30)) {
            let sample = gum_sample();
            if let Some(text) = sample.get(doc % sample.len().max(1)) {
                random_chunks(&format!("gum_dev sample {}", doc % sample.len()), text, &sizes)?;
            }
        }

        #[test]
        fn golden_rules_joined_random_chunks(sizes in prop::collection::vec(1usize..16, 1..20)) {
            let text = texts("golden_rules.jsonl").join("\n\n");
            if !text.is_empty() {
                random_chunks("golden rules joined", &text, &sizes)?;
            }
        }
    }
}
