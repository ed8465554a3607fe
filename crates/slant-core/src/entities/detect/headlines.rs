//! Headings: a line in capitals or in title case, where every word is capitalised and only the
//! names the lists or the document know count.

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::LTok;
use crate::model::Label;
use crate::resources::gazetteer::class;

use super::connectors::connector;
use super::words::surname_shaped;
use super::{strength, Counts, Detector, RunCtx, SentCtx, Span};

impl Counts {
    /// "TRUMP SLAMS CNN OVER REPORT": three words or more, seven in ten of them in capitals, is
    /// a headline in capitals.
    fn is_caps_headline(&self) -> bool {
        self.words >= 3 && self.upper * 10 >= self.words * 7
    }

    /// "Woody Allen Is Just Trolling Us Now": no final punctuation, and most words (eight in ten
    /// of the long ones) capitalised, is a title-case heading.
    fn is_title_case_heading(&self, text: &str) -> bool {
        let Counts { words, caps, long, long_caps, .. } = *self;
        let ends = text.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
        !self.is_caps_headline() && !ends && long >= 3 && long_caps * 10 >= long * 8 && caps * 10 >= words * 6
    }
}

impl Detector {
    /// All-caps headline; Title Case heading without final punctuation. In either, any word may
    /// be capitalised (in capitals, every word counts as capitalised).
    pub(super) fn modes(&mut self, text: &str, lts: &[LTok]) -> (bool, bool) {
        let caps_mode = self.counts.is_caps_headline();
        let title_mode = self.counts.is_title_case_heading(text);
        if caps_mode {
            for (t, info) in lts.iter().zip(self.info.iter_mut()) {
                if capitalised_in_caps(text, t) {
                    info.cap = true;
                }
            }
        }
        (caps_mode, title_mode)
    }
}

/// In an all-caps headline, token `t` counts as capitalised (and any word may
/// be): a word starting with a letter.
pub(super) fn capitalised_in_caps(text: &str, t: &LTok) -> bool {
    let w = text.get(t.start..t.end).unwrap_or("");
    t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_alphabetic)
}

impl SentCtx<'_> {
    /// "NEW YORK", "BANK OF AMERICA": tokens `s..e` are written in capitals (connectors aside),
    /// so list names are matched regardless of case.
    pub(super) fn is_caps_text(&self, s: usize, e: usize) -> bool {
        (s..e).filter_map(|i| self.lts.get(i)).all(|t| {
            let w = self.text.get(t.start..t.end).unwrap_or("");
            !w.chars().any(char::is_lowercase) || connector(w).is_some()
        })
    }
}

impl RunCtx<'_> {
    /// "Woody Allen Is Just Trolling Us Now": in a heading, a word no list knows, shaped like a name,
    /// then a listed given or family name that is no everyday word, read as a person's name.
    fn unlisted_then_listed_name(&self, i: usize, b: usize) -> bool {
        let names = class::FIRST | class::SURNAME | class::PERSON_NAME;
        let not_names = class::COMMON | class::FUNCTION | class::TITLE | class::HEAD | class::NOT_NAME;
        i + 2 <= b
            && self.info.get(i).is_some_and(|x| x.cap && x.bits == 0)
            && !self.known(i)
            // written with a capital (in an all-caps line every word reads as capitalised)
            && self.word(i).starts_with(char::is_uppercase)
            && surname_shaped(self.word(i))
            && self.info.get(i + 1).is_some_and(|x| x.cap && x.bits & names != 0 && x.bits & not_names == 0)
    }

    /// "Clinton And Sanders Show …": a heading's first word, though nothing vouches for it, is
    /// kept when it is a listed person's family name or begins an unlisted-then-listed name.
    pub(super) fn heading_keeps_first_word(&self, a: usize, b: usize) -> bool {
        self.bits(a) & class::PERSON_NAME != 0 || self.unlisted_then_listed_name(a, b)
    }

    /// In a heading or an all-caps line: only names the lists or the document know.
    pub(super) fn known_only(&self, a: usize, b: usize, out: &mut Vec<Span>) {
        let mut i = a;
        while i < b {
            if let Some(len) = self.doc.known_name_at(self, i, b) {
                self.push(out, i, i + len, Label::Person, strength::GUESS, None);
                i += len;
                continue;
            }
            if let Some((entry, len)) = self.tile(i) {
                if i + len <= b {
                    let label = self.gaz.entry(entry).map_or(Label::Org, |x| x.label);
                    self.push(out, i, i + len, label, strength::STRONG, Some(entry));
                    i += len;
                    continue;
                }
            }
            if self.unlisted_then_listed_name(i, b) {
                self.push(out, i, i + 2, Label::Person, strength::LISTS, None);
                i += 2;
                continue;
            }
            if self.known(i) {
                self.push(out, i, i + 1, Label::Person, strength::GUESS, None);
            } else if self.info.get(i).is_some_and(|x| x.bits & class::PERSON_NAME != 0) {
                // "Clinton And Sanders Show Republicans …": a listed person's family name
                self.push(out, i, i + 1, Label::Person, strength::LISTS, None);
            } else if let Some(k) = self.given_name_and_more(i, b) {
                // "Image: David Shankbone": a given name and one or two more words
                self.push(out, i, k, Label::Person, strength::LISTS, None);
                i = k;
                continue;
            }
            i += 1;
        }
    }

    /// "Image: David Shankbone": a listed given name and one or two more capitalised words name a
    /// person; the end of the name.
    fn given_name_and_more(&self, i: usize, b: usize) -> Option<usize> {
        if self.bits(i) & class::FIRST == 0 {
            return None;
        }
        let mut k = i + 1;
        while k < b && k < i + 3 && self.info.get(k).is_some_and(|x| x.cap && x.bits & class::FUNCTION == 0) {
            k += 1;
        }
        (k > i + 1).then_some(k)
    }
}
