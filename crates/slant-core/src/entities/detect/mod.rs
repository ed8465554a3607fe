//! Finding name spans in one sentence and their first-guess labels.
//!
//! A name is a run of capitalised words, possibly joined by connectors
//! ("of", "and", "'s", "de"). A run is cut at titles ("President"), which
//! are not part of the name but say the name after them is a person's;
//! connectors stay inside only when a head word justifies them ("University
//! of Texas", "People's Liberation Army"). A capitalised word at a position
//! where any word is capitalised (sentence start, after an opening quote)
//! counts only when the lists or the document so far know it.
//!
//! This file is the driver: it reads the sentence's tokens, finds the runs,
//! tiles each run with list names, cuts it into parts and hands each part to
//! the rules, which are grouped by what they decide:
//!
//! - [`sentence_start`]: where any word may be capitalised, and what vouches
//!   for a name there ("Lavrov said", "Xi's speech").
//! - [`headlines`]: all-caps and title-case headings, where only known names count.
//! - [`titles`]: titles and courtesy titles, which cut a run and mark a person.
//! - [`connectors`]: which "of", "and", "'s", "de" stay inside a name.
//! - [`laws`]: laws' and treaties' names, which are no entity.
//! - [`places`]: places inside, before and after other names.
//! - [`parts`]: the label of one part: list entries, head words, given names.
//! - [`unknown`]: the label of capitalised words no list knows.
//! - [`words`]: word shapes and word lists the rules share.

mod connectors;
mod headlines;
mod laws;
mod parts;
mod places;
mod sentence_start;
mod titles;
mod unknown;
mod words;

use std::ops::Deref;

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{fact, is_all_caps, LTok};
use crate::model::Label;
use crate::resources::gazetteer::{class, Gazetteer};

use super::link::Doc;
use crate::vocab::Vocab;

use connectors::Conn;

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
    /// Lower-cased text: a byte range of the word table's forms when
    /// `lowered`, of the sentence otherwise (a word written in lower case is
    /// read in place; nothing is copied).
    pub(crate) lo: (usize, usize),
    lowered: bool,
    /// A four-digit year.
    year: bool,
    /// Index of the word in the gazetteer, if a multi-word name of the lists starts with it.
    pub(crate) word: Option<u32>,
}

/// The lower-cased text `info` points to, in the sentence or the word table's forms.
#[inline]
fn lower_text<'t>(info: &TokInfo, text: &'t str, forms: &'t str) -> &'t str {
    let buffer = if info.lowered { forms } else { text };
    buffer.get(info.lo.0..info.lo.1).unwrap_or("")
}

/// Scratch state of the detector, reused for every sentence.
#[derive(Debug, Default)]
pub(crate) struct Detector {
    pub(crate) info: Vec<TokInfo>,
    /// The first word or number of the sentence ([`SentCtx::initial`]).
    first_word: usize,
    counts: Counts,
    scratch: Scratch,
}

/// The buffers of one run: its list names and its parts.
#[derive(Debug, Default)]
struct Scratch {
    /// The gazetteer phrase starting at each token of the run: (entry, length).
    tiles: Vec<Option<(u32, usize)>>,
    parts: Vec<Part>,
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

/// A part of a run, cut at titles and connectors: tokens `s..e`, and whether a title said it
/// names a person.
#[derive(Debug, Clone, Copy)]
struct Part {
    s: usize,
    e: usize,
    person: bool,
}

/// One sentence as the rules read it: its text and logical tokens, what the detector knows of
/// each token (with the lower-case lookup), the name lists and the document so far.
#[derive(Clone, Copy)]
struct SentCtx<'a> {
    text: &'a str,
    /// Where any word may be capitalised, as [`SentCtx::initial`] reads it:
    /// the first word or number, and the heading modes.
    first_word: usize,
    caps_mode: bool,
    title_mode: bool,
    lts: &'a [LTok],
    info: &'a [TokInfo],
    /// The word table's lower-cased forms ([`Vocab::lowered_forms`]).
    forms: &'a str,
    gaz: &'a Gazetteer,
    doc: &'a Doc,
}

/// One run of capitalised words, tokens `s..e` of the sentence, with its list names.
#[derive(Clone, Copy)]
struct RunCtx<'a> {
    sx: SentCtx<'a>,
    /// The gazetteer phrase starting at each token of the run, counted from `s`.
    tiles: &'a [Option<(u32, usize)>],
    s: usize,
    e: usize,
    /// The sentence is a heading (all caps or title case), where every word is capitalised.
    weak_all: bool,
}

impl<'a> Deref for RunCtx<'a> {
    type Target = SentCtx<'a>;

    fn deref(&self) -> &SentCtx<'a> {
        &self.sx
    }
}

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
        self.prepare(text, lts, vocab);
        let (caps_mode, title_mode) = self.modes(text, lts);
        let first_word = self.first_word;
        let forms = vocab.lowered_forms();
        let sx = SentCtx { text, first_word, caps_mode, title_mode, lts, info: &self.info, forms, gaz, doc };
        let n = lts.len();
        let mut i = 0;
        while i < n {
            if !sx.name_tok(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < n && (sx.name_tok(end) || sx.kept_not_name(end)) {
                    end += 1;
                    continue;
                }
                if end < n {
                    if let Some(_c) = sx.conn_at(end) {
                        let mut k = end + 1;
                        if sx.lower_of(end) == "of" && sx.lower_of(k) == "the" {
                            k += 1;
                        }
                        if k < n && sx.name_tok(k) {
                            end = k + 1;
                            continue;
                        }
                    }
                }
                break;
            }
            self.scratch.run(sx, start, end, caps_mode || title_mode, out);
            i = end;
        }
        sx.acronyms(out);
    }

    /// What each token is, from the word table; `lts` words must all have an id.
    fn prepare(&mut self, text: &str, lts: &[LTok], vocab: &Vocab) {
        self.info.clear();
        self.counts = Counts::default();
        self.first_word = usize::MAX;
        for (i, t) in lts.iter().enumerate() {
            let mut info = TokInfo::default();
            // a token's text is read only where it is needed: most need only its length
            let len = t.end - t.start;
            match t.kind {
                TokenKind::Word => {
                    self.first_word = self.first_word.min(i);
                    let word = t.facts;
                    if word.has(fact::NAME_LIKE) {
                        info.lo = vocab.name_form_range(t.word);
                        info.lowered = true;
                        info.cap = true;
                        // only phrase_at reads it: a word that starts no listed name spares it the lookup
                        info.word = if word.has(fact::STARTS_NAME) { vocab.name_word(t.word) } else { None };
                        info.bits = word.name_bits;
                        self.counts.words += 1;
                        self.counts.caps += 1;
                        if len > 3 {
                            self.counts.long += 1;
                            self.counts.long_caps += 1;
                        }
                        if len > 1 && word.has(fact::ALL_CAPS) {
                            self.counts.upper += 1;
                        }
                    } else {
                        info.lo = (t.start, t.end);
                        if word.has(fact::STARTS_ALPHA) {
                            self.counts.words += 1;
                            if len > 3 {
                                self.counts.long += 1;
                            }
                        }
                    }
                }
                TokenKind::Number => {
                    self.first_word = self.first_word.min(i);
                    let w = text.get(t.start..t.end).unwrap_or("");
                    info.year = len == 4 && (w.starts_with("19") || w.starts_with("20"));
                }
                _ => {}
            }
            self.info.push(info);
        }
    }

    /// The name lists' classes of token `i`, a word read as a name's (0 for others):
    /// the lists' classes of its lower-cased form.
    #[inline]
    pub(crate) fn bits(&self, i: usize) -> u16 {
        self.info.get(i).map_or(0, |x| x.bits)
    }

    /// The lower-cased text of token `i` of the sentence `text` ("" for a
    /// token that is no word); `forms` are the word table's ([`Vocab::lowered_forms`]).
    #[inline]
    pub(crate) fn low<'t>(&self, i: usize, text: &'t str, forms: &'t str) -> &'t str {
        self.info.get(i).map_or("", |x| lower_text(x, text, forms))
    }

    /// [`low`](Self::low), or the token's text as written where that is ""
    /// (punctuation, a number).
    pub(crate) fn low_or_written<'t>(&self, i: usize, lts: &[LTok], text: &'t str, forms: &'t str) -> &'t str {
        match self.low(i, text, forms) {
            "" => lts.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or(""),
            w => w,
        }
    }
}

impl Scratch {
    /// Tiles the run `s..e` with list names, cuts it into parts and labels each part.
    fn run(&mut self, sx: SentCtx<'_>, s: usize, e: usize, weak_all: bool, out: &mut Vec<Span>) {
        // a law's name is no entity, and the names inside it are not mentioned; its sponsor is
        if !weak_all && sx.names_a_law(s, e) {
            if let Some(owner_end) = sx.law_sponsor_end(s, e) {
                self.run(sx, s, owner_end, weak_all, out);
            }
            return;
        }
        let caps = sx.info.get(s).is_some_and(|x| x.cap) && weak_all && sx.is_caps_text(s, e);
        // 1. gazetteer tiling, longest match first, left to right.
        self.tiles.clear();
        self.tiles.resize(e - s, None);
        let mut covered_to = s;
        for i in s..e {
            if i < covered_to {
                continue;
            }
            if let Some((entry, len)) = sx.phrase_at(i, e, caps) {
                if let Some(slot) = self.tiles.get_mut(i - s) {
                    *slot = Some((entry, len));
                }
                covered_to = i + len;
            }
        }
        let cx = RunCtx { sx, tiles: &self.tiles, s, e, weak_all };
        if !weak_all && cx.place_inside_name() {
            cx.push(out, s, e, Label::Org, strength::CONTEXT, None);
            return;
        }
        if cx.lone_title_is_surname() {
            cx.push(out, s, e, Label::Person, strength::CONTEXT, None);
            return;
        }
        // 2. cut into parts at titles, function words and unjustified connectors.
        self.parts.clear();
        cx.cut(&mut self.parts);
        // 3. label each part.
        for p in &self.parts {
            cx.part(*p, out);
        }
    }
}

impl<'a> SentCtx<'a> {
    /// Token `i`, a capitalised word, is a word of a name the document has
    /// already seen: read where a rule asks, not looked up for every such word.
    fn known(&self, i: usize) -> bool {
        self.lts.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.facts.has(fact::NAME_LIKE))
            && self.bits(i) & class::FUNCTION == 0
            && self.doc.knows_token(self.low(i))
    }

    /// Any word may be capitalised at token `i` (a sentence's start, after an
    /// opening quote or a colon, every word of a heading): read where a rule
    /// asks, not made for every token.
    fn initial(&self, i: usize) -> bool {
        let Some(t) = self.lts.get(i) else { return false };
        let prev = i.checked_sub(1).and_then(|p| self.lts.get(p));
        self.title_mode
            || (self.caps_mode && headlines::capitalised_in_caps(self.text, t))
            || sentence_start::any_word_capitalised_at(self.text, prev, t, self.first_word < i)
    }

    /// The lower-cased text of token `i` ("" for a token that is no word).
    #[inline]
    fn low(&self, i: usize) -> &'a str {
        self.info.get(i).map_or("", |x| lower_text(x, self.text, self.forms))
    }

    /// The lower-cased text of token `i`, whatever its case ("" past the end).
    fn lower_of(&self, i: usize) -> &'a str {
        match self.info.get(i) {
            Some(x) if x.lo.0 != x.lo.1 => lower_text(x, self.text, self.forms),
            _ => self.word(i),
        }
    }

    /// The text of token `i` ("" past the end).
    fn word(&self, i: usize) -> &'a str {
        self.lts.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// What the detector knows of token `i` (nothing past the end).
    fn bits(&self, i: usize) -> u16 {
        self.info.get(i).map_or(0, |x| x.bits)
    }

    /// A possessive at token `i`: "'s", or an apostrophe right after a word in s ("Nunes' lawsuit").
    fn possessive_at(&self, i: usize) -> bool {
        let (text, lts) = (self.text, self.lts);
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

    /// A capitalised word that may be a name ("Obama"; not "Monday", which the lists call no name).
    fn name_tok(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.cap && x.bits & class::NOT_NAME == 0)
    }

    /// The longest gazetteer phrase starting at `i` and ending by `end`.
    fn phrase_at(&self, i: usize, end: usize, caps: bool) -> Option<(u32, usize)> {
        let gaz = self.gaz;
        let info = gaz.info(self.info.get(i)?.word?)?;
        for &p in &info.phrases {
            let Some(ph) = gaz.phrase(p) else { continue };
            let len = ph.toks.len();
            if i + len > end {
                continue;
            }
            let ok = ph.toks.iter().enumerate().all(|(k, pat)| {
                self.lts.get(i + k).and_then(|t| self.text.get(t.start..t.end)).is_some_and(|w| {
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

    /// Adds a span; "2014 Winter Paralympics": a year before an event's name is part of it.
    fn push(&self, out: &mut Vec<Span>, s: usize, e: usize, label: Label, strength: u8, entry: Option<u32>) {
        let mut s = s;
        if label == Label::Event && s > 0 && self.year_before(s) {
            s -= 1;
        }
        out.push(Span { s, e, label, strength, entry, acronym_of: None });
    }

    /// Token `s - 1` is a four-digit year.
    fn year_before(&self, s: usize) -> bool {
        self.info.get(s - 1).is_some_and(|x| x.year)
    }

    /// "the Chinese People's Liberation Army (PLA)": the acronym names the same referent.
    fn acronyms(&self, out: &mut [Span]) {
        for k in 1..out.len() {
            let Some(&cur) = out.get(k) else { continue };
            let Some(&prev) = out.get(k - 1) else { continue };
            if cur.e != cur.s + 1 || cur.s < 1 || prev.e + 1 != cur.s {
                continue;
            }
            let w = self.word(cur.s);
            let (open, close) = (self.word(cur.s - 1), self.word(cur.e));
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

impl RunCtx<'_> {
    /// The gazetteer phrase starting at token `i` of the run: (entry, length).
    fn tile(&self, i: usize) -> Option<(u32, usize)> {
        self.tiles.get(i.wrapping_sub(self.s)).copied().flatten()
    }

    /// Token `i` is inside (not at the start of) a gazetteer phrase of the run.
    fn inside_tile(&self, i: usize) -> bool {
        (self.s..=i).rev().any(|k| self.tile(k).is_some_and(|(_, len)| k + len > i && k < i))
    }

    /// "Xinhua News Agency": the run ends in a head word.
    fn ends_with_head(&self) -> bool {
        self.e > 0 && self.info.get(self.e - 1).is_some_and(|x| x.bits & class::HEAD != 0)
    }

    /// Cuts the run into parts at titles, function words and unjustified connectors.
    fn cut(&self, parts: &mut Vec<Part>) {
        let (s, e) = (self.s, self.e);
        let close = |parts: &mut Vec<Part>, s: usize, e: usize, person: bool| {
            if e > s {
                parts.push(Part { s, e, person });
            }
        };
        let mut part_start = s;
        let mut person_next = false;
        let mut i = s;
        while i < e {
            let info = self.info.get(i).copied().unwrap_or_default();
            let is_word_cap = info.cap;
            if let Some((_, len)) = self.tile(i) {
                i += len;
                continue;
            }
            if self.inside_tile(i) {
                i += 1;
                continue;
            }
            // sentence-initial: a full name the document already knows ("He Lifeng said")
            if i == part_start && self.initial(i) {
                if let Some(len) = self.doc.known_name_at(self, i, e) {
                    if len > 1 {
                        i += len;
                        continue;
                    }
                }
            }
            if is_word_cap && info.bits & class::FUNCTION != 0 {
                close(parts, part_start, i, person_next);
                person_next = false;
                i += 1;
                part_start = i;
                continue;
            }
            if is_word_cap && self.is_title(i) && self.tile(i).is_none() && !self.courtesy_then_surname(i) {
                // a title: the rest must hold a name that is not itself headed
                let mut k = i + 1;
                while k < e && self.is_title(k) && !self.courtesy_then_surname(k) {
                    k += 1;
                }
                let k = self.title_of_phrase_end(k);
                let headed = self.ends_with_head() && !person_next;
                if !headed || k >= e {
                    close(parts, part_start, i, person_next);
                    person_next = k < e;
                    i = k;
                    part_start = i;
                    continue;
                }
            }
            if let Some(conn) = self.conn_at(i) {
                if !self.connector_kept(conn, part_start, i) {
                    let keep_person = person_next && conn == Conn::Particle;
                    close(parts, part_start, i, person_next);
                    person_next = keep_person;
                    i += 1;
                    if self.lower_of(i) == "the" {
                        i += 1;
                    }
                    part_start = i;
                    continue;
                }
            }
            i += 1;
        }
        close(parts, part_start, e, person_next);
    }
}

/// The entity table as the detector reads it (here, not in [`link`](super::link),
/// so the table does not depend on the detector).
impl Doc {
    /// The length of the longest multi-word name seen so far that starts at token `i`.
    fn known_name_at(&self, sx: &SentCtx<'_>, i: usize, end: usize) -> Option<usize> {
        let first = sx.low(i);
        let mut best = None;
        for &id in self.entities_of(first) {
            let Some(st) = self.states.get(id as usize) else { continue };
            let name = self.name_of(st);
            let n = name.len();
            if n < 2 || i + n > end || name.first().map(|&w| self.words.get(w)) != Some(first) {
                continue;
            }
            if name.iter().enumerate().all(|(k, &w)| sx.low(i + k) == self.words.get(w)) && best.is_none_or(|b| n > b) {
                best = Some(n);
            }
        }
        best
    }
}
