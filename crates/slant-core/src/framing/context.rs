//! Target-dependent polarity from the wording around a mention: a small linear
//! model (`data/lexicons/target_model.tsv`, trained on NewsMTSC by
//! `scripts/train_target_polarity.py`). It reads what the sentence says about
//! the entity beyond explicit cues ("was praised for", "faces charges"), and
//! it names the words that weighed most, so its share of a score is shown too.
//!
//! Features, as in training: the sentence's tokens with the mention replaced
//! by one placeholder; their unigrams and bigrams (placeholder included), the
//! words within [`NEAR`] tokens left and right of it, and the words of its
//! clause (the run of tokens between two [`CLAUSE_MARKS`]), each counted once
//! and scaled by 1/sqrt(number of features). Tokens are lower-cased words and
//! numbers, a possessive "'s", and quotation marks read as `"`; every other
//! mention reads as one token `<e>`. Four more features, unscaled: the summed
//! lexicon valence (/4, times VADER's -0.74 after a negation within three
//! tokens) within [`VALENCE_NEAR`] tokens of the mention or farther, in its
//! clause or another
//! ([`VALENCE_FEATURES`](crate::resources::context_model::VALENCE_FEATURES)). The clause features were chosen
//! by cross-validation on the training data (see the script), as was fitting
//! the weights with each feature scaled by its naive-Bayes log-count ratio
//! (scaled back in the file, so the features read here are as listed).
//!
//! [`Reading::lean`] is what `aggregate` decides by: the model's most likely
//! class with its margin; [`Reading::score`] is what a reader is shown.

use super::{Ctx, MSpan};
use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{fact, LTok};
use crate::resources::context_model::{Model, TokWeights};
use crate::resources::lexicon::Modifier;

/// Words this close to the mention (in tokens) are "near" features; as in training.
const NEAR: usize = 5;
/// Valence this close to the mention (in tokens) is "near"; as in training.
const VALENCE_NEAR: usize = 4;
/// VADER's negation scalar, and how many tokens back a negation reaches.
const NEGATION: f32 = -0.74;
const NEGATION_REACH: usize = 3;
/// Punctuation that ends a clause: words between two of these (or the
/// sentence's ends) share the mention's clause or not.
const CLAUSE_MARKS: [char; 7] = [',', ';', ':', '(', ')', '\u{2013}', '\u{2014}'];
/// [`Read::cue_target`] of a word no cue aims at an entity.
const NO_TARGET: u32 = u32::MAX;
/// Evidence words kept per sentence.
const WORDS_PER_SENTENCE: usize = 3;

/// One token the model reads (small: a sentence's reads are walked once per mention).
#[derive(Debug, Clone, Copy)]
struct Read {
    /// Its index in the sentence's tokens.
    tok: u32,
    /// Its weights, in the shipped model's table.
    w: &'static TokWeights,
    /// The bigram it starts with the next token read.
    bigram: [f32; 2],
    /// Its lexicon valence / 4, turned by a negation before it.
    valence: f32,
    /// It is a negation ("not", "never").
    negates: bool,
    /// The entity a cue covering it frames ([`NO_TARGET`] for none): its
    /// valence is about that entity.
    cue_target: u32,
    /// Its clause: how many [`CLAUSE_MARKS`] come before it in the sentence.
    clause: u32,
    /// It can explain a reading to a reader: not a function word or a
    /// quotation mark (read once here, not for every mention).
    explains: bool,
}

/// What the model says about one entity in one sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Reading {
    pub(crate) entity: usize,
    /// P(positive) - P(negative), in -1..1.
    pub(crate) score: f32,
    /// The model's decision with its margin: P(c) minus the next most likely
    /// class's probability when c, positive (+) or negative (-), is the most
    /// likely class; 0 when neutral is. So its sign is the model's argmax.
    pub(crate) lean: f32,
    /// The words that pushed hardest in the direction of `score`, strongest
    /// first: (start, end, weight toward positive), byte offsets in the document.
    pub(crate) words: [Option<(usize, usize, f32)>; WORDS_PER_SENTENCE],
    /// Read at a pronoun or description, not at a name.
    pub(crate) reference: bool,
}

/// The features of one reading added up: the logits and how many features
/// there were. Each feature is added in turn, in the order training fixed
/// (a float sum depends on its order).
#[derive(Debug, Default)]
struct Sums {
    z: [f32; 2],
    count: usize,
}

impl Sums {
    /// A feature of read `k` alone: all its weight is `k`'s share.
    #[inline]
    fn one(&mut self, shares: &mut [[f32; 2]], k: usize, w: [f32; 2]) {
        self.count += 1;
        self.z[0] += w[0];
        self.z[1] += w[1];
        if let Some(s) = shares.get_mut(k) {
            s[0] += w[0];
            s[1] += w[1];
        }
    }
}

/// `acc += w`, component by component (the order every sum here keeps).
#[inline]
fn add(acc: &mut [f32; 2], w: [f32; 2]) {
    acc[0] += w[0];
    acc[1] += w[1];
}

/// One sentence as the model reads it; reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct SentenceFeatures {
    reads: Vec<Read>,
    /// Per token read: its share of the logits (scratch for one mention).
    shares: Vec<[f32; 2]>,
    /// What the unigrams and bigrams of the reads before a mention add up
    /// to, for a mention at each read (`prefix[a]`: reads `0..a`). Summed
    /// once per sentence in the order `read` adds them, so every mention
    /// gets the very floats a sum of its own would give.
    prefix: Vec<[f32; 2]>,
    /// Per read `k`: its share from the main features when the bigram it
    /// starts does not count (`k` is last before the mention) ...
    share_last: Vec<[f32; 2]>,
    /// ... and when it does; both with the bigram ending at `k`, as in `read`.
    share_inner: Vec<[f32; 2]>,
    /// The reads with a lexicon valence, in order (few: `read` visits only these for it).
    valenced: Vec<u32>,
    /// The reads that can explain a reading, in order (`Read::explains`).
    explaining: Vec<u32>,
}

impl SentenceFeatures {
    /// Reads the tokens of `ctx`; `cue_targets` are the token ranges of the
    /// sentence's cues with the entity each frames.
    pub(crate) fn prepare(&mut self, model: &'static Model, ctx: &Ctx, cue_targets: &[(usize, usize, usize)]) {
        self.reads.clear();
        let mut last_mention = None;
        let mut clause = 0u32;
        // function words and quotation marks count, but they explain nothing to a reader
        let explains = |t: &LTok| t.kind != TokenKind::Punct && !t.facts.has(fact::FUNCTION_WORD);
        for (i, t) in ctx.toks.iter().enumerate() {
            // a punctuation token is one character, `first`
            let first = if t.kind == TokenKind::Punct { ctx.first(i) } else { None };
            if first.is_some_and(|c| CLAUSE_MARKS.contains(&c)) {
                clause += 1;
                continue;
            }
            let mention = ctx.mention_at(i).map(|m| m.index);
            if mention.is_some() {
                // a mention is one token: the placeholder for the target (see `read`), `<e>` for others
                if mention != last_mention {
                    let explains = explains(t);
                    self.reads.push(Read {
                        tok: i as u32,
                        w: &model.other_name,
                        bigram: [0.0; 2],
                        valence: 0.0,
                        negates: false,
                        cue_target: NO_TARGET,
                        clause,
                        explains,
                    });
                }
                last_mention = mention;
                continue;
            }
            last_mention = None;
            let text = || ctx.text.get(t.start..t.end).unwrap_or("");
            // a word's weights and roles were looked up with the word, once
            let w = match t.kind {
                TokenKind::Word => ctx.vocab.weights(t.weights),
                TokenKind::Number => model.weights(text()),
                TokenKind::Possessive if text().ends_with('s') => &model.possessive,
                TokenKind::Punct if matches!(first, Some('"' | '“' | '”')) => &model.quote,
                _ => continue,
            };
            let roles = if t.kind == TokenKind::Word { ctx.vocab.roles_at(t.roles) } else { None };
            let mut valence = roles.and_then(|r| r.valence).unwrap_or(0.0) / 4.0;
            let back = self.reads.len().saturating_sub(NEGATION_REACH);
            if valence != 0.0 && self.reads.get(back..).is_some_and(|r| r.iter().any(|r| r.negates)) {
                valence *= NEGATION;
            }
            let negates = roles.and_then(|r| r.modifier) == Some(Modifier::Negation);
            let cue_target = cue_targets
                .iter()
                .find(|&&(first, end, _)| (first..end).contains(&i))
                .map_or(NO_TARGET, |c| c.2 as u32);
            let explains = explains(t);
            let tok = i as u32;
            self.reads.push(Read { tok, w, bigram: [0.0; 2], valence, negates, cue_target, clause, explains });
        }
        for k in 1..self.reads.len() {
            let next = self.reads[k].w;
            self.reads[k - 1].bigram = model.bigram(self.reads[k - 1].w, next);
        }
        // the sums `read` would make over the reads before a mention, and each
        // read's share of them, made once in the same order (see `Sums`)
        self.prefix.clear();
        self.share_last.clear();
        self.share_inner.clear();
        self.valenced.clear();
        self.explaining.clear();
        for (k, r) in self.reads.iter().enumerate() {
            if r.valence != 0.0 {
                self.valenced.push(k as u32);
            }
            if r.explains {
                self.explaining.push(k as u32);
            }
        }
        let mut z = [0.0f32; 2];
        self.prefix.push(z);
        let mut half_before = None;
        for r in &self.reads {
            let mut share = [0.0f32; 2];
            if let Some(h) = half_before {
                add(&mut share, h);
            }
            add(&mut share, r.w.unigram);
            add(&mut z, r.w.unigram);
            self.prefix.push(z);
            self.share_last.push(share);
            let half = [r.bigram[0] * 0.5, r.bigram[1] * 0.5];
            add(&mut share, half);
            self.share_inner.push(share);
            add(&mut z, r.bigram);
            half_before = Some(half);
        }
    }

    /// What the model says about the entity of the mention at tokens `span`;
    /// `offset` is where the sentence starts in the document. With
    /// `explained`, the words that weighed most; without (a reading at a
    /// reference, whose words nobody is shown), none.
    pub(crate) fn read(&mut self, model: &Model, ctx: &Ctx, span: &MSpan, offset: usize, explained: bool) -> Reading {
        let reads = &self.reads;
        // the mention's tokens a..b are replaced by the placeholder
        let a = reads.partition_point(|r| (r.tok as usize) < span.first);
        let b = reads.partition_point(|r| (r.tok as usize) < span.end).max(a);
        let n = reads.len();
        // each read's share of the logits is only for naming the words: none without
        self.shares.clear();
        if explained {
            self.shares.resize(n, [0.0; 2]);
        }
        let shares = &mut self.shares[..];
        // unigrams, and bigrams that do not touch the mention: both tokens on one side of it.
        // Before it, as summed in `prepare`; after it, the sum goes on from there.
        let mut sums = Sums { z: self.prefix.get(a).copied().unwrap_or_default(), count: (2 * a).saturating_sub(1) };
        if a > 0 && explained {
            shares[..a - 1].copy_from_slice(&self.share_inner[..a - 1]);
            shares[a - 1] = self.share_last[a - 1];
        }
        // each read after it adds its unigram and, but the last, the bigram it starts
        sums.count += (n - b) + (n - b).saturating_sub(1);
        if let Some((last, inner)) = reads.get(b..).and_then(<[Read]>::split_last) {
            for r in inner {
                add(&mut sums.z, r.w.unigram);
                add(&mut sums.z, r.bigram);
            }
            add(&mut sums.z, last.w.unigram);
        }
        if b < n && explained {
            // the first read after the mention has no bigram ending at it
            let first = &reads[b];
            let mut share = [0.0f32; 2];
            add(&mut share, first.w.unigram);
            if b + 1 < n {
                add(&mut share, [first.bigram[0] * 0.5, first.bigram[1] * 0.5]);
                shares[b + 1..n - 1].copy_from_slice(&self.share_inner[b + 1..n - 1]);
                shares[n - 1] = self.share_last[n - 1];
            }
            shares[b] = share;
        }
        if a > 0 {
            sums.one(shares, a - 1, model.bigram(reads[a - 1].w, &model.target));
        }
        if b < n {
            sums.one(shares, b, model.bigram(&model.target, reads[b].w));
        }
        let left = a.saturating_sub(NEAR);
        for (k, r) in reads.iter().enumerate().take(a).skip(left) {
            sums.one(shares, k, r.w.left);
        }
        for (k, r) in reads.iter().enumerate().take((b + NEAR).min(n)).skip(b) {
            sums.one(shares, k, r.w.right);
        }
        // the words of the mention's clause; clauses are runs of reads
        let clause = reads.get(a).filter(|_| a < b).map(|r| r.clause);
        let in_clause = |r: &Read| Some(r.clause) == clause;
        for k in (0..a).rev().take_while(|&k| reads.get(k).is_some_and(in_clause)) {
            sums.one(shares, k, reads[k].w.clause);
        }
        for k in (b..n).take_while(|&k| reads.get(k).is_some_and(in_clause)) {
            sums.one(shares, k, reads[k].w.clause);
        }
        let Sums { z, count } = sums;
        let scale = 1.0 / (count.max(1) as f32).sqrt();
        let mut z = [model.bias[0] + z[0] * scale, model.bias[1] + z[1] * scale];
        // valence is not scaled: record its share at the same scale as the rest
        // a word the rules attach to another entity ("dictator Xi") says nothing about this one
        let about_this = |r: &Read| r.cue_target == NO_TARGET || r.cue_target as usize == span.entity;
        // the target's own words ("the embattled company") are the placeholder, not its context
        let outside = |k: usize| k < a || k >= b;
        let valenced = self.valenced.iter().map(|&k| k as usize);
        for (k, r) in valenced.filter_map(|k| Some((k, reads.get(k)?))).filter(|&(k, r)| outside(k) && about_this(r)) {
            let distance = if k < a { a - k } else { k + 1 - b };
            let w = model.valence[usize::from(distance > VALENCE_NEAR) * 2 + usize::from(!in_clause(r))];
            let (neg, pos) = (w[0] * r.valence, w[1] * r.valence);
            z[0] += neg;
            z[1] += pos;
            if let Some(share) = shares.get_mut(k) {
                share[0] += neg / scale;
                share[1] += pos / scale;
            }
        }
        let m = z[0].max(z[1]).max(0.0);
        let (en, ep, e0) = ((z[0] - m).exp(), (z[1] - m).exp(), (-m).exp());
        let sum = en + ep + e0;
        let score = (ep - en) / sum;
        let lean = if ep > en.max(e0) {
            (ep - en.max(e0)) / sum
        } else if en > ep.max(e0) {
            -(en - ep.max(e0)) / sum
        } else {
            0.0
        };

        let mut reading =
            Reading { entity: span.entity, score, lean, words: [None; WORDS_PER_SENTENCE], reference: false };
        // the strongest few reads that push toward `score`, strongest first: (read, weight)
        let mut strongest: [Option<(u32, f32)>; WORDS_PER_SENTENCE] = [None; WORDS_PER_SENTENCE];
        let explaining = if explained { &self.explaining[..] } else { &[] };
        for &k in explaining {
            let Some(share) = shares.get(k as usize) else { continue };
            let toward_positive = (share[1] - share[0]) * scale;
            if toward_positive * score <= 0.0 {
                continue;
            }
            // most words are weaker than the weakest of a full list: no need to walk it
            if strongest[WORDS_PER_SENTENCE - 1].is_some_and(|(_, w)| toward_positive.abs() <= w.abs()) {
                continue;
            }
            let mut item = (k, toward_positive);
            for slot in strongest.iter_mut() {
                match *slot {
                    None => {
                        *slot = Some(item);
                        break;
                    }
                    Some(old) if item.1.abs() > old.1.abs() => {
                        *slot = Some(item);
                        item = old;
                    }
                    _ => {}
                }
            }
        }
        for (slot, found) in reading.words.iter_mut().zip(strongest) {
            let Some((k, weight)) = found else { break };
            let t = reads.get(k as usize).and_then(|r| ctx.toks.get(r.tok as usize));
            *slot = t.map(|t| (offset + t.start, offset + t.end, weight));
        }
        reading
    }
}
