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
    /// Lower-cased words of its fullest name.
    pub(crate) words: Vec<Box<str>>,
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

/// The document so far: names seen and the entities they belong to.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) states: Vec<EntState>,
    /// Lower-cased word of a name → the entities, at most
    /// [`MAX_ENTITIES_PER_WORD`] of the most recently mentioned, whose name has it.
    pub(crate) words: FxMap<Box<str>, Vec<u32>>,
    /// Lower-cased name as written (words joined by one space) → entity.
    surfaces: FxMap<Box<str>, u32>,
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
        self.words.clear();
        self.surfaces.clear();
        self.by_entry.clear();
        self.counter = 0;
    }

    /// A word of a name seen so far.
    pub(crate) fn knows_token(&self, lower: &str) -> bool {
        self.words.contains_key(lower)
    }

    /// Finds or makes the entity of a mention; returns its id.
    pub(crate) fn link(&mut self, c: &Candidate<'_>, gaz: &Gazetteer) -> usize {
        self.counter += 1;
        let by_surface = self.surfaces.get(c.surface).map(|&id| id as usize);
        let found = c
            .acronym_of
            .or_else(|| c.entry.and_then(|e| self.by_entry.get(&e)).map(|&id| id as usize))
            .or(by_surface)
            .or_else(|| self.person_part(c, gaz));
        let id = match found {
            Some(id) if id < self.states.len() => id,
            _ => {
                self.states.push(EntState {
                    votes: [0; 6],
                    first_label: c.label,
                    entry: None,
                    words: c.words.iter().map(|w| Box::from(*w)).collect(),
                    last: 0,
                });
                self.states.len() - 1
            }
        };
        let counter = self.counter;
        let Some(st) = self.states.get_mut(id) else { return id };
        st.votes[label_index(c.label)] += weight(c.strength);
        st.last = counter;
        if st.entry.is_none() {
            st.entry = c.entry;
        }
        if c.words.len() > st.words.len() && c.acronym_of.is_none() {
            st.words = c.words.iter().map(|w| Box::from(*w)).collect();
        }
        if let Some(e) = c.entry {
            self.by_entry.entry(e).or_insert(id as u32);
        }
        if by_surface.is_none() {
            self.surfaces.insert(c.surface.into(), id as u32);
        }
        if by_surface == Some(id) {
            // the same words (the surface is its words joined) were listed for this entity before
            return id;
        }
        for w in c.words {
            // one character
            if w.chars().nth(1).is_none() {
                continue;
            }
            match self.words.get_mut(*w) {
                Some(ids) => {
                    if ids.contains(&(id as u32)) {
                        continue;
                    }
                    if ids.len() < MAX_ENTITIES_PER_WORD {
                        ids.push(id as u32);
                        continue;
                    }
                    // full: the least recently mentioned entity gives way
                    let states = &self.states;
                    let last = |e: &u32| states.get(*e as usize).map_or(0, |s| s.last);
                    if let Some(slot) = ids.iter_mut().min_by_key(|e| last(e)) {
                        *slot = id as u32;
                    }
                }
                None => {
                    self.words.insert((*w).into(), vec![id as u32]);
                }
            }
        }
        id
    }

    /// "Putin" after "Vladimir Putin", "Donald Trump" after "Trump":
    /// part of a person's name, the most recent such person.
    fn person_part(&self, c: &Candidate<'_>, gaz: &Gazetteer) -> Option<usize> {
        if c.label != Label::Person && c.strength > 1 {
            return None;
        }
        if let Some(e) = c.entry {
            let source = gaz.entry(e).map(|x| x.source);
            if !matches!(source, Some(Source::Person | Source::Place | Source::User)) {
                return None;
            }
        }
        let n = c.words.len();
        let mut best: Option<(usize, usize)> = None;
        for w in c.words {
            let Some(ids) = self.words.get(*w) else { continue };
            for &id in ids {
                let Some(st) = self.states.get(id as usize) else { continue };
                if st.label() != Label::Person {
                    continue;
                }
                let m = st.words.len();
                let ok = if n == 1 {
                    m >= 2 && (st.words.first().map(|x| &**x) == Some(*w) || st.words.last().map(|x| &**x) == Some(*w))
                } else if m == 1 {
                    true
                } else {
                    // one name's words all among the other's, either way round
                    c.words.iter().all(|x| st.words.iter().any(|y| &**y == *x))
                        || st.words.iter().all(|y| c.words.contains(&&**y))
                        // or the same name but for a nickname: "Dick Blumenthal", "Richard Blumenthal"
                        || (n == m
                            && c.words.iter().zip(&st.words).enumerate().all(|(k, (x, y))| {
                                *x == &**y || (k == 0 && is_nickname_pair(x, y))
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
