//! The word table: every distinct word of the document is lower-cased and
//! looked up in each stage's lists once, then known by an integer id, so the
//! stages read arrays instead of lower-casing and hashing every token again.
//!
//! Entries depend on the word alone (never on the document), so the table is
//! only a cache: when it grows past [`MAX_WORDS`] it starts afresh at the
//! next sentence, which bounds memory on text with endless distinct words and
//! cannot change any result.

use std::borrow::Cow;
use std::sync::Arc;

use crate::entities::{is_all_caps, is_cap, lower_into, Gazetteer};
use crate::framing::{ContextModel, Lexicon, Roles, TokWeights};
use crate::hash::FxMap;
use crate::tokens::{Token, TokenKind};

/// The id of tokens that are not words (numbers, punctuation, possessives).
pub(crate) const NO_WORD: u32 = u32::MAX;

/// Distinct words kept before the table starts afresh (news articles use a
/// few thousand).
const MAX_WORDS: usize = 1 << 15;

/// What every stage needs to know about one word as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Word {
    /// Starts with an upper-case letter.
    pub(crate) cap: bool,
    /// Has letters, none of them lower-case ("NATO", "U.S.").
    pub(crate) all_caps: bool,
    /// Byte range in `Vocab::forms` of the name lists' form: lower-cased, ’ and ‘ written as '.
    name_form: (u32, u32),
    /// Byte range of the lexicons' form: the same with a non-breaking hyphen written as '-'.
    cue_form: (u32, u32),
    /// Index of the word in the gazetteer's word classes.
    pub(crate) name_word: Option<u32>,
    /// The gazetteer's word classes (0 when unknown).
    pub(crate) name_bits: u16,
    /// Its roles in the framing lexicon as a single word.
    pub(crate) roles: Option<Roles>,
    /// A lexicon phrase starts with it.
    pub(crate) starts_phrase: bool,
    /// The context model's weights for it.
    pub(crate) weights: TokWeights,
}

/// The table of one analyzer.
#[derive(Debug)]
pub(crate) struct Vocab {
    gaz: Arc<Gazetteer>,
    lex: Cow<'static, Lexicon>,
    model: &'static ContextModel,
    /// A word as written → its id.
    ids: FxMap<Box<str>, u32>,
    words: Vec<Word>,
    /// The lower-cased forms of all words, one after another.
    forms: String,
    /// What a token that is no word reads as.
    no_word: Word,
    /// Scratch buffer for lower-casing.
    buf: String,
}

impl Vocab {
    pub(crate) fn new(gaz: Arc<Gazetteer>, lex: Cow<'static, Lexicon>) -> Self {
        let model = ContextModel::shipped();
        let no_word = Word { weights: model.weights(""), ..Word::default() };
        Vocab {
            gaz,
            lex,
            model,
            ids: FxMap::default(),
            words: Vec::new(),
            forms: String::new(),
            no_word,
            buf: String::new(),
        }
    }

    /// The framing lexicon the entries were looked up in.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The id of each token of a sentence, [`NO_WORD`] for tokens that are
    /// not words. Ids stay valid until the next call.
    pub(crate) fn intern_tokens(&mut self, text: &str, tokens: &[Token], out: &mut Vec<u32>) {
        if self.words.len() >= MAX_WORDS {
            self.ids.clear();
            self.words.clear();
            self.forms.clear();
        }
        out.clear();
        out.extend(tokens.iter().map(|t| match t.kind {
            TokenKind::Word => self.intern(text.get(t.start..t.end).unwrap_or("")),
            _ => NO_WORD,
        }));
    }

    /// The id of a word as written, adding it when new.
    pub(crate) fn intern(&mut self, raw: &str) -> u32 {
        if let Some(&id) = self.ids.get(raw) {
            return id;
        }
        let id = self.words.len() as u32;
        let word = self.entry(raw);
        self.words.push(word);
        self.ids.insert(raw.into(), id);
        id
    }

    /// Looks a new word up in every list.
    fn entry(&mut self, raw: &str) -> Word {
        let start = self.forms.len();
        lower_into(raw, &mut self.forms);
        let name_form = (start as u32, self.forms.len() as u32);
        let cue_form = if raw.contains('‑') {
            let start = self.forms.len();
            self.buf.clear();
            self.buf.push_str(self.forms.get(name_form.0 as usize..name_form.1 as usize).unwrap_or(""));
            for c in self.buf.chars() {
                self.forms.push(if c == '‑' { '-' } else { c });
            }
            (start as u32, self.forms.len() as u32)
        } else {
            name_form
        };
        let name = self.forms.get(name_form.0 as usize..name_form.1 as usize).unwrap_or("");
        let cue = self.forms.get(cue_form.0 as usize..cue_form.1 as usize).unwrap_or("");
        let name_word = self.gaz.word_id(name);
        Word {
            cap: is_cap(raw),
            all_caps: is_all_caps(raw),
            name_form,
            cue_form,
            name_word,
            name_bits: name_word.and_then(|w| self.gaz.info(w)).map_or(0, |w| w.bits),
            roles: self.lex.word(cue).cloned(),
            starts_phrase: self.lex.starts_phrase(cue),
            weights: self.model.weights(cue),
        }
    }

    /// The entry of `id` (an empty one for [`NO_WORD`]).
    #[inline]
    pub(crate) fn word(&self, id: u32) -> &Word {
        self.words.get(id as usize).unwrap_or(&self.no_word)
    }

    /// The form the name lists use ("" for [`NO_WORD`]).
    #[inline]
    pub(crate) fn name_form(&self, id: u32) -> &str {
        let (a, b) = self.word(id).name_form;
        self.forms.get(a as usize..b as usize).unwrap_or("")
    }

    /// The form the framing lexicons use ("" for [`NO_WORD`]).
    #[inline]
    pub(crate) fn cue_form(&self, id: u32) -> &str {
        let (a, b) = self.word(id).cue_form;
        self.forms.get(a as usize..b as usize).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framing::Lexicon as Lex;

    fn vocab() -> Vocab {
        Vocab::new(Gazetteer::shipped(), Cow::Borrowed(Lex::shipped()))
    }

    #[test]
    fn one_id_per_written_form_with_both_lowered_forms() {
        let mut v = vocab();
        let a = v.intern("Vice‑President");
        assert_eq!(v.intern("Vice‑President"), a);
        assert_ne!(v.intern("vice‑president"), a);
        assert_eq!(v.name_form(a), "vice‑president");
        assert_eq!(v.cue_form(a), "vice-president");
        let b = v.intern("People’s");
        assert_eq!(v.name_form(b), "people's");
        assert!(v.word(b).cap && !v.word(b).all_caps);
        assert_eq!(v.name_form(NO_WORD), "");
    }

    #[test]
    fn entries_carry_every_list() {
        let mut v = vocab();
        let p = v.intern("President");
        assert!(v.word(p).name_bits != 0);
        let d = v.intern("dictator");
        assert!(v.word(d).roles.as_ref().is_some_and(|r| r.label.is_some()));
        let c = v.intern("contrary");
        assert!(v.word(c).starts_phrase);
    }

    #[test]
    fn a_full_table_starts_afresh_with_the_same_entries() {
        let mut v = vocab();
        let mut ids = Vec::new();
        let text: String = (0..MAX_WORDS + 10).map(|i| format!("w{i} ")).collect();
        let mut toks = Vec::new();
        crate::tokens::tokenize(&text, &mut toks);
        v.intern_tokens(&text, &toks, &mut ids);
        assert!(v.words.len() > MAX_WORDS);
        let mut toks2 = Vec::new();
        crate::tokens::tokenize("Dictator w5", &mut toks2);
        v.intern_tokens("Dictator w5", &toks2, &mut ids);
        assert_eq!(v.words.len(), 2);
        assert_eq!(v.cue_form(ids[0]), "dictator");
        assert_eq!(v.name_form(ids[1]), "w5");
    }
}
