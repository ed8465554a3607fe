//! Capitalised words no list knows as a whole: whether they are a name at all, and whose.

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::is_all_caps;
use crate::model::Label;
use crate::resources::gazetteer::class;

use super::places::PLACE_PREPS;
use super::words::{is_determiner, is_speech_verb};
use super::{strength, RunCtx, Span};

/// Bits of words that cannot be a lone surname: titles, head words, function words.
const NOT_SURNAME: u16 = class::TITLE | class::HEAD | class::FUNCTION | class::NOT_NAME | class::TITLE_OF;

impl RunCtx<'_> {
    /// A stretch of capitalised words no list knows as a whole.
    pub(super) fn unknown(&self, a: usize, b: usize, out: &mut Vec<Span>) {
        let mut b = b;
        while b > a && !self.info.get(b - 1).is_some_and(|x| x.cap) {
            b -= 1;
        }
        if b <= a {
            return;
        }
        let n = b - a;
        if self.only_initials(a, b) {
            return;
        }
        let first = self.bits(a);
        let last = self.bits(b - 1);
        let w = self.word(a);
        let next = self.lower_of(b);
        let prev = a.checked_sub(1).map_or("", |p| self.lower_of(p));
        if self.compass_region(a, b) {
            self.push(out, a, b, Label::Gpe, strength::CONTEXT, None);
            return;
        }
        if self.owner_before_possessive(a, b) {
            self.push(out, a, b, Label::Person, strength::CONTEXT, None);
            return;
        }
        if self.all_common_words(a, b) && !self.speaker_before_speech_verb(a, b) {
            return;
        }
        let next2 = self.lower_of(b + 1);
        let area_after = self.area_noun_after(b);
        if n == 1 && first & class::HEAD != 0 && !self.known(a) {
            // "the Court" is an organisation; "the River", "the War" are not names
            if first & class::ORG_HEAD != 0 {
                self.push(out, a, b, Label::Org, strength::CONTEXT, None);
            }
            return;
        }
        let place_after = self.place_follows(b);
        if self.numbered_abbreviation(a, b) || self.plural_abbreviation(a, b) {
            return;
        }
        // a lone word after "the" is no one's name ("the Post", "the Hill")
        let after_the = n == 1 && prev == "the" && first & class::FIRST == 0 && !place_after && !area_after;
        // all caps first: it is rarely so, and cheaper than counting characters
        let (label, st) = if n == 1 && is_all_caps(w) && w.chars().count() >= 2 {
            (Label::Org, strength::CONTEXT)
        } else if after_the {
            (Label::Org, strength::GUESS)
        } else if n >= 2 && (first & class::FIRST != 0 || last & class::SURNAME != 0) {
            (Label::Person, strength::LISTS)
        } else if place_after || area_after {
            (Label::Gpe, strength::CONTEXT)
        } else if (n == 1 && (first & (class::FIRST | class::SURNAME)) != 0)
            || is_speech_verb(next)
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

    /// "C.", "J": initials alone are not names.
    fn only_initials(&self, a: usize, b: usize) -> bool {
        (a..b).all(|i| self.word(i).trim_end_matches('.').chars().count() <= 1)
    }

    /// "the Oath", "a Living Wage": capitalised common words are not names unless the document
    /// already named something so.
    fn all_common_words(&self, a: usize, b: usize) -> bool {
        (a..b).all(|i| {
            self.info.get(i).is_some_and(|x| {
                x.bits & (class::COMMON | class::NOT_NAME | class::FUNCTION | class::TITLE | class::TITLE_OF) != 0
                    && x.bits & (class::FIRST | class::SURNAME) == 0
                    && !self.known(i)
            })
        })
    }

    /// "…,” Archer said": a capitalised common word inside a sentence, as the speaker of a
    /// speech verb, is a surname (not after "the", "a", "an").
    fn speaker_before_speech_verb(&self, a: usize, b: usize) -> bool {
        b - a == 1
            && !self.initial(a)
            && self.bits(a) & NOT_SURNAME == 0
            && is_speech_verb(self.lower_of(b))
            && !a.checked_sub(1).is_some_and(|p| matches!(self.lower_of(p), "the" | "a" | "an"))
    }

    /// "as has Akin's former opponent": a capitalised common word inside a sentence, with no
    /// determiner in the two words before it, owning something with "'s", is a surname ("the
    /// Senate's", "the old Wrangler's", "Tuesday's" and plural "Farmers'" are not); three letters
    /// are too few ("Pew's", "Fed's" are short names of organisations); nor before a capital
    /// ("Nature's Bounty", "Time's Up": a title's words).
    fn owner_before_possessive(&self, a: usize, b: usize) -> bool {
        let w = self.word(a);
        let prev = a.checked_sub(1).map_or("", |p| self.lower_of(p));
        let prev2 = a.checked_sub(2).map_or("", |p| self.lower_of(p));
        b - a == 1
            && w.chars().count() >= 4
            && !self.word(b + 1).starts_with(char::is_uppercase)
            && !is_determiner(prev2)
            && !self.initial(a)
            && self.bits(a) & NOT_SURNAME == 0
            && !is_all_caps(w)
            && self.lts.get(b).is_some_and(|t| t.kind == TokenKind::Possessive)
            && !is_determiner(prev)
    }

    /// "Q1", "L2": a numbered abbreviation names a thing, not a referent.
    fn numbered_abbreviation(&self, a: usize, b: usize) -> bool {
        let w = self.word(a);
        b - a == 1 && w.chars().filter(|c| c.is_uppercase()).count() >= 1 && w.chars().any(|c| c.is_ascii_digit())
    }

    /// "LLMs", "NGOs": a plural abbreviation names things, not a referent (a listed family name
    /// such as "DeVos" is none).
    fn plural_abbreviation(&self, a: usize, b: usize) -> bool {
        let w = self.word(a);
        b - a == 1
            && w.len() >= 3
            && w.ends_with('s')
            && w.chars().filter(|c| c.is_uppercase()).count() >= 2
            && self.bits(a) & class::SURNAME == 0
    }
}
