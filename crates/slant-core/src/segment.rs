//! Sentence splitting of English news, streaming and chunk-invariant.
//!
//! The splitter is rule-based. It walks the text once and stops at the bytes
//! that can end a sentence: `.`, `!`, `?`, `…`, a line break, and the bullets
//! and list numbers of inline lists. At each it decides from a few bytes
//! before and after:
//!
//! - terminal punctuation ends a sentence when whitespace and then a capital,
//!   a digit or an opening quote or bracket follow; closing quotes and
//!   brackets after it belong to the sentence;
//! - after an abbreviation (`data/segment/abbreviations.tsv`) a title
//!   ("Mr.", "Gen.") never ends a sentence, and an ambiguous one ("Inc.",
//!   "U.S.", "a.m.", an initial) only when the next word is a common sentence
//!   opener (`data/segment/sentence_starters.tsv`): "U.S. Senate" goes on,
//!   "U.S. How" does not;
//! - `...` before a capital ends a sentence; a spaced `. . .` marks an
//!   omission and does not, unless a period precedes it (`word. . . . The`);
//! - `world.Today` (no space) is a boundary unless the word is a URL, an
//!   e-mail address or an abbreviation;
//! - a blank line always ends a sentence; a single line break ends one when
//!   the line has no final punctuation and the next line looks like a new
//!   unit (a capital, a bullet, or a list of lower-case lines);
//! - a sentence that reaches `max_sentence_bytes` is cut at its last space.
//!
//! Streaming: the splitter buffers only the unfinished sentence and keeps its
//! scan position, so text fed one byte at a time is scanned once. Every
//! decision looks at a bounded window; when that window is not complete yet
//! the splitter waits for more input (or the end of input), so a decision
//! never depends on where a chunk ended.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::config::SentenceLimit;
use crate::model::Sentence;

/// Abbreviations and their class, compiled in.
const ABBREVIATIONS_TSV: &str = include_str!("../data/segment/abbreviations.tsv");
/// Common sentence openers, compiled in.
const STARTERS_TSV: &str = include_str!("../data/segment/sentence_starters.tsv");
/// Verbs of saying, compiled in.
const SPEECH_VERBS_TSV: &str = include_str!("../data/segment/speech_verbs.tsv");

/// How far back the word before a period is looked at.
const LOOKBEHIND: usize = 64;
/// How many bytes of the next word are looked at.
const NEXT_WORD: usize = 24;
/// Longest whitespace run looked through; a longer gap is a boundary.
const WS_CAP: usize = 256;
/// How far a token around a period without a following space is looked at (URLs, e-mail).
const TOKEN_CAP: usize = 128;
/// Longest run of terminal punctuation taken as one group.
const RUN_CAP: usize = 32;

/// What an abbreviation does before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevClass {
    /// Precedes a name; never ends a sentence.
    Title,
    /// Only inside a sentence.
    Inner,
    /// Ends a sentence only before a common sentence opener.
    Ambiguous,
}

/// What kind of sentence opener a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StarterClass {
    Starter,
    /// A preposition opening a fronted phrase.
    Intro,
}

/// FNV-1a: the keys are short words, for which SipHash's set-up dominates.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;
type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

struct Lexicon {
    abbreviations: WordMap<AbbrevClass>,
    starters: WordMap<StarterClass>,
    speech_verbs: WordSet,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut abbreviations = WordMap::default();
        for (word, class) in tsv_rows(ABBREVIATIONS_TSV) {
            let class = match class {
                "title" => AbbrevClass::Title,
                "inner" => AbbrevClass::Inner,
                _ => AbbrevClass::Ambiguous,
            };
            abbreviations.insert(word, class);
        }
        let mut starters = WordMap::default();
        for (word, class) in tsv_rows(STARTERS_TSV) {
            let class = if class == "intro" { StarterClass::Intro } else { StarterClass::Starter };
            starters.insert(word, class);
        }
        let speech_verbs = tsv_rows(SPEECH_VERBS_TSV).map(|(verb, _)| verb).collect();
        Lexicon { abbreviations, starters, speech_verbs }
    })
}

/// The first two columns of a data file (the second may be empty), without
/// comments and the header line.
fn tsv_rows(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.trim(), cols.next().unwrap_or("").trim()))
        })
}

/// A list marker that opened the current sentence ("1.", "a)", "•").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Marker {
    /// A bullet character before the item.
    bullet: Option<char>,
    /// A numbered or lettered item: its value and punctuation.
    item: Option<(Item, Style)>,
}

/// The value of a list item marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Number(u32),
    Letter(u8),
}

impl Item {
    fn next(self) -> Item {
        match self {
            Item::Number(n) => Item::Number(n.saturating_add(1)),
            Item::Letter(b) => Item::Letter(b.saturating_add(1)),
        }
    }
}

/// How a list item marker is punctuated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `1.)`
    DotParen,
}

/// Streaming sentence splitter.
#[derive(Debug)]
pub(crate) struct Segmenter {
    /// Unfinished text; `buf[0]` is at absolute offset `base`.
    buf: String,
    base: usize,
    max_sentence_bytes: SentenceLimit,
    /// Start of the current sentence in `buf`, once its first character is known.
    start: Option<usize>,
    /// Where scanning resumes in `buf`: everything before it is decided.
    scan: usize,
    /// The list marker the current sentence opened with.
    marker: Marker,
}

/// What the rules say at one candidate position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The sentence ends at `end` (whitespace before it is trimmed); the
    /// next one starts at or after `next`.
    Break { end: usize, next: usize },
    /// No boundary here; scanning goes on at `resume`.
    Continue(usize),
    /// The decision needs text that has not arrived yet.
    NeedMore,
}

impl Segmenter {
    pub(crate) fn new(max_sentence_bytes: SentenceLimit) -> Self {
        Segmenter { buf: String::new(), base: 0, max_sentence_bytes, start: None, scan: 0, marker: Marker::default() }
    }

    /// A splitter for the next document, with the same sentence limit.
    pub(crate) fn next_document(&self) -> Self {
        Segmenter::new(self.max_sentence_bytes)
    }

    /// Appends `chunk` and pushes every sentence that became final onto `out`.
    pub(crate) fn push(&mut self, chunk: &str, out: &mut Vec<Sentence>) {
        if self.buf.is_empty() {
            // Nothing pending: scan the chunk in place and keep only its unfinished tail.
            let keep = self.drain(chunk, false, out);
            self.buf.push_str(chunk.get(keep..).unwrap_or(""));
        } else {
            let mut buf = std::mem::take(&mut self.buf);
            buf.push_str(chunk);
            let keep = self.drain(&buf, false, out);
            buf.drain(..keep);
            self.buf = buf;
        }
    }

    /// Ends the input: the rest of the buffer becomes the last sentences.
    pub(crate) fn finish(&mut self, out: &mut Vec<Sentence>) {
        let buf = std::mem::take(&mut self.buf);
        let keep = self.drain(&buf, true, out);
        self.base += buf.len() - keep;
        self.buf = buf;
        self.buf.clear();
        self.start = None;
        self.scan = 0;
    }

    /// Emits the sentences of `text` (the pending text, at absolute offset
    /// `self.base`) that are final. Returns how many leading bytes are no
    /// longer needed; `base`, `start` and `scan` are moved past them.
    fn drain(&mut self, text: &str, eof: bool, out: &mut Vec<Sentence>) -> usize {
        loop {
            let start = match self.start {
                Some(start) => start,
                None => {
                    let rest = text.get(self.scan..).unwrap_or("");
                    let trimmed = rest.trim_start();
                    self.scan += rest.len() - trimmed.len();
                    if trimmed.is_empty() {
                        break;
                    }
                    match start_marker(trimmed, eof) {
                        None => break,
                        Some((marker, skip)) => {
                            let start = self.scan;
                            self.start = Some(start);
                            self.marker = marker;
                            self.scan = start + skip;
                            start
                        }
                    }
                }
            };
            match self.scan_sentence(text, start, eof) {
                Verdict::Break { end, next } => {
                    let sentence = text.get(start..end).unwrap_or("").trim_end();
                    if !sentence.is_empty() {
                        out.push(Sentence {
                            start: self.base + start,
                            end: self.base + start + sentence.len(),
                            text: sentence.to_string(),
                        });
                    }
                    self.start = None;
                    self.scan = next.max(start + 1).min(text.len());
                }
                _ => break,
            }
        }
        // Drop what is decided, keeping the unfinished sentence.
        let keep = self.start.unwrap_or(self.scan).min(text.len());
        self.base += keep;
        self.scan -= keep.min(self.scan);
        self.start = self.start.map(|s| s - keep);
        keep
    }

    /// Scans the sentence starting at `start` from `self.scan` on.
    fn scan_sentence(&mut self, text: &str, start: usize, eof: bool) -> Verdict {
        let bytes = text.as_bytes();
        let limit = start.saturating_add(self.max_sentence_bytes.get());
        let mut i = self.scan;
        loop {
            // Skip to the next byte that needs a decision (the hot loop).
            let window_end = limit.min(bytes.len());
            match next_decision(bytes, i, window_end, self.marker) {
                Some(at) => i = at,
                None => {
                    i = i.max(window_end);
                    if i >= limit && i < bytes.len() {
                        return forced_break(text, start, limit);
                    }
                    break;
                }
            }
            let b = bytes.get(i).copied().unwrap_or(0);
            let verdict = match b {
                b'\n' => newline(text, start, i, eof),
                b'.' | b'!' | b'?' => terminal(text, start, i, eof, self.marker),
                b')' if self.marker.item.is_some() => paren_item(text, start, i, eof, self.marker),
                // Weekdays end in "y": "Tuesday, September 1, 2015".
                b',' if i > 0 && bytes.get(i - 1) == Some(&b'y') => dateline(text, start, i, eof),
                b')' | b',' => Verdict::Continue(i + 1),
                _ => match char_at(text, i) {
                    Some('…') => terminal(text, start, i, eof, self.marker),
                    Some(c) if Some(c) == self.marker.bullet && i > start && prev_is_space(text, i) => {
                        Verdict::Break { end: i, next: i }
                    }
                    _ => Verdict::Continue(i + 1),
                },
            };
            match verdict {
                Verdict::Continue(resume) => i = resume.max(i + 1),
                Verdict::NeedMore => {
                    self.scan = i;
                    return Verdict::NeedMore;
                }
                brk => return brk,
            }
        }
        self.scan = i;
        if eof {
            Verdict::Break { end: text.len(), next: text.len() }
        } else {
            Verdict::NeedMore
        }
    }
}

/// Whether the byte at `k` needs the rules. The candidates are terminal
/// punctuation, line breaks, `)` of list items, `,` of datelines, and lead
/// bytes of `…` and bullets; of these, commas not after a weekday,
/// `)` outside a numbered list and the lead bytes of curly quotes and dashes
/// are most candidates in news text and decide nothing: the scan passes
/// over them without leaving its loop.
#[inline]
fn needs_decision(bytes: &[u8], k: usize, marker: Marker) -> bool {
    match bytes.get(k) {
        Some(b'.' | b'!' | b'?' | b'\n') => true,
        Some(b')') => marker.item.is_some(),
        Some(b',') => k > 0 && bytes.get(k - 1) == Some(&b'y'),
        // `…` is E2 80 A6; every bullet starts with E2 too.
        Some(0xE2) => marker.bullet.is_some() || bytes.get(k + 1..k + 3) == Some(&[0x80, 0xA6]),
        _ => false,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that equals `b`, among low-bit
/// garbage (callers keep only the high bits). A byte just above a match may
/// be flagged too (the borrow of the subtraction), so a hit is only a hint:
/// `needs_decision` reads the byte itself.
#[inline]
fn bytes_equal(word: u64, b: u8) -> u64 {
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x
}

/// The candidate bytes of eight bytes read as a little-endian word, so that
/// the lowest flagged byte comes first. `,` (2C) and `.` (2E) differ in one
/// bit, as do `!` (21) and `)` (29): setting that bit tests a pair at once.
#[inline]
fn candidate_bits(word: u64) -> u64 {
    (bytes_equal(word | (ONES * 0x02), b'.')
        | bytes_equal(word | (ONES * 0x08), b')')
        | bytes_equal(word, b'?')
        | bytes_equal(word, b'\n')
        | bytes_equal(word, 0xE2))
        & HIGH_BITS
}

/// The first position in `from..to` that needs a decision. Eight bytes are
/// tested at a time, and the candidates in them are visited from their bit
/// mask, without reading the bytes again.
#[inline]
fn next_decision(bytes: &[u8], from: usize, to: usize, marker: Marker) -> Option<usize> {
    let window = bytes.get(from..to)?;
    let mut words = window.chunks_exact(8);
    let mut at = from;
    for word in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(word) else { break };
        let mut bits = candidate_bits(u64::from_le_bytes(word));
        while bits != 0 {
            let k = at + bits.trailing_zeros() as usize / 8;
            if needs_decision(bytes, k, marker) {
                return Some(k);
            }
            bits &= bits - 1;
        }
        at += 8;
    }
    (at..to).find(|&k| needs_decision(bytes, k, marker))
}

/// Breaks a sentence that reached `limit` at its last whitespace before it.
fn forced_break(text: &str, start: usize, limit: usize) -> Verdict {
    let mut cut = limit.min(text.len());
    while cut > start && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(start..cut).unwrap_or("");
    let end = match head.rfind(char::is_whitespace) {
        Some(p) if p > 0 => start + p,
        _ => cut,
    };
    let end = if end > start { end } else { limit.min(text.len()) };
    Verdict::Break { end, next: end }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn prev_is_space(text: &str, i: usize) -> bool {
    char_before(text, i).is_some_and(char::is_whitespace)
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '▪' | '‣' | '⁃' | '·' | '●' | '■' | '□' | '–' | '—' | '-' | '*')
}

/// A capital, or a letter of a script without case.
fn is_capital(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// Recognises a list marker at the start of a sentence: an optional bullet,
/// then an optional `1.`/`1)`/`1.)`/`a.`/`a)`, each followed by whitespace.
/// Returns the marker and how many bytes it covers, or `None` when more text
/// is needed to tell.
fn start_marker(text: &str, eof: bool) -> Option<(Marker, usize)> {
    let mut marker = Marker::default();
    let mut pos = 0;
    let first = char_at(text, 0)?;
    if matches!(first, '•' | '◦' | '▪' | '‣' | '⁃' | '●' | '■') {
        marker.bullet = Some(first);
        pos = first.len_utf8();
        while char_at(text, pos).is_some_and(|c| c == ' ' || c == '\t') {
            pos += 1;
        }
        if pos >= text.len() {
            return if eof { Some((marker, pos)) } else { None };
        }
    }
    let bytes = text.as_bytes();
    let digits = bytes.get(pos..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_digit()).count();
    // A section number "2.1." or "4.1.2" heading a line.
    if (1..=3).contains(&digits) {
        let mut p = pos + digits;
        let mut levels = 0;
        while bytes.get(p) == Some(&b'.') && bytes.get(p + 1).is_some_and(u8::is_ascii_digit) {
            p += 1;
            p += bytes.get(p..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_digit()).count();
            levels += 1;
        }
        if levels > 0 {
            if bytes.get(p) == Some(&b'.') {
                p += 1;
            }
            return match char_at(text, p) {
                None if !eof => None,
                Some(c) if c.is_whitespace() => Some((marker, p)),
                _ => Some((marker, pos)),
            };
        }
        if bytes.get(p) == Some(&b'.') && p + 1 >= bytes.len() && !eof {
            return None;
        }
    }
    let (item, mut p) = if (1..=3).contains(&digits) {
        let n = text.get(pos..pos + digits).and_then(|d| d.parse().ok()).unwrap_or(0);
        (Item::Number(n), pos + digits)
    } else if digits == 0 && bytes.get(pos).is_some_and(u8::is_ascii_lowercase) {
        (Item::Letter(bytes.get(pos).copied().unwrap_or(b'a')), pos + 1)
    } else {
        return Some((marker, pos));
    };
    // Which punctuation follows, then whitespace.
    let style = match (bytes.get(p), bytes.get(p + 1)) {
        (None, _) if !eof => return None,
        (Some(b'.'), Some(b')')) => {
            p += 2;
            Style::DotParen
        }
        (Some(b'.'), None) if !eof => return None,
        (Some(b'.'), _) => {
            p += 1;
            Style::Dot
        }
        (Some(b')'), _) => {
            p += 1;
            Style::Paren
        }
        _ => return Some((marker, pos)),
    };
    match char_at(text, p) {
        None if !eof => None,
        Some(c) if c.is_whitespace() => {
            marker.item = Some((item, style));
            Some((marker, p))
        }
        _ => Some((marker, pos)),
    }
}

/// The token ending at `p` is the next list item after `marker` (`2.` after
/// `1.`), preceded by whitespace: returns its start.
fn next_item_before(text: &str, start: usize, p: usize, marker: Marker, style: Style) -> Option<usize> {
    let (item, marker_style) = marker.item?;
    if marker_style != style {
        return None;
    }
    let bytes = text.as_bytes();
    let mut ts = p;
    while ts > start && ts + 4 > p && bytes.get(ts - 1).is_some_and(u8::is_ascii_alphanumeric) {
        ts -= 1;
    }
    if ts == p || ts <= start || !prev_is_space(text, ts) {
        return None;
    }
    let token = text.get(ts..p)?;
    let value = match item {
        Item::Number(_) => Item::Number(token.parse().ok()?),
        Item::Letter(_) if token.len() == 1 && token.as_bytes()[0].is_ascii_lowercase() => {
            Item::Letter(token.as_bytes()[0])
        }
        Item::Letter(_) => return None,
    };
    (value == item.next()).then_some(ts)
}

/// `)` closing an inline list item (`1) first 2) second`).
fn paren_item(text: &str, start: usize, i: usize, eof: bool, marker: Marker) -> Verdict {
    let Some(ts) = next_item_before(text, start, i, marker, Style::Paren) else {
        return Verdict::Continue(i + 1);
    };
    match char_at(text, i + 1) {
        None if !eof => Verdict::NeedMore,
        Some(c) if c.is_whitespace() => Verdict::Break { end: ts, next: ts },
        _ => Verdict::Continue(i + 1),
    }
}

/// The kind of a group of terminal punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One period: may be an abbreviation.
    Period,
    /// `...` or `…`: ends a sentence before a capital.
    Ellipsis,
    /// `?`, `!`, or a period with an ellipsis: ends a sentence before anything but lower case.
    Strong,
}

/// A decision at `.`, `!`, `?` or `…` at `p`.
fn terminal(text: &str, start: usize, p: usize, eof: bool, marker: Marker) -> Verdict {
    let bytes = text.as_bytes();
    let first = bytes.get(p).copied().unwrap_or(0);

    // An inline list item: "item 2. The" or "item 2.) The".
    if first == b'.' && marker.item.is_some() {
        if let Some(ts) = next_item_before(text, start, p, marker, Style::Dot) {
            return match bytes.get(p + 1) {
                None if !eof => Verdict::NeedMore,
                Some(b) if b.is_ascii_whitespace() => Verdict::Break { end: ts, next: ts },
                _ => Verdict::Continue(p + 1),
            };
        }
        if let Some(ts) = next_item_before(text, start, p, marker, Style::DotParen) {
            return match (bytes.get(p + 1), bytes.get(p + 2)) {
                (None, _) | (Some(b')'), None) if !eof => Verdict::NeedMore,
                (Some(b')'), Some(b)) if b.is_ascii_whitespace() => Verdict::Break { end: ts, next: ts },
                _ => Verdict::Continue(p + 1),
            };
        }
    }

    // The run of terminal punctuation without spaces.
    let mut r = p;
    let mut dots = 0;
    let mut strong = false;
    let mut ellipsis_char = false;
    while r < p + RUN_CAP {
        match char_at(text, r) {
            Some('.') => dots += 1,
            Some('!' | '?') => strong = true,
            Some('…') => ellipsis_char = true,
            _ => break,
        }
        r += if bytes.get(r) == Some(&b'.') || matches!(bytes.get(r), Some(b'!' | b'?')) { 1 } else { 3 };
    }
    if r >= text.len() && !eof {
        return Verdict::NeedMore;
    }
    // "[...]": an omission inside brackets.
    let plain_ellipsis = !strong && ((dots == 3 && !ellipsis_char) || (dots == 0 && ellipsis_char));
    if plain_ellipsis {
        let before = char_before(text, p);
        let after = char_at(text, r);
        if matches!(before, Some('[' | '(')) && matches!(after, Some(']' | ')')) {
            return Verdict::Continue(r + 1);
        }
    }
    let attached = p > start && !prev_is_space(text, p);

    // Spaced dots: ". . ." (an omission) or ". . . ." (the end of a sentence).
    if r == p + 1 && first == b'.' && bytes.get(p + 1) == Some(&b' ') {
        let mut j = p;
        let mut n = 1;
        loop {
            match (bytes.get(j + 1), bytes.get(j + 2)) {
                (Some(b' '), Some(b'.')) if n < RUN_CAP => {
                    n += 1;
                    j += 2;
                }
                (Some(b' '), None) | (None, _) if !eof => return Verdict::NeedMore,
                _ => break,
            }
        }
        if n >= 2 {
            let group_end = j + 1;
            if attached && n > 3 {
                // "word. . . . The": the period ends the sentence, the ellipsis opens the next.
                return match next_visible(text, group_end, eof) {
                    Next::More => Verdict::NeedMore,
                    Next::End => Verdict::Continue(group_end),
                    Next::Found { at, .. } => match first_letter(text, at, eof) {
                        Letter::More => Verdict::NeedMore,
                        Letter::Capital => Verdict::Break { end: p + 1, next: p + 1 },
                        _ => Verdict::Continue(group_end),
                    },
                };
            }
            if !attached && n == 3 {
                return Verdict::Continue(group_end);
            }
            return after_group(text, start, p, group_end, Kind::Strong, eof);
        }
    }

    let kind = if strong || dots >= 4 || (ellipsis_char && dots > 0) {
        Kind::Strong
    } else if dots == 3 || ellipsis_char {
        Kind::Ellipsis
    } else if dots == 1 {
        Kind::Period
    } else {
        Kind::Strong
    };
    // An ellipsis after a space marks an omission or a trailing off inside
    // the sentence: "the intention ... China", "If it's real … Aren't".
    if kind == Kind::Ellipsis && !attached {
        return Verdict::Continue(r);
    }
    after_group(text, start, p, r, kind, eof)
}

/// What follows a group of terminal punctuation `p..r`.
fn after_group(text: &str, start: usize, p: usize, r: usize, kind: Kind, eof: bool) -> Verdict {
    // Closing quotes and brackets belong to the sentence.
    let mut k = r;
    let mut quoted = false;
    while k < r + 16 {
        match char_at(text, k) {
            Some(c) if is_closer(c) => {
                quoted |= !matches!(c, ')' | ']' | '}');
                k += c.len_utf8();
            }
            _ => break,
        }
    }
    // So do reference marks after it: "in 1805. [6] He".
    loop {
        match citation_after(text, k, eof) {
            Some(Some(end)) => k = end,
            Some(None) => break,
            None => return Verdict::NeedMore,
        }
    }
    let Some(c) = char_at(text, k) else {
        return if eof { Verdict::Break { end: k, next: k } } else { Verdict::NeedMore };
    };
    if !c.is_whitespace() {
        if kind == Kind::Period && k == r {
            return no_space(text, start, p, eof);
        }
        return Verdict::Continue(k);
    }
    let q = match next_visible(text, k, eof) {
        Next::More => return Verdict::NeedMore,
        Next::End => return Verdict::Break { end: k, next: k },
        Next::Found { at, gap } => {
            if gap {
                return Verdict::Break { end: k, next: at };
            }
            at
        }
    };
    // Skip opening quotes and brackets to the first letter or digit.
    let mut q2 = q;
    while q2 < q + 16 {
        match char_at(text, q2) {
            Some(c) if is_opener(c) => q2 += c.len_utf8(),
            _ => break,
        }
    }
    let next = match char_at(text, q2) {
        None if !eof => return Verdict::NeedMore,
        None => return Verdict::Break { end: k, next: q },
        Some(c) => c,
    };
    // A bracket opening with lower case after a finished sentence is a
    // sentence of its own: "... in 1998. (credit: archive)".
    let bracketed = q2 > q && matches!(text.as_bytes().get(q), Some(b'(' | b'['));
    if next.is_lowercase() && !bracketed {
        // "iPhone", "eBay": a lower-case start with a capital inside is a name.
        let (word, complete) = word_at(text, q2, eof);
        if !complete {
            return Verdict::NeedMore;
        }
        if !word.chars().skip(1).any(char::is_uppercase) {
            return Verdict::Continue(k);
        }
    }
    // A footnote number after a sentence belongs to it: "... rights. 4 Even so".
    if next.is_ascii_digit() && q2 == q && kind != Kind::Ellipsis {
        match footnote_after(text, q, eof) {
            None => return Verdict::NeedMore,
            Some(Some((end, next))) => return Verdict::Break { end, next },
            Some(None) => {}
        }
    }
    // A year or a number in brackets belongs to what precedes: "Viva Maria! (1965)".
    if next.is_ascii_digit() && q2 > q && text.as_bytes().get(q) == Some(&b'(') {
        return Verdict::Continue(k);
    }
    // “Why not?” she asked. (After a period the quotation ended a sentence:
    // a quotation that goes on with its speaker ends in a comma.)
    if quoted && kind != Kind::Period {
        match speaker_follows(text, q, eof) {
            None => return Verdict::NeedMore,
            Some(true) => return Verdict::Continue(k),
            Some(false) => {}
        }
    }
    match kind {
        Kind::Strong => Verdict::Break { end: k, next: q },
        Kind::Ellipsis => {
            if is_capital(next) || q2 > q {
                Verdict::Break { end: k, next: q }
            } else {
                Verdict::Continue(k)
            }
        }
        Kind::Period => period(text, start, p, k, q, q2, next, eof),
    }
}

/// A single period at `p`, closers up to `k`, whitespace, then `next` at `q2`
/// (after openers from `q`), which is not lower case.
#[allow(clippy::too_many_arguments)]
fn period(text: &str, start: usize, p: usize, k: usize, q: usize, q2: usize, next: char, eof: bool) -> Verdict {
    let word = word_before(text, start, p);
    let class = classify(word);
    let brk = Verdict::Break { end: k, next: q };
    match class {
        None => brk,
        Some(AbbrevClass::Title | AbbrevClass::Inner) => Verdict::Continue(k),
        Some(AbbrevClass::Ambiguous) => {
            if !is_capital(next) {
                return Verdict::Continue(k);
            }
            let (w, complete) = word_at(text, q2, eof);
            if !complete {
                return Verdict::NeedMore;
            }
            // "J. K. Rowling": the next word is itself an initial.
            if w.chars().count() == 1 && text.as_bytes().get(q2 + w.len()) == Some(&b'.') {
                return Verdict::Continue(k);
            }
            match lexicon().starters.get(w) {
                Some(_) if short_intro(text, start, p) => Verdict::Continue(k),
                Some(_) => brk,
                None => Verdict::Continue(k),
            }
        }
    }
}

/// The sentence so far (`start..p`) is a short phrase opened by a
/// preposition ("At 5 a.m"), which does not stand alone.
fn short_intro(text: &str, start: usize, p: usize) -> bool {
    let head = text.get(start..p).unwrap_or("");
    let mut words = head.split_whitespace();
    let first = words.next().unwrap_or("");
    matches!(lexicon().starters.get(first), Some(StarterClass::Intro)) && words.take(4).count() <= 3
}

/// The word ending just before the period at `p`, without leading openers.
fn word_before(text: &str, start: usize, p: usize) -> &str {
    let from = p.saturating_sub(LOOKBEHIND).max(start);
    let mut from = from;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word = after_last_whitespace(text.get(from..p).unwrap_or(""));
    word.trim_start_matches(|c: char| is_opener(c) || is_bullet(c) || c == '/')
}

/// What follows the last whitespace of `head` (all of it when there is none).
fn after_last_whitespace(head: &str) -> &str {
    // Most words are ASCII: look at bytes, and decode characters only when
    // a non-ASCII byte (perhaps a no-break space) comes first.
    for (k, &b) in head.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            return head.rsplit(char::is_whitespace).next().unwrap_or("");
        }
        if char::from(b).is_whitespace() {
            return head.get(k + 1..).unwrap_or("");
        }
    }
    head
}

/// The abbreviation class of the word before a period, `None` for a plain word.
fn classify(word: &str) -> Option<AbbrevClass> {
    if let Some(&class) = lexicon().abbreviations.get(word) {
        return Some(class);
    }
    // Titles in capitals: "GEN.", "MRS.".
    if word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        let title: String = word
            .get(..1)
            .unwrap_or("")
            .chars()
            .chain(word.get(1..).unwrap_or("").chars().map(|c| c.to_ascii_lowercase()))
            .collect();
        if lexicon().abbreviations.get(title.as_str()) == Some(&AbbrevClass::Title) {
            return Some(AbbrevClass::Title);
        }
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // An initial or a single letter ("E.", "p.").
        (Some(c), None) if c.is_alphabetic() => return Some(AbbrevClass::Ambiguous),
        (None, _) => return None,
        _ => {}
    }
    // "U.S", "E.U", "N.Y.P.D": letters with inner periods.
    if word.contains('.')
        && word.split('.').all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
    {
        return Some(AbbrevClass::Ambiguous);
    }
    None
}

/// The letters and digits starting at `at`, and whether the word is
/// complete (a non-letter or the end of input follows, or it is too long to matter).
fn word_at(text: &str, at: usize, eof: bool) -> (&str, bool) {
    let rest = text.get(at..).unwrap_or("");
    let mut len = 0;
    for c in rest.chars() {
        if c.is_alphanumeric() {
            len += c.len_utf8();
            if len > NEXT_WORD {
                return (rest.get(..len).unwrap_or(""), true);
            }
        } else {
            return (rest.get(..len).unwrap_or(""), true);
        }
    }
    (rest, eof)
}

/// Where the next visible character after whitespace at `from` is.
enum Next {
    /// At `at`; `gap` when a blank line or a very long run of whitespace came first.
    Found { at: usize, gap: bool },
    /// Only whitespace until the end of input.
    End,
    /// Only whitespace so far.
    More,
}

fn next_visible(text: &str, from: usize, eof: bool) -> Next {
    let rest = text.get(from..).unwrap_or("");
    let mut newlines = 0;
    for (off, c) in rest.char_indices() {
        if !c.is_whitespace() {
            return Next::Found { at: from + off, gap: newlines >= 2 };
        }
        if c == '\n' {
            newlines += 1;
        }
        if off > WS_CAP {
            return Next::Found { at: from + off, gap: true };
        }
    }
    if eof {
        Next::End
    } else {
        Next::More
    }
}

enum Letter {
    Capital,
    Other,
    More,
}

/// Whether the first letter or digit at or after `at` (past openers and dots) is a capital.
fn first_letter(text: &str, at: usize, eof: bool) -> Letter {
    let rest = text.get(at..).unwrap_or("");
    for (off, c) in rest.char_indices() {
        if off > 32 {
            return Letter::Other;
        }
        if c.is_alphanumeric() {
            return if is_capital(c) { Letter::Capital } else { Letter::Other };
        }
        if !(is_opener(c) || c == '.' || c == ' ') {
            return Letter::Other;
        }
    }
    if eof {
        Letter::Other
    } else {
        Letter::More
    }
}

/// A period with no space after it: `world.Today` ends a sentence, while
/// `3.5`, `U.S.A`, `example.com` and `Jane.Doe@example.com` do not.
fn no_space(text: &str, start: usize, p: usize, eof: bool) -> Verdict {
    let keep = Verdict::Continue(p + 1);
    let Some(before) = char_before(text, p) else { return keep };
    if !(before.is_lowercase() || before.is_ascii_digit()) || p == start {
        return keep;
    }
    let rest = text.get(p + 1..).unwrap_or("");
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (None, _) | (Some(_), None) if !eof => return Verdict::NeedMore,
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {}
        _ => return keep,
    }
    // The whole token around the period: URLs and e-mail addresses stay whole.
    let tail_len = match rest.find(char::is_whitespace) {
        Some(n) => n.min(TOKEN_CAP),
        None if rest.len() < TOKEN_CAP && !eof => return Verdict::NeedMore,
        None => rest.len().min(TOKEN_CAP),
    };
    let mut tail_end = p + 1 + tail_len;
    while !text.is_char_boundary(tail_end) {
        tail_end -= 1;
    }
    let tail = text.get(p + 1..tail_end).unwrap_or("");
    let word = word_before(text, start, p);
    let looks_like_address = |s: &str| s.contains('@') || s.contains("://") || s.contains('/');
    let domain = tail.trim_end_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    if looks_like_address(word)
        || looks_like_address(tail)
        || word.starts_with("www.")
        || word.contains('.')
        || matches!(domain.as_str(), "com" | "org" | "net" | "gov" | "edu" | "int" | "info" | "co" | "io")
        || classify(word).is_some()
    {
        return keep;
    }
    Verdict::Break { end: p + 1, next: p + 1 }
}

/// A single line break at `i` (blank lines are boundaries).
fn newline(text: &str, start: usize, i: usize, eof: bool) -> Verdict {
    let (q, gap) = match next_visible(text, i + 1, eof) {
        Next::More => return Verdict::NeedMore,
        Next::End => return Verdict::Continue(i + 1),
        Next::Found { at, gap } => (at, gap),
    };
    if gap || text.get(i + 1..q).is_some_and(|ws| ws.contains('\n')) {
        return Verdict::Break { end: i, next: q };
    }
    let line_end = text.get(start..i).unwrap_or("").trim_end();
    let Some(last) = line_end.chars().next_back() else {
        return Verdict::Continue(i + 1);
    };
    // After final punctuation the terminal rules have decided already.
    let mut tail = line_end.trim_end_matches(is_closer).chars();
    if matches!(tail.next_back(), Some('.' | '!' | '?' | '…')) {
        return Verdict::Continue(i + 1);
    }
    let Some(next) = char_at(text, q) else {
        return if eof { Verdict::Continue(i + 1) } else { Verdict::NeedMore };
    };
    // A bullet or a numbered item starts a new unit.
    if is_bullet(next) {
        return match char_at(text, q + next.len_utf8()) {
            None if !eof => Verdict::NeedMore,
            Some(c) if c.is_whitespace() => Verdict::Break { end: i, next: q },
            _ if !matches!(next, '-' | '–' | '—' | '*') => Verdict::Break { end: i, next: q },
            _ => Verdict::Continue(i + 1),
        };
    }
    if matches!(last, ',' | ';' | '-' | '–' | '—' | '(' | '/' | '&') {
        return Verdict::Continue(i + 1);
    }
    if next.is_lowercase() {
        // Lower-case lines without punctuation are items of a list; a line
        // break inside a capitalised sentence is an errant one.
        let opens_lower = text.get(start..).and_then(|s| s.chars().take(16).find(|c| c.is_alphanumeric()));
        return if opens_lower.is_some_and(char::is_lowercase) {
            Verdict::Break { end: i, next: q }
        } else {
            Verdict::Continue(i + 1)
        };
    }
    // A capital after a line without final punctuation: a headline or a
    // list line, unless the line stops on a word that cannot end a phrase.
    let last_word = after_last_whitespace(line_end);
    if is_function_word(last_word) {
        return Verdict::Continue(i + 1);
    }
    Verdict::Break { end: i, next: q }
}

/// Words after which a line cannot end a sentence (a hard-wrapped line).
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "that"
            | "as"
            | "is"
            | "was"
            | "are"
            | "were"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
    )
}

/// Sentence splitting alone, without the later stages of the pipeline.
///
/// The same splitter [`Analyzer`](crate::Analyzer) uses: feed text in chunks
/// of any size; the sentences come out as soon as they are final, with
/// absolute UTF-8 byte offsets, and do not depend on the chunking.
///
/// ```
/// use slant_core::{SentenceLimit, SentenceSplitter};
///
/// let mut splitter = SentenceSplitter::new(SentenceLimit::default());
/// let mut sentences = Vec::new();
/// splitter.push("Mr. Smith left at 5 p.m. He", &mut sentences);
/// splitter.push(" did not return.", &mut sentences);
/// splitter.finish(&mut sentences);
/// let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
/// assert_eq!(texts, ["Mr. Smith left at 5 p.m.", "He did not return."]);
/// ```
#[derive(Debug)]
pub struct SentenceSplitter {
    inner: Segmenter,
}

impl SentenceSplitter {
    /// A splitter that forces a break after `max_sentence_bytes` bytes
    /// without one. It cannot fail: the limit was checked when it was built
    /// ([`SentenceLimit::new`]).
    pub fn new(max_sentence_bytes: SentenceLimit) -> Self {
        SentenceSplitter { inner: Segmenter::new(max_sentence_bytes) }
    }

    /// Adds the next chunk; appends the sentences that became final to `out`.
    pub fn push(&mut self, chunk: &str, out: &mut Vec<Sentence>) {
        self.inner.push(chunk, out);
    }

    /// Ends the input; appends the last sentences to `out`. The splitter can
    /// then be reused for a new text, with offsets continuing after this one.
    pub fn finish(&mut self, out: &mut Vec<Sentence>) {
        self.inner.finish(out);
    }
}

/// Reference marks after a sentence: whitespace, then `[12]`, `[3 – 5]`,
/// `[citation needed]` or `[...]` (no capitals, at most 40 bytes). Returns
/// the end of the mark, `Some(None)` when there is none, `None` when more
/// text is needed to tell.
fn citation_after(text: &str, k: usize, eof: bool) -> Option<Option<usize>> {
    let rest = text.get(k..).unwrap_or("");
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let Some(body) = rest.get(lead..) else { return Some(None) };
    if body.is_empty() {
        return if eof || lead > 2 { Some(None) } else { None };
    }
    if lead == 0 || lead > 2 || !body.starts_with('[') {
        return Some(None);
    }
    for (off, c) in body.char_indices().skip(1) {
        if c == ']' {
            return Some(if off > 1 { Some(k + lead + off + 1) } else { None });
        }
        if off > 40 || c.is_uppercase() || matches!(c, '[' | '\n' | '\r') {
            return Some(None);
        }
    }
    if eof || body.len() > 40 {
        Some(None)
    } else {
        None
    }
}

/// A footnote number at `q` (one or two digits) followed by a common
/// sentence opener: returns where the sentence ends (after the number) and
/// where the next starts. `None` when more text is needed.
fn footnote_after(text: &str, q: usize, eof: bool) -> Option<Option<(usize, usize)>> {
    let bytes = text.as_bytes();
    let digits = bytes.get(q..).unwrap_or(&[]).iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    let after = q + digits;
    match bytes.get(after) {
        None if !eof => return None,
        Some(b' ') if (1..=2).contains(&digits) => {}
        _ => return Some(None),
    }
    let (word, complete) = word_at(text, after + 1, eof);
    if !complete {
        return None;
    }
    let opener = lexicon().starters.contains_key(word) && word.chars().next().is_some_and(char::is_uppercase);
    Some(opener.then_some((after, after + 1)))
}

/// After a closing quotation mark at `q`: a name or pronoun and a verb of
/// saying (`“Sorry!” Pete said`). `None` when more text is needed.
fn speaker_follows(text: &str, q: usize, eof: bool) -> Option<bool> {
    let mut at = q;
    for n in 0..3 {
        let (word, complete) = word_at(text, at, eof);
        if !complete {
            return None;
        }
        let Some(first) = word.chars().next() else { return Some(false) };
        if n > 0 && lexicon().speech_verbs.contains(word) {
            return Some(true);
        }
        if !is_capital(first) {
            return Some(false);
        }
        // The next word, after one space.
        at += word.len();
        match text.as_bytes().get(at) {
            Some(b' ') => at += 1,
            None if !eof => return None,
            _ => return Some(false),
        }
    }
    Some(false)
}

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A dateline `Tuesday, September 1, 2015` (the comma after the weekday is
/// at `i`) stands alone: after a headline that ends its line, and before the
/// text that follows it on the same line.
fn dateline(text: &str, start: usize, i: usize, eof: bool) -> Verdict {
    let keep = Verdict::Continue(i + 1);
    let Some(day) = WEEKDAYS.iter().find(|d| text.get(..i).is_some_and(|h| h.ends_with(*d))) else {
        return keep;
    };
    let ws = i - day.len();
    if ws > start && !prev_is_space(text, ws) {
        return keep;
    }
    // " Month D, YYYY"
    let rest = text.get(i + 1..).unwrap_or("");
    let window = rest.get(..rest.len().min(24)).unwrap_or(rest);
    let complete = window.len() == 24 || eof;
    let Some(after) = window.strip_prefix(' ') else {
        return if window.is_empty() && !eof { Verdict::NeedMore } else { keep };
    };
    let Some(month) = MONTHS.iter().find(|m| after.starts_with(*m)) else {
        return if !complete && MONTHS.iter().any(|m| m.starts_with(after)) { Verdict::NeedMore } else { keep };
    };
    let after = &after[month.len()..];
    let day_digits = after.strip_prefix(' ').map_or(0, |a| a.bytes().take_while(u8::is_ascii_digit).count());
    let after_day = after.get(1 + day_digits..).unwrap_or("");
    let year_digits = after_day.strip_prefix(", ").map_or(0, |a| a.bytes().take_while(u8::is_ascii_digit).count());
    let tail = after_day.get(2 + year_digits..);
    let ok = (1..=2).contains(&day_digits) && year_digits == 4;
    match (ok, tail.and_then(|t| t.chars().next())) {
        (false, _) => {
            if complete {
                keep
            } else {
                Verdict::NeedMore
            }
        }
        (true, None) if !eof => Verdict::NeedMore,
        (true, Some(c)) if !c.is_whitespace() => keep,
        (true, _) => {
            let year_end = i + 1 + 1 + month.len() + 1 + day_digits + 2 + year_digits;
            if ws > start {
                // After a headline: only when the dateline ends its line.
                let prev = text.get(start..ws).unwrap_or("").split_whitespace().next_back().unwrap_or("");
                let ends_line = match next_visible(text, year_end, eof) {
                    Next::More => return Verdict::NeedMore,
                    Next::End => true,
                    Next::Found { at, .. } => text.get(year_end..at).is_some_and(|g| g.contains('\n')),
                };
                let joins = matches!(
                    prev,
                    "on" | "On"
                        | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "before"
                        | "after"
                        | "from"
                        | "of"
                        | "to"
                        | "that"
                        | "the"
                        | "last"
                        | "next"
                        | "this"
                        | "and"
                        | "or"
                        | ","
                ) || prev.ends_with(',');
                if ends_line && !joins {
                    return Verdict::Break { end: ws, next: ws };
                }
                return keep;
            }
            // At the start of a sentence: the text after it on the same line is a new sentence.
            match next_visible(text, year_end, eof) {
                Next::More => Verdict::NeedMore,
                Next::End => Verdict::Continue(year_end),
                Next::Found { at, gap } => match char_at(text, at) {
                    Some(c) if !gap && (is_capital(c) || c.is_ascii_digit()) => {
                        Verdict::Break { end: year_end, next: at }
                    }
                    _ => Verdict::Continue(year_end),
                },
            }
        }
    }
}
