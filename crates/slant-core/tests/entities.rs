//! Data-driven hard cases of the entity tagger (`tests/data/entities/cases.tsv`),
//! chunk invariance of mentions and groups, and inputs that must not panic.

use slant_core::{analyze, Analysis, Analyzer, Config, Label, MentionKind};

const CASES: &str = include_str!("data/entities/cases.tsv");

struct Case {
    line: usize,
    name: String,
    text: String,
    expectations: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (i, line) in CASES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "cases.tsv line {}: expected name<TAB>text<TAB>expectations", i + 1);
        out.push(Case {
            line: i + 1,
            name: cols[0].to_string(),
            text: cols[1].replace("\\n", "\n"),
            expectations: cols[2].split(" ; ").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        });
    }
    out
}

/// Every mention of `kind` as (text, document-level label, entity id).
fn mentions_of(a: &Analysis, names: bool) -> Vec<(String, Label, usize)> {
    a.entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(move |m| (m.kind == MentionKind::Name) == names)
                .map(move |m| (m.text.to_string(), e.label, e.id))
        })
        .collect()
}

/// Every named mention as (text, document-level label, entity id).
fn mentions(a: &Analysis) -> Vec<(String, Label, usize)> {
    mentions_of(a, true)
}

fn entity_of(ms: &[(String, Label, usize)], text: &str) -> Option<usize> {
    ms.iter().find(|(t, _, _)| t == text).map(|(_, _, id)| *id)
}

fn check(case: &Case, a: &Analysis) -> Vec<String> {
    let ms = mentions(a);
    let mut failures = Vec::new();
    for exp in &case.expectations {
        let (op, rest) = exp.split_at(1);
        let ok = match op {
            "+" => {
                let (text, label) = rest.rsplit_once('=').expect("+TEXT=LABEL");
                let label = Label::parse(label).expect("label");
                ms.iter().any(|(t, l, _)| t == text && *l == label)
            }
            "-" => !ms.iter().any(|(t, _, _)| t == rest),
            "~" | "!" => {
                let (x, y) = rest.split_once('=').expect("A=B");
                match (entity_of(&ms, x), entity_of(&ms, y)) {
                    (Some(p), Some(q)) => (p == q) == (op == "~"),
                    _ => false,
                }
            }
            "^" => {
                // ^REF=NAME: the reference REF (a pronoun or description) resolves to NAME's entity;
                // ^REF= : no reference has the text REF
                let (r, name) = rest.split_once('=').expect("^REF=NAME");
                let refs = mentions_of(a, false);
                let target = entity_of(&refs, r);
                if name.is_empty() {
                    target.is_none()
                } else {
                    target.is_some() && target == entity_of(&ms, name)
                }
            }
            _ => panic!("case {} (line {}): unknown expectation {exp}", case.name, case.line),
        };
        if !ok {
            failures.push(exp.clone());
        }
    }
    if !failures.is_empty() {
        let got: Vec<String> = ms.iter().map(|(t, l, id)| format!("{t}={}#{id}", l.as_str())).collect();
        failures.push(format!("got: {}", got.join(", ")));
    }
    failures
}

#[test]
fn hard_cases() {
    let all = cases();
    assert!(all.len() >= 20, "cases.tsv should hold the hard cases");
    let mut failed = Vec::new();
    for case in &all {
        let a = analyze(&case.text, Config::default());
        for m in a.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(&case.text[m.start..m.end], m.text, "offsets of {:?} in {}", m.text, case.name);
        }
        let f = check(case, &a);
        if !f.is_empty() {
            failed.push(format!("{} (line {}): {}", case.name, case.line, f.join(" | ")));
        }
    }
    assert!(failed.is_empty(), "failing cases:\n{}", failed.join("\n"));
}

fn chunked(text: &str, sizes: &[usize]) -> Analysis {
    let mut analyzer = Analyzer::new(Config::default());
    let mut pos = 0;
    let mut k = 0;
    while pos < text.len() {
        let mut end = (pos + sizes[k % sizes.len()].max(1)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        analyzer.feed(&text[pos..end]);
        pos = end;
        k += 1;
    }
    analyzer.finish()
}

/// Id, name, label and mention spans of each entity.
type Summary = Vec<(usize, String, Label, Vec<(usize, usize)>)>;

fn summary(a: &Analysis) -> Summary {
    a.entities
        .iter()
        .map(|e| (e.id, e.name.to_string(), e.label, e.mentions.iter().map(|m| (m.start, m.end)).collect()))
        .collect()
}

/// Names split across chunk boundaries: every split point of every case gives the same entities.
#[test]
fn every_split_point_gives_the_same_entities() {
    for case in cases() {
        let whole = summary(&analyze(&case.text, Config::default()));
        let text = &case.text;
        for split in 1..text.len() {
            if !text.is_char_boundary(split) {
                continue;
            }
            let mut analyzer = Analyzer::new(Config::default());
            analyzer.feed(&text[..split]);
            analyzer.feed(&text[split..]);
            assert_eq!(summary(&analyzer.finish()), whole, "case {} split at byte {split}", case.name);
        }
        assert_eq!(summary(&chunked(text, &[1])), whole, "case {} in 1-byte chunks", case.name);
    }
}

#[test]
fn seed_article_in_odd_chunks() {
    let text = include_str!("data/entities/seed.txt");
    let whole = summary(&analyze(text, Config::default()));
    assert!(whole.len() > 20);
    for sizes in [&[1usize][..], &[3, 7, 1], &[64], &[1000, 5]] {
        assert_eq!(summary(&chunked(text, sizes)), whole, "chunk sizes {sizes:?}");
    }
}

#[test]
fn user_names_are_used() {
    let mut config = Config::default();
    config.add_names_tsv("test", "Zorblax Quint\tORG\n").expect("names");
    let a = analyze("Analysts at Zorblax Quint said so.", config);
    let ms = mentions(&a);
    assert!(ms.iter().any(|(t, l, _)| t == "Zorblax Quint" && *l == Label::Org), "{ms:?}");
}

#[test]
fn pathological_inputs_do_not_panic() {
    let long_caps = "Alpha Beta Gamma ".repeat(5000);
    let possessives = "X's 's ’s ' ’ ".repeat(500);
    let parens = "( ) (A) (AB) ((( ))) ".repeat(300);
    for text in [
        long_caps.as_str(),
        possessives.as_str(),
        parens.as_str(),
        "",
        "'",
        "(",
        "U.S.",
        "Mr. . . Dr.",
        "ÉÉÉ Ñandú Ωmega 東京 İstanbul ǅemal",
        "A\u{0301}B\u{0301} C",
        "The Of And & De La",
        "of of of The",
        "\u{feff}\u{200b}President\u{200b}",
    ] {
        let a = analyze(text, Config::default());
        for m in a.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
}

proptest::proptest! {
    #[test]
    fn arbitrary_text_does_not_panic(s in "\\PC{0,200}") {
        let a = analyze(&s, Config::default());
        for m in a.entities.iter().flat_map(|e| &e.mentions) {
            proptest::prop_assert_eq!(&s[m.start..m.end], m.text.as_str());
        }
    }

    #[test]
    fn name_like_text_does_not_panic(s in "([A-Z][a-z]{0,6}|of|the|'s|’s|\\(|\\)|[A-Z]{2,4}|\\.|,|\n| ){0,60}") {
        let whole = summary(&analyze(&s, Config::default()));
        proptest::prop_assert_eq!(summary(&chunked(&s, &[2, 5])), whole);
    }
}

/// With framing off the analyzer finds the same sentences, mentions and
/// entities, and no cues.
#[test]
fn framing_off_finds_the_same_entities() {
    let seed = include_str!("data/entities/seed.txt");
    let texts = [seed.to_string(), cases().iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("\n\n")];
    for text in &texts {
        let full = analyze(text, Config::default());
        let bare = analyze(text, Config { framing: false, ..Config::default() });
        assert!(!full.cues.is_empty());
        assert!(bare.cues.is_empty());
        assert_eq!(bare.sentences, full.sentences);
        let names =
            |a: &Analysis| a.entities.iter().map(|e| (e.name.clone(), e.label, e.mentions.clone())).collect::<Vec<_>>();
        assert_eq!(names(&bare), names(&full));
        assert!(bare.entities.iter().all(|e| e.framing.score == 0.0 && e.framing.cues.is_empty()));
    }
}
