//! The shipped name lists (`data/names/*.tsv`), compiled once into hash
//! tables: multi-word names keyed by their first word, and word classes
//! (titles, head words of organisation and place names, given names, ...).

use std::sync::{Arc, Mutex, OnceLock, Weak};

use crate::lexical::hash::{word_key, KeyMap};
use crate::lexical::shipped::{data_lines, shipped};
use crate::lexical::tokens::tokenize_with;
use crate::lexical::words::{front_coded, logical_tokens, lower_into, LTok, Pattern};
use crate::model::Label;

/// Word classes, as bits.
pub(crate) mod class {
    pub(crate) const TITLE: u16 = 1;
    pub(crate) const ORG_HEAD: u16 = 1 << 1;
    pub(crate) const LOC_HEAD: u16 = 1 << 2;
    pub(crate) const GPE_HEAD: u16 = 1 << 3;
    pub(crate) const EVENT_HEAD: u16 = 1 << 4;
    pub(crate) const HEAD_OF: u16 = 1 << 5;
    pub(crate) const NOT_NAME: u16 = 1 << 6;
    pub(crate) const FUNCTION: u16 = 1 << 7;
    pub(crate) const FIRST: u16 = 1 << 8;
    pub(crate) const SURNAME: u16 = 1 << 9;
    pub(crate) const TITLE_OF: u16 = 1 << 10;
    /// A common English word that is not a name ("people", "oath").
    pub(crate) const COMMON: u16 = 1 << 11;
    /// Starts a town's name: "Fort", "San".
    pub(crate) const GPE_PREFIX: u16 = 1 << 12;
    /// Starts a place's name: "Mount", "Lake".
    pub(crate) const LOC_PREFIX: u16 = 1 << 13;
    /// Starts an event's name: "Hurricane", "Operation".
    pub(crate) const EVENT_PREFIX: u16 = 1 << 14;
    /// The family name of a listed person ("Pence", "Bush"), even where it is also a common word.
    pub(crate) const PERSON_NAME: u16 = 1 << 15;
    /// Any head word of a name.
    pub(crate) const HEAD: u16 = ORG_HEAD | LOC_HEAD | GPE_HEAD | EVENT_HEAD;
}

/// Where a gazetteer entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Country,
    Place,
    Org,
    Person,
    Event,
    /// A demonym or group word (NORP).
    Group,
    /// Given by the user through `Config::names`.
    User,
}

/// One named referent of the gazetteer.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Its canonical name (for readers of the lists and tests).
    #[allow(dead_code)]
    pub(crate) name: Box<str>,
    pub(crate) label: Label,
    pub(crate) source: Source,
    /// For a demonym: the entry of its country.
    pub(crate) country: Option<u32>,
}

/// One way of writing an entry, as tokens.
#[derive(Debug)]
pub(crate) struct Phrase {
    pub(crate) toks: Box<[Pattern]>,
    pub(crate) entry: u32,
}

/// What the lists say about one (lower-cased) word.
#[derive(Debug, Default)]
pub(crate) struct WordInfo {
    pub(crate) bits: u16,
    /// Phrases starting with this word, longest first.
    pub(crate) phrases: Vec<u32>,
}

/// A word of the lists as the word table reads it, in one lookup.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Listed {
    /// Index into the word infos ([`Gazetteer::info`]).
    pub(crate) id: u32,
    /// Its classes (`WordInfo::bits`).
    pub(crate) bits: u16,
    /// A multi-word name starts with it (`WordInfo::phrases` is not empty).
    pub(crate) starts_phrase: bool,
}

/// All name lists, compiled.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    pub(crate) phrases: Vec<Phrase>,
    /// Lower-cased word, by its [`word_key`] → what a lookup needs of it.
    words: KeyMap<Listed>,
    infos: Vec<WordInfo>,
    /// In tests, each key's word, to catch two list words sharing a key.
    #[cfg(test)]
    texts: crate::lexical::hash::FxMap<u64, String>,
}

const COUNTRIES: &str = shipped!("../../data/names/countries.tsv");
const PLACES: &str = shipped!("../../data/names/places.tsv");
const ORGS: &str = shipped!("../../data/names/orgs.tsv");
const PEOPLE: &str = shipped!("../../data/names/people.tsv");
const EVENTS: &str = shipped!("../../data/names/events.tsv");
const GROUPS: &str = shipped!("../../data/names/groups.tsv");
const WORDS: &str = shipped!("../../data/names/words.tsv");
const FIRST_NAMES: &str = shipped!("../../data/names/first_names.tsv");
const SURNAMES: &str = shipped!("../../data/names/surnames.tsv");
const COMMON_WORDS: &str = shipped!("../../data/names/common_words.tsv");

/// Data rows: skips comments, blank lines and the column header (first row).
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    data_lines(text).skip(1).map(|(_, l)| l.split('\t').map(str::trim).collect())
}

fn alternatives<'a>(col: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    col.copied().unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}

impl Gazetteer {
    /// The shipped lists (built once).
    pub(crate) fn shipped() -> Arc<Gazetteer> {
        static SHIPPED: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        SHIPPED.get_or_init(|| Arc::new(Gazetteer::build(&[]))).clone()
    }

    /// The shipped lists plus the user's names.
    /// Analyzers made from the same names (the CLI's corpus workers, one
    /// per thread) share one compiled copy while any of them is alive: a
    /// million names take some 400 MB compiled.
    pub(crate) fn with_names(names: &[(String, Label)]) -> Arc<Gazetteer> {
        static LAST_USER: Mutex<Weak<Gazetteer>> = Mutex::new(Weak::new());
        if names.is_empty() {
            return Gazetteer::shipped();
        }
        let Ok(mut last) = LAST_USER.lock() else { return Arc::new(Gazetteer::build(names)) };
        if let Some(g) = last.upgrade().filter(|g| g.has_user_names(names)) {
            return g;
        }
        let g = Arc::new(Gazetteer::build(names));
        *last = Arc::downgrade(&g);
        g
    }

    /// Whether this was built from exactly these user names (they are its first entries).
    fn has_user_names(&self, names: &[(String, Label)]) -> bool {
        let users = self.entries.iter().take_while(|e| e.source == Source::User);
        users.clone().count() == names.len()
            && users.zip(names).all(|(e, (name, label))| *e.name == *strip_the(name) && e.label == *label)
    }

    fn build(user: &[(String, Label)]) -> Gazetteer {
        let mut g = Gazetteer {
            entries: Vec::new(),
            phrases: Vec::new(),
            words: KeyMap::default(),
            infos: Vec::new(),
            #[cfg(test)]
            texts: Default::default(),
        };
        let mut scratch = Scratch::default();
        // User names first: where a user name and a shipped one are written alike, the user's wins.
        for (name, label) in user {
            let e = g.add_entry(name, *label, Source::User, None);
            g.add_phrase(name, e, &mut scratch);
        }
        for row in rows(COUNTRIES) {
            let Some(name) = row.first().copied().filter(|n| !n.is_empty()) else { continue };
            let e = g.add_entry(name, Label::Gpe, Source::Country, None);
            g.add_phrase(name, e, &mut scratch);
            for alias in alternatives(row.get(1)) {
                g.add_phrase(alias, e, &mut scratch);
            }
            if let Some(capital) = row.get(3).copied().filter(|c| !c.is_empty() && *c != name) {
                let c = g.add_entry(capital, Label::Gpe, Source::Place, None);
                g.add_phrase(capital, c, &mut scratch);
            }
            let mut demonyms = alternatives(row.get(2)).peekable();
            if let Some(first) = demonyms.peek().copied() {
                let d = g.add_entry(first, Label::Norp, Source::Group, Some(e));
                for dem in demonyms {
                    g.add_phrase(dem, d, &mut scratch);
                }
            }
        }
        for row in rows(PLACES) {
            let Some(name) = row.first().copied().filter(|n| !n.is_empty()) else { continue };
            let label = row.get(1).and_then(|l| Label::parse(l)).unwrap_or(Label::Gpe);
            let e = g.add_entry(name, label, Source::Place, None);
            g.add_phrase(name, e, &mut scratch);
            for alias in alternatives(row.get(2)) {
                g.add_phrase(alias, e, &mut scratch);
            }
        }
        for (text, label, source) in [
            (ORGS, Label::Org, Source::Org),
            (PEOPLE, Label::Person, Source::Person),
            (EVENTS, Label::Event, Source::Event),
            (GROUPS, Label::Norp, Source::Group),
        ] {
            for row in rows(text) {
                let Some(name) = row.first().copied().filter(|n| !n.is_empty()) else { continue };
                if source == Source::Person {
                    // a listed person's family name is a listed surname ("Putin spoke", "Obama's plan")
                    // (not a regnal number or "Jr.": a family name has a lower-case letter and no dot)
                    let family = name.rsplit_once(' ').map(|(_, last)| last);
                    if let Some(last) = family.filter(|w| w.chars().any(char::is_lowercase) && !w.contains('.')) {
                        g.add_bits(last, class::SURNAME | class::PERSON_NAME, &mut scratch);
                    }
                }
                let e = g.add_entry(name, label, source, None);
                g.add_phrase(name, e, &mut scratch);
                for alias in alternatives(row.get(1)) {
                    g.add_phrase(alias, e, &mut scratch);
                }
            }
        }
        for row in rows(WORDS) {
            let (Some(word), Some(kind)) = (row.first(), row.get(1)) else { continue };
            let bit = match *kind {
                "title" => class::TITLE,
                "org_head" => class::ORG_HEAD,
                "loc_head" => class::LOC_HEAD,
                "gpe_head" => class::GPE_HEAD,
                "event_head" => class::EVENT_HEAD,
                "head_of" => class::HEAD_OF,
                "not_name" => class::NOT_NAME,
                "function" => class::FUNCTION,
                "title_of" => class::TITLE_OF,
                "common" => class::COMMON,
                "gpe_prefix" => class::GPE_PREFIX,
                "loc_prefix" => class::LOC_PREFIX,
                "event_prefix" => class::EVENT_PREFIX,
                _ => 0,
            };
            g.add_bits(word, bit, &mut scratch);
        }
        for (text, bit) in [(FIRST_NAMES, class::FIRST), (SURNAMES, class::SURNAME)] {
            for row in rows(text) {
                if let Some(word) = row.first().filter(|w| !w.is_empty()) {
                    g.add_bits(word, bit, &mut scratch);
                }
            }
        }
        // stored front-coded: a third less of the page's gzipped wasm than grouped by suffixes
        let mut word = String::new();
        for (_, line) in data_lines(COMMON_WORDS).skip(1) {
            front_coded(line, &mut word, |w| g.add_bits(w, class::COMMON, &mut scratch));
        }
        // Longest phrase first, so the first match found is the longest.
        let phrases = &g.phrases;
        for info in &mut g.infos {
            info.phrases.sort_by_key(|&p| std::cmp::Reverse(phrases.get(p as usize).map_or(0, |p| p.toks.len())));
            // a phrase written like an earlier one can never be the first match
            let same = |a: u32, b: u32| match (phrases.get(a as usize), phrases.get(b as usize)) {
                (Some(x), Some(y)) => x.toks.iter().map(|t| &t.text).eq(y.toks.iter().map(|t| &t.text)),
                _ => false,
            };
            let mut kept: Vec<u32> = Vec::with_capacity(info.phrases.len());
            for &p in &info.phrases {
                if !kept.iter().any(|&k| same(k, p)) {
                    kept.push(p);
                }
            }
            info.phrases = kept;
        }
        // what a lookup needs beside the index, so it reads one table
        for listed in g.words.values_mut() {
            if let Some(info) = g.infos.get(listed.id as usize) {
                listed.bits = info.bits;
                listed.starts_phrase = !info.phrases.is_empty();
            }
        }
        g
    }

    fn add_entry(&mut self, name: &str, label: Label, source: Source, country: Option<u32>) -> u32 {
        let name = strip_the(name);
        self.entries.push(Entry { name: name.into(), label, source, country });
        (self.entries.len() - 1) as u32
    }

    fn add_phrase(&mut self, text: &str, entry: u32, scratch: &mut Scratch) {
        let text = strip_the(text);
        tokenize_with(text, &mut scratch.toks, LTok::unlooked);
        logical_tokens(text, &scratch.toks, &mut scratch.ltoks);
        if scratch.ltoks.is_empty() {
            return;
        }
        let toks: Box<[Pattern]> =
            scratch.ltoks.iter().filter_map(|t| text.get(t.start..t.end)).map(Pattern::new).collect();
        let Some(first) = toks.first() else { return };
        scratch.buf.clear();
        lower_into(&first.text, &mut scratch.buf);
        let id = self.phrases.len() as u32;
        self.phrases.push(Phrase { toks, entry });
        self.info_mut(&scratch.buf).phrases.push(id);
    }

    fn add_bits(&mut self, word: &str, bit: u16, scratch: &mut Scratch) {
        scratch.buf.clear();
        lower_into(word, &mut scratch.buf);
        self.info_mut(&scratch.buf).bits |= bit;
    }

    fn info_mut(&mut self, lower: &str) -> &mut WordInfo {
        let next = self.infos.len() as u32;
        let key = word_key(lower);
        #[cfg(test)]
        assert_eq!(self.texts.entry(key).or_insert_with(|| lower.to_string()), lower, "two list words share a key");
        let id = self.words.entry(key).or_insert(Listed { id: next, ..Listed::default() }).id;
        if id == next {
            self.infos.push(WordInfo::default());
        }
        // the index was just looked up or pushed
        let last = self.infos.len() - 1;
        let idx = (id as usize).min(last);
        &mut self.infos[idx]
    }

    /// The index of a lower-cased word's [`WordInfo`].
    #[inline]
    pub(crate) fn word_id(&self, lower: &str) -> Option<u32> {
        self.word_by_key(word_key(lower)).map(|w| w.id)
    }

    /// What the lists say of a word, by its [`word_key`].
    #[inline]
    pub(crate) fn word_by_key(&self, key: u64) -> Option<Listed> {
        self.words.get(&key).copied()
    }

    #[inline]
    pub(crate) fn info(&self, id: u32) -> Option<&WordInfo> {
        self.infos.get(id as usize)
    }

    /// What the lists know about a lower-cased word.
    #[allow(dead_code)]
    #[inline]
    pub(crate) fn word(&self, lower: &str) -> Option<&WordInfo> {
        self.info(self.word_id(lower)?)
    }

    /// The word classes of a lower-cased word (0 when unknown).
    #[allow(dead_code)]
    #[inline]
    pub(crate) fn bits(&self, lower: &str) -> u16 {
        self.word_by_key(word_key(lower)).map_or(0, |w| w.bits)
    }

    pub(crate) fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }

    pub(crate) fn phrase(&self, id: u32) -> Option<&Phrase> {
        self.phrases.get(id as usize)
    }
}

/// Leading "the " is not part of a name (the scorer and the gold drop it too).
fn strip_the(s: &str) -> &str {
    let s = s.trim();
    for p in ["The ", "the "] {
        if let Some(rest) = s.strip_prefix(p) {
            if !rest.trim().is_empty() {
                return rest.trim();
            }
        }
    }
    s
}

#[derive(Default)]
struct Scratch {
    toks: Vec<LTok>,
    ltoks: Vec<LTok>,
    buf: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzers_with_the_same_names_share_one_compiled_copy() {
        let names = vec![("Qxz Vandermoot".to_string(), Label::Org), ("The Zed Qaason".to_string(), Label::Person)];
        let first = Gazetteer::with_names(&names);
        assert!(Arc::ptr_eq(&first, &Gazetteer::with_names(&names.clone())));
        let mut other = names.clone();
        other[1].1 = Label::Org;
        assert!(!Arc::ptr_eq(&first, &Gazetteer::with_names(&other)));
        assert!(!Arc::ptr_eq(&first, &Gazetteer::with_names(&names[..1])));
    }

    #[test]
    fn lists_compile_with_expected_entries() {
        let g = Gazetteer::shipped();
        let china = g.word("china").expect("china");
        assert!(!china.phrases.is_empty());
        let chinese = g.word("chinese").expect("chinese");
        let p = chinese.phrases.iter().filter_map(|&p| g.phrase(p)).find(|p| p.toks.len() == 1).expect("phrase");
        let e = g.entry(p.entry).expect("entry");
        assert_eq!(e.label, Label::Norp);
        let c = e.country.and_then(|c| g.entry(c)).expect("country");
        assert_eq!(&*c.name, "China");
        assert!(g.bits("president") & class::TITLE != 0);
        assert!(g.bits("agency") & class::ORG_HEAD != 0);
        assert!(g.bits("vladimir") & class::FIRST != 0);
        // "St. Louis" is two tokens, the abbreviation keeping its dot.
        let st = g.word("st.").expect("st.");
        assert!(st.phrases.iter().any(|&p| g.phrase(p).is_some_and(|p| p.toks.len() == 2)));
    }
}
