//! Documents with thousands of people: lists of names that share a first name
//! (court rolls, results tables) and long streams that mention the same people
//! over and over. Linking stays right (its speed is measured by `just stress`),
//! and with `keep_mentions` off an entity's memory stays bounded while its
//! counts and score stay those of the full analysis.

use slant_core::{analyze, Config, Label, MENTIONS_KEPT};

/// A distinct surname per number: Qaaason, Qaabson, …
fn surname(n: usize) -> String {
    let mut s = String::from("son");
    let mut x = n;
    for _ in 0..3 {
        s.insert(0, char::from(b'a' + (x % 26) as u8));
        x /= 26;
    }
    s.insert(0, 'Q');
    s
}

#[test]
fn thousands_sharing_a_first_name_stay_apart_and_each_surname_finds_its_own() {
    let n = 3000;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!("Zed {} met. ", surname(i)));
    }
    // the first of them, by surname alone, long after thousands of other Zeds
    text.push_str(&format!("Later {} left.", surname(0)));
    let a = analyze(&text, Config::default());
    let people: Vec<_> = a.entities.iter().filter(|e| e.label == Label::Person).collect();
    assert_eq!(people.len(), n, "one entity per person");
    let first = format!("Zed {}", surname(0));
    let entity = a.entities.iter().find(|e| e.name == first).expect("the first Zed");
    assert_eq!(entity.mentions.len(), 2, "{:?}", entity.mentions);
}

#[test]
fn without_keep_mentions_an_entity_keeps_its_first_mentions_and_true_counts() {
    let text = "Mr. Smith said the dictator John Brown lied. ".repeat(500);
    let full = analyze(&text, Config::default());
    let lean = analyze(&text, Config { keep_mentions: false, keep_sentences: false, ..Config::default() });
    assert_eq!(full.entities.len(), lean.entities.len());
    for (f, l) in full.entities.iter().zip(&lean.entities) {
        assert_eq!(f.name, l.name);
        assert_eq!(f.mention_count, f.mentions.len());
        assert_eq!(l.mention_count, f.mention_count);
        assert_eq!(l.mentions.len(), f.mentions.len().min(MENTIONS_KEPT));
        assert_eq!(l.mentions[..], f.mentions[..l.mentions.len()]);
        assert_eq!(l.framing.cue_count, f.framing.cues.len());
        assert_eq!(l.framing.cues.len(), f.framing.cues.len().min(MENTIONS_KEPT));
        assert_eq!(l.framing.score, f.framing.score);
    }
    let brown = lean.entities.iter().find(|e| e.name == "John Brown").expect("John Brown");
    assert_eq!(brown.mention_count, 500);
    assert!(brown.framing.cue_count >= 500, "dictator and lied: {}", brown.framing.cue_count);
}
