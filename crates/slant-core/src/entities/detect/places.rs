//! Places inside, before and after other names: "Secure America Now" is an organisation,
//! "Fort Lee, New Jersey" a place, "Nazi Germany" one place, "Boston Red Sox" a team.

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::is_function_word;
use crate::model::Label;
use crate::resources::gazetteer::{class, Source};

use super::{RunCtx, SentCtx};

/// Prepositions of place: a lone unknown name after one is a place ("in Kherson").
pub(super) const PLACE_PREPS: &[&str] = &["in", "near", "across", "throughout", "outside", "inside", "into"];

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

impl SentCtx<'_> {
    /// "Fort Lee, New Jersey", "Marion, Ohio": a comma and a known place follow token `b - 1`,
    /// so the words before are a place too; the place ends a phrase there (not "Christopher Hill,
    /// U.S. Republican", where it modifies what follows).
    pub(super) fn place_follows(&self, b: usize) -> bool {
        let (text, lts) = (self.text, self.lts);
        if self.lower_of(b) != "," {
            return false;
        }
        let Some((entry, len)) = self.phrase_at(b + 1, lts.len(), false) else { return false };
        let after = b + 1 + len;
        let ends_line = match (after.checked_sub(1).and_then(|l| lts.get(l)), lts.get(after)) {
            (Some(last), Some(next)) => {
                text.get(last.end..next.start).is_some_and(|gap| gap.contains('\n'))
                    || next.kind != TokenKind::Word
                    || is_function_word(self.lower_of(after))
            }
            _ => true,
        };
        ends_line && self.gaz.entry(entry).is_some_and(|x| x.label == Label::Gpe)
    }

    /// "Kherson oblast", "the Kursk and Bryansk oblasts": an area noun follows token `b - 1`,
    /// alone or after one more coordinated name, so the name is a place.
    pub(super) fn area_noun_after(&self, b: usize) -> bool {
        let area_at = |i: usize| AREA_NOUNS.contains(&self.word(i));
        area_at(b) || (matches!(self.lower_of(b), "and" | "or" | ",") && area_at(b + 2))
    }

    /// "the West", "the East": a lone compass point after "the" is the region.
    pub(super) fn compass_region(&self, a: usize, b: usize) -> bool {
        let prev = a.checked_sub(1).map_or("", |p| self.lower_of(p));
        b - a == 1 && prev == "the" && matches!(self.low(a), "west" | "east" | "north" | "south")
    }
}

impl RunCtx<'_> {
    /// "Secure America Now", "Save Darfur Coalition Today": three or more capitalised words around a
    /// place, at least one of them capitalised where it need not be, name one thing (an
    /// organisation, a campaign) rather than the place. Not when another word is itself evidence
    /// of a kind of name (a given name, a title, a head word: "New York Police").
    pub(super) fn place_inside_name(&self) -> bool {
        let (s, e) = (self.s, self.e);
        if e < s + 3 {
            return false;
        }
        let mut place: Option<(usize, usize)> = None;
        let mut i = s;
        while i < e {
            if let Some((entry, len)) = self.tiles.get(i - s).copied().flatten() {
                let is_place = self.gaz.entry(entry).is_some_and(|x| matches!(x.label, Label::Gpe | Label::Loc));
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
            self.info.get(k).is_some_and(|x| x.cap && x.bits & evidence == 0 && !self.known(k) && self.low(k).len() > 1)
        });
        // "In America Now": a function word opening the sentence is no part of a name
        let opens_with_function = self.info.get(s).is_some_and(|x| x.bits & class::FUNCTION != 0);
        let needless_capital = others.any(|k| k < self.info.len() && !self.initial(k));
        plain && !opens_with_function && needless_capital
    }

    /// "Christopher Hill", "Sharon Street": a given name and a place word that may be a family
    /// name are a person (not "Ross Sea", "Florence Avenue", nor "Clifton Park, New York").
    pub(super) fn given_name_and_place_word(&self, a: usize, b: usize, first: u16, head_bits: u16) -> bool {
        b - a == 2
            && first & class::FIRST != 0
            && first & class::COMMON == 0
            && head_bits & class::LOC_HEAD != 0
            && !matches!(self.low(b - 1), "sea" | "ocean" | "river" | "lake" | "bay" | "gulf" | "strait" | "avenue")
            && !self.place_follows(b)
    }

    /// "Paris Hilton" is a person, "France Télévisions" not: two places, or a place and an
    /// organisation, written side by side at `a..b`.
    pub(super) fn place_pair(&self, a: usize, b: usize) -> bool {
        match self.tile(a) {
            Some((entry, len)) if a + len < b => {
                let l = self.gaz.entry(entry).map(|x| (x.label, x.source));
                matches!(l, Some((_, Source::Country | Source::Org | Source::Group)))
            }
            _ => false,
        }
    }

    /// "Nazi Germany": a group word (the list entry at `i`, `len` long) before a place is part of
    /// the place name; the place's label and the name's end.
    pub(super) fn group_word_before_place(&self, i: usize, len: usize, b: usize) -> Option<(Label, usize)> {
        let (e2, len2) = self.tile(i + len).filter(|(_, l2)| i + len + l2 <= b)?;
        let l2 = self.gaz.entry(e2).map_or(Label::Org, |x| x.label);
        matches!(l2, Label::Gpe | Label::Loc).then_some((l2, i + len + len2))
    }

    /// "Boston Red Sox", "Texas Instruments": a place (the list entry at `i`, `len` long), then up
    /// to `b` capitalised words no list knows, name an organisation.
    pub(super) fn place_then_unlisted_words(&self, i: usize, len: usize, b: usize) -> bool {
        i + len < b
            && (i + len..b).all(|k| {
                self.tile(k).is_none()
                    && self.info.get(k).is_some_and(|x| {
                        x.cap && x.bits & (class::FIRST | class::SURNAME | class::FUNCTION) == 0 && !self.known(k)
                    })
            })
    }
}
