//! Finding name spans in one sentence and their first-guess labels.
//!
//! A name is a run of capitalised words, possibly joined by connectors
//! ("of", "and", "'s", "de"). A run is cut at titles ("President"), which
//! are not part of the name but say the name after them is a person's;
//! connectors stay inside only when a head word justifies them ("University
//! of Texas", "People's Liberation Army"). A capitalised word at a position
//! where any word is capitalised (sentence start, after an opening quote)
//! counts only when the lists or the document so far know it.

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{is_all_caps, is_function_word, LTok};
use crate::model::Label;
use crate::resources::gazetteer::{class, Gazetteer, Source};

use super::link::Doc;
use crate::vocab::Vocab;

/// How sure a label is.
pub(crate) mod strength {
    /// A default guess.
    pub(crate) const GUESS: u8 = 0;
    /// Context words ("in X", "X said").
    pub(crate) const CONTEXT: u8 = 1;
    /// Name lists of given names and surnames, head words.
    pub(crate) const LISTS: u8 = 2;
    /// A whole name in the gazetteer, or a title before the name.
    pub(crate) const STRONG: u8 = 3;
}

/// A candidate mention: logical tokens `s..e` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) label: Label,
    pub(crate) strength: u8,
    pub(crate) entry: Option<u32>,
    /// Index (in the output) of the span this one abbreviates: "(PLA)".
    pub(crate) acronym_of: Option<usize>,
}

/// What the detector knows about one logical token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    /// A word starting with a capital (or any word of an all-caps sentence).
    pub(crate) cap: bool,
    pub(crate) bits: u16,
    /// Lower-cased text in the shared buffer.
    pub(crate) lo: (usize, usize),
    pub(crate) initial: bool,
    /// A word of a name already seen in the document.
    pub(crate) known: bool,
    /// Index of the word in the gazetteer.
    pub(crate) word: Option<u32>,
}

/// Scratch state of the detector, reused for every sentence.
#[derive(Debug, Default)]
pub(crate) struct Detector {
    pub(crate) info: Vec<TokInfo>,
    pub(crate) lower: String,
    tiles: Vec<Option<(u32, usize)>>,
    parts: Vec<Part>,
    /// Tokens that are a four-digit year.
    years: Vec<bool>,
    counts: Counts,
}

/// Word counts of a sentence, for telling headings apart.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    words: usize,
    caps: usize,
    upper: usize,
    long: usize,
    long_caps: usize,
}

#[derive(Debug, Clone, Copy)]
struct Part {
    s: usize,
    e: usize,
    person: bool,
}

/// Lower-case function words that may join the words of one name.
fn connector(w: &str) -> Option<Conn> {
    Some(match w {
        "of" => Conn::Of,
        "for" | "on" => Conn::For,
        "and" | "&" => Conn::And,
        "de" | "del" | "della" | "da" | "di" | "du" | "des" | "la" | "le" | "van" | "von" | "der" | "den" | "bin"
        | "ibn" | "al" | "el" | "y" | "dos" | "das" => Conn::Particle,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    Of,
    For,
    And,
    Particle,
    Possessive,
}

/// A word that reads as the verb of a singular subject: "is", "has", "will", "appeared", "says".
/// Could be an unlisted family name: three letters or more, each hyphenated
/// part capitalised ("Morgan-Short", not "Stir-fry"), no letter three times
/// running ("Uhhh").
fn surname_shaped(w: &str) -> bool {
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

/// The text of token `i` ("" past the end).
fn token_text<'a>(text: &'a str, lts: &[LTok], i: usize) -> &'a str {
    lts.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("")
}

/// A possessive at token `i`: "'s", or an apostrophe right after a word in s ("Nunes' lawsuit").
fn possessive_at(text: &str, lts: &[LTok], i: usize) -> bool {
    let Some(t) = lts.get(i) else { return false };
    if t.kind == TokenKind::Possessive {
        return true;
    }
    let Some(prev) = i.checked_sub(1).and_then(|p| lts.get(p)) else { return false };
    t.kind == TokenKind::Punct
        && prev.end == t.start
        && matches!(text.get(t.start..t.end), Some("'" | "’"))
        && text.get(prev.start..prev.end).is_some_and(|w| w.ends_with('s'))
        && !text.get(t.end..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric)
}

/// "al-Assad", "el-Sissi", "al-Qaeda": an Arabic article before a capitalised name is part of
/// the name, which reads as capitalised.
fn article_name(w: &str) -> bool {
    let rest = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-"));
    rest.and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)
}

/// "McConnell", "O'Rourke": Mc or O' before a capital and a lower-case letter.
fn gaelic_surname(w: &str) -> bool {
    let rest = w.strip_prefix("Mc").or_else(|| w.strip_prefix("O'")).or_else(|| w.strip_prefix("O’"));
    let mut rest = rest.unwrap_or("").chars();
    rest.next().is_some_and(char::is_uppercase) && rest.next().is_some_and(char::is_lowercase)
}

/// An adverb that may stand between a subject and its verb: "never", "now", "narrowly".
fn adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly"))
        || matches!(w, "never" | "now" | "still" | "then" | "later" | "again" | "already" | "once" | "just" | "even")
}

fn singular_verb(w: &str) -> bool {
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

const SPEECH_VERBS: &[&str] = &[
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
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every",
    "each", "no", "any", "some", "whose",
];
/// Words before a title used as a role, not as a name: "as King", "was elected Dean".
const ROLE_VERBS: &[&str] = &[
    "as",
    "be",
    "is",
    "was",
    "were",
    "are",
    "been",
    "being",
    "become",
    "became",
    "becomes",
    "becoming",
    "named",
    "elected",
    "appointed",
    "crowned",
    "made",
    "remain",
    "remains",
    "remained",
    "serve",
    "served",
    "serves",
    "for",
    "of",
    "to",
];
const PLACE_PREPS: &[&str] = &["in", "near", "across", "throughout", "outside", "inside", "into"];

/// Lower-case nouns of administrative areas: the name before one is a place
/// ("the Tigray region", "Kherson oblast", "the Kursk and Bryansk oblasts").
const AREA_NOUNS: &[&str] = &[
    "region",
    "regions",
    "oblast",
    "oblasts",
    "province",
    "provinces",
    "prefecture",
    "prefectures",
    "governorate",
    "governorates",
    "county",
    "counties",
];

impl Detector {
    /// Finds the name spans of a sentence.
    pub(crate) fn detect(
        &mut self,
        text: &str,
        lts: &[LTok],
        vocab: &Vocab,
        gaz: &Gazetteer,
        doc: &Doc,
        out: &mut Vec<Span>,
    ) {
        out.clear();
        self.prepare(text, lts, vocab, doc);
        let (caps_mode, title_mode) = self.modes(text, lts);
        let n = lts.len();
        let mut i = 0;
        while i < n {
            if !self.name_tok(i, caps_mode) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < n && (self.name_tok(end, caps_mode) || self.kept_not_name(end)) {
                    end += 1;
                    continue;
                }
                if end < n {
                    if let Some(_c) = self.conn_at(text, lts, end) {
                        let mut k = end + 1;
                        if self.lower_of(text, lts, end) == "of" && self.lower_of(text, lts, k) == "the" {
                            k += 1;
                        }
                        if k < n && self.name_tok(k, caps_mode) {
                            end = k + 1;
                            continue;
                        }
                    }
                }
                break;
            }
            self.run(text, lts, gaz, doc, start, end, caps_mode || title_mode, out);
            i = end;
        }
        self.acronyms(text, lts, out);
    }

    /// What each token is, from the word table; `lts` words must all have an id.
    fn prepare(&mut self, text: &str, lts: &[LTok], vocab: &Vocab, doc: &Doc) {
        self.info.clear();
        self.years.clear();
        self.lower.clear();
        // Lower-case words are read in place from this copy; lower-cased capitalised words follow it.
        self.lower.push_str(text);
        self.counts = Counts::default();
        let mut prev: Option<&LTok> = None;
        let mut seen_word = false;
        for t in lts {
            let w = text.get(t.start..t.end).unwrap_or("");
            // Sentence start, after an opening quote or bracket, a colon or dash, or a line break:
            // every word may be capitalised there.
            let initial = !seen_word
                || prev.is_some_and(|p| {
                    let gap = text.as_bytes().get(p.end..t.start).unwrap_or(&[]);
                    if gap.contains(&b'\n') {
                        return true;
                    }
                    if p.kind != TokenKind::Punct {
                        return false;
                    }
                    let pw = text.get(p.start..p.end).unwrap_or("");
                    matches!(pw, "“" | "‘" | "(" | "[" | ":" | "—" | "–" | "•" | "*" | "«" | "-" | ";")
                        || (matches!(pw, "\"" | "'")
                            && (p.start == 0 || text.get(..p.start).is_some_and(|b| b.ends_with(char::is_whitespace))))
                });
            let mut info = TokInfo { initial, ..TokInfo::default() };
            let mut year = false;
            match t.kind {
                TokenKind::Word => {
                    seen_word = true;
                    let word = vocab.word(t.word);
                    if word.cap || article_name(w) {
                        let lower = vocab.name_form(t.word);
                        let a = self.lower.len();
                        self.lower.push_str(lower);
                        info.lo = (a, self.lower.len());
                        info.cap = true;
                        info.word = word.name_word;
                        info.bits = word.name_bits;
                        info.known = info.bits & class::FUNCTION == 0 && doc.knows_token(lower);
                        self.counts.words += 1;
                        self.counts.caps += 1;
                        if w.len() > 3 {
                            self.counts.long += 1;
                            self.counts.long_caps += 1;
                        }
                        if w.len() > 1 && word.all_caps {
                            self.counts.upper += 1;
                        }
                    } else {
                        info.lo = (t.start, t.end);
                        if word.starts_alpha {
                            self.counts.words += 1;
                            if w.len() > 3 {
                                self.counts.long += 1;
                            }
                        }
                    }
                }
                TokenKind::Number => {
                    seen_word = true;
                    year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
                }
                _ => {}
            }
            self.info.push(info);
            self.years.push(year);
            prev = Some(t);
        }
    }

    /// All-caps headline; Title Case heading without final punctuation.
    fn modes(&mut self, text: &str, lts: &[LTok]) -> (bool, bool) {
        let Counts { words, caps, upper, long, long_caps } = self.counts;
        let caps_mode = words >= 3 && upper * 10 >= words * 7;
        let ends = text.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
        let title_mode = !caps_mode && !ends && long >= 3 && long_caps * 10 >= long * 8 && caps * 10 >= words * 6;
        if caps_mode {
            for (t, info) in lts.iter().zip(self.info.iter_mut()) {
                let w = text.get(t.start..t.end).unwrap_or("");
                if t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_alphabetic) {
                    info.cap = true;
                    info.initial = true;
                }
            }
        }
        if title_mode {
            for info in &mut self.info {
                info.initial = true;
            }
        }
        (caps_mode, title_mode)
    }

    #[inline]
    pub(crate) fn low(&self, i: usize) -> &str {
        self.info.get(i).and_then(|x| self.lower.get(x.lo.0..x.lo.1)).unwrap_or("")
    }

    fn lower_of<'a>(&'a self, text: &'a str, lts: &[LTok], i: usize) -> &'a str {
        match self.info.get(i) {
            Some(x) if x.lo.0 != x.lo.1 => self.lower.get(x.lo.0..x.lo.1).unwrap_or(""),
            _ => token_text(text, lts, i),
        }
    }

    fn name_tok(&self, i: usize, _caps_mode: bool) -> bool {
        self.info.get(i).is_some_and(|x| x.cap && x.bits & class::NOT_NAME == 0)
    }

    /// "Theresa May", "Mrs. May": a word that is never a name alone, after a given name or a courtesy title.
    fn kept_not_name(&self, i: usize) -> bool {
        i > 0
            && self.info.get(i).is_some_and(|x| x.cap && x.bits & class::NOT_NAME != 0 && self.low(i).len() > 2)
            && (self.info.get(i - 1).is_some_and(|x| x.cap && x.bits & class::FIRST != 0) || self.courtesy(i - 1))
    }

    fn is_surname(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.bits & class::SURNAME != 0)
    }

    /// "Mrs. King", "Dr. Dean": after a courtesy title, a title word that is also a family name is the name.
    fn courtesy_then_surname(&self, i: usize) -> bool {
        i > 0 && self.courtesy(i - 1) && self.is_surname(i)
    }

    /// "Mr.", "Mrs", "Dr.": a title that only ever stands before a person's name.
    fn courtesy(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.cap)
            && matches!(self.low(i), "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr." | "miss")
    }

    fn conn_at(&self, text: &str, lts: &[LTok], i: usize) -> Option<Conn> {
        let t = lts.get(i)?;
        if t.kind == TokenKind::Possessive {
            return Some(Conn::Possessive);
        }
        connector(text.get(t.start..t.end)?)
    }

    /// The longest gazetteer phrase starting at `i` and ending by `end`.
    fn phrase_at(
        &self,
        text: &str,
        lts: &[LTok],
        gaz: &Gazetteer,
        i: usize,
        end: usize,
        caps: bool,
    ) -> Option<(u32, usize)> {
        let info = gaz.info(self.info.get(i)?.word?)?;
        for &p in &info.phrases {
            let Some(ph) = gaz.phrase(p) else { continue };
            let len = ph.toks.len();
            if i + len > end {
                continue;
            }
            let ok = ph.toks.iter().enumerate().all(|(k, pat)| {
                lts.get(i + k).and_then(|t| text.get(t.start..t.end)).is_some_and(|w| {
                    // the phrases were found by the first word's lower-cased form
                    if k == 0 {
                        pat.matches_first(w, caps)
                    } else {
                        pat.matches(w, caps)
                    }
                })
            });
            if ok {
                return Some((ph.entry, len));
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        text: &str,
        lts: &[LTok],
        gaz: &Gazetteer,
        doc: &Doc,
        s: usize,
        e: usize,
        weak_all: bool,
        out: &mut Vec<Span>,
    ) {
        // "the Clean Air Act", "the Hong Kong Human Rights and Democracy Act": a law's name
        // is no entity, and the names inside it are not mentioned (in running text: a
        // title-case headline is one run)
        if !weak_all && e > s + 1 && is_law_head(self.low(e - 1)) {
            // "McConnell’s Better Care Reconciliation Act": a possessive owner before the law's words
            // is its sponsor, a name of its own
            if let Some(owner_end) = (s + 1..e).rev().find(|&i| possessive_at(text, lts, i)) {
                self.run(text, lts, gaz, doc, s, owner_end, weak_all, out);
            }
            return;
        }
        let caps = self.info.get(s).is_some_and(|x| x.cap) && weak_all && is_caps_text(text, lts, s, e);
        // 1. gazetteer tiling, longest match first, left to right.
        self.tiles.clear();
        self.tiles.resize(e - s, None);
        let mut covered_to = s;
        for i in s..e {
            if i < covered_to {
                continue;
            }
            if let Some((entry, len)) = self.phrase_at(text, lts, gaz, i, e, caps) {
                if let Some(slot) = self.tiles.get_mut(i - s) {
                    *slot = Some((entry, len));
                }
                covered_to = i + len;
            }
        }
        if !weak_all && self.place_inside_name(gaz, s, e) {
            self.push(out, s, e, Label::Org, strength::CONTEXT, None);
            return;
        }
        let tile = |this: &Self, i: usize| this.tiles.get(i.wrapping_sub(s)).copied().flatten();
        let inside_tile = |this: &Self, i: usize| -> bool {
            (s..=i).rev().any(|k| tile(this, k).is_some_and(|(_, len)| k + len > i && k < i))
        };
        // 2. cut into parts at titles, function words and unjustified connectors.
        self.parts.clear();
        let ends_with_head = |this: &Self, a: usize| -> bool {
            let _ = a;
            e > 0 && this.info.get(e - 1).is_some_and(|x| x.bits & class::HEAD != 0)
        };
        let mut part_start = s;
        let mut person_next = false;
        let mut i = s;
        while i < e {
            let info = self.info.get(i).copied().unwrap_or_default();
            let is_word_cap = info.cap;
            if let Some((_, len)) = tile(self, i) {
                i += len;
                continue;
            }
            if inside_tile(self, i) {
                i += 1;
                continue;
            }
            // sentence-initial: a full name the document already knows ("He Lifeng said")
            if info.initial && i == part_start {
                if let Some(len) = doc.known_name_at(self, i, e) {
                    if len > 1 {
                        i += len;
                        continue;
                    }
                }
            }
            if is_word_cap && info.bits & class::FUNCTION != 0 {
                self.close(part_start, i, person_next);
                person_next = false;
                i += 1;
                part_start = i;
                continue;
            }
            if is_word_cap && self.is_title(i) && tile(self, i).is_none() && !self.courtesy_then_surname(i) {
                // a title: the rest must hold a name that is not itself headed
                let mut k = i + 1;
                while k < e && self.is_title(k) && !self.courtesy_then_surname(k) {
                    k += 1;
                }
                // "Gaetz grilled Dean for …", "a quote from King": alone inside a sentence, with no
                // determiner or role verb before it ("the Dean", "as King", "crowned King"), a title
                // word that is also a family name is the name
                if k == e && e == s + 1 && self.is_surname(i) && !info.initial {
                    let prev = i.checked_sub(1).map_or("", |p| self.lower_of(text, lts, p));
                    // (not after a comma: "thank you, Bishop" addresses a role)
                    if !DETERMINERS.contains(&prev) && !ROLE_VERBS.contains(&prev) && prev != "," {
                        self.push(out, i, e, Label::Person, strength::CONTEXT, None);
                        return;
                    }
                }
                // "Secretary of State", "Minister of Foreign Affairs"
                if k < e && self.low(k) == "of" {
                    let mut m = k + 1;
                    while m < e && self.info.get(m).is_some_and(|x| x.bits & class::TITLE_OF != 0) {
                        m += 1;
                    }
                    if m > k + 1 && m < e {
                        k = m;
                    }
                }
                let headed = ends_with_head(self, k) && !person_next;
                if !headed || k >= e {
                    self.close(part_start, i, person_next);
                    person_next = k < e;
                    i = k;
                    part_start = i;
                    continue;
                }
            }
            if let Some(conn) = self.conn_at(text, lts, i) {
                if !self.connector_kept(text, lts, gaz, conn, part_start, i, e) {
                    let keep_person = person_next && conn == Conn::Particle;
                    self.close(part_start, i, person_next);
                    person_next = keep_person;
                    i += 1;
                    if self.lower_of(text, lts, i) == "the" {
                        i += 1;
                    }
                    part_start = i;
                    continue;
                }
            }
            i += 1;
        }
        self.close(part_start, e, person_next);
        // 3. label each part.
        let parts = std::mem::take(&mut self.parts);
        for p in &parts {
            self.part(text, lts, gaz, doc, *p, weak_all, s, out);
        }
        self.parts = parts;
    }

    /// "Secure America Now", "Save Darfur Coalition Today": three or more capitalised words around a
    /// place, at least one of them capitalised where it need not be, name one thing (an
    /// organisation, a campaign) rather than the place. Not when another word is itself evidence
    /// of a kind of name (a given name, a title, a head word: "New York Police").
    fn place_inside_name(&self, gaz: &Gazetteer, s: usize, e: usize) -> bool {
        if e < s + 3 {
            return false;
        }
        let mut place: Option<(usize, usize)> = None;
        let mut i = s;
        while i < e {
            if let Some((entry, len)) = self.tiles.get(i - s).copied().flatten() {
                let is_place = gaz.entry(entry).is_some_and(|x| matches!(x.label, Label::Gpe | Label::Loc));
                if place.is_some() || !is_place || (i == s && i + len == e) {
                    return false;
                }
                place = Some((i, i + len));
                i += len;
                continue;
            }
            i += 1;
        }
        let Some((ps, pe)) = place else { return false };
        let evidence = class::FIRST
            | class::SURNAME
            | class::PERSON_NAME
            | class::TITLE
            | class::TITLE_OF
            | class::HEAD
            | class::HEAD_OF
            | class::NOT_NAME
            | class::GPE_PREFIX
            | class::LOC_PREFIX
            | class::EVENT_PREFIX;
        let mut others = (s..ps).chain(pe..e);
        let plain = others.clone().all(|k| {
            self.info.get(k).is_some_and(|x| x.cap && !x.known && x.bits & evidence == 0 && self.low(k).len() > 1)
        });
        // "In America Now": a function word opening the sentence is no part of a name
        let opens_with_function = self.info.get(s).is_some_and(|x| x.bits & class::FUNCTION != 0);
        let needless_capital = others.any(|k| self.info.get(k).is_some_and(|x| !x.initial));
        plain && !opens_with_function && needless_capital
    }

    /// "Woody Allen Is Just Trolling Us Now": in a heading, a word no list knows, shaped like a name,
    /// then a listed given or family name that is no everyday word, read as a person's name.
    fn unlisted_then_listed_name(&self, text: &str, lts: &[LTok], i: usize, b: usize) -> bool {
        let names = class::FIRST | class::SURNAME | class::PERSON_NAME;
        let not_names = class::COMMON | class::FUNCTION | class::TITLE | class::HEAD | class::NOT_NAME;
        i + 2 <= b
            && self.info.get(i).is_some_and(|x| x.cap && x.bits == 0 && !x.known)
            // written with a capital (in an all-caps line every word reads as capitalised)
            && token_text(text, lts, i).starts_with(char::is_uppercase)
            && surname_shaped(token_text(text, lts, i))
            && self.info.get(i + 1).is_some_and(|x| x.cap && x.bits & names != 0 && x.bits & not_names == 0)
    }

    fn close(&mut self, s: usize, e: usize, person: bool) {
        if e > s {
            self.parts.push(Part { s, e, person });
        }
    }

    fn is_title(&self, i: usize) -> bool {
        let Some(info) = self.info.get(i) else { return false };
        if !info.cap {
            return false;
        }
        if info.bits & class::TITLE != 0 {
            return true;
        }
        // "Vice-Premier", "ex-President", "Deputy-Mayor"
        let w = self.low(i);
        if let Some((pre, rest)) = w.split_once('-') {
            return matches!(pre, "vice" | "deputy" | "ex" | "former" | "acting" | "co" | "under")
                && !rest.is_empty()
                && TITLE_WORDS.contains(&rest);
        }
        false
    }

    #[allow(clippy::too_many_arguments)]
    fn connector_kept(
        &self,
        text: &str,
        lts: &[LTok],
        gaz: &Gazetteer,
        conn: Conn,
        part_start: usize,
        i: usize,
        e: usize,
    ) -> bool {
        let before = i.checked_sub(1).and_then(|b| self.info.get(b)).map_or(0, |x| x.bits);
        let first = self.info.get(part_start).map_or(0, |x| x.bits);
        let last_head =
            e > 0 && self.info.get(e - 1).is_some_and(|x| x.bits & (class::ORG_HEAD | class::LOC_HEAD) != 0);
        match conn {
            Conn::Particle => true,
            Conn::Of => {
                before & (class::HEAD | class::HEAD_OF) != 0 || first & class::HEAD_OF != 0 && i == part_start + 1
            }
            Conn::For => before & (class::ORG_HEAD | class::HEAD_OF | class::LOC_HEAD) != 0,
            Conn::And => {
                // "Mary & Leigh Block Museum", but "Russia and China"
                last_head && !self.complete_known(text, lts, gaz, part_start, i)
            }
            Conn::Possessive => {
                // "People's Liberation Army", but "Russia's Defence Ministry"
                last_head && i > part_start && !self.complete_known(text, lts, gaz, part_start, i)
            }
        }
    }

    /// Tokens `a..b` are one whole known name.
    fn complete_known(&self, text: &str, lts: &[LTok], gaz: &Gazetteer, a: usize, b: usize) -> bool {
        self.phrase_at(text, lts, gaz, a, b, false).is_some_and(|(_, len)| a + len == b)
    }

    #[allow(clippy::too_many_arguments)]
    fn part(
        &mut self,
        text: &str,
        lts: &[LTok],
        gaz: &Gazetteer,
        doc: &Doc,
        p: Part,
        weak_all: bool,
        run_s: usize,
        out: &mut Vec<Span>,
    ) {
        let (mut a, b) = (p.s, p.e);
        // skip a leading lower-case connector left by a cut ("of Russia")
        while a < b && !self.info.get(a).is_some_and(|x| x.cap) {
            a += 1;
        }
        if a >= b {
            return;
        }
        let tile = |this: &Self, i: usize| this.tiles.get(i.wrapping_sub(run_s)).copied().flatten();
        let head_bits = self.info.get(b - 1).map_or(0, |x| x.bits);
        let n = b - a;
        let first = self.info.get(a).copied().unwrap_or_default();
        // "MORGAN: Yes, we...": a transcript's speaker, in capitals before a colon, is a person
        if first.initial
            && n == 1
            && first.bits & (class::COMMON | class::FUNCTION | class::NOT_NAME) == 0
            && tile(self, a).is_none()
            && self.lower_of(text, lts, b) == ":"
            && token_text(text, lts, a).len() >= 3
            && is_all_caps(token_text(text, lts, a))
        {
            self.push(out, a, b, Label::Person, strength::CONTEXT, None);
            return;
        }
        // A word where any word is capitalised needs the lists or the document to vouch for it.
        if first.initial && !p.person {
            if let Some(len) = doc.known_name_at(self, a, b) {
                let _ = len;
            } else {
                let vouched =
                    tile(self, a).is_some() || first.known || self.vouched_at_start(text, lts, a, b, weak_all);
                if !vouched {
                    if weak_all {
                        // a heading: keep only what the lists or the document know (its first word
                        // too when it is a listed person's family name: "Clinton And Sanders Show …")
                        let from = if first.bits & class::PERSON_NAME != 0
                            || self.unlisted_then_listed_name(text, lts, a, b)
                        {
                            a
                        } else {
                            a + 1
                        };
                        self.known_only(text, lts, gaz, doc, from, b, run_s, out);
                        return;
                    }
                    a += 1;
                    if a >= b {
                        return;
                    }
                    while a < b && !self.info.get(a).is_some_and(|x| x.cap) {
                        a += 1;
                    }
                    if a >= b {
                        return;
                    }
                }
            }
        }
        if weak_all {
            self.known_only(text, lts, gaz, doc, a, b, run_s, out);
            return;
        }
        let n = b - a;
        // whole part is one list entry
        if let Some((entry, len)) = tile(self, a) {
            if len == n {
                let label = gaz.entry(entry).map_or(Label::Org, |x| x.label);
                if p.person && label != Label::Person {
                    self.push(out, a, b, Label::Person, strength::STRONG, None);
                } else if !self.language_use(text, lts, gaz, a, b, entry) {
                    self.push(out, a, b, label, strength::STRONG, Some(entry));
                }
                return;
            }
        }
        if p.person {
            self.push(out, a, b, Label::Person, strength::STRONG, None);
            return;
        }
        // a head word ends the name: "Xinhua News Agency", "Red Square", "World War II"
        let last_low = self.low(b - 1);
        let roman = matches!(last_low, "i" | "ii" | "iii" | "iv" | "v" | "vi");
        let hb = if roman && n >= 2 { self.info.get(b - 2).map_or(0, |x| x.bits) } else { head_bits };
        // "Washington State University Simon Ličen": a head word, then a given name
        if let Some(k) = (a..b.saturating_sub(2)).find(|&k| {
            self.info.get(k).is_some_and(|x| x.bits & class::HEAD != 0)
                && self
                    .info
                    .get(k + 1)
                    .is_some_and(|x| x.cap && x.bits & class::FIRST != 0 && x.bits & class::HEAD == 0)
        }) {
            if k > a {
                self.part(text, lts, gaz, doc, Part { s: a, e: k + 1, person: false }, false, run_s, out);
                self.part(text, lts, gaz, doc, Part { s: k + 1, e: b, person: false }, false, run_s, out);
                return;
            }
        }
        // "Christopher Hill", "Sharon Street": a given name and a place word that may be a family
        // name (not "Ross Sea", "Florence Avenue", nor "Clifton Park, New York")
        if n == 2
            && first.bits & class::FIRST != 0
            && first.bits & class::COMMON == 0
            && head_bits & class::LOC_HEAD != 0
            && !matches!(self.low(b - 1), "sea" | "ocean" | "river" | "lake" | "bay" | "gulf" | "strait" | "avenue")
            && !self.place_follows(text, lts, gaz, b)
        {
            self.push(out, a, b, Label::Person, strength::LISTS, None);
            return;
        }
        if n >= 2 && hb & class::HEAD != 0 {
            let label = head_label(hb);
            let entry = self.suffix_entry(gaz, a, b, run_s, label);
            self.push(out, a, b, label, strength::LISTS, entry);
            return;
        }
        // "Linguistic Society of America", "Bank of America": a head word before "of"
        if let Some(k) = (a..b.saturating_sub(2)).find(|&k| {
            self.info.get(k).is_some_and(|x| x.bits & class::HEAD != 0)
                && matches!(self.low(k + 1), "of" | "for" | "on")
        }) {
            if k > a || n >= 3 {
                let label = head_label(self.info.get(k).map_or(0, |x| x.bits));
                self.push(out, a, b, label, strength::LISTS, None);
                return;
            }
        }
        // "Fort Lee", "Mount Everest", "Lake Tahoe", "Cyclone Phailin"
        let prefix = class::GPE_PREFIX | class::LOC_PREFIX | class::EVENT_PREFIX;
        if n >= 2 && first.bits & prefix != 0 && tile(self, a).is_none() {
            let label = if first.bits & class::GPE_PREFIX != 0 {
                Label::Gpe
            } else if first.bits & class::EVENT_PREFIX != 0 {
                Label::Event
            } else {
                Label::Loc
            };
            self.push(out, a, b, label, strength::LISTS, None);
            return;
        }
        // "University of Texas", "Bay of Bengal", "Battle of Britain"
        if n >= 3 && first.bits & class::HEAD_OF != 0 && self.low(a + 1) == "of" {
            let w = self.low(a);
            if w == "treaty" {
                return;
            }
            let label = if first.bits & class::HEAD != 0 { head_label(first.bits) } else { Label::Org };
            self.push(out, a, b, label, strength::LISTS, None);
            return;
        }
        // "Michael Jordan", "Victoria Beckham": a given name, then a name
        if (2..=4).contains(&n)
            && first.bits & class::FIRST != 0
            && !self.place_pair(gaz, a, b, run_s)
            && !self.place_follows(text, lts, gaz, b)
        {
            self.push(out, a, b, Label::Person, strength::LISTS, None);
            return;
        }
        // otherwise: list entries and unknown stretches, each its own name
        let mut i = a;
        let mut unknown_start: Option<usize> = None;
        while i < b {
            if let Some((entry, len)) = tile(self, i).filter(|(_, len)| i + len <= b) {
                if let Some(us) = unknown_start.take() {
                    self.unknown(text, lts, gaz, us, i, out);
                }
                let label = gaz.entry(entry).map_or(Label::Org, |x| x.label);
                // "Nazi Germany": a group word before a place is part of the place name
                if label == Label::Norp {
                    if let Some((e2, len2)) = tile(self, i + len).filter(|(_, l2)| i + len + l2 <= b) {
                        let l2 = gaz.entry(e2).map_or(Label::Org, |x| x.label);
                        if matches!(l2, Label::Gpe | Label::Loc) {
                            self.push(out, i, i + len + len2, l2, strength::LISTS, None);
                            i += len + len2;
                            continue;
                        }
                    }
                }
                // "Boston Red Sox", "Texas Instruments": a place, then words no list knows
                if matches!(label, Label::Gpe)
                    && i + len < b
                    && (i + len..b).all(|k| {
                        tile(self, k).is_none()
                            && self.info.get(k).is_some_and(|x| {
                                x.cap && !x.known && x.bits & (class::FIRST | class::SURNAME | class::FUNCTION) == 0
                            })
                    })
                {
                    if let Some(us) = unknown_start.take() {
                        self.unknown(text, lts, gaz, us, i, out);
                    }
                    self.push(out, i, b, Label::Org, strength::CONTEXT, None);
                    i = b;
                    continue;
                }
                if !self.language_use(text, lts, gaz, i, i + len, entry) {
                    self.push(out, i, i + len, label, strength::STRONG, Some(entry));
                }
                i += len;
                continue;
            }
            if unknown_start.is_none() && self.info.get(i).is_some_and(|x| x.cap) {
                unknown_start = Some(i);
            }
            i += 1;
        }
        if let Some(us) = unknown_start {
            self.unknown(text, lts, gaz, us, b, out);
        }
    }

    /// Whether the words `a..b`, at a place where any word may be capitalised
    /// (a sentence's start, after a quotation mark or a colon), read as a name
    /// though neither the lists nor the document know them as a whole.
    /// `weak_all`: the sentence is a heading, where every word is capitalised.
    fn vouched_at_start(&self, text: &str, lts: &[LTok], a: usize, b: usize, weak_all: bool) -> bool {
        let n = b - a;
        let bits = self.info.get(a).map_or(0, |x| x.bits);
        let head_bits = b.checked_sub(1).and_then(|l| self.info.get(l)).map_or(0, |x| x.bits);
        let has = |class: u16| bits & class != 0;
        let raw = |i: usize| token_text(text, lts, i);
        let next = self.lower_of(text, lts, b);
        let next_starts = |test: fn(char) -> bool| raw(b).chars().next().is_some_and(test);
        let prefix = class::GPE_PREFIX | class::LOC_PREFIX | class::EVENT_PREFIX;
        // a listed person's family name that is no everyday word ("Obama", "Trump")
        let listed_family = has(class::PERSON_NAME) && !has(class::COMMON);
        // a word no list knows, shaped like a family name ("Kasich", "Norquist")
        let unlisted_surname = bits == 0 && surname_shaped(raw(a));
        if n >= 2 {
            // Before another capitalised word, a word no list calls common is likely a name ("Mathias
            // Krumbholz"); a common word is not ("Follow Frances Martel", "Reports Xi").
            return has(class::FIRST)
                || (!weak_all && has(prefix))
                || (!weak_all && !has(class::COMMON | class::FUNCTION | class::NOT_NAME))
                || (!weak_all && head_bits & class::HEAD != 0 && !has(class::FUNCTION));
        }
        // "Xi's speech", "Lavrov said": a listed name with a possessive or a speech verb
        (has(class::FIRST | class::SURNAME)
            && !has(class::FUNCTION)
            && (possessive_at(text, lts, b) || (!has(class::COMMON) && SPEECH_VERBS.contains(&next))))
            // "Obama task force urges", "Trump administration officials said": the name as a modifier
            // or the subject, before a lower-case word that is no function word
            || (listed_family
                && !has(class::FUNCTION | class::NOT_NAME)
                && !is_function_word(next)
                && next_starts(char::is_lowercase))
            // "Comey's interpretation", "Norquist’s comments"
            || (!weak_all && unlisted_surname && possessive_at(text, lts, b))
            // "Clapper: Trump rhetoric …", "Juncker: “We can …": a headline's speaker before a colon
            // and a capitalised or quoted statement
            || (next == ":"
                && (has(class::SURNAME | class::PERSON_NAME) && !has(class::COMMON) || unlisted_surname)
                && lts
                    .get(b)
                    .and_then(|t| text.get(t.end..))
                    .and_then(|rest| rest.trim_start().chars().next())
                    .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\'' | '‘')))
            // "“[Trump] is expressing …”": a name an editor put in square brackets into a quotation
            || (!has(class::COMMON | class::FUNCTION | class::NOT_NAME | class::TITLE)
                && a.checked_sub(1).is_some_and(|p| raw(p) == "[")
                && raw(b) == "]")
            // "McConnell to back off": a Scottish or Irish family-name shape is no common word
            || gaelic_surname(raw(a))
            // "Kasich has", "Pence isn't waiting", "Trump appeared": a word no list calls common, or a
            // listed surname, before what reads as the verb of a singular subject
            || (!weak_all
                && !has(class::FUNCTION | class::NOT_NAME | class::TITLE | class::HEAD)
                && (!has(class::COMMON) || has(class::SURNAME))
                && !self.low(a).contains('\'')
                && (singular_verb(next)
                    // "Gorsuch now counts", "Morsi narrowly won"
                    || (adverb(next) && singular_verb(self.lower_of(text, lts, b + 1)))
                    // "Pence and el-Sissi are", "Guterres and Trump", "Biden and his team"
                    || (next == "and" && (listed_family || raw(b + 1).chars().any(char::is_uppercase)))
                    // "Gardner, in a series of tweets", "Kasich, meanwhile,": a listed surname, or a word
                    // no list knows shaped like one ("Pence, speaking slowly": a listed person's family
                    // name, even an everyday word)
                    || (next == ","
                        && (has(class::PERSON_NAME)
                            || (!has(class::COMMON) && (has(class::SURNAME) || surname_shaped(raw(a))))))))
    }

    /// "Fort Lee, New Jersey", "Marion, Ohio": a comma and a known place follow token `b - 1`,
    /// so the words before are a place too; the place ends a phrase there (not "Christopher Hill,
    /// U.S. Republican", where it modifies what follows).
    fn place_follows(&self, text: &str, lts: &[LTok], gaz: &Gazetteer, b: usize) -> bool {
        if self.lower_of(text, lts, b) != "," {
            return false;
        }
        let Some((entry, len)) = self.phrase_at(text, lts, gaz, b + 1, lts.len(), false) else { return false };
        let after = b + 1 + len;
        let ends_line = match (after.checked_sub(1).and_then(|l| lts.get(l)), lts.get(after)) {
            (Some(last), Some(next)) => {
                text.get(last.end..next.start).is_some_and(|gap| gap.contains('\n'))
                    || next.kind != TokenKind::Word
                    || is_function_word(self.lower_of(text, lts, after))
            }
            _ => true,
        };
        ends_line && gaz.entry(entry).is_some_and(|x| x.label == Label::Gpe)
    }

    /// Two places or a place and an organisation written side by side.
    fn place_pair(&self, gaz: &Gazetteer, a: usize, b: usize, run_s: usize) -> bool {
        let tile = |i: usize| self.tiles.get(i.wrapping_sub(run_s)).copied().flatten();
        match tile(a) {
            Some((entry, len)) if a + len < b => {
                let l = gaz.entry(entry).map(|x| (x.label, x.source));
                matches!(l, Some((_, Source::Country | Source::Org | Source::Group)))
            }
            _ => false,
        }
    }

    /// The entry of a list name that ends the span with a compatible label
    /// ("Chinese People's Liberation Army" → People's Liberation Army).
    fn suffix_entry(&self, gaz: &Gazetteer, a: usize, b: usize, run_s: usize, label: Label) -> Option<u32> {
        (a..b).find_map(|i| {
            let (entry, len) = self.tiles.get(i.wrapping_sub(run_s)).copied().flatten()?;
            (i + len == b && len >= 2 && gaz.entry(entry).is_some_and(|x| x.label == label)).then_some(entry)
        })
    }

    /// "in French", "the English language": a language, not a group.
    fn language_use(&self, text: &str, lts: &[LTok], gaz: &Gazetteer, a: usize, b: usize, entry: u32) -> bool {
        if b != a + 1 || !gaz.entry(entry).is_some_and(|x| x.label == Label::Norp && x.country.is_some()) {
            return false;
        }
        let prev = a.checked_sub(1).map_or("", |p| self.lower_of(text, lts, p));
        let next = self.lower_of(text, lts, b);
        matches!(prev, "in" | "speak" | "speaks" | "spoke" | "speaking" | "learn" | "learning" | "into" | "fluent")
            || matches!(next, "language" | "languages" | "translation" | "speaker" | "speakers" | "word" | "words")
    }

    /// In a heading or an all-caps line: only names the lists or the document know.
    #[allow(clippy::too_many_arguments)]
    fn known_only(
        &mut self,
        text: &str,
        lts: &[LTok],
        gaz: &Gazetteer,
        doc: &Doc,
        a: usize,
        b: usize,
        run_s: usize,
        out: &mut Vec<Span>,
    ) {
        let mut i = a;
        while i < b {
            if let Some(len) = doc.known_name_at(self, i, b) {
                self.push(out, i, i + len, Label::Person, strength::GUESS, None);
                i += len;
                continue;
            }
            if let Some((entry, len)) = self.tiles.get(i.wrapping_sub(run_s)).copied().flatten() {
                if i + len <= b {
                    let label = gaz.entry(entry).map_or(Label::Org, |x| x.label);
                    self.push(out, i, i + len, label, strength::STRONG, Some(entry));
                    i += len;
                    continue;
                }
            }
            if self.unlisted_then_listed_name(text, lts, i, b) {
                self.push(out, i, i + 2, Label::Person, strength::LISTS, None);
                i += 2;
                continue;
            }
            if self.info.get(i).is_some_and(|x| x.known) {
                self.push(out, i, i + 1, Label::Person, strength::GUESS, None);
            } else if self.info.get(i).is_some_and(|x| x.bits & class::PERSON_NAME != 0) {
                // "Clinton And Sanders Show Republicans …": a listed person's family name
                self.push(out, i, i + 1, Label::Person, strength::LISTS, None);
            } else if self.info.get(i).is_some_and(|x| x.bits & class::FIRST != 0) {
                // "Image: David Shankbone": a given name and one or two more words
                let mut k = i + 1;
                while k < b && k < i + 3 && self.info.get(k).is_some_and(|x| x.cap && x.bits & class::FUNCTION == 0) {
                    k += 1;
                }
                if k > i + 1 {
                    self.push(out, i, k, Label::Person, strength::LISTS, None);
                    i = k;
                    continue;
                }
            }
            i += 1;
        }
        let _ = (text, lts);
    }

    /// A stretch of capitalised words no list knows as a whole.
    fn unknown(&mut self, text: &str, lts: &[LTok], gaz: &Gazetteer, a: usize, b: usize, out: &mut Vec<Span>) {
        let mut b = b;
        while b > a && !self.info.get(b - 1).is_some_and(|x| x.cap) {
            b -= 1;
        }
        if b <= a {
            return;
        }
        let n = b - a;
        let word = |i: usize| token_text(text, lts, i);
        // initials alone ("C.", "J") are not names
        if (a..b).all(|i| word(i).trim_end_matches('.').chars().count() <= 1) {
            return;
        }
        let first = self.info.get(a).map_or(0, |x| x.bits);
        let last = self.info.get(b - 1).map_or(0, |x| x.bits);
        // capitalised common words ("the Oath", "a Living Wage") are not names unless the
        // document already named something so
        let all_common = (a..b).all(|i| {
            self.info.get(i).is_some_and(|x| {
                x.bits & (class::COMMON | class::NOT_NAME | class::FUNCTION | class::TITLE | class::TITLE_OF) != 0
                    && x.bits & (class::FIRST | class::SURNAME) == 0
                    && !x.known
            })
        });
        let w = word(a);
        let next = self.lower_of(text, lts, b);
        // "…,” Archer said": a capitalised common word inside a sentence, as the speaker of a
        // speech verb, is a surname
        let speaker = n == 1
            && !self.info.get(a).is_some_and(|x| x.initial)
            && first & (class::TITLE | class::HEAD | class::FUNCTION | class::NOT_NAME | class::TITLE_OF) == 0
            && SPEECH_VERBS.contains(&next)
            && !a.checked_sub(1).is_some_and(|p| matches!(self.lower_of(text, lts, p), "the" | "a" | "an"));
        let prev = a.checked_sub(1).map_or("", |p| self.lower_of(text, lts, p));
        // "the West", "the East": a compass point after "the" is the region
        if n == 1 && prev == "the" && matches!(self.low(a), "west" | "east" | "north" | "south") {
            self.push(out, a, b, Label::Gpe, strength::CONTEXT, None);
            return;
        }
        // "as has Akin's former opponent": a capitalised common word inside a sentence, with no
        // determiner in the two words before it, owning something with "'s", is a surname ("the
        // Senate's", "the old Wrangler's", "Tuesday's" and plural "Farmers'" are not); three letters
        // are too few ("Pew's", "Fed's" are short names of organisations); nor before a capital
        // ("Nature's Bounty", "Time's Up": a title's words)
        let prev2 = a.checked_sub(2).map_or("", |p| self.lower_of(text, lts, p));
        let owner = n == 1
            && w.chars().count() >= 4
            && !token_text(text, lts, b + 1).starts_with(char::is_uppercase)
            && !DETERMINERS.contains(&prev2)
            && !self.info.get(a).is_some_and(|x| x.initial)
            && first & (class::TITLE | class::HEAD | class::FUNCTION | class::NOT_NAME | class::TITLE_OF) == 0
            && !is_all_caps(w)
            && lts.get(b).is_some_and(|t| t.kind == TokenKind::Possessive)
            && !DETERMINERS.contains(&prev);
        if owner {
            self.push(out, a, b, Label::Person, strength::CONTEXT, None);
            return;
        }
        if all_common && !speaker {
            return;
        }
        let next2 = self.lower_of(text, lts, b + 1);
        // before an area noun, alone or coordinated with another name ("Kursk and Bryansk oblasts")
        let area_at = |i: usize| AREA_NOUNS.contains(&token_text(text, lts, i));
        let area_after = area_at(b) || (matches!(next, "and" | "or" | ",") && area_at(b + 2));
        if n == 1 && first & class::HEAD != 0 && !self.info.get(a).is_some_and(|x| x.known) {
            // "the Court" is an organisation; "the River", "the War" are not names
            if first & class::ORG_HEAD != 0 {
                self.push(out, a, b, Label::Org, strength::CONTEXT, None);
            }
            return;
        }
        let place_after = self.place_follows(text, lts, gaz, b);
        // "LLMs", "Q1", "L2": plural or numbered abbreviations name things, not referents (a listed
        // family name such as "DeVos" is none)
        if n == 1 && w.chars().filter(|c| c.is_uppercase()).count() >= 1 && w.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        if n == 1
            && w.len() >= 3
            && w.ends_with('s')
            && w.chars().filter(|c| c.is_uppercase()).count() >= 2
            && first & class::SURNAME == 0
        {
            return;
        }
        // a lone word after "the" is no one's name ("the Post", "the Hill")
        let after_the = n == 1 && prev == "the" && first & class::FIRST == 0 && !place_after && !area_after;
        let (label, st) = if n == 1 && w.chars().count() >= 2 && is_all_caps(w) {
            (Label::Org, strength::CONTEXT)
        } else if after_the {
            (Label::Org, strength::GUESS)
        } else if n >= 2 && (first & class::FIRST != 0 || last & class::SURNAME != 0) {
            (Label::Person, strength::LISTS)
        } else if place_after || area_after {
            (Label::Gpe, strength::CONTEXT)
        } else if (n == 1 && (first & (class::FIRST | class::SURNAME)) != 0)
            || SPEECH_VERBS.contains(&next)
            || (next == "," && next2 == "who")
        {
            (Label::Person, strength::CONTEXT)
        } else if n == 1 && PLACE_PREPS.contains(&prev) {
            (Label::Gpe, strength::GUESS)
        } else {
            (Label::Person, strength::GUESS)
        };
        self.push(out, a, b, label, st, None);
    }

    fn push(&self, out: &mut Vec<Span>, s: usize, e: usize, label: Label, strength: u8, entry: Option<u32>) {
        let mut s = s;
        // "2014 Winter Paralympics": the year is part of an event's name
        if label == Label::Event && s > 0 && self.year_before(s) {
            s -= 1;
        }
        out.push(Span { s, e, label, strength, entry, acronym_of: None });
    }

    fn year_before(&self, s: usize) -> bool {
        self.years.get(s - 1).copied().unwrap_or(false)
    }

    /// "the Chinese People's Liberation Army (PLA)": the acronym names the same referent.
    fn acronyms(&self, text: &str, lts: &[LTok], out: &mut [Span]) {
        for k in 1..out.len() {
            let Some(&cur) = out.get(k) else { continue };
            let Some(&prev) = out.get(k - 1) else { continue };
            if cur.e != cur.s + 1 || cur.s < 1 || prev.e + 1 != cur.s {
                continue;
            }
            let w = token_text(text, lts, cur.s);
            let (open, close) = (token_text(text, lts, cur.s - 1), token_text(text, lts, cur.e));
            if open == "(" && close == ")" && is_all_caps(w) && prev.e - prev.s >= 2 {
                if let Some(c) = out.get_mut(k) {
                    c.acronym_of = Some(k - 1);
                    c.label = prev.label;
                    c.strength = prev.strength;
                }
            }
        }
    }
}

const TITLE_WORDS: &[&str] = &[
    "president",
    "premier",
    "minister",
    "chancellor",
    "secretary",
    "mayor",
    "governor",
    "chairman",
    "chair",
    "director",
    "speaker",
    "leader",
    "general",
    "commander",
    "ambassador",
    "senator",
    "prime",
];

fn head_label(bits: u16) -> Label {
    if bits & class::ORG_HEAD != 0 {
        Label::Org
    } else if bits & class::EVENT_HEAD != 0 {
        Label::Event
    } else if bits & class::GPE_HEAD != 0 {
        Label::Gpe
    } else {
        Label::Loc
    }
}

fn is_caps_text(text: &str, lts: &[LTok], s: usize, e: usize) -> bool {
    (s..e).filter_map(|i| lts.get(i)).all(|t| {
        let w = text.get(t.start..t.end).unwrap_or("");
        !w.chars().any(char::is_lowercase) || connector(w).is_some()
    })
}

/// The last word of a law's or treaty's name ("Act", "Treaty", "Accords").
fn is_law_head(low: &str) -> bool {
    matches!(low, "act" | "acts" | "treaty" | "treaties" | "accord" | "accords" | "amendment" | "amendments")
}

/// The entity table as the detector reads it (here, not in [`link`](super::link),
/// so the table does not depend on the detector).
impl Doc {
    /// The length of the longest multi-word name seen so far that starts at token `i`.
    pub(crate) fn known_name_at(&self, det: &Detector, i: usize, end: usize) -> Option<usize> {
        let first = det.low(i);
        let ids = self.words.get(first)?;
        let mut best = None;
        for &id in ids {
            let Some(st) = self.states.get(id as usize) else { continue };
            let n = st.words.len();
            if n < 2 || i + n > end || st.words.first().map(|w| &**w) != Some(first) {
                continue;
            }
            if st.words.iter().enumerate().all(|(k, w)| det.low(i + k) == &**w) && best.is_none_or(|b| n > b) {
                best = Some(n);
            }
        }
        best
    }
}
