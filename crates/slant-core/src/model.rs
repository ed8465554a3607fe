//! The result types. Field names are the JSON contract (`shared/CONTRACT.md`,
//! mirrored in the README); offsets are absolute UTF-8 byte spans, half-open.
//!
//! The short texts (a mention, a cue, a context word, an entity's name, a
//! cue's reason) are [`CompactString`]s: up to 24 bytes sit inside the value,
//! so an article's thousands of them cost no allocation each. They deref to
//! `&str` and serialize as strings; a sentence's text is a `String`.

/// A string that keeps up to 24 bytes inline (the `compact_str` crate).
pub use compact_str::CompactString;
#[cfg(feature = "serde")]
use serde::Serialize;

/// One sentence of the input: `text == input[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Sentence {
    /// Offset of the first character: UTF-8 bytes in Rust, UTF-16 code
    /// units in JavaScript, code points in Python.
    pub start: usize,
    /// Offset one past the last character, counted as `start` is.
    pub end: usize,
    /// The sentence exactly as in the input (inner newlines kept).
    pub text: String,
}

/// The kind of thing a named entity is (OntoNotes-style coarse labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Label {
    /// A person, real or fictional.
    #[cfg_attr(feature = "serde", serde(rename = "PERSON"))]
    Person,
    /// Companies, agencies, institutions, parties, media outlets.
    #[cfg_attr(feature = "serde", serde(rename = "ORG"))]
    Org,
    /// Countries, cities, states: places with a government.
    #[cfg_attr(feature = "serde", serde(rename = "GPE"))]
    Gpe,
    /// Other places: regions, water, mountains, facilities.
    #[cfg_attr(feature = "serde", serde(rename = "LOC"))]
    Loc,
    /// Nationalities, religious and political groups.
    #[cfg_attr(feature = "serde", serde(rename = "NORP"))]
    Norp,
    /// Named events: wars, holidays of state, disasters.
    #[cfg_attr(feature = "serde", serde(rename = "EVENT"))]
    Event,
}

impl Label {
    /// The contract's spelling: `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `EVENT`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
        }
    }

    /// Parses the contract's spelling (case-insensitive).
    pub fn parse(s: &str) -> Option<Label> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Label::Person,
            "ORG" => Label::Org,
            "GPE" => Label::Gpe,
            "LOC" => Label::Loc,
            "NORP" => Label::Norp,
            "EVENT" => Label::Event,
            _ => return None,
        })
    }
}

/// One occurrence of a named entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Mention {
    /// Offset of the first character: UTF-8 bytes in Rust, UTF-16 code
    /// units in JavaScript, code points in Python.
    pub start: usize,
    /// Offset one past the last character, counted as `start` is.
    pub end: usize,
    /// The mention as written, without titles or a possessive `'s`.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub text: CompactString,
    /// Index of the sentence it occurs in.
    pub sentence: usize,
    /// The label of this mention as decided when its sentence was emitted.
    pub label: Label,
    /// The id of the entity this mention names.
    pub entity: usize,
    /// A name, or a reference (pronoun, description) resolved to the entity.
    pub kind: MentionKind,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MentionKind {
    /// By name: "Richard Blumenthal", "Blumenthal".
    #[default]
    Name,
    /// A third-person pronoun: "he", "her", "its", "their".
    Pronoun,
    /// A definite description: "the congressman", "the company".
    Nominal,
}

/// The kind of a framing cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CueKind {
    /// An epithet or title characterising a named referent ("dictator", "hero").
    Label,
    /// Quotation marks around a short phrase that distance the author from it.
    ScareQuote,
    /// Wording that casts doubt ("alleged", "so-called").
    Doubt,
    /// A reporting verb that is not neutral ("asserted", "boasted").
    Attribution,
    /// Other emotive or loaded wording.
    Loaded,
}

impl CueKind {
    /// All kinds, in the order reports list them.
    pub const ALL: [CueKind; 5] =
        [CueKind::Label, CueKind::ScareQuote, CueKind::Doubt, CueKind::Attribution, CueKind::Loaded];

    /// The contract's spelling (`label`, `scare_quote`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Label => "label",
            CueKind::ScareQuote => "scare_quote",
            CueKind::Doubt => "doubt",
            CueKind::Attribution => "attribution",
            CueKind::Loaded => "loaded",
        }
    }
}

/// A piece of wording that frames a named referent.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "typescript", tsify(missing_as_null))]
pub struct Cue {
    /// Offset of the first character: UTF-8 bytes in Rust, UTF-16 code
    /// units in JavaScript, code points in Python.
    pub start: usize,
    /// Offset one past the last character, counted as `start` is.
    pub end: usize,
    /// The cue's wording as in the input.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub text: CompactString,
    /// Index of the sentence it occurs in.
    pub sentence: usize,
    /// What kind of framing it is.
    pub kind: CueKind,
    /// From -1 (most unfavourable to the target) to +1.
    pub polarity: f32,
    /// The id of the entity it frames, if any.
    pub target: Option<usize>,
    /// A short explanation a reader understands.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub reason: CompactString,
}

/// Where an entity is mentioned, as listed under the entity.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct EntityMention {
    /// Offset of the first character: UTF-8 bytes in Rust, UTF-16 code
    /// units in JavaScript, code points in Python.
    pub start: usize,
    /// Offset one past the last character, counted as `start` is.
    pub end: usize,
    /// The mention as written.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub text: CompactString,
    /// Index of the sentence it occurs in.
    pub sentence: usize,
    /// A name, or a reference (pronoun, description) resolved to the entity.
    pub kind: MentionKind,
}

/// The overall framing of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Polarity {
    /// Framed unfavourably.
    Negative,
    /// No clear framing either way.
    Neutral,
    /// Framed favourably.
    Positive,
}

/// What an entity's verdict rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Basis {
    /// Nothing moved it: neutral by default.
    #[default]
    #[cfg_attr(feature = "serde", serde(rename = "none"))]
    Nothing,
    /// The cues that target it (the context model's lean only adds to them).
    Cues,
    /// The context model's reading of the wording around it, with no counted cue.
    Context,
}

/// How firmly the evidence holds an entity's verdict, for a reader deciding
/// how much to make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Confidence {
    /// No evidence either way.
    #[default]
    #[cfg_attr(feature = "serde", serde(rename = "none"))]
    Nothing,
    /// A lean: the context model alone, or cues that only just pass the
    /// threshold or cancel out.
    Weak,
    /// Cues that together go past what the context model alone could give.
    Strong,
}

/// An entity's aggregate framing and the cues behind it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Framing {
    /// From -1 to +1.
    pub score: f32,
    /// `score` put into one of three classes.
    pub polarity: Polarity,
    /// Indices into [`Analysis::cues`] of its evidence; with
    /// [`Config::keep_mentions`](crate::Config::keep_mentions) off, only the
    /// first [`MENTIONS_KEPT`](crate::MENTIONS_KEPT).
    pub cues: Vec<usize>,
    /// How many cues frame it, listed or not.
    pub cue_count: usize,
    /// What the wording around its mentions says, and the words that said it.
    pub context: Context,
    /// What the verdict rests on.
    pub basis: Basis,
    /// How firmly its evidence holds the verdict.
    pub confidence: Confidence,
}

impl Default for Framing {
    fn default() -> Self {
        Framing {
            score: 0.0,
            polarity: Polarity::Neutral,
            cues: Vec::new(),
            cue_count: 0,
            context: Context::default(),
            basis: Basis::Nothing,
            confidence: Confidence::Nothing,
        }
    }
}

/// The context model's reading of an entity (see `framing::context`): beyond
/// the cues, how the sentences that name it read for it.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Context {
    /// The mean over the sentences naming it of P(positive) - P(negative), -1 to +1.
    pub score: f32,
    /// The words that weighed most in that direction, strongest first.
    pub words: Vec<ContextWord>,
}

/// A word the context model weighed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ContextWord {
    /// Offset of the first character: UTF-8 bytes in Rust, UTF-16 code
    /// units in JavaScript, code points in Python.
    pub start: usize,
    /// Offset one past the last character, counted as `start` is.
    pub end: usize,
    /// `input[start..end]`.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub text: CompactString,
    /// Index of its sentence.
    pub sentence: usize,
    /// Its pull toward positive (negative: toward negative), in logits.
    pub weight: f32,
}

/// One referent, with every mention of it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Entity {
    /// Stable within one document: the order of first mention.
    pub id: usize,
    /// The fullest form of its name seen in the document.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub name: CompactString,
    /// Its label, decided over the whole document.
    pub label: Label,
    /// Every mention, in text order; with [`Config::keep_mentions`](crate::Config::keep_mentions)
    /// off, only the first [`MENTIONS_KEPT`](crate::MENTIONS_KEPT).
    pub mentions: Vec<EntityMention>,
    /// How many mentions it has in the document, kept or not.
    pub mention_count: usize,
    /// How the wording frames it.
    pub framing: Framing,
}

/// Document-level figures over the cues.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[cfg_attr(feature = "typescript", tsify(missing_as_null))]
pub struct Summary {
    /// Number of words in the document.
    pub words: usize,
    /// Number of cues of each kind, in [`CueKind::ALL`] order.
    pub cue_counts: CueCounts,
    /// Cues per 100 words.
    pub cues_per_100_words: f32,
    /// The id of the most negatively framed entity, if any is negative.
    pub most_negative: Option<usize>,
    /// The id of the most positively framed entity, if any is positive.
    pub most_positive: Option<usize>,
}

/// Cue counts by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[allow(missing_docs)]
pub struct CueCounts {
    pub label: usize,
    pub scare_quote: usize,
    pub doubt: usize,
    pub attribution: usize,
    pub loaded: usize,
}

impl CueCounts {
    /// Counts one more cue of `kind`.
    pub fn add(&mut self, kind: CueKind) {
        match kind {
            CueKind::Label => self.label += 1,
            CueKind::ScareQuote => self.scare_quote += 1,
            CueKind::Doubt => self.doubt += 1,
            CueKind::Attribution => self.attribution += 1,
            CueKind::Loaded => self.loaded += 1,
        }
    }

    /// All cues counted.
    pub fn total(&self) -> usize {
        self.label + self.scare_quote + self.doubt + self.attribution + self.loaded
    }
}

/// A sentence that became final while streaming, with what was found in it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SentenceReport {
    /// Index of the sentence in the document.
    pub index: usize,
    /// The sentence.
    pub sentence: Sentence,
    /// Its entity mentions, linked to entities as known when it was emitted.
    pub mentions: Vec<Mention>,
    /// Its framing cues; `Cue::target` as known when it was emitted.
    pub cues: Vec<Cue>,
}

/// The whole-document analysis: the contract's JSON object.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Analysis {
    /// Every sentence, in order (empty when `Config::keep_sentences` is off).
    pub sentences: Vec<Sentence>,
    /// Every entity, by id.
    pub entities: Vec<Entity>,
    /// Every cue, in text order (empty when `Config::keep_sentences` is off).
    pub cues: Vec<Cue>,
    /// Document-level figures.
    pub summary: Summary,
}

impl Analysis {
    /// Calls `f` on every text offset of the analysis (each `start` and
    /// `end` of its sentences, mentions, context words and cues), in a fixed
    /// order: the one place that knows where spans are, for callers that
    /// convert offsets to other units (the wasm module's UTF-16).
    pub fn for_each_offset_mut(&mut self, f: &mut impl FnMut(&mut usize)) {
        for s in &mut self.sentences {
            f(&mut s.start);
            f(&mut s.end);
        }
        for e in &mut self.entities {
            for m in &mut e.mentions {
                f(&mut m.start);
                f(&mut m.end);
            }
            for w in &mut e.framing.context.words {
                f(&mut w.start);
                f(&mut w.end);
            }
        }
        for c in &mut self.cues {
            f(&mut c.start);
            f(&mut c.end);
        }
    }
}

impl SentenceReport {
    /// Calls `f` on every text offset of the report (its sentence, mentions
    /// and cues), in a fixed order; see [`Analysis::for_each_offset_mut`].
    pub fn for_each_offset_mut(&mut self, f: &mut impl FnMut(&mut usize)) {
        f(&mut self.sentence.start);
        f(&mut self.sentence.end);
        for m in &mut self.mentions {
            f(&mut m.start);
            f(&mut m.end);
        }
        for c in &mut self.cues {
            f(&mut c.start);
            f(&mut c.end);
        }
    }
}
