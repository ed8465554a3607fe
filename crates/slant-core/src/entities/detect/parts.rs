//! The label of one part of a run: a whole list entry, a name ended by a head word
//! ("Xinhua News Agency"), a place prefix ("Fort Lee"), a given name ("Michael Jordan"),
//! or else list entries and unknown stretches each on their own.

use crate::model::Label;
use crate::resources::gazetteer::class;

use super::{strength, Part, RunCtx, Span};

/// The label a head word gives its name: "Agency" an organisation, "War" an event, "County" a
/// political place, "Square" a location.
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

/// "Fort Lee" a political place, "Mount Everest" a location, "Cyclone Phailin" an event: the
/// label a prefix word gives the name it opens, if `first` is one.
fn prefix_label(first: u16) -> Option<Label> {
    if first & (class::GPE_PREFIX | class::LOC_PREFIX | class::EVENT_PREFIX) == 0 {
        None
    } else if first & class::GPE_PREFIX != 0 {
        Some(Label::Gpe)
    } else if first & class::EVENT_PREFIX != 0 {
        Some(Label::Event)
    } else {
        Some(Label::Loc)
    }
}

impl RunCtx<'_> {
    /// Labels the part `p` of the run.
    pub(super) fn part(&self, p: Part, out: &mut Vec<Span>) {
        let (mut a, b) = (p.s, p.e);
        // skip a leading lower-case connector left by a cut ("of Russia")
        while a < b && !self.info.get(a).is_some_and(|x| x.cap) {
            a += 1;
        }
        if a >= b {
            return;
        }
        let head_bits = self.bits(b - 1);
        let first = self.info.get(a).copied().unwrap_or_default();
        if self.transcript_speaker(a, b, first) {
            self.push(out, a, b, Label::Person, strength::CONTEXT, None);
            return;
        }
        // A word where any word is capitalised needs the lists or the document to vouch for it.
        if !p.person && self.initial(a) && self.doc.known_name_at(self, a, b).is_none() {
            let vouched = self.tile(a).is_some() || self.known(a) || self.vouched_at_start(a, b);
            if !vouched {
                if self.weak_all {
                    // a heading: keep only what the lists or the document know
                    let from = if self.heading_keeps_first_word(a, b) { a } else { a + 1 };
                    self.known_only(from, b, out);
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
        if self.weak_all {
            self.known_only(a, b, out);
            return;
        }
        let n = b - a;
        // (the rules below read the bits of the part's first word before any was dropped)
        let first = first.bits;
        if let Some(entry) = self.whole_entry(a, b) {
            let label = self.gaz.entry(entry).map_or(Label::Org, |x| x.label);
            if p.person && label != Label::Person {
                self.push(out, a, b, Label::Person, strength::STRONG, None);
            } else if !self.language_use(a, b, entry) {
                self.push(out, a, b, label, strength::STRONG, Some(entry));
            }
            return;
        }
        if p.person {
            self.push(out, a, b, Label::Person, strength::STRONG, None);
            return;
        }
        let hb = self.name_head_bits(a, b);
        if let Some(k) = self.head_then_given_name(a, b) {
            if k > a {
                self.part(Part { s: a, e: k + 1, person: false }, out);
                self.part(Part { s: k + 1, e: b, person: false }, out);
                return;
            }
        }
        if self.given_name_and_place_word(a, b, first, head_bits) {
            self.push(out, a, b, Label::Person, strength::LISTS, None);
            return;
        }
        // a head word ends the name: "Xinhua News Agency", "Red Square", "World War II"
        if n >= 2 && hb & class::HEAD != 0 {
            let label = head_label(hb);
            let entry = self.suffix_entry(a, b, label);
            self.push(out, a, b, label, strength::LISTS, entry);
            return;
        }
        if let Some(k) = self.head_before_of(a, b) {
            if k > a || n >= 3 {
                let label = head_label(self.bits(k));
                self.push(out, a, b, label, strength::LISTS, None);
                return;
            }
        }
        // "Fort Lee", "Mount Everest", "Lake Tahoe", "Cyclone Phailin"
        if let Some(label) = prefix_label(first).filter(|_| n >= 2 && self.tile(a).is_none()) {
            self.push(out, a, b, label, strength::LISTS, None);
            return;
        }
        if self.head_of_phrase(a, b, first) {
            if self.is_treaty(a) {
                return;
            }
            let label = if first & class::HEAD != 0 { head_label(first) } else { Label::Org };
            self.push(out, a, b, label, strength::LISTS, None);
            return;
        }
        if self.given_name_then_name(a, b, first) {
            self.push(out, a, b, Label::Person, strength::LISTS, None);
            return;
        }
        self.entries_and_unknown(a, b, out);
    }

    /// The part `a..b` is one list entry as a whole ("Xinhua News Agency"); the entry.
    fn whole_entry(&self, a: usize, b: usize) -> Option<u32> {
        self.tile(a).filter(|&(_, len)| len == b - a).map(|(entry, _)| entry)
    }

    /// The bits of the word that heads the name `a..b`: its last, or the one before a Roman
    /// numeral ("World War II").
    fn name_head_bits(&self, a: usize, b: usize) -> u16 {
        let roman = matches!(self.low(b - 1), "i" | "ii" | "iii" | "iv" | "v" | "vi");
        if roman && b - a >= 2 {
            self.bits(b - 2)
        } else {
            self.bits(b - 1)
        }
    }

    /// "Washington State University Simon Ličen": a head word, then a given name, end one name and
    /// begin another; the head word's token.
    fn head_then_given_name(&self, a: usize, b: usize) -> Option<usize> {
        (a..b.saturating_sub(2)).find(|&k| {
            self.bits(k) & class::HEAD != 0
                && self
                    .info
                    .get(k + 1)
                    .is_some_and(|x| x.cap && x.bits & class::FIRST != 0 && x.bits & class::HEAD == 0)
        })
    }

    /// "Linguistic Society of America", "Bank of America": a head word before "of" (or "for",
    /// "on"); the head word's token.
    fn head_before_of(&self, a: usize, b: usize) -> Option<usize> {
        (a..b.saturating_sub(2))
            .find(|&k| self.bits(k) & class::HEAD != 0 && matches!(self.low(k + 1), "of" | "for" | "on"))
    }

    /// "University of Texas", "Bay of Bengal", "Battle of Britain": a word that heads names with
    /// "of", then "of" and a name.
    fn head_of_phrase(&self, a: usize, b: usize, first: u16) -> bool {
        b - a >= 3 && first & class::HEAD_OF != 0 && self.low(a + 1) == "of"
    }

    /// "Michael Jordan", "Victoria Beckham": a given name, then one to three more words, is a
    /// person (not a pair of places, nor a place before a comma and its state).
    fn given_name_then_name(&self, a: usize, b: usize, first: u16) -> bool {
        (2..=4).contains(&(b - a)) && first & class::FIRST != 0 && !self.place_pair(a, b) && !self.place_follows(b)
    }

    /// Otherwise: the list entries and the unknown stretches of `a..b`, each its own name.
    fn entries_and_unknown(&self, a: usize, b: usize, out: &mut Vec<Span>) {
        let mut i = a;
        let mut unknown_start: Option<usize> = None;
        while i < b {
            if let Some((entry, len)) = self.tile(i).filter(|(_, len)| i + len <= b) {
                if let Some(us) = unknown_start.take() {
                    self.unknown(us, i, out);
                }
                let label = self.gaz.entry(entry).map_or(Label::Org, |x| x.label);
                if label == Label::Norp {
                    if let Some((l2, end)) = self.group_word_before_place(i, len, b) {
                        self.push(out, i, end, l2, strength::LISTS, None);
                        i = end;
                        continue;
                    }
                }
                if matches!(label, Label::Gpe) && self.place_then_unlisted_words(i, len, b) {
                    if let Some(us) = unknown_start.take() {
                        self.unknown(us, i, out);
                    }
                    self.push(out, i, b, Label::Org, strength::CONTEXT, None);
                    i = b;
                    continue;
                }
                if !self.language_use(i, i + len, entry) {
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
            self.unknown(us, b, out);
        }
    }

    /// The entry of a list name that ends the span with a compatible label
    /// ("Chinese People's Liberation Army" → People's Liberation Army).
    fn suffix_entry(&self, a: usize, b: usize, label: Label) -> Option<u32> {
        (a..b).find_map(|i| {
            let (entry, len) = self.tile(i)?;
            (i + len == b && len >= 2 && self.gaz.entry(entry).is_some_and(|x| x.label == label)).then_some(entry)
        })
    }

    /// "in French", "the English language": a language, not a group.
    fn language_use(&self, a: usize, b: usize, entry: u32) -> bool {
        if b != a + 1 || !self.gaz.entry(entry).is_some_and(|x| x.label == Label::Norp && x.country.is_some()) {
            return false;
        }
        let prev = a.checked_sub(1).map_or("", |p| self.lower_of(p));
        let next = self.lower_of(b);
        matches!(prev, "in" | "speak" | "speaks" | "spoke" | "speaking" | "learn" | "learning" | "into" | "fluent")
            || matches!(next, "language" | "languages" | "translation" | "speaker" | "speakers" | "word" | "words")
    }
}
