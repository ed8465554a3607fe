//! The pipeline: segmenting → tokens → entities → framing → aggregation,
//! driven one chunk at a time.

use crate::aggregate::Aggregator;
use crate::config::Config;
use crate::entities::{EntityTracker, MentionsOut};
use crate::framing::CueFinder;
use crate::lexical::words::LTok;
use crate::model::{Analysis, Cue, Mention, Sentence, SentenceReport};
use crate::resources::lexicon::Lexicon;
use crate::segment::Segmenter;
use crate::vocab::Vocab;

/// Streaming analysis of one document at a time.
///
/// Feed it the text in chunks of any size; each call returns the sentences
/// that became final, with their mentions and cues. The result does not
/// depend on how the text was chunked.
///
/// # Life cycle
///
/// A document is [`new`](Self::new) (or the previous document's
/// [`finish_document`](Self::finish_document)), then any number of
/// [`feed`](Self::feed) and [`push`](Self::push) calls in any mix, then
/// [`finish`](Self::finish), which consumes the analyzer, or
/// `finish_document`, which returns the analysis and starts the next
/// document (offsets from 0 again, analysed as by a new analyzer).
///
/// [`flush`](Self::flush) ends the sentence in progress, not the document,
/// and `feed` may follow it: the text goes on as the same document, offsets
/// counting on after the text fed so far and its entities shared, with a
/// sentence break where `flush` was called (the only way a flush changes
/// the result). A `flush` with nothing fed since the last one returns
/// nothing; `finish` after `flush` returns the whole document, the
/// flushed sentences included.
#[derive(Debug)]
pub struct Analyzer {
    keep_sentences: bool,
    keep_mentions: bool,
    framing: bool,
    segmenter: Segmenter,
    /// Every distinct word, looked up in all word lists once.
    vocab: Vocab,
    tracker: EntityTracker,
    cue_finder: CueFinder,
    aggregator: Aggregator,
    sentence_count: usize,
    cue_count: usize,
    sentences: Vec<Sentence>,
    cues: Vec<Cue>,
    /// Scratch buffers reused for every sentence: its tokens with their words.
    tokens: Vec<LTok>,
    /// The sentence's mentions, when no report takes them.
    mentions: Vec<Mention>,
    finished: Vec<Sentence>,
}

impl Analyzer {
    /// A new analyzer. It cannot fail: every [`Config`] is valid, its
    /// sentence limit having been checked when it was built
    /// ([`SentenceLimit::new`](crate::SentenceLimit::new)).
    pub fn new(config: Config) -> Self {
        let tracker = EntityTracker::new(&config);
        Analyzer {
            keep_sentences: config.keep_sentences,
            keep_mentions: config.keep_mentions,
            framing: config.framing,
            segmenter: Segmenter::new(config.max_sentence_bytes),
            vocab: {
                let vocab = Vocab::new(tracker.gazetteer(), Lexicon::with_extra(&config.lexicon));
                if config.framing {
                    vocab
                } else {
                    vocab.without_framing()
                }
            },
            tracker,
            #[cfg(feature = "rules")]
            cue_finder: CueFinder::with_rules(config.rules.clone()),
            #[cfg(not(feature = "rules"))]
            cue_finder: CueFinder::new(),
            aggregator: Aggregator::new(config.keep_mentions),
            sentence_count: 0,
            cue_count: 0,
            sentences: Vec::new(),
            cues: Vec::new(),
            tokens: Vec::new(),
            mentions: Vec::new(),
            finished: Vec::new(),
        }
    }

    /// Adds the next chunk of text; returns the sentences that became final.
    pub fn feed(&mut self, chunk: &str) -> Vec<SentenceReport> {
        let mut reports = Vec::new();
        self.segment(chunk, false, Some(&mut reports));
        reports
    }

    /// Like [`feed`](Self::feed) for the end of the input: returns the last sentences.
    pub fn flush(&mut self) -> Vec<SentenceReport> {
        let mut reports = Vec::new();
        self.segment("", true, Some(&mut reports));
        reports
    }

    /// Like [`feed`](Self::feed) for a caller who wants only the final
    /// analysis: no sentence reports are made, so nothing is copied for them.
    pub fn push(&mut self, chunk: &str) {
        self.segment(chunk, false, None);
    }

    /// Splits off the sentences that `chunk` (or the end of the input)
    /// completes and analyses them; their reports go to `reports` if given.
    fn segment(&mut self, chunk: &str, end: bool, mut reports: Option<&mut Vec<SentenceReport>>) {
        let mut finished = std::mem::take(&mut self.finished);
        if end {
            self.segmenter.finish(&mut finished);
        } else {
            self.segmenter.push(chunk, &mut finished);
        }
        for sentence in finished.drain(..) {
            let report = self.analyze_sentence(sentence, reports.is_some());
            match reports.as_deref_mut() {
                Some(out) => {
                    if self.keep_sentences {
                        self.sentences.push(report.sentence.clone());
                        self.cues.extend(report.cues.iter().cloned());
                    }
                    out.push(report);
                }
                None if self.keep_sentences => {
                    self.sentences.push(report.sentence);
                    self.cues.extend(report.cues);
                }
                None => {}
            }
        }
        self.finished = finished;
    }

    /// Ends the input and returns the whole-document analysis.
    pub fn finish(mut self) -> Analysis {
        self.finish_document()
    }

    /// Ends the current document and returns its analysis, leaving the
    /// analyzer ready for the next one. The next document is analysed exactly
    /// as by a new analyzer, but it keeps its word table (per-word lookups in
    /// the lists and the model), so a corpus of short documents is not
    /// looked up afresh for every document.
    pub fn finish_document(&mut self) -> Analysis {
        self.segment("", true, None);
        let mut entities = self.tracker.finish_document();
        let summary =
            std::mem::replace(&mut self.aggregator, Aggregator::new(self.keep_mentions)).finish(&mut entities);
        self.segmenter = self.segmenter.next_document();
        self.cue_finder.next_document();
        self.sentence_count = 0;
        self.cue_count = 0;
        Analysis {
            sentences: std::mem::take(&mut self.sentences),
            entities,
            cues: std::mem::take(&mut self.cues),
            summary,
        }
    }

    /// Analyses one sentence; its mentions carry their text only if
    /// `reported` (otherwise only framing reads them, by their spans).
    fn analyze_sentence(&mut self, sentence: Sentence, reported: bool) -> SentenceReport {
        let index = self.sentence_count;
        self.sentence_count += 1;
        let seen = self.vocab.tokenize(&sentence.text, &mut self.tokens);
        self.aggregator.add_words(seen.words + seen.numbers);
        if seen.words == 0 {
            // a sentence without a word (a row of symbols, brackets or emoji) names no one and frames nothing
            return SentenceReport { index, sentence, mentions: Vec::new(), cues: Vec::new() };
        }
        let mut mentions = std::mem::take(&mut self.mentions);
        let out = MentionsOut { mentions: &mut mentions, with_text: reported };
        self.tracker.process(&sentence, index, &self.tokens, seen.takes_dot, &mut self.vocab, out);
        if !self.framing {
            return SentenceReport {
                index,
                sentence,
                mentions: self.report_mentions(mentions, reported),
                cues: Vec::new(),
            };
        }
        let cues = self
            .cue_finder
            .process(&sentence, index, &self.tokens, &self.vocab, &mentions, &|m: &Mention| self.tracker.country_of(m));
        for reading in self.cue_finder.context() {
            self.aggregator.add_context(reading, &sentence, index);
        }
        for cue in &cues {
            self.aggregator.add_cue(self.cue_count, cue);
            self.cue_count += 1;
        }
        SentenceReport { index, sentence, mentions: self.report_mentions(mentions, reported), cues }
    }

    /// The mentions for a sentence's report if it is `reported`; otherwise
    /// none, and their buffer serves the next sentence.
    fn report_mentions(&mut self, mentions: Vec<Mention>, reported: bool) -> Vec<Mention> {
        if reported {
            return mentions;
        }
        self.mentions = mentions;
        Vec::new()
    }
}

/// Analyses a whole text at once: `Analyzer::new` + `push` + `finish`.
pub fn analyze(text: &str, config: Config) -> Analysis {
    let mut analyzer = Analyzer::new(config);
    analyzer.push(text);
    analyzer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(reports: &[SentenceReport]) -> Vec<&str> {
        reports.iter().map(|r| r.sentence.text.as_str()).collect()
    }

    /// The life cycle in the doc comment: `feed` after `flush` goes on with
    /// the same document, a sentence break where the flush was.
    #[test]
    fn feed_after_flush_continues_the_document() {
        let (a, b) = ("Senator Jane Smith spoke in Boston on Monday. She was", " praised. Smith left on Tuesday.");
        let text = format!("{a}{b}");
        let mut analyzer = Analyzer::new(Config::default());
        let mut reports = analyzer.feed(a);
        reports.extend(analyzer.flush());
        assert_eq!(texts(&reports), ["Senator Jane Smith spoke in Boston on Monday.", "She was"]);
        assert!(analyzer.flush().is_empty(), "nothing fed since the last flush");
        let later = analyzer.feed(b);
        reports.extend(later);
        reports.extend(analyzer.flush());
        assert_eq!(
            texts(&reports),
            ["Senator Jane Smith spoke in Boston on Monday.", "She was", "praised.", "Smith left on Tuesday."]
        );
        // Offsets count on over everything fed: the flush restarts nothing.
        for r in &reports {
            assert_eq!(text.get(r.sentence.start..r.sentence.end), Some(r.sentence.text.as_str()));
        }
        let analysis = analyzer.finish();
        assert_eq!(analysis.sentences, reports.iter().map(|r| r.sentence.clone()).collect::<Vec<_>>());
        // One document: the Smith of the second part is the senator.
        let smith = analysis.entities.iter().find(|e| e.name == "Jane Smith").expect("Jane Smith");
        assert!(smith.mentions.iter().any(|m| m.start >= a.len()), "{smith:?}");

        // A flush where the text has a sentence break anyway changes nothing.
        let (a, b) = ("Senator Jane Smith spoke in Boston on Monday.", " Smith left on Tuesday.");
        let mut analyzer = Analyzer::new(Config::default());
        analyzer.feed(a);
        analyzer.flush();
        analyzer.feed(b);
        assert_eq!(analyzer.finish(), analyze(&format!("{a}{b}"), Config::default()));
    }
}
