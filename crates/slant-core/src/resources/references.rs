//! The lists the reference rules read (`entities::refs`): the sex of given
//! names (`data/names/given_name_sex.tsv`) and the role nouns with the titles
//! that introduce them (`data/names/roles.tsv`), parsed once. The word table
//! reads what they say of each new word once ([`ReferenceLists::hints`]), so
//! the rules look a word up only where the lists may know it.

use std::sync::OnceLock;

use crate::lexical::hash::{word_key, FxMap, KeyMap};
use crate::lexical::shipped::{data_lines, shipped};
use crate::lexical::words::{front_coded, ref_hint};

const GIVEN_NAME_SEX: &str = shipped!("../../data/names/given_name_sex.tsv");
const ROLES: &str = shipped!("../../data/names/roles.tsv");

/// A person's gender as the rules can tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// The gender of a given name with these [`ref_hint`] bits.
    pub(crate) fn of_hints(has: impl Fn(u8) -> bool) -> Gender {
        if has(ref_hint::MALE) {
            Gender::Male
        } else if has(ref_hint::FEMALE) {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// What a role noun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleTarget {
    /// A person introduced with one of the role's titles.
    Person,
    Org,
    Country,
    City,
    /// A place or institution whose name ends in the noun ("Busuanga Island" for "the island").
    Named,
}

#[derive(Debug)]
pub(crate) struct Role {
    pub(crate) target: RoleTarget,
    /// Index into `roles`, a bit in the person's roles (for the first 64 person roles).
    pub(crate) bit: u64,
}

/// The shipped lists, parsed once.
#[derive(Debug)]
pub(crate) struct ReferenceLists {
    /// Lower-cased given name → the sex of most of its bearers.
    pub(crate) sex: FxMap<Box<str>, Gender>,
    /// Lower-cased role noun (one or two words joined by a space) → role.
    pub(crate) roles: FxMap<Box<str>, Role>,
    /// Lower-cased title or role word (one or two words) → the bits of the roles it introduces.
    pub(crate) titles: FxMap<Box<str>, u64>,
    /// A word's key ([`word_key`]) → its [`ref_hint`] bits, for the words the lists name.
    hints: KeyMap<u8>,
}

impl ReferenceLists {
    /// The shipped lists, parsed on first use.
    pub(crate) fn shipped() -> &'static ReferenceLists {
        static LISTS: OnceLock<ReferenceLists> = OnceLock::new();
        LISTS.get_or_init(ReferenceLists::parse)
    }

    fn parse() -> ReferenceLists {
        let mut sex = FxMap::default();
        let mut name = String::new();
        for (_, line) in data_lines(GIVEN_NAME_SEX) {
            // a sex, then names front-coded: 1 KB less of the page's gzipped wasm than a name a line
            let Some((s, names)) = line.split_once('\t') else { continue };
            let g = match s.trim() {
                "M" => Gender::Male,
                "F" => Gender::Female,
                _ => continue,
            };
            front_coded(names, &mut name, |n| {
                sex.insert(n.to_ascii_lowercase().into_boxed_str(), g);
            });
        }
        let mut roles = FxMap::default();
        let mut titles: FxMap<Box<str>, u64> = FxMap::default();
        let mut next_bit = 0u32;
        for (_, line) in data_lines(ROLES).skip(1) {
            let mut cols = line.split('\t');
            let noun = cols.next().unwrap_or("").trim().to_lowercase();
            let target = match cols.next().map(str::trim) {
                Some("PERSON") => RoleTarget::Person,
                Some("ORG") => RoleTarget::Org,
                Some("COUNTRY") => RoleTarget::Country,
                Some("CITY") => RoleTarget::City,
                Some("NAMED") => RoleTarget::Named,
                _ => continue,
            };
            let mut bit = 0;
            if target == RoleTarget::Person && next_bit < 64 {
                bit = 1u64 << next_bit;
                next_bit += 1;
                for t in cols.next().unwrap_or("").split('|').map(str::trim).filter(|t| !t.is_empty()) {
                    *titles.entry(t.to_lowercase().into_boxed_str()).or_default() |= bit;
                }
            }
            roles.insert(noun.into_boxed_str(), Role { target, bit });
        }
        let mut lists = ReferenceLists { sex, roles, titles, hints: KeyMap::default() };
        lists.hints = lists.gather_hints();
        lists
    }

    /// Each listed word's [`ref_hint`] bits. A two-word entry is looked up
    /// as two tokens joined by one space, so only an entry with exactly one
    /// space can be found that way; the hints say where.
    fn gather_hints(&self) -> KeyMap<u8> {
        let mut texts: FxMap<&str, u8> = FxMap::default();
        fn mark<'l>(texts: &mut FxMap<&'l str, u8>, w: &'l str, bit: u8) {
            *texts.entry(w).or_default() |= bit;
        }
        for (name, &g) in &self.sex {
            match g {
                Gender::Male => mark(&mut texts, name, ref_hint::MALE),
                Gender::Female => mark(&mut texts, name, ref_hint::FEMALE),
                Gender::Unknown => {}
            }
        }
        for noun in self.roles.keys() {
            match noun.split_once(' ') {
                None => mark(&mut texts, noun, ref_hint::ROLE),
                Some((first, rest)) if !rest.contains(' ') => mark(&mut texts, first, ref_hint::STARTS_ROLE_PAIR),
                Some(_) => {}
            }
        }
        for title in self.titles.keys() {
            match title.split_once(' ') {
                None => mark(&mut texts, title, ref_hint::TITLE_PART),
                Some((_, last)) if !last.contains(' ') => mark(&mut texts, last, ref_hint::TITLE_PART),
                Some(_) => {}
            }
        }
        let mut hints = KeyMap::default();
        for (w, bits) in texts {
            #[cfg(test)]
            assert!(hints.insert(word_key(w), bits).is_none(), "two reference list words share a key");
            #[cfg(not(test))]
            hints.insert(word_key(w), bits);
        }
        hints
    }

    /// The [`ref_hint`] bits of the word whose [`word_key`] is `key` (the
    /// word as the reference rules read it).
    #[inline]
    pub(crate) fn hints(&self, key: u64) -> u8 {
        self.hints.get(&key).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without a hint bit the lookup it stands for finds nothing; with it, it may.
    #[test]
    fn hints_agree_with_the_lists() {
        let lists = ReferenceLists::shipped();
        let has = |w: &str, bit: u8| lists.hints(word_key(w)) & bit != 0;
        for (name, &g) in &lists.sex {
            assert_eq!(Gender::of_hints(|b| has(name, b)), g, "{name}");
        }
        for noun in lists.roles.keys() {
            match noun.split_once(' ') {
                None => assert!(has(noun, ref_hint::ROLE), "{noun}"),
                Some((first, _)) => assert!(has(first, ref_hint::STARTS_ROLE_PAIR), "{noun}"),
            }
        }
        for title in lists.titles.keys() {
            let last = title.rsplit(' ').next().unwrap_or("");
            assert!(has(last, ref_hint::TITLE_PART), "{title}");
        }
        assert!(has("congressman", ref_hint::ROLE) && has("company", ref_hint::ROLE));
        assert!(!has("house", ref_hint::ROLE | ref_hint::TITLE_PART | ref_hint::MALE | ref_hint::FEMALE));
        assert_eq!(lists.hints(word_key("zzyzx")), 0);
    }
}
