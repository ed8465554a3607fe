//! Word-level helpers shared by the name lists, the word table and the
//! stages: tokens with abbreviation dots attached ("Mr.", "W.", "Inc."), case
//! tests, lower-casing into a reused buffer, the function words, and the id
//! of tokens that are no word.

use std::sync::OnceLock;

use super::hash::FxMap;
use super::shipped::{data_lines, shipped};
use super::tokens::{is_combining_mark, Token, TokenKind, SOFT_HYPHEN};

/// The id of tokens that are not words (numbers, punctuation, possessives).
pub(crate) const NO_WORD: u32 = u32::MAX;

/// What the stages test on every word token, from the word table. It travels
/// with the token's id ([`TokWord`]): 4 bytes read with the id, where a
/// lookup in the table per token and stage cost a cache miss each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Word {
    /// The gazetteer's word classes (0 when unknown, and for a word not
    /// [`name_like`](Self::name_like): the entity rules read them only there).
    pub(crate) name_bits: u16,
    /// [`fact`] bits.
    facts: u8,
    /// What the reference rules make of it.
    pub(crate) refs: RefFacts,
}

/// The bits of [`Word::facts`].
pub(crate) mod fact {
    /// Starts with an upper-case letter.
    pub(crate) const CAP: u8 = 1;
    /// Has letters, none of them lower-case ("NATO", "U.S.").
    pub(crate) const ALL_CAPS: u8 = 1 << 1;
    /// A lexicon phrase starts with it.
    pub(crate) const STARTS_PHRASE: u8 = 1 << 2;
    /// Starts with a letter.
    pub(crate) const STARTS_ALPHA: u8 = 1 << 3;
    /// A function word ("the", "of", "would"): it counts but explains nothing to a reader.
    pub(crate) const FUNCTION_WORD: u8 = 1 << 4;
    /// A dot right after it is part of it ([`takes_dot`]): "Mr.", "St.", "W.".
    pub(crate) const TAKES_DOT: u8 = 1 << 5;
    /// The entity rules read it as a name's word: capitalised, or an Arabic
    /// name with its article ("al-Assad"); they read it lower-cased.
    pub(crate) const NAME_LIKE: u8 = 1 << 6;
    /// A multi-word name of the name lists starts with it.
    pub(crate) const STARTS_NAME: u8 = 1 << 7;
}

/// What a word is to the reference rules, as they read it (lower-cased if
/// [`fact::NAME_LIKE`], else as written).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum RefWord {
    #[default]
    Other = 0,
    /// "he", "him", "his", "himself".
    He = 1,
    /// "she", "her", "hers", "herself".
    She = 2,
    /// "its", "itself".
    Its = 3,
    /// "the".
    The = 4,
    /// Words that may open a sentence before its subject: "a", "an", "but", "and", "so", "then", "now".
    Opener = 5,
}

impl RefWord {
    /// The class of `w`, a word as the reference rules read it.
    pub(crate) fn of(w: &str) -> RefWord {
        match w {
            "he" | "him" | "his" | "himself" => RefWord::He,
            "she" | "her" | "hers" | "herself" => RefWord::She,
            "its" | "itself" => RefWord::Its,
            "the" => RefWord::The,
            "a" | "an" | "but" | "and" | "so" | "then" | "now" => RefWord::Opener,
            _ => RefWord::Other,
        }
    }
}

/// What the reference lists say of a word as the reference rules read it
/// (the bits of [`RefFacts::has`]). Each says only that a lookup may find
/// it: without the bit the lookup is known to fail and is not made.
pub(crate) mod ref_hint {
    /// A given name borne mostly by men.
    pub(crate) const MALE: u8 = 1;
    /// A given name borne mostly by women.
    pub(crate) const FEMALE: u8 = 1 << 1;
    /// A role noun on its own ("congressman", "company").
    pub(crate) const ROLE: u8 = 1 << 2;
    /// The first word of a two-word role noun ("vice" of "vice president").
    pub(crate) const STARTS_ROLE_PAIR: u8 = 1 << 3;
    /// A title or role word on its own ("rep", "chairman"), or the last
    /// word of a two-word one ("minister" of "prime minister").
    pub(crate) const TITLE_PART: u8 = 1 << 4;
}

/// A word's [`RefWord`] and its [`ref_hint`] bits, in one byte: the class
/// in the low three bits, the hints above them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RefFacts(u8);

impl RefFacts {
    pub(crate) const fn new(class: RefWord, hints: u8) -> RefFacts {
        RefFacts(class as u8 | hints << 3)
    }

    /// The word's class.
    #[inline]
    pub(crate) fn class(self) -> RefWord {
        match self.0 & 0b111 {
            1 => RefWord::He,
            2 => RefWord::She,
            3 => RefWord::Its,
            4 => RefWord::The,
            5 => RefWord::Opener,
            _ => RefWord::Other,
        }
    }

    /// Whether the word has the [`ref_hint`] `bit`.
    #[inline]
    pub(crate) fn has(self, bit: u8) -> bool {
        (self.0 >> 3) & bit != 0
    }
}

impl Word {
    /// A word with these [`fact`] bits.
    pub(crate) const fn new(name_bits: u16, facts: u8, refs: RefFacts) -> Word {
        Word { name_bits, facts, refs }
    }

    /// Whether the word has the [`fact`] `bit`.
    #[inline]
    pub(crate) fn has(&self, bit: u8) -> bool {
        self.facts & bit != 0
    }
}

/// A token's word: its id in the word table and what the stages test of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokWord {
    pub(crate) id: u32,
    /// Where the word table keeps its lexicon roles ([`NO_ROLES`] for none).
    pub(crate) roles: u32,
    /// Its index among the context model's words ([`NO_WEIGHTS`] for none):
    /// carried here, so framing reads no per-word table for it.
    pub(crate) weights: u32,
    pub(crate) facts: Word,
}

/// [`TokWord::roles`] of a word without lexicon roles.
pub(crate) const NO_ROLES: u32 = u32::MAX;

/// [`TokWord::weights`] of a word the context model does not know.
pub(crate) const NO_WEIGHTS: u32 = u32::MAX;

/// The [`TokWord`] of a token that is no word.
pub(crate) const NOT_A_WORD: TokWord = TokWord {
    id: NO_WORD,
    roles: NO_ROLES,
    weights: NO_WEIGHTS,
    facts: Word::new(0, 0, RefFacts::new(RefWord::Other, 0)),
};

/// A token with its word: the one table of a sentence's tokens that every
/// stage reads, made in the pass that tokenizes and looks the words up (the
/// word table's `tokenize`). The entity rules read it as [`logical_tokens`],
/// where an abbreviation keeps its dot ("St." "Louis", "George" "W." "Bush").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LTok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    /// Its id in the word table ([`NO_WORD`] until looked up, and for a token that is no word).
    pub(crate) word: u32,
    /// What the word table says of it (nothing until looked up).
    pub(crate) facts: Word,
    /// Where the word table keeps its lexicon roles ([`NO_ROLES`] for none).
    pub(crate) roles: u32,
    /// Its index among the context model's words ([`NO_WEIGHTS`] for none).
    pub(crate) weights: u32,
}

impl LTok {
    /// The token, its word not looked up.
    #[inline]
    pub(crate) const fn unlooked(t: Token) -> LTok {
        LTok {
            start: t.start,
            end: t.end,
            kind: t.kind,
            word: NO_WORD,
            facts: NOT_A_WORD.facts,
            roles: NO_ROLES,
            weights: NO_WEIGHTS,
        }
    }

    /// Gives the token its word.
    #[inline]
    pub(crate) fn set_word(&mut self, w: TokWord) {
        self.word = w.id;
        self.facts = w.facts;
        self.roles = w.roles;
        self.weights = w.weights;
    }
}

/// Abbreviations written with a final dot that occur inside or before names,
/// sorted (byte order) for a binary search.
const DOTTED: &[&str] = &[
    "Adm", "Apr", "Ariz", "Aug", "Ave", "Blvd", "Bros", "Calif", "Capt", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp",
    "Cpl", "Dec", "Dept", "Dr", "Feb", "Fig", "Fla", "Ft", "Ga", "Gen", "Gov", "Hon", "Ill", "Inc", "Jan", "Jr", "Lt",
    "Ltd", "Maj", "Mar", "Mass", "Md", "Mich", "Minn", "Mo", "Mr", "Mrs", "Ms", "Mt", "Mx", "Nev", "No", "Nov", "Oct",
    "Okla", "Ore", "Pa", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Tenn", "Va", "Wash",
    "Wis", "vs",
];

/// A word (as written) that keeps a dot written right after it: a single
/// capital letter (an initial) or one of the [`DOTTED`] abbreviations.
pub(crate) fn takes_dot(word: &str) -> bool {
    // each is at most 5 bytes and capitalised but "vs": most words are neither, and skip the list
    if word.len() > 5 || !(word.starts_with(char::is_uppercase) || word == "vs") {
        return false;
    }
    let single = word.chars().count() == 1;
    single || DOTTED.binary_search(&word).is_ok()
}

/// Builds the logical tokens of `text` from its tokens (their words looked
/// up or not); a word with its dot attached is not looked up. Returns
/// whether there was any.
pub(crate) fn logical_tokens(text: &str, toks: &[LTok], out: &mut Vec<LTok>) -> bool {
    out.clear();
    let mut merged = false;
    let mut i = 0;
    while let Some(&t) = toks.get(i) {
        let mut lt = t;
        if t.kind == TokenKind::Word {
            if let Some(next) = toks.get(i + 1) {
                // a punctuation token is one character: this one is a dot written right after the word
                let dot_after = next.start == t.end
                    && next.kind == TokenKind::Punct
                    && text.as_bytes().get(next.start) == Some(&b'.');
                if dot_after {
                    // the word table knows it of a looked-up word; else it is read here
                    let dotted = if t.word == NO_WORD {
                        takes_dot(text.get(t.start..t.end).unwrap_or(""))
                    } else {
                        t.facts.has(fact::TAKES_DOT)
                    };
                    if dotted {
                        lt = LTok::unlooked(Token { start: t.start, end: next.end, kind: t.kind });
                        merged = true;
                        i += 1;
                    }
                }
            }
        }
        out.push(lt);
        i += 1;
    }
    merged
}

/// Appends `s` lower-cased to `out`, with ’ and ‘ written as ', soft hyphens
/// left out and accents composed (NFC), so "Merke\u{301}l", "Merkél" and
/// "Mer\u{AD}kél" are one word to every list and to the entity table.
#[inline]
pub(crate) fn lower_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        // copied whole and lowered in place: no per-character encoding
        let from = out.len();
        out.push_str(s);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    let lowered = s.chars().filter(|&c| c != SOFT_HYPHEN).flat_map(char::to_lowercase).map(|c| match c {
        '’' | '‘' => '\'',
        c => c,
    });
    if !s.chars().any(is_combining_mark) {
        out.extend(lowered);
        return;
    }
    // rare: only text written with separate accents pays for composing
    let from = out.len();
    for c in lowered {
        let composed =
            out[from..].chars().next_back().filter(|_| is_combining_mark(c)).and_then(|base| compose(base, c));
        match composed {
            Some(one) => {
                out.pop();
                out.push(one);
            }
            None => out.push(c),
        }
    }
}

/// The precomposed letter of a Latin `base` and a combining accent `mark`
/// (`data/text/compose.tsv`, from the Unicode Character Database): the part of
/// NFC that names in news need, without a normalization crate's tables in the
/// page's WebAssembly.
fn compose(base: char, mark: char) -> Option<char> {
    static TABLE: OnceLock<FxMap<(char, char), char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        // a line per accent: "300<TAB>41:C0 45:C8" is A + U+0300 = À, E + U+0300 = È (hex code points)
        let hex = |h: &str| u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
        let mut table = FxMap::default();
        for (_, line) in data_lines(shipped!("../../data/text/compose.tsv")) {
            let Some((mark, pairs)) = line.split_once('\t') else { continue };
            let Some(mark) = hex(mark.trim()) else { continue };
            for (base, composed) in pairs.split_whitespace().filter_map(|p| p.split_once(':')) {
                if let (Some(base), Some(composed)) = (hex(base), hex(composed)) {
                    table.insert((base, mark), composed);
                }
            }
        }
        table
    });
    table.get(&(base, mark)).copied()
}

/// Calls `f` with each word of a front-coded line (`scripts/group_words.py`):
/// the first is written whole, each later one as how many letters to drop
/// from the end of the word before it (no digits: none) and the letters to
/// add, so "abandon ed 2ing" is abandon, abandoned, abandoning. gzip packs a
/// sorted list written so far tighter than one word a line. ASCII words only.
pub(crate) fn front_coded(line: &str, word: &mut String, mut f: impl FnMut(&str)) {
    word.clear();
    for part in line.split_whitespace() {
        let letters = part.trim_start_matches(|c: char| c.is_ascii_digit());
        let drop: usize = part[..part.len() - letters.len()].parse().unwrap_or(0);
        word.truncate(word.len().saturating_sub(drop));
        word.push_str(letters);
        f(word);
    }
}

/// "al-Assad", "el-Sissi", "al-Qaeda": an Arabic article before a capitalised name is part of
/// the name, which reads as capitalised.
pub(crate) fn article_name(w: &str) -> bool {
    let rest = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-"));
    rest.and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)
}

/// Starts with an upper-case letter.
#[inline]
pub(crate) fn is_cap(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => s.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Has letters, none of them lower-case ("NATO", "U.S.").
#[inline]
pub(crate) fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}

/// A token of a name-list phrase, with its case tests done once.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub(crate) text: Box<str>,
    /// An acronym ("NATO"): matched in capitals only, unless the whole line is in capitals.
    acronym: bool,
    /// Capitalised: needs a capitalised text word.
    cap: bool,
    ascii: bool,
}

impl Pattern {
    pub(crate) fn new(text: &str) -> Self {
        Pattern {
            acronym: text.len() > 1 && is_all_caps(text),
            cap: is_cap(text),
            ascii: text.is_ascii(),
            text: text.into(),
        }
    }

    /// [`matches`](Self::matches) for a text token whose lower-cased form is
    /// known to be this one's: only the case rules are left to check.
    pub(crate) fn matches_first(&self, text: &str, caps_mode: bool) -> bool {
        if !(self.ascii && text.is_ascii()) {
            return self.matches(text, caps_mode);
        }
        if self.acronym && !caps_mode {
            return text == &*self.text;
        }
        !self.cap || is_cap(text)
    }

    /// Compares a text token with this one: letters case-insensitively (an
    /// acronym must be matched in capitals, and a capitalised list word needs a
    /// capitalised text word), apostrophes alike.
    pub(crate) fn matches(&self, text: &str, caps_mode: bool) -> bool {
        let pat = &*self.text;
        let ascii = self.ascii && text.is_ascii();
        if ascii && text.len() != pat.len() {
            // the common miss, decided before any case test
            return false;
        }
        if self.acronym && !caps_mode {
            return text == pat;
        }
        if self.cap && !is_cap(text) {
            return false;
        }
        if ascii {
            return text.eq_ignore_ascii_case(pat);
        }
        let mut a = text.chars().map(norm_apostrophe);
        let mut b = pat.chars().map(norm_apostrophe);
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) => {
                    if x != y && !x.to_lowercase().eq(y.to_lowercase()) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }
}

#[inline]
fn norm_apostrophe(c: char) -> char {
    if c == '’' || c == '‘' {
        '\''
    } else {
        c
    }
}

/// Determiners, prepositions, conjunctions, auxiliaries, pronouns: words that
/// end a premodifier chain.
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "to"
            | "from"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "against"
            | "between"
            | "among"
            | "through"
            | "during"
            | "after"
            | "before"
            | "since"
            | "until"
            | "as"
            | "like"
            | "than"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "if"
            | "because"
            | "while"
            | "although"
            | "though"
            | "when"
            | "where"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "his"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "not"
            | "no"
            | "also"
            | "very"
            | "more"
            | "most"
            | "said"
            | "says"
            | "say"
            | "told"
            | "there"
            | "here"
            | "then"
            | "now"
            | "all"
            | "some"
            | "any"
            | "each"
            | "every"
            | "both"
            | "either"
            | "neither"
            | "such"
            | "own"
            | "including"
            | "via"
            | "per"
            | "without"
            | "within"
            | "upon"
            | "amid"
            | "across"
            | "behind"
            | "beyond"
            | "toward"
            | "towards"
            | "around"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_is_taken_by_initials_and_listed_abbreviations_only() {
        // the list read in full, as before the quick checks
        assert!(DOTTED.windows(2).all(|p| p[0] < p[1]), "DOTTED is sorted");
        let slow = |w: &str| (w.chars().count() == 1 && w.chars().all(char::is_uppercase)) || DOTTED.contains(&w);
        let others = ["W", "É", "Σ", "a", "vs", "Vs", "mr", "Mr", "MR", "Calif", "Califo", "The", "No", "no", "", "1"];
        for w in DOTTED.iter().copied().chain(others) {
            assert_eq!(takes_dot(w), slow(w), "{w}");
        }
    }
    use crate::lexical::tokens::tokenize_with;

    fn lts(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize_with(text, &mut toks, LTok::unlooked);
        let mut out = Vec::new();
        logical_tokens(text, &toks, &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn reference_facts_keep_class_and_hints_apart() {
        use RefWord::*;
        for class in [Other, He, She, Its, The, Opener] {
            for hints in 0..32u8 {
                let facts = RefFacts::new(class, hints);
                assert_eq!(facts.class(), class);
                for bit in (0..5).map(|b| 1u8 << b) {
                    assert_eq!(facts.has(bit), hints & bit != 0, "{class:?} {hints}");
                }
            }
        }
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(
            lts("George W. Bush met Mr. Li in St. Louis."),
            ["George", "W.", "Bush", "met", "Mr.", "Li", "in", "St.", "Louis", "."]
        );
    }

    #[test]
    fn matching_rules() {
        let token_matches = |text: &str, pat: &str, caps| Pattern::new(pat).matches(text, caps);
        assert!(token_matches("China", "China", false));
        assert!(token_matches("CHINA", "China", true));
        assert!(!token_matches("china", "China", false));
        assert!(!token_matches("Who", "WHO", false));
        assert!(token_matches("WHO", "WHO", false));
        assert!(token_matches("People’s", "People's", false));
        assert!(token_matches("ZÜRICH", "Zürich", true));
        assert!(!token_matches("Zurich", "Zürich", false));
        // the first word of a phrase, already known to be the same letters
        for (text, pat, caps) in [("China", "China", false), ("china", "China", false), ("Who", "WHO", false)] {
            assert_eq!(Pattern::new(pat).matches_first(text, caps), token_matches(text, pat, caps), "{text} {pat}");
        }
    }
}
