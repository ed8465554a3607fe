//! Where any word may be capitalised (a sentence's start, after an opening quote, a colon or a
//! line break), and what vouches for a capitalised word there as a name.

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{is_all_caps, is_function_word, LTok};
use crate::resources::gazetteer::class;

use super::words::{adverb, gaelic_surname, is_speech_verb, singular_verb, surname_shaped};
use super::{RunCtx, TokInfo};

/// Sentence start, after an opening quote or bracket, a colon or dash, or a line break: every
/// word may be capitalised at token `t` ("“Stocks fell", "Update: Markets").
// the gap between two tokens is mostly one space, too short for the memchr
// that `contains` would call: a plain loop is cheaper (measured)
#[allow(clippy::manual_contains)]
#[inline]
pub(super) fn any_word_capitalised_at(text: &str, prev: Option<&LTok>, t: &LTok, seen_word: bool) -> bool {
    !seen_word
        || prev.is_some_and(|p| {
            let gap = text.as_bytes().get(p.end..t.start).unwrap_or(&[]);
            if gap.iter().any(|&b| b == b'\n') {
                return true;
            }
            if p.kind != TokenKind::Punct {
                return false;
            }
            let pw = text.get(p.start..p.end).unwrap_or("");
            matches!(pw, "“" | "‘" | "(" | "[" | ":" | "—" | "–" | "•" | "*" | "«" | "-" | ";")
                || (matches!(pw, "\"" | "'")
                    && (p.start == 0 || text.get(..p.start).is_some_and(|b| b.ends_with(char::is_whitespace))))
        })
}

impl RunCtx<'_> {
    /// "MORGAN: Yes, we...": a transcript's speaker, one word in capitals before a colon where
    /// any word may be capitalised, is a person.
    pub(super) fn transcript_speaker(&self, a: usize, b: usize, first: TokInfo) -> bool {
        b - a == 1
            && self.initial(a)
            && first.bits & (class::COMMON | class::FUNCTION | class::NOT_NAME) == 0
            && self.tile(a).is_none()
            && self.lower_of(b) == ":"
            && self.word(a).len() >= 3
            && is_all_caps(self.word(a))
    }

    /// Whether the words `a..b`, at a place where any word may be capitalised
    /// (a sentence's start, after a quotation mark or a colon), read as a name
    /// though neither the lists nor the document know them as a whole.
    pub(super) fn vouched_at_start(&self, a: usize, b: usize) -> bool {
        if b - a >= 2 {
            return self.starts_longer_name(a, b);
        }
        self.listed_name_owns_or_speaks(a, b)
            || self.family_name_as_modifier(a, b)
            || (!self.weak_all && self.unlisted_surname_owns(a, b))
            || self.headline_speaker(a, b)
            || self.bracketed_name(a, b)
            || gaelic_surname(self.word(a))
            || (!self.weak_all && self.subject_of_singular_verb(a, b))
    }

    /// "Mathias Krumbholz": before another capitalised word, a word no list calls common is
    /// likely a name; a common word is not ("Follow Frances Martel", "Reports Xi").
    fn starts_longer_name(&self, a: usize, b: usize) -> bool {
        let bits = self.bits(a);
        let has = |class: u16| bits & class != 0;
        let head_bits = b.checked_sub(1).map_or(0, |l| self.bits(l));
        let prefix = class::GPE_PREFIX | class::LOC_PREFIX | class::EVENT_PREFIX;
        let weak_all = self.weak_all;
        has(class::FIRST)
            || (!weak_all && has(prefix))
            || (!weak_all && !has(class::COMMON | class::FUNCTION | class::NOT_NAME))
            || (!weak_all && head_bits & class::HEAD != 0 && !has(class::FUNCTION))
    }

    /// "Xi's speech", "Lavrov said": a listed name with a possessive or a speech verb.
    fn listed_name_owns_or_speaks(&self, a: usize, b: usize) -> bool {
        let bits = self.bits(a);
        let has = |class: u16| bits & class != 0;
        has(class::FIRST | class::SURNAME)
            && !has(class::FUNCTION)
            && (self.possessive_at(b) || (!has(class::COMMON) && is_speech_verb(self.lower_of(b))))
    }

    /// "Obama task force urges", "Trump administration officials said": a listed person's family
    /// name as a modifier or the subject, before a lower-case word that is no function word.
    fn family_name_as_modifier(&self, a: usize, b: usize) -> bool {
        let next = self.lower_of(b);
        self.listed_family(a)
            && self.bits(a) & (class::FUNCTION | class::NOT_NAME) == 0
            && !is_function_word(next)
            && self.word(b).chars().next().is_some_and(char::is_lowercase)
    }

    /// "Comey's interpretation", "Norquist’s comments": a word no list knows, shaped like a family
    /// name, owning something.
    fn unlisted_surname_owns(&self, a: usize, b: usize) -> bool {
        self.unlisted_surname(a) && self.possessive_at(b)
    }

    /// "Clapper: Trump rhetoric …", "Juncker: “We can …": a headline's speaker before a colon and
    /// a capitalised or quoted statement.
    fn headline_speaker(&self, a: usize, b: usize) -> bool {
        let bits = self.bits(a);
        let has = |class: u16| bits & class != 0;
        self.lower_of(b) == ":"
            && (has(class::SURNAME | class::PERSON_NAME) && !has(class::COMMON) || self.unlisted_surname(a))
            && self
                .lts
                .get(b)
                .and_then(|t| self.text.get(t.end..))
                .and_then(|rest| rest.trim_start().chars().next())
                .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\'' | '‘'))
    }

    /// "“[Trump] is expressing …”": a name an editor put in square brackets into a quotation.
    fn bracketed_name(&self, a: usize, b: usize) -> bool {
        self.bits(a) & (class::COMMON | class::FUNCTION | class::NOT_NAME | class::TITLE) == 0
            && a.checked_sub(1).is_some_and(|p| self.word(p) == "[")
            && self.word(b) == "]"
    }

    /// "Kasich has", "Pence isn't waiting", "Trump appeared": a word no list calls common, or a
    /// listed surname, before what reads as the verb of a singular subject (or "and", or a comma).
    fn subject_of_singular_verb(&self, a: usize, b: usize) -> bool {
        let bits = self.bits(a);
        let has = |class: u16| bits & class != 0;
        let next = self.lower_of(b);
        !has(class::FUNCTION | class::NOT_NAME | class::TITLE | class::HEAD)
            && (!has(class::COMMON) || has(class::SURNAME))
            && !self.low(a).contains('\'')
            && (singular_verb(next)
                // "Gorsuch now counts", "Morsi narrowly won"
                || (adverb(next) && singular_verb(self.lower_of(b + 1)))
                // "Pence and el-Sissi are", "Guterres and Trump", "Biden and his team"
                || (next == "and" && (self.listed_family(a) || self.word(b + 1).chars().any(char::is_uppercase)))
                // "Gardner, in a series of tweets", "Kasich, meanwhile,": a listed surname, or a word
                // no list knows shaped like one ("Pence, speaking slowly": a listed person's family
                // name, even an everyday word)
                || (next == ","
                    && (has(class::PERSON_NAME)
                        || (!has(class::COMMON) && (has(class::SURNAME) || surname_shaped(self.word(a)))))))
    }

    /// "Obama", "Trump": a listed person's family name that is no everyday word.
    fn listed_family(&self, a: usize) -> bool {
        let bits = self.bits(a);
        bits & class::PERSON_NAME != 0 && bits & class::COMMON == 0
    }

    /// "Kasich", "Norquist": a word no list knows, shaped like a family name.
    fn unlisted_surname(&self, a: usize) -> bool {
        self.bits(a) == 0 && surname_shaped(self.word(a))
    }
}
