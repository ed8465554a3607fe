//! Named-entity mentions, their labels, and the per-document entity table
//! that groups name variants ("Xi Jinping" … "Xi") into one entity.
//!
//! - [`detect`]: name spans in one sentence and their first-guess labels.
//! - [`link`]: which entity of the document a mention names; labels by vote.
//! - [`refs`]: pronouns and descriptions ("he", "the congressman") that
//!   refer back to a named entity.
//!
//! Tokens as the rules see them and case tests are the lexical floor's
//! ([`words`](crate::lexical::words)); the shipped name lists
//! (`data/names/*.tsv`) are a resource ([`gazetteer`](crate::resources::gazetteer)).
//!
//! Everything a sentence's mentions depend on is that sentence and the ones
//! before it, so streamed output does not depend on chunking.

mod detect;
mod link;
mod refs;

use std::sync::Arc;

use crate::config::{Config, MENTIONS_KEPT};
use crate::lexical::tokens::TokenKind;
use crate::lexical::words::{logical_tokens, LTok, NO_WORD};
use crate::model::{CompactString, Entity, EntityMention, Framing, Label, Mention, MentionKind, Sentence};
use crate::resources::gazetteer::{class, Gazetteer, Source};
use crate::vocab::Vocab;

use detect::{Detector, Span};
use link::{Candidate, Doc};
use refs::{Named, Reference, References};

/// Entities room is made for at a document's first (most articles name fewer).
const ENTITIES_RESERVED: usize = 32;

/// The per-document entity table; finds and links mentions sentence by sentence.
#[derive(Debug)]
pub(crate) struct EntityTracker {
    gaz: Arc<Gazetteer>,
    entities: Vec<Entity>,
    doc: Doc,
    detector: Detector,
    /// The logical tokens of a sentence where they differ from its tokens (scratch).
    lts: Vec<LTok>,
    spans: Vec<Span>,
    /// Entity id of each span of the current sentence.
    span_ids: Vec<usize>,
    words_buf: String,
    surface: String,
    /// Keep every mention ([`Config::keep_mentions`]), or the first [`MENTIONS_KEPT`].
    keep_mentions: bool,
    refs: References,
    /// The current sentence's named mentions and references (scratch).
    named: Vec<Named>,
    references: Vec<Reference>,
    /// Scratch for the sentence's resolved references and for merging them
    /// with its names, reused from sentence to sentence.
    resolved: Vec<Mention>,
    merged: Vec<Mention>,
}

/// Where [`EntityTracker::process`] puts a sentence's mentions (cleared
/// first), and whether they carry their text: a caller that reads them only
/// by span (framing, when no report is made) spares a string per mention.
pub(crate) struct MentionsOut<'a> {
    pub(crate) mentions: &'a mut Vec<Mention>,
    pub(crate) with_text: bool,
}

impl EntityTracker {
    pub(crate) fn new(config: &Config) -> Self {
        EntityTracker {
            gaz: Gazetteer::with_names(&config.names),
            entities: Vec::new(),
            doc: Doc::default(),
            detector: Detector::default(),
            lts: Vec::new(),
            spans: Vec::new(),
            span_ids: Vec::new(),
            words_buf: String::new(),
            surface: String::new(),
            keep_mentions: config.keep_mentions,
            refs: References::default(),
            named: Vec::new(),
            references: Vec::new(),
            resolved: Vec::new(),
            merged: Vec::new(),
        }
    }

    /// The name lists, to share with the word table.
    pub(crate) fn gazetteer(&self) -> Arc<Gazetteer> {
        self.gaz.clone()
    }

    /// Finds the mentions in sentence number `index` and links each to an
    /// entity; `tokens` are its tokens with their words in `vocab`
    /// ([`Vocab::tokenize`]), `takes_dot` whether a word may keep a dot
    /// after it. The mentions returned carry their text only `with_text`
    /// (the entities' always do).
    pub(crate) fn process(
        &mut self,
        sentence: &Sentence,
        index: usize,
        tokens: &[LTok],
        takes_dot: bool,
        vocab: &mut Vocab,
        out: MentionsOut<'_>,
    ) {
        let text = sentence.text.as_str();
        // the rules' tokens are the sentence's own unless an abbreviation keeps its dot ("Mr."):
        // then they are a copy, each abbreviation a word of its own
        let mut merged = std::mem::take(&mut self.lts);
        let lts = if takes_dot && logical_tokens(text, tokens, &mut merged) {
            for t in merged.iter_mut().filter(|t| t.kind == TokenKind::Word && t.word == NO_WORD) {
                t.set_word(vocab.intern(text.get(t.start..t.end).unwrap_or("")));
            }
            &merged[..]
        } else {
            tokens
        };
        debug_assert!(lts.iter().all(|t| t.kind != TokenKind::Word || t.word != NO_WORD), "words looked up");
        self.mentions(sentence, index, lts, vocab, out);
        self.lts = merged;
    }

    /// [`process`](Self::process) over the logical tokens `lts`.
    fn mentions(&mut self, sentence: &Sentence, index: usize, lts: &[LTok], vocab: &Vocab, out: MentionsOut<'_>) {
        let MentionsOut { mentions, with_text } = out;
        let text = sentence.text.as_str();
        let forms = vocab.lowered_forms();
        let mut spans = std::mem::take(&mut self.spans);
        self.detector.detect(text, lts, vocab, &self.gaz, &self.doc, &mut spans);
        spans.sort_by_key(|s| (s.s, s.e));
        mentions.clear();
        self.span_ids.clear();
        self.named.clear();
        let mut last_end = 0;
        for (k, span) in spans.iter().enumerate() {
            let (Some(first), Some(last)) = (lts.get(span.s), span.e.checked_sub(1).and_then(|e| lts.get(e))) else {
                self.span_ids.push(usize::MAX);
                continue;
            };
            let (start, end) = (first.start, last.end);
            let Some(mtext) = text.get(start..end) else {
                self.span_ids.push(usize::MAX);
                continue;
            };
            if start < last_end && k > 0 {
                // overlapping spans cannot happen by construction; keep the first
                self.span_ids.push(usize::MAX);
                continue;
            }
            last_end = end;
            // lower-cased words and the surface key
            self.words_buf.clear();
            self.surface.clear();
            let mut ranges: [(usize, usize); 16] = [(0, 0); 16];
            let mut nw = 0;
            for i in span.s..span.e {
                let w = self.detector.low_or_written(i, lts, text, forms);
                if nw < ranges.len() {
                    let a = self.words_buf.len();
                    self.words_buf.push_str(w);
                    ranges[nw] = (a, self.words_buf.len());
                    nw += 1;
                }
                if !self.surface.is_empty() {
                    self.surface.push(' ');
                }
                self.surface.push_str(w);
            }
            let mut wl: [&str; 16] = [""; 16];
            for (slot, &(a, b)) in wl.iter_mut().zip(ranges.iter().take(nw)) {
                *slot = self.words_buf.get(a..b).unwrap_or("");
            }
            // an acronym defined for a name, or an alias introduced as one ("X, better known as Y")
            let alias_of = k
                .checked_sub(1)
                .filter(|&p| spans.get(p).is_some_and(|prev| self.is_alias_gap(lts, text, forms, prev.e, span.s)));
            let acronym_of =
                span.acronym_of.or(alias_of).and_then(|p| self.span_ids.get(p).copied()).filter(|&id| id != usize::MAX);
            let cand = Candidate {
                words: &wl[..nw],
                surface: &self.surface,
                label: span.label,
                strength: span.strength,
                entry: span.entry,
                acronym_of,
            };
            let id = self.doc.link(&cand, &self.gaz);
            self.span_ids.push(id);
            let state = self.doc.states.get(id);
            let label = state.map_or(span.label, |s| s.label());
            let country = state.and_then(|s| self.gaz.entry(s.entry?)).is_some_and(|e| e.source == Source::Country);
            // a lone word that is a listed public figure's family name ("Clinton") says nothing of sex,
            // even when it is a given name too
            let lone_surname = span.e == span.s + 1 && self.detector.bits(span.s) & class::PERSON_NAME != 0;
            self.named.push(Named { first: span.s, end: span.e, entity: id, label, country, lone_surname });
            let abs_start = sentence.start + start;
            let abs_end = sentence.start + end;
            if id >= self.entities.len() {
                if self.entities.capacity() == 0 {
                    // an article names a few dozen: growing one by one copies these large structs many times
                    self.entities.reserve(ENTITIES_RESERVED);
                }
                self.entities.push(Entity {
                    id,
                    name: CompactString::from(mtext),
                    label,
                    mentions: Vec::new(),
                    mention_count: 0,
                    framing: Framing::default(),
                });
            }
            if let Some(ent) = self.entities.get_mut(id) {
                ent.label = label;
                if is_fuller(mtext, &ent.name) && acronym_of.is_none() {
                    ent.name = CompactString::from(mtext);
                }
                add_mention(ent, self.keep_mentions, abs_start, abs_end, mtext, index, MentionKind::Name);
            }
            mentions.push(Mention {
                start: abs_start,
                end: abs_end,
                text: if with_text { CompactString::from(mtext) } else { CompactString::default() },
                sentence: index,
                label,
                entity: id,
                kind: MentionKind::Name,
            });
        }
        self.spans = spans;
        self.add_references(sentence, index, lts, forms, mentions, with_text);
    }

    /// The tokens `from..to` between two names introduce the second as another
    /// name of the first: ", known as", ", better known as", "(also known as".
    fn is_alias_gap(&self, lts: &[LTok], text: &str, forms: &str, from: usize, to: usize) -> bool {
        // most names stand apart or side by side: only a short gap opening with punctuation can be one
        if to <= from + 1 || to - from > 5 || lts.get(from).is_none_or(|t| t.kind != TokenKind::Punct) {
            return false;
        }
        let mut words = [""; 4];
        let mut n = 0;
        for w in (from + 1..to).map(|i| self.detector.low(i, text, forms)).filter(|w| !w.is_empty()) {
            if let Some(slot) = words.get_mut(n) {
                *slot = w;
                n += 1;
            }
        }
        match &words[..n] {
            ["known", "as"] | ["aka"] | ["a.k.a."] => true,
            [adverb, "known", "as"] => matches!(*adverb, "better" | "also" | "commonly" | "popularly" | "widely"),
            _ => false,
        }
    }

    /// Resolves the sentence's pronouns and descriptions and adds them as
    /// mentions (in text order with the names); `forms` are the word table's.
    fn add_references(
        &mut self,
        sentence: &Sentence,
        index: usize,
        lts: &[LTok],
        forms: &str,
        mentions: &mut Vec<Mention>,
        with_text: bool,
    ) {
        let text = sentence.text.as_str();
        let det = &self.detector;
        let lower = |i: usize| det.low_or_written(i, lts, text, forms);
        self.references.clear();
        self.refs.sentence(index, text, lts, lower, &self.named, &mut self.references);
        if self.references.is_empty() {
            return;
        }
        let mut resolved = std::mem::take(&mut self.resolved);
        resolved.clear();
        for r in &self.references {
            let (Some(first), Some(last)) = (lts.get(r.first), r.end.checked_sub(1).and_then(|e| lts.get(e))) else {
                continue;
            };
            let Some(rtext) = text.get(first.start..last.end) else { continue };
            let (abs_start, abs_end) = (sentence.start + first.start, sentence.start + last.end);
            let label = self.doc.states.get(r.entity).map_or(Label::Person, |s| s.label());
            if let Some(ent) = self.entities.get_mut(r.entity) {
                add_mention(ent, self.keep_mentions, abs_start, abs_end, rtext, index, r.kind);
            }
            resolved.push(Mention {
                start: abs_start,
                end: abs_end,
                text: if with_text { CompactString::from(rtext) } else { CompactString::default() },
                sentence: index,
                label,
                entity: r.entity,
                kind: r.kind,
            });
        }
        // names and references are each in text order: merged as a stable sort of the two
        // would order them, without another instance of the sort in the page's wasm
        let mut names = std::mem::take(&mut self.merged);
        names.clear();
        names.append(mentions);
        let in_order = |ms: &[Mention]| ms.windows(2).all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end));
        debug_assert!(in_order(&names) && in_order(&resolved));
        let mut refs = resolved.drain(..).peekable();
        for name in names.drain(..) {
            while let Some(r) = refs.next_if(|r| (r.start, r.end) < (name.start, name.end)) {
                mentions.push(r);
            }
            mentions.push(name);
        }
        mentions.extend(refs);
        // the buffers serve the next sentence
        self.resolved = resolved;
        self.merged = names;
    }

    /// The entities known so far, by id (for the framing stage).
    #[allow(dead_code)]
    pub(crate) fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The id of the country entity a demonym mention ("Chinese") points to,
    /// when that country has been mentioned in the document so far.
    #[allow(dead_code)]
    pub(crate) fn country_of(&self, mention: &Mention) -> Option<usize> {
        let st = self.doc.states.get(mention.entity)?;
        let entry = self.gaz.entry(st.entry?)?;
        if entry.label != Label::Norp {
            return None;
        }
        let id = *self.doc.by_entry.get(&entry.country?)? as usize;
        (self.doc.states.get(id)?.label() == Label::Gpe).then_some(id)
    }

    /// The final entities of the document, by id, with document-level
    /// labels; the tracker is then ready for the next document (its scratch
    /// buffers kept).
    pub(crate) fn finish_document(&mut self) -> Vec<Entity> {
        let mut entities = std::mem::take(&mut self.entities);
        for ent in &mut entities {
            if let Some(st) = self.doc.states.get(ent.id) {
                ent.label = st.label();
            }
            ent.mentions.sort_by_key(|m| (m.start, m.end));
        }
        self.doc.clear();
        self.refs.clear();
        entities
    }
}

/// Counts a mention of `ent` and keeps it unless its list is full and not everything is kept.
fn add_mention(
    ent: &mut Entity,
    keep_all: bool,
    start: usize,
    end: usize,
    text: &str,
    sentence: usize,
    kind: MentionKind,
) {
    ent.mention_count += 1;
    if keep_all || ent.mentions.len() < MENTIONS_KEPT {
        ent.mentions.push(EntityMention { start, end, text: CompactString::from(text), sentence, kind });
    }
}

/// More words, or as many words and more characters.
fn is_fuller(new: &str, old: &str) -> bool {
    // most mentions repeat the name as it is
    new != old && (word_count(new), new.len()) > (word_count(old), old.len())
}

/// `s.split_whitespace().count()`, a byte at a time for ASCII text (a test checks they agree).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let mut count = 0;
    let mut in_word = false;
    for b in s.as_bytes() {
        let starts = !space(b) && !in_word;
        count += usize::from(starts);
        in_word = !space(b);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::lexicon::Lexicon;
    use crate::segment::Segmenter;

    fn new_vocab(tracker: &EntityTracker) -> Vocab {
        Vocab::new(tracker.gazetteer(), Lexicon::with_extra(&[]))
    }

    /// The mentions of sentence `s` (number `index`), with their text, its
    /// tokens made in `tokens` as the analyzer makes them.
    fn mentions_of(
        tracker: &mut EntityTracker,
        s: &Sentence,
        index: usize,
        tokens: &mut Vec<LTok>,
        vocab: &mut Vocab,
    ) -> Vec<Mention> {
        let seen = vocab.tokenize(&s.text, tokens);
        let mut found = Vec::new();
        tracker.process(s, index, tokens, seen.takes_dot, vocab, MentionsOut { mentions: &mut found, with_text: true });
        found
    }

    /// Splits and tags `text` the way the analyzer does, in chunks of `chunk` bytes.
    fn run(text: &str, chunk: usize) -> (Vec<Mention>, Vec<Entity>) {
        let config = Config::default();
        let mut seg = Segmenter::new(config.max_sentence_bytes);
        let mut tracker = EntityTracker::new(&config);
        let mut vocab = new_vocab(&tracker);
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let mut mentions = Vec::new();
        let mut index = 0;
        let mut pos = 0;
        let mut tag = |sentences: &mut Vec<Sentence>, tracker: &mut EntityTracker| {
            for s in sentences.drain(..) {
                mentions.extend(mentions_of(tracker, &s, index, &mut tokens, &mut vocab));
                index += 1;
            }
        };
        while pos < text.len() {
            let mut end = (pos + chunk).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            seg.push(&text[pos..end], &mut sentences);
            tag(&mut sentences, &mut tracker);
            pos = end;
        }
        seg.finish(&mut sentences);
        tag(&mut sentences, &mut tracker);
        (mentions, tracker.finish_document())
    }

    #[test]
    fn country_of_points_a_demonym_at_its_country() {
        let text = "China said so. Chinese officials agreed. Russian troops moved.";
        let config = Config::default();
        let mut seg = Segmenter::new(config.max_sentence_bytes);
        let mut tracker = EntityTracker::new(&config);
        let mut vocab = new_vocab(&tracker);
        let mut sentences = Vec::new();
        seg.push(text, &mut sentences);
        seg.finish(&mut sentences);
        let mut tokens = Vec::new();
        let mut found = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            for m in mentions_of(&mut tracker, s, i, &mut tokens, &mut vocab) {
                found.push((m.text.clone(), tracker.country_of(&m)));
            }
        }
        let china = found.iter().find(|(t, _)| t == "China").map(|_| 0);
        assert_eq!(china, Some(0));
        assert!(found.contains(&("Chinese".into(), Some(0))), "{found:?}");
        // Russia is not mentioned, so "Russian" points nowhere yet
        assert!(found.contains(&("Russian".into(), None)), "{found:?}");
    }

    #[test]
    fn word_count_agrees_with_split_whitespace() {
        for t in ["", " ", "Xi", "Xi Jinping", " a  b\tc\n", "a\x0Bb\x0Cc\rd", "Zürich Ost", "a\u{a0}b", "x "] {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn chunking_does_not_change_mentions_or_groups() {
        let text = include_str!("../../tests/data/entities/chunking.txt");
        let whole = run(text, usize::MAX / 2);
        assert!(!whole.0.is_empty());
        for chunk in [1, 2, 3, 7, 64, 1000] {
            assert_eq!(run(text, chunk), whole, "chunk size {chunk}");
        }
    }

    /// CPU time of this thread in seconds, from `/proc/thread-self/schedstat`
    /// (Linux, nanoseconds; wall-clock time elsewhere), so a busy machine does
    /// not distort the figure.
    fn cpu_seconds(wall: std::time::Instant) -> f64 {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        match stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()) {
            Some(ns) => ns / 1e9,
            None => wall.elapsed().as_secs_f64(),
        }
    }

    /// MB/s of `f` over `bytes`, by CPU time, best of three runs; and what `f` counted.
    fn rate(bytes: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
        let mut best = f64::INFINITY;
        let mut n = 0;
        for _ in 0..3 {
            let wall = std::time::Instant::now();
            let t = cpu_seconds(wall);
            n = f();
            best = best.min((cpu_seconds(wall) - t).max(1e-6));
        }
        (bytes as f64 / best / 1e6, n)
    }

    /// Throughput of each stage over 8 MB of news (run with
    /// `cargo test --release -p slant-core --lib entities::tests::throughput -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn throughput() {
        let article = include_str!("../../tests/data/entities/seed.txt");
        let mut text = String::new();
        while text.len() < 8 << 20 {
            text.push_str(article);
            text.push_str("\n\n");
        }
        let chunks = crate::workloads::char_chunks(&text, 1 << 16);
        let config = Config::default();
        let split = || {
            let mut seg = Segmenter::new(config.max_sentence_bytes);
            let mut sentences = Vec::new();
            let mut n = 0;
            for chunk in &chunks {
                seg.push(chunk, &mut sentences);
                n += sentences.len();
                sentences.clear();
            }
            seg.finish(&mut sentences);
            n + sentences.len()
        };
        let (mbs, n) = rate(text.len(), split);
        println!("split alone: {n} sentences, {mbs:.1} MB/s");

        // tokens and word ids of sentences split beforehand
        let mut seg = Segmenter::new(config.max_sentence_bytes);
        let mut sentences = Vec::new();
        seg.push(&text, &mut sentences);
        seg.finish(&mut sentences);
        let tracker = EntityTracker::new(&config);
        let mut vocab = new_vocab(&tracker);
        let mut tokens = Vec::new();
        let (mbs, n) = rate(text.len(), || {
            let mut n = 0;
            for s in &sentences {
                vocab.tokenize(&s.text, &mut tokens);
                n += tokens.len();
            }
            n
        });
        println!("tokens and word ids alone: {n} tokens, {mbs:.1} MB/s");

        let mut entities = 0;
        let (mbs, n) = rate(text.len(), || {
            let mut seg = Segmenter::new(config.max_sentence_bytes);
            let mut tracker = EntityTracker::new(&config);
            let mut vocab = new_vocab(&tracker);
            let mut sentences = Vec::new();
            let mut count = 0;
            let mut index = 0;
            for (k, chunk) in chunks.iter().enumerate() {
                seg.push(chunk, &mut sentences);
                if k + 1 == chunks.len() {
                    seg.finish(&mut sentences);
                }
                for s in sentences.drain(..) {
                    count += mentions_of(&mut tracker, &s, index, &mut tokens, &mut vocab).len();
                    index += 1;
                }
            }
            entities = tracker.finish_document().len();
            count
        });
        println!("split + tokens + entities: {n} mentions of {entities} entities, {mbs:.1} MB/s");

        let (mbs, n) = rate(text.len(), || {
            let mut analyzer = crate::Analyzer::new(Config::default());
            let mut n = 0;
            for chunk in &chunks {
                n += analyzer.feed(chunk).len();
            }
            n + analyzer.finish().cues.len()
        });
        println!("full pipeline (split, entities, framing, aggregate): {n} sentences + cues, {mbs:.1} MB/s");
    }
}
