//! Word shapes and word lists the rules share: family-name shapes, verbs of a singular
//! subject, speech verbs, determiners (the lists in `data/names/detect_words.tsv`).

use std::sync::OnceLock;

use crate::lexical::hash::FxMap;
use crate::lexical::shipped::{data_lines, shipped};

/// Could be an unlisted family name: three letters or more, each hyphenated
/// part capitalised ("Morgan-Short", not "Stir-fry"), no letter three times
/// running ("Uhhh").
pub(super) fn surname_shaped(w: &str) -> bool {
    let mut run = (' ', 0);
    let mut after_hyphen = false;
    for c in w.chars() {
        if after_hyphen && !c.is_uppercase() {
            return false;
        }
        after_hyphen = c == '-';
        run = if c == run.0 { (c, run.1 + 1) } else { (c, 1) };
        if run.1 >= 3 {
            return false;
        }
    }
    w.chars().count() >= 3 && !after_hyphen
}

/// "McConnell", "O'Rourke": Mc or O' before a capital and a lower-case letter.
pub(super) fn gaelic_surname(w: &str) -> bool {
    let rest = w.strip_prefix("Mc").or_else(|| w.strip_prefix("O'")).or_else(|| w.strip_prefix("O’"));
    let mut rest = rest.unwrap_or("").chars();
    rest.next().is_some_and(char::is_uppercase) && rest.next().is_some_and(char::is_lowercase)
}

/// An adverb that may stand between a subject and its verb: "never", "now", "narrowly".
pub(super) fn adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly"))
        || matches!(w, "never" | "now" | "still" | "then" | "later" | "again" | "already" | "once" | "just" | "even")
}

/// A word that reads as the verb of a singular subject: "is", "has", "will", "appeared", "says".
pub(super) fn singular_verb(w: &str) -> bool {
    in_list(w, SPEECH | SINGULAR_VERB)
        || (w.len() > 3
            && !matches!(w, "thus" | "plus" | "news")
            && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))))
}

/// A verb of speech or a word after a speaker's name: "said" in "Lavrov said", "who" in "Archer, who".
pub(super) fn is_speech_verb(w: &str) -> bool {
    in_list(w, SPEECH)
}

/// A word before a noun phrase: "the" in "the Senate's"; a capitalised word after one is a
/// common noun or an organisation, not a person's surname.
pub(super) fn is_determiner(w: &str) -> bool {
    in_list(w, DETERMINER)
}

/// A word before a title used as a role, not as a name: "as" in "as King", "elected" in "was
/// elected Dean".
pub(super) fn is_role_verb(w: &str) -> bool {
    in_list(w, ROLE)
}

/// A title word that may follow "vice-", "ex-", "deputy-" and the like: "president" in "ex-President".
pub(super) fn is_title_word(w: &str) -> bool {
    in_list(w, TITLE)
}

const DETECT_WORDS: &str = shipped!("../../../data/names/detect_words.tsv");

// The lists of `detect_words.tsv`, as bits.
const SINGULAR_VERB: u8 = 1;
const SPEECH: u8 = 2;
const DETERMINER: u8 = 4;
const ROLE: u8 = 8;
const TITLE: u8 = 16;

/// `w` is in one of the lists of `detect_words.tsv` named by `lists`.
fn in_list(w: &str, lists: u8) -> bool {
    static WORDS: OnceLock<FxMap<&'static str, u8>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: FxMap<&'static str, u8> = FxMap::default();
        for (_, line) in data_lines(DETECT_WORDS) {
            let Some((list, ws)) = line.split_once('\t') else { continue };
            let bit = match list.trim() {
                "singular_verb" => SINGULAR_VERB,
                "speech" => SPEECH,
                "determiner" => DETERMINER,
                "role" => ROLE,
                "title" => TITLE,
                _ => continue,
            };
            for w in ws.split_whitespace() {
                *words.entry(w).or_default() |= bit;
            }
        }
        words
    });
    words.get(w).is_some_and(|&bits| bits & lists != 0)
}
