//! Word shapes and word lists the rules share: family-name shapes, verbs of a singular
//! subject, speech verbs, determiners.

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

/// "al-Assad", "el-Sissi", "al-Qaeda": an Arabic article before a capitalised name is part of
/// the name, which reads as capitalised.
pub(super) fn article_name(w: &str) -> bool {
    let rest = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-"));
    rest.and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)
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
    SPEECH_VERBS.contains(&w)
        || matches!(
            w,
            "is" | "was"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "also"
                | "isn't"
                | "wasn't"
                | "hasn't"
                | "won't"
                | "didn't"
                | "doesn't"
                | "isn’t"
                | "wasn’t"
                | "hasn’t"
                | "won’t"
                | "didn’t"
                | "doesn’t"
                // common irregular past tenses
                | "took"
                | "made"
                | "went"
                | "gave"
                | "got"
                | "came"
                | "saw"
                | "knew"
                | "thought"
                | "found"
                | "left"
                | "won"
                | "lost"
                | "met"
                | "sent"
                | "spent"
                | "held"
                | "kept"
                | "brought"
                | "began"
                | "became"
                | "heard"
                | "led"
                | "paid"
                | "spoke"
                | "ran"
                | "stood"
                | "chose"
                | "fought"
                | "sold"
                | "built"
                | "drew"
                | "grew"
                | "flew"
                | "drove"
                | "rose"
                | "fell"
                | "broke"
                | "threw"
                | "pled"
                | "wrote"
        )
        || (w.len() > 3
            && !matches!(w, "thus" | "plus" | "news")
            && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))))
}

/// Verbs of speech and words after a speaker's name: "Lavrov said", "Archer, who".
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "asked",
    "added",
    "wrote",
    "explained",
    "argued",
    "stated",
    "noted",
    "replied",
    "recalled",
    "insisted",
    "claimed",
    "announced",
    "tweeted",
    "responded",
    "believes",
    "thinks",
    "who",
    "himself",
    "herself",
];
/// Words before a noun phrase: a capitalised word after one is a common noun or an organisation
/// ("the Senate's", "its Board's"), not a person's surname.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every",
    "each", "no", "any", "some", "whose",
];
