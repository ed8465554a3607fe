//! Framing cues: labels, scare quotes, doubt, loaded attribution and loaded
//! words, each attached to the entity it frames.
//!
//! One sentence at a time: the tokens are looked up once in the
//! [`lexicon`](crate::resources::lexicon::Lexicon) (one hash lookup per token, phrases by their
//! first word), quotation marks are paired and classified
//! ([`scare_quotes`]), each word or phrase with a role becomes a candidate
//! cue ([`labels`], [`doubt`], [`attribution`], [`loaded`]), and
//! [`target`] attaches each candidate to the entity it frames.

mod attribution;
mod context;
mod doubt;
mod labels;
mod loaded;
mod scare_quotes;
mod target;
mod words;

use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{fact, LTok, NO_WORD};
use crate::model::{CompactString, Cue, CueKind, Label, Mention, MentionKind, Sentence};
use crate::resources::context_model::Model as ContextModel;
use crate::resources::lexicon::Roles;
#[cfg(feature = "rules")]
use crate::rules::Rules;
use crate::vocab::Vocab;

pub(crate) use context::Reading;

/// What framing needs of the entity table: the country entity a demonym
/// mention ("Chinese") points to, when the document has named that country.
pub(crate) type CountryOf<'a> = dyn Fn(&Mention) -> Option<usize> + 'a;

/// Sentinel for "no mention covers this token".
const NO_MENTION: u32 = u32::MAX;

/// A mention as a token range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MSpan {
    /// First token.
    pub(crate) first: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// Index into the sentence's mentions.
    pub(crate) index: usize,
    pub(crate) entity: usize,
    pub(crate) label: Label,
}

/// What a candidate cue is aimed at, decided by [`target`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Aim {
    /// The name it modifies or stands in apposition to.
    NounPhrase,
    /// The subject (or else the object) of its clause.
    Clause,
    /// The speaker of a reporting verb.
    Speaker,
    /// Who the reported claim is about: the first name or reference after
    /// the verb in its clause ("admitted he lied" → whoever "he" is).
    Reported,
    /// What it is about: the first name after it in its clause.
    Object,
    /// Nobody in particular.
    None,
}

/// A cue before targeting: a token range and what it says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    /// First token.
    pub(crate) first: usize,
    /// One past the last token.
    pub(crate) end: usize,
    pub(crate) kind: CueKind,
    pub(crate) polarity: f32,
    pub(crate) reason: &'static str,
    pub(crate) aim: Aim,
    /// The user rule that made it (its reason is the rule's), if one did.
    #[cfg_attr(not(feature = "rules"), allow(dead_code))]
    pub(crate) rule: Option<u32>,
}

/// Sorts the candidates by position and drops each that lies inside a
/// longer candidate of the same kind: "notorious" inside "notorious liar" is
/// one label, not two pieces of evidence against the same person.
fn drop_nested_of_same_kind(cands: &mut Vec<Cand>) {
    // longest first among those starting together, so the outer one comes first
    cands.sort_by_key(|c| (c.first, std::cmp::Reverse(c.end)));
    let mut reach = [0usize; CueKind::ALL.len()];
    cands.retain(|c| {
        let kind = CueKind::ALL.iter().position(|&k| k == c.kind).unwrap_or(0);
        let Some(r) = reach.get_mut(kind) else { return true };
        let nested = c.end <= *r;
        *r = (*r).max(c.end);
        !nested
    });
    cands.sort_by_key(|c| (c.first, c.end));
}

/// One sentence, prepared for the detectors.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    /// Its tokens with their words (the analyzer's one table).
    pub(crate) toks: &'a [LTok],
    /// Per token: the index into `mentions` of the name covering it ([`NO_MENTION`] for none).
    mention_of: &'a [u32],
    /// Per token: inside quotation marks that quote someone's speech (empty
    /// until [`scare_quotes`] has read the quotation marks).
    in_speech: &'a [bool],
    /// The words of the tokens, with their lexicon roles.
    vocab: &'a Vocab,
    pub(crate) mentions: &'a [MSpan],
    /// The resolved pronouns and descriptions, apart: the detectors and the
    /// context model read names only (the model was trained on names).
    pub(crate) references: &'a [MSpan],
    /// Names and references together, in text order: what a cue can frame
    /// ("critics called him a liar" frames whoever "him" is).
    pub(crate) targets: &'a [MSpan],
}

impl<'a> Ctx<'a> {
    /// The id of token `i` in the word table.
    fn word_id(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(NO_WORD, |t| t.word)
    }

    /// The lower-cased text of word `i` ("" for other tokens and past the end).
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.vocab.cue_form(self.word_id(i))
    }

    /// Token `i` is a function word ("the", "of", "would").
    pub(crate) fn is_function_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.facts.has(fact::FUNCTION_WORD))
    }

    /// A lexicon phrase starts with token `i`.
    fn starts_phrase(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.facts.has(fact::STARTS_PHRASE))
    }

    /// The first character of token `i` if it is no word (a punctuation
    /// token is one character).
    pub(crate) fn first(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i).filter(|t| t.word == NO_WORD)?;
        match *self.text.as_bytes().get(t.start)? {
            // most punctuation is ASCII: no slicing or decoding
            b if b.is_ascii() && t.end > t.start => Some(char::from(b)),
            _ => self.text.get(t.start..t.end)?.chars().next(),
        }
    }

    /// Token `i` starts with an upper-case letter.
    pub(crate) fn cap(&self, i: usize) -> bool {
        match self.toks.get(i) {
            Some(t) if t.word != NO_WORD => t.facts.has(fact::CAP),
            Some(_) => self.first(i).is_some_and(char::is_uppercase),
            None => false,
        }
    }

    /// Token `i` is inside quotation marks that quote someone's speech.
    pub(crate) fn in_speech(&self, i: usize) -> bool {
        self.in_speech.get(i).copied().unwrap_or(false)
    }

    /// The roles of token `i` as a single word.
    pub(crate) fn roles(&self, i: usize) -> Option<&'a Roles> {
        self.vocab.roles_at(self.toks.get(i)?.roles)
    }

    /// The mention covering token `i`.
    pub(crate) fn mention_at(&self, i: usize) -> Option<&'a MSpan> {
        let m = *self.mention_of.get(i)?;
        if m == NO_MENTION {
            None
        } else {
            self.mentions.get(m as usize)
        }
    }

    /// `span` is a reference (a pronoun or description), not a name.
    pub(crate) fn is_reference(&self, span: &MSpan) -> bool {
        self.references.iter().any(|r| r.first == span.first)
    }

    /// The name or reference covering token `i`.
    pub(crate) fn target_at(&self, i: usize) -> Option<&'a MSpan> {
        let k = self.targets.partition_point(|m| m.end <= i);
        self.targets.get(k).filter(|m| m.first <= i)
    }

    /// Token `i` is the punctuation character `c`.
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| {
            // a punctuation token is one character: its text starts with `c` or is another
            t.kind == TokenKind::Punct && self.text.get(t.start..).is_some_and(|rest| rest.starts_with(c))
        })
    }

    /// Token `i` is a word (or number).
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }
}

/// One sentence prepared for the detectors: its mentions as token spans
/// (scratch buffers reused for every sentence).
#[derive(Debug, Default)]
struct Prepared {
    /// Per token: the index into `names` of the name covering it ([`NO_MENTION`] for none).
    mention_of: Vec<u32>,
    names: Vec<MSpan>,
    /// The sentence's references.
    references: Vec<MSpan>,
    /// Names and references in text order (filled only when there are references).
    targets: Vec<MSpan>,
}

impl Prepared {
    /// The sentence of `toks` as the detectors see it.
    fn ctx<'a>(&'a self, text: &'a str, toks: &'a [LTok], in_speech: &'a [bool], vocab: &'a Vocab) -> Ctx<'a> {
        // without references, the targets are the names: no copy
        let targets = if self.references.is_empty() { &self.names } else { &self.targets };
        Ctx {
            text,
            toks,
            mention_of: &self.mention_of,
            in_speech,
            vocab,
            mentions: &self.names,
            references: &self.references,
            targets,
        }
    }
}

/// Finds the cues of one sentence at a time.
#[derive(Debug)]
pub(crate) struct CueFinder {
    /// The entity of the last person named, for "he"/"she" as a speaker.
    last_person: Option<usize>,
    /// Scratch buffers reused for every sentence.
    sentence: Prepared,
    cands: Vec<Cand>,
    /// Per token of the last sentence: inside quoted speech.
    in_speech: Vec<bool>,
    /// Per entity named in the last sentence: what the context model says about it.
    context: Vec<Reading>,
    /// The last sentence as the context model reads it.
    features: context::SentenceFeatures,
    /// The token ranges of the last sentence's cues, with the entity each frames.
    cue_targets: Vec<(usize, usize, usize)>,
    /// The user's rules (none by default).
    #[cfg(feature = "rules")]
    rules: Rules,
}

impl CueFinder {
    pub(crate) fn new() -> Self {
        CueFinder {
            last_person: None,
            sentence: Prepared::default(),
            cands: Vec::new(),
            in_speech: Vec::new(),
            context: Vec::new(),
            features: context::SentenceFeatures::default(),
            cue_targets: Vec::new(),
            #[cfg(feature = "rules")]
            rules: Rules::default(),
        }
    }

    /// A cue finder that also finds the matches of the user's `rules`.
    #[cfg(feature = "rules")]
    pub(crate) fn with_rules(rules: Rules) -> Self {
        CueFinder { rules, ..Self::new() }
    }

    /// What a reader is told about a candidate: its rule's reason, or the built-in one.
    fn reason_of(&self, cand: &Cand) -> CompactString {
        #[cfg(feature = "rules")]
        if let Some(reason) = cand.rule.and_then(|r| self.rules.reason(r as usize)) {
            return CompactString::from(reason);
        }
        // a built-in reason is borrowed, not copied
        CompactString::const_new(cand.reason)
    }

    /// Forgets the document (its last person named); keeps the scratch buffers.
    pub(crate) fn next_document(&mut self) {
        self.last_person = None;
        self.context.clear();
    }

    /// The cues of sentence number `index`, targeted at its `mentions`;
    /// `tokens` are its tokens with their words in `vocab`.
    pub(crate) fn process(
        &mut self,
        sentence: &Sentence,
        index: usize,
        tokens: &[LTok],
        vocab: &Vocab,
        mentions: &[Mention],
        country_of: &CountryOf,
    ) -> Vec<Cue> {
        let text = sentence.text.as_str();
        self.prepare(sentence.start, tokens, mentions);
        let ctx = self.sentence.ctx(text, tokens, &[], vocab);
        let mut cands = std::mem::take(&mut self.cands);
        cands.clear();
        // first, so a rule wins over a built-in cue of its kind on the same words
        #[cfg(feature = "rules")]
        rule_matches(&ctx, &self.rules, &mut cands);
        scare_quotes::find(&ctx, &mut cands, &mut self.in_speech);
        let ctx = self.sentence.ctx(text, tokens, &self.in_speech, vocab);
        scan(&ctx, &mut cands);
        doubt::question(&ctx, &mut cands);
        drop_nested_of_same_kind(&mut cands);
        let mut cues = Vec::with_capacity(cands.len());
        self.cue_targets.clear();
        for cand in &cands {
            let (Some(first), Some(last)) =
                (ctx.toks.get(cand.first), cand.end.checked_sub(1).and_then(|e| ctx.toks.get(e)))
            else {
                continue;
            };
            let (start, end) = (first.start, last.end);
            let Some(cue_text) = text.get(start..end) else { continue };
            // quoted speech is the speaker's wording, not the author's: its cues are
            // shown but frame no one (the verb that reports it still frames the speaker)
            let quoted = cand.kind != CueKind::Attribution && (cand.first..cand.end).all(|i| ctx.in_speech(i));
            let target =
                if quoted { None } else { target::resolve(&ctx, cand, mentions, country_of, self.last_person) };
            let reason = self.reason_of(cand);
            if let Some(entity) = target {
                self.cue_targets.push((cand.first, cand.end, entity));
            }
            cues.push(Cue {
                start: sentence.start + start,
                end: sentence.start + end,
                text: CompactString::from(cue_text),
                sentence: index,
                kind: cand.kind,
                polarity: cand.polarity.clamp(-1.0, 1.0),
                target,
                reason,
            });
        }
        self.context.clear();
        if !self.sentence.names.is_empty() || !self.sentence.references.is_empty() {
            let model = ContextModel::shipped();
            // the word table holds `model.weights` of each word, looked up once
            self.features.prepare(model, &ctx, &self.cue_targets);
            // one reading per entity: at its first name, else (an entity this sentence
            // refers to only as "he" or "the company") at its first reference
            let names = ctx.mentions.iter().map(|span| (span, false));
            for (span, reference) in names.chain(ctx.references.iter().map(|span| (span, true))) {
                if !self.context.iter().any(|r| r.entity == span.entity) {
                    // a reading at a reference counts toward the main subject's mean only: its words are not shown
                    let reading = self.features.read(model, &ctx, span, sentence.start, !reference);
                    self.context.push(context::Reading { reference, ..reading });
                }
            }
        }
        if let Some(m) = mentions.iter().rev().find(|m| m.label == Label::Person) {
            self.last_person = Some(m.entity);
        }
        self.cands = cands;
        cues
    }

    /// What the context model says about each entity named in the last
    /// processed sentence.
    pub(crate) fn context(&self) -> &[Reading] {
        &self.context
    }

    /// Maps the mentions to token ranges of `tokens`, marking the tokens each name covers.
    fn prepare(&mut self, offset: usize, tokens: &[LTok], mentions: &[Mention]) {
        self.sentence.mention_of.clear();
        self.sentence.mention_of.resize(tokens.len(), NO_MENTION);
        self.sentence.names.clear();
        self.sentence.references.clear();
        for (index, m) in mentions.iter().enumerate() {
            // references are cue targets (`Ctx::targets`) but not names to the detectors
            // or the context model
            if m.kind != MentionKind::Name {
                let first = tokens.partition_point(|t| t.end + offset <= m.start);
                let end = tokens.partition_point(|t| t.start + offset < m.end);
                if first < end {
                    self.sentence.references.push(MSpan { first, end, index, entity: m.entity, label: m.label });
                }
                continue;
            }
            let (Some(ms), Some(me)) = (m.start.checked_sub(offset), m.end.checked_sub(offset)) else { continue };
            let first = tokens.partition_point(|t| t.end <= ms);
            let end = tokens.partition_point(|t| t.start < me);
            if first >= end {
                continue;
            }
            let span_index = self.sentence.names.len() as u32;
            for m in self.sentence.mention_of.get_mut(first..end).into_iter().flatten() {
                *m = span_index;
            }
            self.sentence.names.push(MSpan { first, end, index, entity: m.entity, label: m.label });
        }
        self.sentence.targets.clear();
        if !self.sentence.references.is_empty() {
            self.sentence.targets.extend(self.sentence.names.iter().chain(&self.sentence.references).copied());
            self.sentence.targets.sort_by_key(|m| (m.first, m.end));
        }
    }
}

/// Each match of a user rule, as a candidate over the tokens it touches,
/// aimed as the built-in cues of its kind are.
#[cfg(feature = "rules")]
fn rule_matches(ctx: &Ctx, rules: &Rules, out: &mut Vec<Cand>) {
    for (index, rule) in rules.iter().enumerate() {
        for m in rule.pattern.find_iter(ctx.text) {
            let first = ctx.toks.partition_point(|t| t.end <= m.start());
            let end = ctx.toks.partition_point(|t| t.start < m.end());
            if first >= end {
                continue; // white space only
            }
            let aim = match rule.kind {
                CueKind::Label => Aim::NounPhrase,
                CueKind::Attribution => Aim::Speaker,
                CueKind::ScareQuote | CueKind::Doubt | CueKind::Loaded => Aim::Clause,
            };
            let (kind, polarity) = (rule.kind, rule.polarity);
            out.push(Cand { first, end, kind, polarity, reason: "", aim, rule: Some(index as u32) });
        }
    }
}

/// Walks the tokens once, turning every word or phrase with a role into a candidate.
fn scan(ctx: &Ctx, out: &mut Vec<Cand>) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if !ctx.is_word(i) {
            i += 1;
            continue;
        }
        let mut matched: Option<(usize, &Roles)> = None;
        if ctx.starts_phrase(i) {
            for p in ctx.vocab.lexicon().phrases(ctx.word(i)) {
                let ok = p.rest.iter().enumerate().all(|(k, w)| ctx.word(i + 1 + k) == w.as_str());
                if ok {
                    matched = Some((p.rest.len() + 1, &p.roles));
                    break;
                }
            }
        }
        if matched.is_none() {
            matched = ctx.roles(i).map(|r| (1, r));
        }
        let Some((len, roles)) = matched else {
            i += 1;
            continue;
        };
        let end = i + len;
        if let Some(c) = classify(ctx, i, end, roles) {
            out.push(c);
            i = c.end.max(end);
        } else {
            i += 1;
        }
    }
}

/// The cue a word or phrase with `roles` makes at tokens `first..end`, if any.
fn classify(ctx: &Ctx, first: usize, end: usize, roles: &Roles) -> Option<Cand> {
    if let Some((polarity, scope)) = roles.doubt {
        if let Some(c) = doubt::candidate(ctx, first, end, polarity, scope, roles) {
            return Some(c);
        }
    }
    if let Some(polarity) = roles.attribution {
        if let Some(c) = attribution::candidate(ctx, first, end, polarity, roles.about_claim) {
            return Some(c);
        }
        if polarity == 0.0 {
            return None;
        }
    }
    if let Some((polarity, pos)) = roles.label {
        match labels::candidate(ctx, first, end, polarity, pos) {
            labels::Outcome::Label(c) => return Some(c),
            labels::Outcome::Negated => return None,
            labels::Outcome::NotALabel => {}
        }
    }
    let c = loaded::candidate(ctx, first, end, roles)?;
    if labels::names_referent(ctx, end) {
        // an emotive adjective on a name or a word for people is name-calling
        return Some(Cand { kind: CueKind::Label, aim: Aim::NounPhrase, reason: labels::reason(c.polarity), ..c });
    }
    Some(c)
}
