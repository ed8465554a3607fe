//! Data-driven framing cases: `tests/data/framing/cases.txt`, one runner.
//! The file's header explains the format.

use slant_core::{analyze, Analysis, Config, CueKind, Polarity};

#[derive(Debug)]
struct Case {
    line: usize,
    text: String,
    checks: Vec<(usize, String)>,
}

fn cases() -> Vec<Case> {
    let src = include_str!("data/framing/cases.txt");
    let mut out: Vec<Case> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let line_no = i + 1;
        if let Some(text) = line.strip_prefix("> ") {
            out.push(Case { line: line_no, text: text.to_string(), checks: Vec::new() });
        } else if line.starts_with("+ ") || line.starts_with("- ") || line.starts_with("@ ") {
            let case = out.last_mut().unwrap_or_else(|| panic!("line {line_no}: check before any case"));
            case.checks.push((line_no, line.to_string()));
        }
    }
    out
}

fn kind_of(name: &str) -> Option<CueKind> {
    CueKind::ALL.into_iter().find(|k| k.as_str() == name)
}

/// Byte spans of `needle` in `text`.
fn spans_of(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle).map(|(s, m)| (s, s + m.len())).collect()
}

fn check(case: &Case, a: &Analysis, line: usize, check: &str) -> Result<(), String> {
    let (op, rest) = check.split_at(2);
    let op = op.trim();
    if op == "@" {
        let (name, what, words) = match (rest.split_once(" has "), rest.split_once(" lacks ")) {
            (Some((n, w)), _) => (n, "has", w.to_string()),
            (None, Some((n, w))) => (n, "lacks", w.to_string()),
            (None, None) => {
                let (n, w) = rest.rsplit_once(' ').ok_or("expected `@ NAME WHAT`")?;
                (n, w, String::new())
            }
        };
        let e = a
            .entities
            .iter()
            .find(|e| e.name == name || e.mentions.iter().any(|m| m.text == name))
            .ok_or_else(|| format!("line {line}: no entity {name:?} in {:?}", names(a)))?;
        let ok = match what {
            "negative" => e.framing.polarity == Polarity::Negative,
            "positive" => e.framing.polarity == Polarity::Positive,
            "neutral" => e.framing.polarity == Polarity::Neutral,
            "not-negative" => e.framing.polarity != Polarity::Negative,
            "has" => e.framing.cues.iter().any(|&i| a.cues.get(i).is_some_and(|c| c.text.contains(words.trim()))),
            "lacks" => !e.framing.cues.iter().any(|&i| a.cues.get(i).is_some_and(|c| c.text.contains(words.trim()))),
            other => return Err(format!("line {line}: unknown entity check {other:?}")),
        };
        return if ok { Ok(()) } else { Err(format!("line {line}: {check:?} fails: {:?}", e.framing)) };
    }
    let (kind, words) = rest.split_once(' ').ok_or("expected `+ KIND WORDS`")?;
    let kind = if kind == "any" { None } else { Some(kind_of(kind).ok_or_else(|| format!("unknown kind {kind}"))?) };
    let occ = spans_of(&case.text, words);
    if occ.is_empty() {
        return Err(format!("line {line}: {words:?} is not in the case text"));
    }
    let of_kind = |c: &&slant_core::Cue| kind.is_none_or(|k| c.kind == k);
    let ok = if op == "+" {
        a.cues.iter().filter(of_kind).any(|c| occ.iter().any(|&(s, e)| c.start <= s && e <= c.end))
    } else {
        !a.cues.iter().filter(of_kind).any(|c| occ.iter().any(|&(s, e)| c.start < e && s < c.end))
    };
    if ok {
        Ok(())
    } else {
        Err(format!("line {line}: {check:?} fails; cues: {:?}", cue_list(a)))
    }
}

fn names(a: &Analysis) -> Vec<&str> {
    a.entities.iter().map(|e| e.name.as_str()).collect()
}

fn cue_list(a: &Analysis) -> Vec<String> {
    a.cues.iter().map(|c| format!("{}:{:?}", c.kind.as_str(), c.text)).collect()
}

#[test]
fn framing_cases() {
    let cases = cases();
    assert!(cases.len() >= 30, "the case file should hold the framing cases");
    let mut failures = Vec::new();
    for case in &cases {
        let a = analyze(&case.text, Config::default());
        for c in &a.cues {
            assert_eq!(&case.text[c.start..c.end], c.text, "line {}: cue text matches its span", case.line);
            assert!((-1.0..=1.0).contains(&c.polarity));
        }
        assert!(a.cues.windows(2).all(|w| w[0].start <= w[1].start), "line {}: cues in text order", case.line);
        for (line, chk) in &case.checks {
            if let Err(e) = check(case, &a, *line, chk) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{} framing checks failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn user_lexicon_adds_words() {
    let text = "The proposal is frobnicated nonsense.";
    let plain = analyze(text, Config::default());
    assert!(!plain.cues.iter().any(|c| c.text.contains("frobnicated")));
    let mut config = Config::default();
    config.add_lexicon_tsv("test", "frobnicated\t-3.0\n").expect("valid lexicon line");
    let extended = analyze(text, config);
    assert!(extended
        .cues
        .iter()
        .any(|c| c.kind == CueKind::Loaded && c.text.contains("frobnicated") && c.polarity < 0.0));
}

/// The learned model alone never outweighs explicit cues: on the sample
/// article an entity without cues scores at most ±0.3, and the most
/// negatively framed entity is the "genocidal dictator", framed by cues.
#[test]
fn the_model_alone_leans_but_cues_lead() {
    let a = analyze(include_str!("data/seed_article.txt"), Config::default());
    for e in a.entities.iter().filter(|e| e.framing.cues.is_empty()) {
        assert!(e.framing.score.abs() <= 0.3 + 1e-6, "{} scores {} without a cue", e.name, e.framing.score);
    }
    let most_negative = a.entities.iter().min_by(|x, y| x.framing.score.total_cmp(&y.framing.score));
    assert_eq!(most_negative.map(|e| e.name.as_str()), Some("Xi Jinping"));
}

#[test]
fn a_label_inside_a_longer_label_counts_once() {
    let a = analyze("The notorious liar John Brown spoke on Monday.", Config::default());
    let labels: Vec<&str> = a.cues.iter().filter(|c| c.kind == CueKind::Label).map(|c| c.text.as_str()).collect();
    assert_eq!(labels, ["notorious liar"], "{:?}", cue_list(&a));
    let brown = a.entities.iter().find(|e| e.name == "John Brown").expect("John Brown");
    assert_eq!(brown.framing.cues.len(), 1);
}

#[test]
fn a_loaded_word_in_the_passive_frames_the_agent_not_the_victim() {
    let a = analyze("Anna Berg was harassed by reporters outside her home.", Config::default());
    let cue = a.cues.iter().find(|c| c.text == "harassed").expect("harassed is a loaded cue");
    assert_eq!(cue.target, None, "no named agent: no one is framed by it");
    let a = analyze("Anna Berg was harassed by Tom Hughes outside her home.", Config::default());
    let cue = a.cues.iter().find(|c| c.text == "harassed").expect("harassed is a loaded cue");
    let hughes = a.entities.iter().find(|e| e.name == "Tom Hughes").map(|e| e.id);
    assert_eq!(cue.target, hughes);
}
