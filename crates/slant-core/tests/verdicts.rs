//! Every polar verdict shows its evidence: on every article of the framing
//! development sets (BASIL, PerSenT; read from `../shared` at test time when
//! present, never copied here), an entity framed negative or positive has at
//! least one cue or a context reading with the words that weighed.

use std::path::PathBuf;

use slant_core::{analyze, Basis, Confidence, Config, Polarity, STRONG_SCORE};

fn articles(file: &str) -> Vec<(String, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/framing").join(file);
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return Vec::new();
    };
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let doc: serde_json::Value = serde_json::from_str(l).expect("valid JSONL");
            (doc["id"].as_str().unwrap_or("?").to_string(), doc["text"].as_str().expect("a text").to_string())
        })
        .collect()
}

#[test]
fn every_polar_entity_of_every_dev_article_has_evidence() {
    let mut polar = 0;
    let mut without = Vec::new();
    for file in ["basil_dev.jsonl", "persent_dev.jsonl"] {
        for (id, text) in articles(file) {
            let a = analyze(&text, Config::default());
            for e in &a.entities {
                if e.framing.polarity == Polarity::Neutral {
                    continue;
                }
                polar += 1;
                let cues = e.framing.cues.iter().filter(|&&i| a.cues.get(i).is_some_and(|c| c.target == Some(e.id)));
                if cues.count() == 0 && e.framing.context.words.is_empty() {
                    without.push(format!("{id}: {} {:?}", e.name, e.framing.polarity));
                }
                // it says what it rests on, and a verdict of the context model alone is only a lean
                let f = &e.framing;
                let consistent = match f.basis {
                    Basis::Nothing => false,
                    Basis::Context => f.confidence == Confidence::Weak && !f.context.words.is_empty(),
                    Basis::Cues => f.cue_count > 0 && f.confidence != Confidence::Nothing,
                };
                if !consistent || (f.confidence == Confidence::Strong && f.score.abs() < STRONG_SCORE) {
                    without.push(format!("{id}: {} {:?} {:?} {:?}", e.name, f.polarity, f.basis, f.confidence));
                }
            }
        }
    }
    eprintln!("{polar} polar entities checked");
    assert!(without.is_empty(), "polar entities without evidence:\n{}", without.join("\n"));
}
