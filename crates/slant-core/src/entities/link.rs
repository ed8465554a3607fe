//! The per-document entity table: which earlier entity a new mention names.
//!
//! A mention joins an entity when it is the same list entry ("U.S." and
//! "America" are both the United States), the same written name, an acronym
//! defined for it, or part of a person's full name ("Putin" after "Vladimir
//! Putin", "Xi Jinping" after "Xi"). Labels are votes weighted by the
//! strength of their evidence, so a name labelled with strong evidence once
//! keeps that label everywhere.

use crate::model::Label;

use crate::lexical::hash::FxMap;
use crate::lexical::shipped::{data_lines, shipped};
use crate::resources::gazetteer::{Gazetteer, Source};
use std::sync::OnceLock;

const NICKNAMES: &str = shipped!("../../data/names/nicknames.tsv");

/// Given name and nickname, either way round ("richard" and "dick"), lower-cased.
fn is_nickname_pair(a: &str, b: &str) -> bool {
    // name → its nicknames as the list writes them ("erin|ron|ronnie"): a line per
    // name keeps the list small in the page's wasm, and the map borrows the list
    static PAIRS: OnceLock<FxMap<&'static str, &'static str>> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        data_lines(NICKNAMES).filter_map(|(_, line)| line.split_once('\t')).map(|(n, k)| (n.trim(), k.trim())).collect()
    });
    let listed = |x: &str, y: &str| pairs.get(x).is_some_and(|nicks| nicks.split('|').any(|n| n.trim() == y));
    listed(a, b) || listed(b, a)
}

/// Labels in vote order.
pub(crate) const LABELS: [Label; 6] = [Label::Person, Label::Org, Label::Gpe, Label::Loc, Label::Norp, Label::Event];

fn label_index(l: Label) -> usize {
    LABELS.iter().position(|&x| x == l).unwrap_or(0)
}

/// What the table keeps per entity beyond the public [`Entity`](crate::model::Entity).
#[derive(Debug, Clone)]
pub(crate) struct EntState {
    pub(crate) votes: [u32; 6],
    pub(crate) first_label: Label,
    pub(crate) entry: Option<u32>,
    /// The lower-cased words of its fullest name: a range of `Doc::name_words`.
    words: (u32, u32),
    /// Order of its latest mention.
    pub(crate) last: usize,
}

impl EntState {
    pub(crate) fn label(&self) -> Label {
        let mut best = self.first_label;
        let mut best_votes = self.votes[label_index(best)];
        for (k, &v) in self.votes.iter().enumerate() {
            if v > best_votes {
                best = LABELS[k];
                best_votes = v;
            }
        }
        best
    }
}

/// Strings kept once each in one string and known by their index: the
/// document's name words and names cost no allocation of their own, and
/// the memory serves document after document.
#[derive(Debug, Default)]
pub(crate) struct Strings {
    text: String,
    /// Per string: its range in `text`.
    spans: Vec<(u32, u32)>,
    /// String index, found by the string's hash.
    table: hashbrown::HashTable<u32>,
}

fn hash_of(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::lexical::hash::hasher();
    h.write(s.as_bytes());
    h.finish()
}

impl Strings {
    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
        self.table.clear();
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    /// String number `i`.
    pub(crate) fn get(&self, i: u32) -> &str {
        let (a, b) = self.spans.get(i as usize).copied().unwrap_or((0, 0));
        self.text.get(a as usize..b as usize).unwrap_or("")
    }

    /// The index of `s`, if kept.
    pub(crate) fn find(&self, s: &str) -> Option<u32> {
        self.table.find(hash_of(s), |&i| self.get(i) == s).copied()
    }

    /// The index of `s`, kept when new.
    fn add(&mut self, s: &str) -> u32 {
        let hash = hash_of(s);
        if let Some(&i) = self.table.find(hash, |&i| self.get(i) == s) {
            return i;
        }
        let i = self.spans.len() as u32;
        let a = self.text.len() as u32;
        self.text.push_str(s);
        self.spans.push((a, self.text.len() as u32));
        let (text, spans) = (&self.text, &self.spans);
        let rehash = |&i: &u32| {
            let (a, b) = spans.get(i as usize).copied().unwrap_or((0, 0));
            hash_of(text.get(a as usize..b as usize).unwrap_or(""))
        };
        self.table.insert_unique(hash, i, rehash);
        i
    }
}

/// Lists of a word's entities kept for the next document, at most.
const KEPT_LISTS: usize = 4096;

/// The document so far: names seen and the entities they belong to.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) states: Vec<EntState>,
    /// The lower-cased words of the names.
    pub(crate) words: Strings,
    /// Per word of `words`: up to [`MAX_ENTITIES_PER_WORD`] entities, the
    /// most recently mentioned, whose name has it (none for a word of one
    /// character, or of a name only ever written the same way). Longer than
    /// `words` when an earlier document had more: the lists keep their memory.
    entities_of: Vec<Vec<u32>>,
    /// The entities' fullest names as indices into `words`; `EntState::words` are ranges of it.
    name_words: Vec<u32>,
    /// The indices of the words of the mention being linked.
    scratch: Vec<u32>,
    /// Lower-cased names as written (words joined by one space) ...
    surfaces: Strings,
    /// ... and the entity of each.
    surface_entity: Vec<u32>,
    /// Gazetteer entry → entity.
    pub(crate) by_entry: FxMap<u32, u32>,
    counter: usize,
}

/// A mention to link: its lower-cased words and first-guess label.
pub(crate) struct Candidate<'a> {
    pub(crate) words: &'a [&'a str],
    pub(crate) surface: &'a str,
    pub(crate) label: Label,
    pub(crate) strength: u8,
    pub(crate) entry: Option<u32>,
    /// An entity this mention is an acronym of.
    pub(crate) acronym_of: Option<usize>,
}

/// How many entities one name word points to. A court roll or a results
/// table can hold thousands of people called John; comparing each new John
/// with every earlier one made linking quadratic. Real articles stay far below
/// this, and "Putin" or "Xi" links to the most recently mentioned bearer, which
/// the cap keeps.
const MAX_ENTITIES_PER_WORD: usize = 32;

fn weight(strength: u8) -> u32 {
    match strength {
        0 => 0,
        1 => 2,
        2 => 4,
        _ => 8,
    }
}

impl Doc {
    /// Starts the next document. The tables keep their memory: a corpus
    /// reuses them document after document.
    pub(crate) fn clear(&mut self) {
        self.states.clear();
        // only the lists of this document's words can hold anything
        for list in self.entities_of.iter_mut().take(self.words.len()) {
            list.clear();
        }
        self.entities_of.truncate(KEPT_LISTS);
        self.words.clear();
        self.name_words.clear();
        self.surfaces.clear();
        self.surface_entity.clear();
        self.by_entry.clear();
        self.counter = 0;
    }

    /// A word of a name seen so far.
    pub(crate) fn knows_token(&self, lower: &str) -> bool {
        !self.entities_of(lower).is_empty()
    }

    /// The entities whose name has `word` (most recently mentioned ones, see [`Doc::entities_of`]).
    pub(crate) fn entities_of(&self, word: &str) -> &[u32] {
        self.words.find(word).and_then(|w| self.entities_of.get(w as usize)).map_or(&[], Vec::as_slice)
    }

    /// The words of entity `st`'s fullest name, as indices into `words`.
    pub(crate) fn name_of(&self, st: &EntState) -> &[u32] {
        self.name_words.get(st.words.0 as usize..st.words.1 as usize).unwrap_or(&[])
    }

    /// Appends `words` to `name_words`; returns their range there.
    fn keep_name(&mut self, words: &[u32]) -> (u32, u32) {
        let a = self.name_words.len() as u32;
        self.name_words.extend_from_slice(words);
        (a, self.name_words.len() as u32)
    }

    /// Finds or makes the entity of a mention; returns its id.
    pub(crate) fn link(&mut self, c: &Candidate<'_>, gaz: &Gazetteer) -> usize {
        self.counter += 1;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        for w in c.words {
            scratch.push(self.words.add(w));
        }
        if self.entities_of.len() < self.words.len() {
            self.entities_of.resize_with(self.words.len(), Vec::new);
        }
        let by_surface = self.surfaces.find(c.surface).and_then(|i| self.surface_entity.get(i as usize));
        let by_surface = by_surface.map(|&id| id as usize);
        let found = c
            .acronym_of
            .or_else(|| c.entry.and_then(|e| self.by_entry.get(&e)).map(|&id| id as usize))
            .or(by_surface)
            .or_else(|| self.person_part(c, &scratch, gaz));
        let id = match found {
            Some(id) if id < self.states.len() => id,
            _ => {
                let words = self.keep_name(&scratch);
                self.states.push(EntState { votes: [0; 6], first_label: c.label, entry: None, words, last: 0 });
                self.states.len() - 1
            }
        };
        let counter = self.counter;
        let fuller = self.states.get(id).is_some_and(|st| c.words.len() > self.name_of(st).len());
        let words = if fuller && c.acronym_of.is_none() { Some(self.keep_name(&scratch)) } else { None };
        let Some(st) = self.states.get_mut(id) else {
            self.scratch = scratch;
            return id;
        };
        st.votes[label_index(c.label)] += weight(c.strength);
        st.last = counter;
        if st.entry.is_none() {
            st.entry = c.entry;
        }
        if let Some(words) = words {
            st.words = words;
        }
        if let Some(e) = c.entry {
            self.by_entry.entry(e).or_insert(id as u32);
        }
        if by_surface.is_none() {
            let i = self.surfaces.add(c.surface) as usize;
            if self.surface_entity.len() <= i {
                self.surface_entity.resize(i + 1, 0);
            }
            if let Some(slot) = self.surface_entity.get_mut(i) {
                *slot = id as u32;
            }
        }
        if by_surface == Some(id) {
            // the same words (the surface is its words joined) were listed for this entity before
            self.scratch = scratch;
            return id;
        }
        for (&w, &word) in c.words.iter().zip(&scratch) {
            // one character
            if w.chars().nth(1).is_none() {
                continue;
            }
            let states = &self.states;
            let Some(ids) = self.entities_of.get_mut(word as usize) else { continue };
            if ids.contains(&(id as u32)) {
                continue;
            }
            if ids.len() < MAX_ENTITIES_PER_WORD {
                ids.push(id as u32);
                continue;
            }
            // full: the least recently mentioned entity gives way
            let last = |e: &u32| states.get(*e as usize).map_or(0, |s| s.last);
            if let Some(slot) = ids.iter_mut().min_by_key(|e| last(e)) {
                *slot = id as u32;
            }
        }
        self.scratch = scratch;
        id
    }

    /// "Putin" after "Vladimir Putin", "Donald Trump" after "Trump":
    /// part of a person's name, the most recent such person. `words` are
    /// the indices of the mention's words.
    fn person_part(&self, c: &Candidate<'_>, words: &[u32], gaz: &Gazetteer) -> Option<usize> {
        if c.label != Label::Person && c.strength > 1 {
            return None;
        }
        if let Some(e) = c.entry {
            let source = gaz.entry(e).map(|x| x.source);
            if !matches!(source, Some(Source::Person | Source::Place | Source::User)) {
                return None;
            }
        }
        let n = words.len();
        let mut best: Option<(usize, usize)> = None;
        for &w in words {
            let Some(ids) = self.entities_of.get(w as usize) else { continue };
            for &id in ids {
                let Some(st) = self.states.get(id as usize) else { continue };
                if st.label() != Label::Person {
                    continue;
                }
                let name = self.name_of(st);
                let m = name.len();
                let ok = if n == 1 {
                    m >= 2 && (name.first() == Some(&w) || name.last() == Some(&w))
                } else if m == 1 {
                    true
                } else {
                    // one name's words all among the other's, either way round
                    words.iter().all(|x| name.contains(x))
                        || name.iter().all(|y| words.contains(y))
                        // or the same name but for a nickname: "Dick Blumenthal", "Richard Blumenthal"
                        || (n == m
                            && words.iter().zip(name).enumerate().all(|(k, (x, y))| {
                                x == y || (k == 0 && is_nickname_pair(self.words.get(*x), self.words.get(*y)))
                            }))
                };
                if ok && best.is_none_or(|(_, last)| st.last > last) {
                    best = Some((id as usize, st.last));
                }
            }
        }
        best.map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person<'a>(words: &'a [&'a str], surface: &'a str) -> Candidate<'a> {
        Candidate { words, surface, label: Label::Person, strength: 2, entry: None, acronym_of: None }
    }

    #[test]
    fn strings_are_kept_once_and_found_again() {
        let mut s = Strings::default();
        let words = ["xi", "jinping", "putin", "xi", "", "jinping"];
        let ids: Vec<u32> = words.iter().map(|w| s.add(w)).collect();
        assert_eq!(ids, [0, 1, 2, 0, 3, 1]);
        assert_eq!(s.len(), 4);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(s.find(w), Some(*id));
            assert_eq!(s.get(*id), *w);
        }
        assert_eq!(s.find("vladimir"), None);
        // many more, through the table's growth
        let many: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let many_ids: Vec<u32> = many.iter().map(|w| s.add(w)).collect();
        assert!(many.iter().zip(&many_ids).all(|(w, &id)| s.find(w) == Some(id) && s.get(id) == w));
    }

    /// The next document starts from nothing, though the tables keep their memory.
    #[test]
    fn a_cleared_table_knows_no_earlier_name() {
        let gaz = Gazetteer::shipped();
        let mut doc = Doc::default();
        let putin = doc.link(&person(&["vladimir", "putin"], "vladimir putin"), &gaz);
        assert_eq!(doc.link(&person(&["putin"], "putin"), &gaz), putin, "a part of the name");
        assert!(doc.knows_token("putin") && doc.knows_token("vladimir"));
        doc.clear();
        assert!(!doc.knows_token("putin"));
        assert_eq!(doc.entities_of("vladimir"), &[] as &[u32]);
        let first = doc.link(&person(&["putin"], "putin"), &gaz);
        assert_eq!(first, 0);
        assert_eq!(doc.states.len(), 1);
        // and the lone "Putin" is a new entity, its name one word
        assert_eq!(doc.name_of(&doc.states[0]).len(), 1);
    }
}
