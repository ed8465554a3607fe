//! The word table: every distinct word of the document is lower-cased and
//! looked up in each stage's lists once, then known by an integer id, so the
//! stages read arrays instead of lower-casing and hashing every token again.
//! [`Vocab::tokenize`] makes a sentence's tokens and looks their words up in
//! one pass: the one token table every stage reads.
//!
//! Entries depend on the word alone (never on the document), so the table is
//! only a cache: when it grows past [`MAX_WORDS`] it starts afresh at the
//! next sentence, which bounds memory on text with endless distinct words and
//! cannot change any result.

use std::borrow::Cow;
use std::sync::Arc;

use crate::lexical::hash::{word_key, FxMap};
use crate::lexical::tokens::{tokenize_with, TokenKind};
use crate::lexical::words::{
    article_name, fact, is_all_caps, is_cap, is_function_word, lower_into, takes_dot, LTok, RefFacts, RefWord,
};
pub(crate) use crate::lexical::words::{TokWord, Word, NOT_A_WORD, NO_ROLES, NO_WEIGHTS};
use crate::resources::context_model::{Model as ContextModel, TokWeights};
use crate::resources::gazetteer::Gazetteer;
use crate::resources::lexicon::{Lexicon, Roles};
use crate::resources::references::ReferenceLists;

/// Distinct words kept before the table starts afresh (news articles use a
/// few thousand).
const MAX_WORDS: usize = 1 << 15;

/// What is read of a word only now and then: its lower-cased forms and where
/// the lists have it.
#[derive(Debug, Clone, Copy)]
struct Forms {
    /// Index of the word in the gazetteer's word classes.
    name_word: Option<u32>,
    /// Byte range in `Vocab::forms` of the name lists' form: lower-cased, ’ and ‘ written as '.
    name_form: (u32, u32),
    /// Byte range of the lexicons' form: the same with a non-breaking hyphen written as '-'.
    cue_form: (u32, u32),
}

const NO_FORMS: Forms = Forms { name_word: None, name_form: (0, 0), cue_form: (0, 0) };

/// What [`Vocab::tokenize`] saw of a sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SentenceWords {
    /// How many tokens are words.
    pub(crate) words: usize,
    /// How many are numbers.
    pub(crate) numbers: usize,
    /// A word may keep a dot written after it ("Mr.", "W."): the entity
    /// rules' logical tokens may differ from the tokens.
    pub(crate) takes_dot: bool,
}

/// The table of one analyzer.
#[derive(Debug)]
pub(crate) struct Vocab {
    gaz: Arc<Gazetteer>,
    lex: Cow<'static, Lexicon>,
    model: &'static ContextModel,
    ref_lists: &'static ReferenceLists,
    /// A word of up to 15 bytes, packed into an integer (see [`short_key`]) → its id
    /// and facts; comparing integers spares following a pointer to every key,
    /// and the facts come with the lookup (the bucket has room for them).
    short_ids: FxMap<u128, TokWord>,
    /// A longer word → its id and facts, as `short_ids`.
    long_ids: FxMap<Box<str>, TokWord>,
    /// By word id: where the word's forms and name-list entry are.
    word_forms: Vec<Forms>,
    /// The lexicon roles of the words that have some.
    roles: Vec<Roles>,
    /// The lower-cased forms of all words, one after another.
    forms: String,
    /// Look words up in framing's lists (the lexicons, the context model);
    /// without framing nothing reads them.
    framing: bool,
}

impl Vocab {
    pub(crate) fn new(gaz: Arc<Gazetteer>, lex: Cow<'static, Lexicon>) -> Self {
        let model = ContextModel::shipped();
        Vocab {
            gaz,
            lex,
            model,
            ref_lists: ReferenceLists::shipped(),
            short_ids: FxMap::default(),
            long_ids: FxMap::default(),
            word_forms: Vec::new(),
            roles: Vec::new(),
            forms: String::new(),
            framing: true,
        }
    }

    /// The same table for an analyzer without framing: new words are not
    /// looked up in framing's lists (their roles, phrases, model weights and
    /// function-word fact stay empty).
    pub(crate) fn without_framing(self) -> Self {
        Vocab { framing: false, ..self }
    }

    /// The framing lexicon the entries were looked up in.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The tokens of a sentence with their words, in one pass: each word is
    /// looked up as the tokenizer finds it. Ids stay valid until the next call.
    pub(crate) fn tokenize(&mut self, text: &str, out: &mut Vec<LTok>) -> SentenceWords {
        if self.word_forms.len() >= MAX_WORDS {
            self.short_ids.clear();
            self.long_ids.clear();
            self.word_forms.clear();
            self.roles.clear();
            self.forms.clear();
        }
        let mut seen = SentenceWords::default();
        tokenize_with(text, out, |t| {
            let mut token = LTok::unlooked(t);
            match t.kind {
                TokenKind::Word => {
                    let word = self.intern_span(text, t.start, t.end);
                    token.set_word(word);
                    seen.words += 1;
                    seen.takes_dot |= word.facts.has(fact::TAKES_DOT);
                }
                TokenKind::Number => seen.numbers += 1,
                _ => {}
            }
            token
        });
        seen
    }

    /// The word as written, added when new.
    pub(crate) fn intern(&mut self, raw: &str) -> TokWord {
        self.intern_span(raw, 0, raw.len())
    }

    /// The word `text[start..end]`, added when new. A short word is found by
    /// its bytes; its text is sliced (a checked `&str`) only when it is new.
    #[inline]
    fn intern_span(&mut self, text: &str, start: usize, end: usize) -> TokWord {
        let from = text.as_bytes().get(start..).unwrap_or_default();
        let Some(key) = short_key(from, end.saturating_sub(start)) else {
            return match text.get(start..end) {
                Some(raw) => self.intern_long(raw),
                None => NOT_A_WORD,
            };
        };
        if let Some(&word) = self.short_ids.get(&key) {
            return word;
        }
        let Some(raw) = text.get(start..end) else { return NOT_A_WORD };
        let word = self.add(raw);
        self.short_ids.insert(key, word);
        word
    }

    /// [`intern_span`](Self::intern_span) of a word of more than 15 bytes.
    fn intern_long(&mut self, raw: &str) -> TokWord {
        if let Some(&word) = self.long_ids.get(raw) {
            return word;
        }
        let word = self.add(raw);
        self.long_ids.insert(raw.into(), word);
        word
    }

    /// Looks a new word up in every list.
    fn add(&mut self, raw: &str) -> TokWord {
        let id = self.word_forms.len() as u32;
        let start = self.forms.len();
        lower_into(raw, &mut self.forms);
        let name_form = (start as u32, self.forms.len() as u32);
        let cue_form = if raw.contains('‑') {
            // rare: the non-breaking hyphen written as '-'
            let cue = self.forms.get(start..).unwrap_or("").replace('‑', "-");
            let cue_start = self.forms.len();
            self.forms.push_str(&cue);
            (cue_start as u32, self.forms.len() as u32)
        } else {
            name_form
        };
        let name = self.forms.get(name_form.0 as usize..name_form.1 as usize).unwrap_or("");
        let cue = self.forms.get(cue_form.0 as usize..cue_form.1 as usize).unwrap_or("");
        // every list is keyed by the word's hash: hashed once here
        let name_key = word_key(name);
        let cue_key = if cue_form == name_form { name_key } else { word_key(cue) };
        let cap = is_cap(raw);
        let name_like = cap || article_name(raw);
        // the name lists matter only where the entity rules read a name's word
        // (`Word::name_like`); most new words are not, and skip that lookup
        let listed = if name_like { self.gaz.word_by_key(name_key) } else { None };
        // framing's lists: an analyzer without framing reads none of them, and skips the lookups
        let (roles, weights, starts_phrase, function_word) = if self.framing {
            let roles = match self.lex.word_by_key(cue_key) {
                Some(r) => {
                    self.roles.push(r.clone());
                    (self.roles.len() - 1) as u32
                }
                None => NO_ROLES,
            };
            let weights = self.model.word_index_by_key(cue_key).unwrap_or(NO_WEIGHTS);
            (roles, weights, self.lex.starts_phrase_by_key(cue_key), is_function_word(cue))
        } else {
            (NO_ROLES, NO_WEIGHTS, false, false)
        };
        let facts = [
            (cap, fact::CAP),
            (is_all_caps(raw), fact::ALL_CAPS),
            (starts_phrase, fact::STARTS_PHRASE),
            (raw.chars().next().is_some_and(char::is_alphabetic), fact::STARTS_ALPHA),
            (function_word, fact::FUNCTION_WORD),
            (name_like, fact::NAME_LIKE),
            (listed.is_some_and(|w| w.starts_phrase), fact::STARTS_NAME),
            (takes_dot(raw), fact::TAKES_DOT),
        ];
        let facts = facts.iter().filter(|(on, _)| *on).fold(0, |all, (_, bit)| all | bit);
        // the reference rules read a name's word lower-cased, any other as written
        let (ref_form, ref_key) = if name_like || raw == name { (name, name_key) } else { (raw, word_key(raw)) };
        let refs = RefFacts::new(RefWord::of(ref_form), self.ref_lists.hints(ref_key));
        let word = Word::new(listed.map_or(0, |w| w.bits), facts, refs);
        self.word_forms.push(Forms { name_word: listed.map(|w| w.id), name_form, cue_form });
        TokWord { id, roles, weights, facts: word }
    }

    fn forms(&self, id: u32) -> &Forms {
        self.word_forms.get(id as usize).unwrap_or(&NO_FORMS)
    }

    /// Index of `id` in the gazetteer's word classes.
    #[inline]
    pub(crate) fn name_word(&self, id: u32) -> Option<u32> {
        self.forms(id).name_word
    }

    /// The lexicon roles kept at `index` ([`TokWord::roles`]).
    #[inline]
    pub(crate) fn roles_at(&self, index: u32) -> Option<&Roles> {
        self.roles.get(index as usize)
    }

    /// The context model's weights of a word, by its [`TokWord::weights`].
    #[inline]
    pub(crate) fn weights(&self, index: u32) -> &'static TokWeights {
        self.model.word((index != NO_WEIGHTS).then_some(index))
    }

    /// The form the name lists use ("" for [`NO_WORD`]).
    #[cfg(test)]
    #[inline]
    pub(crate) fn name_form(&self, id: u32) -> &str {
        let (a, b) = self.name_form_range(id);
        self.forms.get(a..b).unwrap_or("")
    }

    /// The byte range of the name lists' form of `id` in
    /// [`lowered_forms`](Self::lowered_forms).
    #[inline]
    pub(crate) fn name_form_range(&self, id: u32) -> (usize, usize) {
        let (a, b) = self.forms(id).name_form;
        (a as usize, b as usize)
    }

    /// Every word's lower-cased forms, one after another: the text the
    /// ranges of [`name_form_range`](Self::name_form_range) index.
    #[inline]
    pub(crate) fn lowered_forms(&self) -> &str {
        &self.forms
    }

    /// The form the framing lexicons use ("" for [`NO_WORD`]).
    #[inline]
    pub(crate) fn cue_form(&self, id: u32) -> &str {
        let (a, b) = self.forms(id).cue_form;
        self.forms.get(a as usize..b as usize).unwrap_or("")
    }
}

/// `KEY_MASKS[n]` keeps the low `n` bytes of a 128-bit word.
const KEY_MASKS: [u128; 16] = {
    let mut masks = [0u128; 16];
    let mut n = 1;
    while n < 16 {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// A word of up to 15 bytes as one integer: its bytes, then its length in
/// the top byte. `bytes` is the word followed by the rest of the sentence:
/// a word with 16 bytes after its start is read in one load.
#[inline]
fn short_key(bytes: &[u8], len: usize) -> Option<u128> {
    if len > 15 {
        return None;
    }
    let tag = (len as u128) << 120;
    if let Some(Ok(wide)) = bytes.get(..16).map(<[u8; 16]>::try_from) {
        // a 128-bit shift by a variable amount is a branchy sequence: the masks are a table
        let mask = KEY_MASKS.get(len).copied().unwrap_or(0);
        return Some(u128::from_le_bytes(wide) & mask | tag);
    }
    let mut key = [0u8; 16];
    key.get_mut(..len)?.copy_from_slice(bytes.get(..len)?);
    Some(u128::from_le_bytes(key) | tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexical::words::NO_WORD;
    use crate::resources::lexicon::Lexicon as Lex;

    fn vocab() -> Vocab {
        Vocab::new(Gazetteer::shipped(), Cow::Borrowed(Lex::shipped()))
    }

    #[test]
    fn one_id_per_written_form_with_both_lowered_forms() {
        let mut v = vocab();
        let a = v.intern("Vice‑President").id;
        assert_eq!(v.intern("Vice‑President").id, a);
        assert_ne!(v.intern("vice‑president").id, a);
        assert_eq!(v.name_form(a), "vice‑president");
        assert_eq!(v.cue_form(a), "vice-president");
        let b = v.intern("People’s");
        assert_eq!(v.name_form(b.id), "people's");
        assert!(b.facts.has(fact::CAP) && !b.facts.has(fact::ALL_CAPS));
        assert_eq!(v.name_form(NO_WORD), "");
    }

    #[test]
    fn a_word_read_from_a_sentence_is_the_word_alone() {
        let mut v = vocab();
        let text = "Xi met Putin and the Secretary-General yesterday in Washington";
        let mut toks = Vec::new();
        let seen = v.tokenize(text, &mut toks);
        assert_eq!((seen.words, seen.numbers, seen.takes_dot), (toks.len(), 0, false));
        for t in &toks {
            let word = v.intern(&text[t.start..t.end]);
            assert_eq!((word.id, word.facts, word.roles, word.weights), (t.word, t.facts, t.roles, t.weights));
        }
        assert_eq!(toks.iter().map(|t| t.word).collect::<std::collections::HashSet<_>>().len(), toks.len());
        let mut toks = Vec::new();
        let seen = v.tokenize("Mr. Xi, 70, spoke.", &mut toks);
        assert_eq!((seen.words, seen.numbers, seen.takes_dot), (3, 1, true));
        assert!(toks.iter().filter(|t| t.kind != TokenKind::Word).all(|t| t.word == NO_WORD));
    }

    #[test]
    fn entries_carry_every_list() {
        let mut v = vocab();
        let p = v.intern("President");
        assert!(p.facts.name_bits != 0);
        let d = v.intern("dictator");
        assert!(v.roles_at(d.roles).is_some_and(|r| r.label.is_some()));
        let x = v.intern("Xyzzy");
        assert!(v.roles_at(x.roles).is_none());
        let c = v.intern("contrary");
        assert!(c.facts.has(fact::STARTS_PHRASE));
    }

    #[test]
    fn without_framing_a_word_has_its_entity_facts_only() {
        let mut full = vocab();
        let mut bare = vocab().without_framing();
        for w in ["dictator", "President", "the", "Mr", "contrary", "praised", "NATO", "he"] {
            let (a, b) = (full.intern(w), bare.intern(w));
            let entity_facts = [fact::CAP, fact::ALL_CAPS, fact::STARTS_ALPHA, fact::NAME_LIKE, fact::STARTS_NAME];
            for bit in entity_facts.into_iter().chain([fact::TAKES_DOT]) {
                assert_eq!(a.facts.has(bit), b.facts.has(bit), "{w}");
            }
            assert_eq!((a.facts.name_bits, a.facts.refs), (b.facts.name_bits, b.facts.refs), "{w}");
            assert_eq!((b.roles, b.weights), (NO_ROLES, NO_WEIGHTS), "{w}");
            assert!(!b.facts.has(fact::FUNCTION_WORD) && !b.facts.has(fact::STARTS_PHRASE), "{w}");
        }
        assert!(full.intern("dictator").roles != NO_ROLES);
    }

    #[test]
    fn a_full_table_starts_afresh_with_the_same_entries() {
        let mut v = vocab();
        let text: String = (0..MAX_WORDS + 10).map(|i| format!("w{i} ")).collect();
        let mut toks = Vec::new();
        v.tokenize(&text, &mut toks);
        assert!(v.word_forms.len() > MAX_WORDS);
        let long = v.intern("Counterrevolutionaries").id;
        assert_eq!(v.intern("Counterrevolutionaries").id, long);
        assert_eq!(v.name_form(long), "counterrevolutionaries");
        v.tokenize("Dictator w5", &mut toks);
        assert_eq!(v.word_forms.len(), 2);
        assert_eq!(v.cue_form(toks[0].word), "dictator");
        assert_eq!(v.name_form(toks[1].word), "w5");
    }
}
