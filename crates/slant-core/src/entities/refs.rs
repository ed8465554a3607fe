//! References: the pronouns ("he", "its") and definite descriptions ("the
//! congressman", "the company") that point back at a named entity.
//!
//! Resolution reads only the text before the reference, as a careful reader
//! would, so a reference is final when its sentence is: it needs
//! - agreement: a person's gender from a courtesy title (Mr., Mrs.), a given
//!   name whose bearers are nearly all of one sex (`given_name_sex.tsv`), or
//!   an earlier pronoun resolved to them; an unknown gender fits both;
//! - salience: an entity named in this sentence or the two before it, more so
//!   when it opened its sentence (a proxy for its subject) and when it is the
//!   article's most-mentioned person;
//! - roles: "the congressman" needs a person introduced as "Rep." or
//!   "congressman" (`roles.tsv`), "the company" an organisation, "the country"
//!   a country, named within the last few sentences.
//!
//! One exception looks ahead: a "his" or "she" in a phrase that opens the
//! sentence points to the person named as the main clause's subject ("After
//! his arrest, Abdeslam told ..."; GUM coref dev pronoun F1 0.694 -> 0.695,
//! NewsMTSC dev rw 0.628 -> 0.631).
//!
//! It abstains whenever two candidates are about as salient: a wrong link
//! costs a reader more than a missing one. "it" alone is never resolved (it
//! is mostly an expletive or an unnamed thing), nor are "they", "them" and
//! "their" (mostly unnamed people: on the development set fewer than one in
//! ten pointed at a named group); "its" is resolved only to an organisation
//! or place named in the same or the previous sentence with no rival.

use crate::lexical::hash::FxMap;
use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{is_cap, ref_hint, LTok, RefWord, NO_WORD};
use crate::model::{Label, MentionKind};
use crate::resources::references::{Gender, ReferenceLists as Lists, Role, RoleTarget};

/// How many sentences back a pronoun's antecedent may be named.
const PRONOUN_WINDOW: usize = 2;
/// How many sentences back "the company" or "the country" may look.
const NOMINAL_WINDOW: usize = 3;
/// How often the main person must be named (or referred to) to be "he" or
/// "she" with no one named in the window; their gender must be known.
const MAIN_PERSON_MENTIONS: u32 = 2;
/// How often a city or country must be named to be "the city" beyond the window.
const MAIN_PLACE_MENTIONS: u32 = 2;
/// A candidate must lead the next one by this much salience to be chosen.
const MARGIN: f32 = 1.0;

/// What resolution knows of one entity.
#[derive(Debug, Clone, Default)]
struct RefState {
    label: Option<Label>,
    country: bool,
    gender: Gender,
    /// Bits of the person roles it was introduced with.
    roles: u64,
    /// The sentence it was last named or referred to in, plus one (0: never).
    last_sentence: usize,
    /// It opened that sentence.
    subject: bool,
    /// It is in `References::candidates`.
    listed: bool,
    /// The hash of the lower-cased last word of its name when that has two
    /// words or more ("island" of "Busuanga Island"); 0 otherwise.
    head: u64,
    mentions: u32,
}

/// A named mention of the current sentence, as resolution needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Named {
    /// First logical token and one past the last.
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) entity: usize,
    pub(crate) label: Label,
    /// A country of the gazetteer.
    pub(crate) country: bool,
    /// One word that is a listed person's family name ("Clinton"): its sex is not read from the given-name list.
    pub(crate) lone_surname: bool,
}

/// A resolved reference: logical tokens `first..end` refer to `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reference {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) entity: usize,
    pub(crate) kind: MentionKind,
}

/// The per-document state of resolution.
#[derive(Debug, Default)]
pub(crate) struct References {
    states: Vec<RefState>,
    /// The most-mentioned person, city and country so far, with their counts.
    main_person: Option<(usize, u32)>,
    main_city: Option<(usize, u32)>,
    main_country: Option<(usize, u32)>,
    /// The entities that can be referred to: those named or referred to in
    /// the last [`NOMINAL_WINDOW`] sentences, and up to [`ROLE_HOLDERS`]
    /// people with a role, however long ago. Candidates come only from here,
    /// so resolution costs the same in an article and in a list of 100,000 names.
    candidates: Vec<usize>,
    /// Scratch for two-word keys ("vice president"), reused: one is built at
    /// every "the" and every name.
    key: String,
}

/// People with a role kept as candidates for "the congressman" beyond the window.
const ROLE_HOLDERS: usize = 16;

/// The pronoun group of a lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    He,
    She,
    /// "its", "itself"
    Its,
}

/// The pronoun a word of class `class` is.
fn pronoun_of(class: RefWord) -> Option<Pronoun> {
    Some(match class {
        RefWord::He => Pronoun::He,
        RefWord::She => Pronoun::She,
        RefWord::Its => Pronoun::Its,
        _ => return None,
    })
}

impl References {
    /// Starts the next document.
    pub(crate) fn clear(&mut self) {
        self.states.clear();
        self.main_person = None;
        self.main_city = None;
        self.main_country = None;
        self.candidates.clear();
    }

    fn state(&mut self, id: usize) -> &mut RefState {
        if self.states.len() <= id {
            self.states.resize_with(id + 1, RefState::default);
        }
        let st = &mut self.states[id];
        if !st.listed {
            st.listed = true;
            self.candidates.push(id);
        }
        st
    }

    /// Drops the candidates out of reach from sentence `here` (1-based).
    fn prune(&mut self, here: usize) {
        let states = &mut self.states;
        let recent = |s: &RefState| here - s.last_sentence.min(here) <= NOMINAL_WINDOW;
        let holds = |s: &RefState| s.roles != 0 || (s.head != 0 && s.label != Some(Label::Person));
        let old_holders =
            self.candidates.iter().filter(|&&id| states.get(id).is_some_and(|s| !recent(s) && holds(s))).count();
        // the oldest role holders past the limit go first (the list is in order of first listing)
        let mut drop_holders = old_holders.saturating_sub(ROLE_HOLDERS);
        self.candidates.retain(|&id| {
            let Some(s) = states.get_mut(id) else { return false };
            let keep = recent(s)
                || (holds(s) && {
                    let dropped = drop_holders > 0;
                    drop_holders = drop_holders.saturating_sub(1);
                    !dropped
                });
            s.listed = keep;
            keep
        });
    }

    /// Finds the references of sentence number `index`, whose logical tokens
    /// are `lts` with lower-cased forms `lower(i)` and whose named mentions
    /// are `named` (in text order); appends them to `out`.
    // out of line: inlined into `EntityTracker::process` it made the page's wasm 0.3 KB larger gzipped
    #[inline(never)]
    pub(crate) fn sentence<'a>(
        &mut self,
        index: usize,
        text: &str,
        lts: &[LTok],
        lower: impl Fn(usize) -> &'a str,
        named: &[Named],
        out: &mut Vec<Reference>,
    ) {
        let lists = Lists::shipped();
        let here = index + 1;
        self.prune(here);
        let fronted = fronted_subject(text, lts, &lower, named);
        let mut next_named = named.iter().peekable();
        let mut first_in_sentence = true;
        let mut in_quote = false;
        let mut i = 0;
        while i < lts.len() {
            if let Some(n) = next_named.next_if(|n| n.first <= i) {
                self.note_named(n, here, first_in_sentence && !in_quote, lts, &lower, lists);
                first_in_sentence = false;
                // an appositive description: "Michael Steele, the chairman, said"
                if let Some((end, role)) = self.description_at(n.end, text, lts, &lower, lists, true) {
                    if self.fits_role(n.entity, role) {
                        out.push(Reference { first: n.end + 1, end, entity: n.entity, kind: MentionKind::Nominal });
                    }
                    if role.target == RoleTarget::Person {
                        self.state(n.entity).roles |= role.bit;
                    }
                    i = end;
                    continue;
                }
                i = n.end.max(i + 1);
                continue;
            }
            let Some(t) = lts.get(i) else { break };
            if t.kind == TokenKind::Punct {
                // a punctuation token is one character: read in place
                match text.get(t.start..t.end) {
                    Some("\"" | "“") => in_quote = !in_quote,
                    Some("”") => in_quote = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            // what the word is to these rules, from the word table (as `lower(i)` reads)
            let class = t.facts.refs.class();
            if let Some(p) = pronoun_of(class) {
                let cataphoric = fronted.filter(|f| i < f.comma).and_then(|f| self.cataphora(p, f, lts, &lower, lists));
                if let Some(id) = cataphoric.or_else(|| self.resolve_pronoun(p, here)) {
                    out.push(Reference { first: i, end: i + 1, entity: id, kind: MentionKind::Pronoun });
                    let opens = first_in_sentence && !in_quote;
                    let st = self.state(id);
                    st.last_sentence = here;
                    st.subject |= opens;
                    if st.gender == Gender::Unknown {
                        st.gender = match p {
                            Pronoun::He => Gender::Male,
                            Pronoun::She => Gender::Female,
                            _ => Gender::Unknown,
                        };
                    }
                }
                first_in_sentence = false;
                i += 1;
                continue;
            }
            if class == RefWord::The {
                if let Some((end, role)) = self.description_at(i, text, lts, &lower, lists, false) {
                    let noun = word_hash(lower(end - 1));
                    if let Some(id) = self.resolve_nominal(role, noun, here) {
                        out.push(Reference { first: i, end, entity: id, kind: MentionKind::Nominal });
                        let opens = first_in_sentence && !in_quote;
                        let st = self.state(id);
                        st.last_sentence = here;
                        st.subject |= opens;
                    }
                    first_in_sentence = false;
                    i = end;
                    continue;
                }
            }
            if t.kind == TokenKind::Word && !matches!(class, RefWord::The | RefWord::Opener) {
                first_in_sentence = false;
            }
            i += 1;
        }
    }

    /// Records a named mention: its salience, and what its title tells.
    fn note_named<'a>(
        &mut self,
        n: &Named,
        here: usize,
        opens: bool,
        lts: &[LTok],
        lower: &impl Fn(usize) -> &'a str,
        lists: &Lists,
    ) {
        // the word before the name: a title ("Rep.", "Mrs.", "chairman")
        let title = n.first.checked_sub(1).map(lower).unwrap_or("");
        let title_gender = match title.trim_end_matches('.') {
            "mr" => Gender::Male,
            "mrs" | "ms" | "miss" => Gender::Female,
            _ => Gender::Unknown,
        };
        // the given name, also when it stands alone ("Betty said"): a lone word that is also a
        // family name still names a person of that sex more often than not (GUM coref dev:
        // pronoun F1 0.646 -> 0.662, she 0.669 -> 0.730, he 0.721 -> 0.724 with it)
        let name_gender = if n.label == Label::Person && !n.lone_surname {
            sex_at(lts, n.first, lower, lists)
        } else {
            Gender::Unknown
        };
        // most words before a name are no title: the word table says which may be
        let may_be_title = n.first.checked_sub(1).is_some_and(|k| may_be(lts, k, ref_hint::TITLE_PART));
        let role_bits = if may_be_title {
            lists.titles.get(title).copied().unwrap_or(0)
                | n.first.checked_sub(2).map_or(0, |k| {
                    // two-word titles: "vice president", "prime minister"
                    pair(&mut self.key, &lists.titles, lower(k), title).copied().unwrap_or(0)
                })
        } else {
            0
        };
        let st = self.state(n.entity);
        st.label = Some(n.label);
        st.country |= n.country;
        if st.gender == Gender::Unknown {
            st.gender = if title_gender != Gender::Unknown { title_gender } else { name_gender };
        }
        st.roles |= role_bits;
        if st.last_sentence != here {
            st.subject = opens;
        } else {
            st.subject |= opens;
        }
        st.last_sentence = here;
        st.mentions += 1;
        if n.end > n.first + 1 {
            st.head = word_hash(lower(n.end - 1));
        }
        let count = st.mentions;
        let main = match n.label {
            Label::Person => Some(&mut self.main_person),
            Label::Gpe if n.country => Some(&mut self.main_country),
            Label::Gpe => Some(&mut self.main_city),
            _ => None,
        };
        if let Some(main) = main {
            if main.is_none_or(|(_, c)| count > c) {
                *main = Some((n.entity, count));
            }
        }
    }

    /// A definite description at token `at`: "the" (or, after a name, ", the"),
    /// up to two modifiers and a role noun of one or two words, all written in lower case, not
    /// followed by "of" or a capitalised word (then it names someone else:
    /// "the president of France", "the president Joe Biden"). Returns the end
    /// token and the role.
    fn description_at<'a, 'l>(
        &mut self,
        at: usize,
        text: &str,
        lts: &[LTok],
        lower: &impl Fn(usize) -> &'a str,
        lists: &'l Lists,
        appositive: bool,
    ) -> Option<(usize, &'l Role)> {
        let mut i = at;
        if appositive {
            if lower(i) != "," {
                return None;
            }
            i += 1;
        }
        if lower(i) != "the" {
            return None;
        }
        // "Coron is the largest town": a predicate describes, it does not refer back
        let before = i.checked_sub(1).map(lower).unwrap_or("");
        if !appositive && is_copula(before) {
            return None;
        }
        i += 1;
        for _ in 0..3 {
            let t = lts.get(i)?;
            if t.kind != TokenKind::Word {
                return None;
            }
            let w = lower(i);
            let two = lts.get(i + 1).filter(|t| t.kind == TokenKind::Word).map(|_| lower(i + 1));
            // most words are no role noun: the word table says which may be
            let two = two.filter(|_| may_be(lts, i, ref_hint::STARTS_ROLE_PAIR));
            let (role, end) = match two.and_then(|b| pair(&mut self.key, &lists.roles, w, b)) {
                Some(r) => (Some(r), i + 2),
                None if may_be(lts, i, ref_hint::ROLE) => (lists.roles.get(w), i + 1),
                None => (None, i + 1),
            };
            // "the Union", "the Court", "the Secretary": capitalised, the noun is used as a
            // name (of an institution or office), not as a description of one named before
            if role.is_some() && text.get(t.start..t.end).is_some_and(is_cap) {
                return None;
            }
            if let Some(role) = role {
                let after = lower(end);
                let next_cap = lts
                    .get(end)
                    .is_some_and(|t| t.kind == TokenKind::Word && text.get(t.start..t.end).is_some_and(is_cap));
                // "the president of France", "the town which", "the president Joe Biden": another referent
                if matches!(after, "of" | "which" | "who" | "that" | "where" | "whose") || next_cap {
                    return None;
                }
                return Some((end, role));
            }
            // a modifier: lower-case words only ("seven-term", "former", "embattled"); a
            // superlative or ordinal singles out one of many ("the largest city", "the first company")
            let singles_out = w.ends_with("est") || matches!(w, "first" | "last" | "only" | "most" | "next" | "other");
            // (as written: "the Soviet Union", "the Republican Party" are names)
            let written_lower = text.get(t.start..t.end).and_then(|s| s.chars().next()).is_some_and(char::is_lowercase);
            if !written_lower || matches!(w, "and" | "or" | "of") || singles_out {
                return None;
            }
            i += 1;
        }
        None
    }

    /// The entity can be what `role` describes.
    fn fits_role(&self, id: usize, role: &Role) -> bool {
        let Some(st) = self.states.get(id) else { return false };
        match role.target {
            RoleTarget::Person => st.label == Some(Label::Person),
            RoleTarget::Org => st.label == Some(Label::Org),
            RoleTarget::Country => st.label == Some(Label::Gpe) && st.country,
            RoleTarget::City => st.label == Some(Label::Gpe) && !st.country,
            RoleTarget::Named => st.label.is_some_and(|l| l != Label::Person),
        }
    }

    fn resolve_nominal(&self, role: &Role, noun: u64, here: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        let mut rivals = 0;
        // "the island" after "Busuanga Island", "the college" after "Boston College": the name says it
        let named = |st: &RefState| st.head != 0 && st.head == noun;
        let any_named = self
            .candidates
            .iter()
            .any(|&id| self.states.get(id).is_some_and(|st| named(st) && self.fits_role(id, role)));
        for (id, st) in self.candidates.iter().filter_map(|&id| Some((id, self.states.get(id)?))) {
            if st.last_sentence == 0 || !self.fits_role(id, role) {
                continue;
            }
            let fits = match role.target {
                // a person only with the role they were introduced with, however long ago
                RoleTarget::Person => st.roles & role.bit != 0,
                _ if any_named => named(st),
                RoleTarget::Named => false,
                _ => here - st.last_sentence <= NOMINAL_WINDOW,
            };
            if !fits {
                continue;
            }
            match best {
                Some((_, last)) if st.last_sentence < last => {}
                Some((_, last)) if st.last_sentence == last => rivals += 1,
                _ => {
                    best = Some((id, st.last_sentence));
                    rivals = 0;
                }
            }
        }
        // "the city" of a travel guide, "the country" of a profile: the place the
        // article is about, unless a place named nearby is about as prominent
        let main = match role.target {
            RoleTarget::City => self.main_city,
            RoleTarget::Country => self.main_country,
            _ => None,
        };
        if let Some((main_id, count)) = main.filter(|&(_, count)| count >= MAIN_PLACE_MENTIONS) {
            let nearby = best.and_then(|(id, _)| self.states.get(id)).map_or(0, |st| st.mentions);
            if best.is_none() || count >= 2 * nearby {
                return Some(main_id);
            }
        }
        // two as recent: no telling which is meant
        best.filter(|_| rivals == 0).map(|(id, _)| id)
    }

    /// The subject of the main clause for a "he" or "she" in the fronted
    /// phrase before it, when their gender does not clash.
    fn cataphora<'a>(
        &self,
        p: Pronoun,
        fronted: Fronted,
        lts: &[LTok],
        lower: &impl Fn(usize) -> &'a str,
        lists: &Lists,
    ) -> Option<usize> {
        let known = self.states.get(fronted.entity).map_or(Gender::Unknown, |s| s.gender);
        let gender = if known != Gender::Unknown || fronted.lone_surname {
            known
        } else {
            sex_at(lts, fronted.first, lower, lists)
        };
        let fits = match p {
            Pronoun::He => gender != Gender::Female,
            Pronoun::She => gender != Gender::Male,
            Pronoun::Its => false,
        };
        fits.then_some(fronted.entity)
    }

    fn resolve_pronoun(&self, p: Pronoun, here: usize) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        let mut second = f32::NEG_INFINITY;
        for (id, st) in self.candidates.iter().filter_map(|&id| Some((id, self.states.get(id)?))) {
            if st.last_sentence == 0 || here - st.last_sentence > PRONOUN_WINDOW {
                continue;
            }
            let fits = match p {
                Pronoun::He => st.label == Some(Label::Person) && st.gender != Gender::Female,
                Pronoun::She => st.label == Some(Label::Person) && st.gender != Gender::Male,
                Pronoun::Its => matches!(st.label, Some(Label::Org | Label::Gpe)),
            };
            if !fits {
                continue;
            }
            if p == Pronoun::Its && here - st.last_sentence > 1 {
                continue;
            }
            let mut score = match here - st.last_sentence {
                0 => 3.0,
                1 => 2.0,
                _ => 1.0,
            };
            if st.subject {
                score += 1.0;
            }
            // a known gender and being the article's main person (named often enough) each
            // weigh as much as one sentence of recency (GUM coref dev, pronoun F1: 0.5 each
            // 0.662, 1 each 0.696, 1 and 1.5 0.694, 1.5 and 1 0.694, 1.5 each 0.694; 1 each with
            // the main person named twice, so two people named once stay rivals: 0.694)
            if st.gender != Gender::Unknown {
                score += 1.0;
            }
            if self.main_person.is_some_and(|(m, count)| m == id && count >= MAIN_PERSON_MENTIONS) {
                score += 1.0;
            }
            match best {
                Some((_, b)) if score <= b => second = second.max(score),
                _ => {
                    if let Some((_, b)) = best {
                        second = second.max(b);
                    }
                    best = Some((id, score));
                }
            }
        }
        if best.is_none() && matches!(p, Pronoun::He | Pronoun::She) {
            // no one named nearby: the article's main person, if the pronoun fits them
            let (id, count) = self.main_person?;
            let st = self.states.get(id)?;
            let fits = match p {
                Pronoun::He => st.gender == Gender::Male,
                _ => st.gender == Gender::Female,
            };
            return (fits && count >= MAIN_PERSON_MENTIONS).then_some(id);
        }
        best.filter(|&(_, b)| b - second >= MARGIN).map(|(id, _)| id)
    }
}

/// Where a sentence opens with a fronted phrase ("After his arrest,", "In
/// her first year,", "Although he denied it,") and its main clause with a
/// person's name: the pronouns of that phrase point forward to that person
/// ("After his arrest, Abdeslam told ..."), whoever was named before.
/// Returns the person's named mention, with `comma` set to the comma's token.
/// The phrase must start with a preposition or subordinator (so "His
/// attorney, David Greenberg," stays an appositive) and hold no name of its
/// own; only capitalised words (titles) may stand between the comma and the name.
fn fronted_subject<'a>(
    text: &str,
    lts: &[LTok],
    lower: &impl Fn(usize) -> &'a str,
    named: &[Named],
) -> Option<Fronted> {
    let mut first = 0;
    if matches!(lower(0), "but" | "yet" | "and" | "so" | "still") {
        first = 1;
    }
    lts.get(first)?;
    let opener = lower(first);
    let subordinator = opens_fronted_clause(opener);
    // "As to his opponent," is about someone else
    let as_to = first + 1 < lts.len() && lower(first + 1) == "to";
    if (!subordinator && !opens_fronted_phrase(opener)) || as_to {
        return None;
    }
    // the phrase ends at its comma; a quotation, colon or semicolon first means some other shape
    let comma = (first + 1..lts.len().min(first + 24))
        .map(|k| (k, lower(k)))
        .find(|(_, w)| matches!(*w, "," | ";" | ":" | "\"" | "“" | "”"))
        .and_then(|(k, w)| (w == ",").then_some(k))?;
    // a phrase with a subject pronoun is a clause ("At age 80 he continues ..."): only after a subordinator
    if !subordinator && (first + 1..comma).any(|k| matches!(lower(k), "he" | "she")) {
        return None;
    }
    let subject = named.iter().find(|n| n.first > first)?;
    if subject.first <= comma || subject.label != Label::Person {
        return None;
    }
    let titles_between =
        (comma + 1..subject.first).all(|k| lts.get(k).and_then(|t| text.get(t.start..t.end)).is_some_and(is_cap));
    titles_between.then_some(Fronted {
        comma,
        entity: subject.entity,
        first: subject.first,
        lone_surname: subject.lone_surname,
    })
}

/// The main clause's subject found by [`fronted_subject`].
#[derive(Debug, Clone, Copy)]
struct Fronted {
    /// The token of the comma closing the fronted phrase.
    comma: usize,
    entity: usize,
    /// The first token of its name.
    first: usize,
    /// See [`Named::lone_surname`].
    lone_surname: bool,
}

/// A subordinator that opens a fronted clause ("Although he denied it,").
fn opens_fronted_clause(w: &str) -> bool {
    matches!(w, "after" | "before" | "although" | "though" | "while" | "when" | "since" | "because" | "once" | "until")
}

/// A preposition that opens a fronted phrase ("In her first year,"), or a
/// participle of reporting ("Asked about his plans,").
fn opens_fronted_phrase(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "despite"
            | "during"
            | "in"
            | "on"
            | "at"
            | "as"
            | "for"
            | "to"
            | "with"
            | "without"
            | "unlike"
            | "like"
            | "throughout"
            | "upon"
            | "asked"
            | "speaking"
            | "by"
            | "from"
            | "following"
    )
}

/// A form of "be" or "become" before a predicate.
fn is_copula(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "became"
            | "becomes"
            | "become"
            | "remains"
            | "remained"
    )
}

/// Whether the reference lists may know token `i` as `hint` says: a word of
/// the word table answers from its hints; any other token (a merged "Mr.",
/// punctuation) must be looked up.
fn may_be(lts: &[LTok], i: usize, hint: u8) -> bool {
    lts.get(i).is_none_or(|t| t.word == NO_WORD || t.facts.refs.has(hint))
}

/// The sex of the given name at token `i` (read as `lower(i)`): from the
/// word table's hints for a word it holds, else looked up.
fn sex_at<'a>(lts: &[LTok], i: usize, lower: &impl Fn(usize) -> &'a str, lists: &Lists) -> Gender {
    match lts.get(i) {
        Some(t) if t.word != NO_WORD => Gender::of_hints(|bit| t.facts.refs.has(bit)),
        _ => lists.sex.get(lower(i)).copied().unwrap_or_default(),
    }
}

/// The entry of the two words `a b`, the key written into `key`.
fn pair<'l, V>(key: &mut String, map: &'l FxMap<Box<str>, V>, a: &str, b: &str) -> Option<&'l V> {
    key.clear();
    key.push_str(a);
    key.push(' ');
    key.push_str(b);
    map.get(key.as_str())
}

/// A hash of a lower-cased word, never 0, for comparing a name's last word with a role noun.
fn word_hash(w: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    h.write(w.trim_end_matches('s').as_bytes());
    h.finish() | 1
}
