//! Titles ("President", "Mrs."): they cut a run, are no part of the name, and say the name
//! after them is a person's.

use crate::resources::gazetteer::class;

use super::words::{is_determiner, is_role_verb, is_title_word};
use super::{RunCtx, SentCtx};

impl SentCtx<'_> {
    /// A capitalised title word: "President" is one, and so is "Vice-Premier" or "ex-President".
    pub(super) fn is_title(&self, i: usize) -> bool {
        let Some(info) = self.info.get(i) else { return false };
        if !info.cap {
            return false;
        }
        if info.bits & class::TITLE != 0 {
            return true;
        }
        // "Vice-Premier", "ex-President", "Deputy-Mayor"
        let w = self.low(i);
        // most words have no hyphen: a plain byte loop is cheaper on short words
        // than `split_once`'s searcher or the memchr of `contains` (measured)
        #[allow(clippy::manual_contains)]
        if !w.bytes().any(|b| b == b'-') {
            return false;
        }
        if let Some((pre, rest)) = w.split_once('-') {
            return matches!(pre, "vice" | "deputy" | "ex" | "former" | "acting" | "co" | "under")
                && !rest.is_empty()
                && is_title_word(rest);
        }
        false
    }

    /// A word listed as a family name: "Dean" is one, so is "King".
    pub(super) fn is_surname(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.bits & class::SURNAME != 0)
    }

    /// "Mr.", "Mrs", "Dr.": a title that only ever stands before a person's name.
    pub(super) fn courtesy(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.cap)
            && matches!(self.low(i), "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr." | "miss")
    }

    /// "Mrs. King", "Dr. Dean": after a courtesy title, a title word that is also a family name is the name.
    pub(super) fn courtesy_then_surname(&self, i: usize) -> bool {
        i > 0 && self.courtesy(i - 1) && self.is_surname(i)
    }

    /// "Theresa May", "Mrs. May": a word that is never a name alone, after a given name or a
    /// courtesy title, stays in the run.
    pub(super) fn kept_not_name(&self, i: usize) -> bool {
        i > 0
            && self.info.get(i).is_some_and(|x| x.cap && x.bits & class::NOT_NAME != 0 && self.low(i).len() > 2)
            && (self.info.get(i - 1).is_some_and(|x| x.cap && x.bits & class::FIRST != 0) || self.courtesy(i - 1))
    }
}

impl RunCtx<'_> {
    /// "Gaetz grilled Dean for …", "a quote from King": a run of one title word that is also a
    /// family name, inside a sentence, with no determiner or role verb before it ("the Dean",
    /// "as King", "crowned King") and no comma ("thank you, Bishop" addresses a role), is the name.
    pub(super) fn lone_title_is_surname(&self) -> bool {
        let s = self.s;
        let Some(info) = self.info.get(s).copied() else { return false };
        if self.e != s + 1
            || self.tile(s).is_some()
            || info.bits & class::FUNCTION != 0
            || !self.is_title(s)
            || self.courtesy_then_surname(s)
            || !self.is_surname(s)
            || self.initial(s)
        {
            return false;
        }
        let prev = s.checked_sub(1).map_or("", |p| self.lower_of(p));
        !is_determiner(prev) && !is_role_verb(prev) && prev != ","
    }

    /// "Secretary of State", "Minister of Foreign Affairs": the title goes on through "of" and the
    /// words a title takes after it; the end of the title, given the end `k` of its title words.
    pub(super) fn title_of_phrase_end(&self, k: usize) -> usize {
        let e = self.e;
        if k < e && self.low(k) == "of" {
            let mut m = k + 1;
            while m < e && self.info.get(m).is_some_and(|x| x.bits & class::TITLE_OF != 0) {
                m += 1;
            }
            if m > k + 1 && m < e {
                return m;
            }
        }
        k
    }
}
