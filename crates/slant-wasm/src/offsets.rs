//! UTF-8 byte offsets → UTF-16 code units, in one forward pass.
//!
//! Every offset of a result is collected, sorted, and converted by walking
//! the text once from left to right; the converted values are then written
//! back in the order they were collected. A text is described by
//! [`Segment`]s: pieces of the input whose byte and UTF-16 starts are known
//! (the whole input for a one-shot analysis; the retained tail of the input,
//! or the sentences themselves, when streaming).

use slant_core::{Analysis, SentenceReport};

/// A piece of the input whose absolute start is known in both units.
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    /// Absolute UTF-8 byte offset of `text`'s first byte.
    pub byte: usize,
    /// Absolute UTF-16 offset of `text`'s first code unit.
    pub utf16: usize,
    /// The input from `byte` on.
    pub text: &'a str,
}

/// UTF-16 code units taken by a run of UTF-8 bytes: one per byte that
/// starts a character, plus one more for a 4-byte (astral) character.
#[inline]
fn utf16_units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// Converts absolute byte offsets to UTF-16 offsets. `segments` must be in
/// increasing `byte` order. Cost: sorting the offsets plus one pass over the
/// text up to the largest offset.
///
/// An offset outside every segment (not produced by a correct analysis)
/// is converted as if the missing text were ASCII, never panicking.
pub fn convert_sorted(segments: &[Segment<'_>], offsets: &[usize]) -> Vec<usize> {
    let mut out = vec![0; offsets.len()];
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets.get(i).copied().unwrap_or(0));
    let Some(first) = segments.first() else {
        // No text known: the identity is the only sensible answer.
        return offsets.to_vec();
    };
    let mut seg_idx = 0;
    let mut seg = *first;
    let mut rel = 0; // bytes of `seg.text` walked so far
    let mut units = seg.utf16; // UTF-16 offset at `seg.byte + rel`
    for i in order {
        let Some(&b) = offsets.get(i) else { continue };
        while let Some(next) = segments.get(seg_idx + 1) {
            if next.byte > b {
                break;
            }
            seg_idx += 1;
            seg = *next;
            rel = 0;
            units = seg.utf16;
        }
        let converted = if b < seg.byte {
            seg.utf16.saturating_sub(seg.byte - b)
        } else {
            let target = b - seg.byte;
            let bytes = seg.text.as_bytes();
            let stop = target.min(bytes.len());
            if stop > rel {
                units += utf16_units(bytes.get(rel..stop).unwrap_or_default());
                rel = stop;
            }
            units + (target - rel)
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = converted;
        }
    }
    out
}

/// Calls `f` on every offset of an analysis (the core knows its spans).
fn analysis_offsets(analysis: &mut Analysis, f: &mut impl FnMut(&mut usize)) {
    analysis.for_each_offset_mut(f);
}

/// Calls `f` on every offset of sentence reports, in a fixed order.
fn report_offsets(reports: &mut [SentenceReport], f: &mut impl FnMut(&mut usize)) {
    for r in reports {
        r.for_each_offset_mut(f);
    }
}

fn collect(visit: impl FnOnce(&mut dyn FnMut(&mut usize))) -> Vec<usize> {
    let mut all = Vec::new();
    visit(&mut |o: &mut usize| all.push(*o));
    all
}

fn write_back(values: Vec<usize>, visit: impl FnOnce(&mut dyn FnMut(&mut usize))) {
    let mut it = values.into_iter();
    visit(&mut |o: &mut usize| {
        if let Some(v) = it.next() {
            *o = v;
        }
    });
}

/// Converts a one-shot analysis of `text` to UTF-16 offsets.
pub fn convert_analysis_in(text: &str, analysis: &mut Analysis) {
    let bytes = collect(|f| analysis_offsets(analysis, &mut |o| f(o)));
    let units = convert_sorted(&[Segment { byte: 0, utf16: 0, text }], &bytes);
    write_back(units, |f| analysis_offsets(analysis, &mut |o| f(o)));
}

/// Converts the results of a streaming analysis. It holds the input from
/// the end of the last finished sentence on (the same text the core holds
/// for the unfinished sentence) and the start of every finished sentence.
#[derive(Debug, Default)]
pub struct Utf16Converter {
    /// Absolute byte and UTF-16 offsets where `pending` starts.
    anchor_byte: usize,
    anchor_utf16: usize,
    /// The input from the anchor on.
    pending: String,
    /// Total UTF-16 code units fed.
    fed_utf16: usize,
    /// Byte and UTF-16 start of each finished sentence, by index.
    sentence_starts: Vec<(usize, usize)>,
}

impl Utf16Converter {
    /// An empty converter at the start of a document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the next chunk of input (call before the core sees it).
    pub fn push(&mut self, chunk: &str) {
        self.pending.push_str(chunk);
        self.fed_utf16 += utf16_units(chunk.as_bytes());
    }

    /// UTF-16 code units pushed so far.
    pub fn fed_utf16(&self) -> usize {
        self.fed_utf16
    }

    fn pending_segment(&self) -> Segment<'_> {
        Segment { byte: self.anchor_byte, utf16: self.anchor_utf16, text: &self.pending }
    }

    /// Converts the reports of one `feed` call, then forgets the input
    /// before the end of the last finished sentence.
    pub fn convert_reports(&mut self, reports: &mut [SentenceReport]) {
        let Some(last) = reports.last() else { return };
        let last_end_byte = last.sentence.end;
        let start_bytes: Vec<usize> = reports.iter().map(|r| r.sentence.start).collect();
        let bytes = collect(|f| report_offsets(reports, &mut |o| f(o)));
        let units = convert_sorted(&[self.pending_segment()], &bytes);
        write_back(units, |f| report_offsets(reports, &mut |o| f(o)));
        for (r, start_byte) in reports.iter().zip(start_bytes) {
            if self.sentence_starts.len() <= r.index {
                self.sentence_starts.resize(r.index + 1, (usize::MAX, usize::MAX));
            }
            if let Some(slot) = self.sentence_starts.get_mut(r.index) {
                *slot = (start_byte, r.sentence.start);
            }
        }
        let last_end_utf16 = reports.last().map_or(0, |r| r.sentence.end);
        // Forget the text before the end of the last finished sentence.
        if let Some(k) = last_end_byte.checked_sub(self.anchor_byte) {
            if k <= self.pending.len() && self.pending.is_char_boundary(k) {
                self.pending.drain(..k);
                self.anchor_byte = last_end_byte;
                self.anchor_utf16 = last_end_utf16;
            }
        }
    }

    /// Converts the whole-document analysis returned by the core's
    /// `finish`: sentences reported by `feed` are walked through their own
    /// text, the rest through the retained tail of the input.
    pub fn convert_final(&mut self, analysis: &mut Analysis) {
        let bytes = collect(|f| analysis_offsets(analysis, &mut |o| f(o)));
        let units = {
            let mut segments: Vec<Segment<'_>> = self
                .sentence_starts
                .iter()
                .enumerate()
                .filter_map(|(i, &(byte, utf16))| {
                    let s = analysis.sentences.get(i)?;
                    (s.start == byte && byte != usize::MAX).then_some(Segment { byte, utf16, text: &s.text })
                })
                .collect();
            segments.push(self.pending_segment());
            segments.sort_by_key(|s| s.byte);
            convert_sorted(&segments, &bytes)
        };
        write_back(units, |f| analysis_offsets(analysis, &mut |o| f(o)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected(text: &str, b: usize) -> usize {
        text.get(..b).map_or(usize::MAX, |p| p.encode_utf16().count())
    }

    #[test]
    fn converts_every_boundary_of_mixed_text() {
        let text = "a\u{e9}\u{4e2d}\u{1F600}b\r\n\u{1D4B3}.";
        let offsets: Vec<usize> = (0..=text.len()).rev().filter(|&b| text.is_char_boundary(b)).collect();
        let got = convert_sorted(&[Segment { byte: 0, utf16: 0, text }], &offsets);
        for (b, u) in offsets.iter().zip(&got) {
            assert_eq!(*u, expected(text, *b), "byte offset {b}");
        }
    }

    #[test]
    fn segments_start_where_they_say() {
        let text = "\u{1F600} x. \u{1F600}\u{1F600} y.";
        let cut = text.find(" y").unwrap_or(0);
        let tail = &text[cut..];
        let segs = [Segment { byte: cut, utf16: expected(text, cut), text: tail }];
        let offsets = [cut, cut + 1, text.len()];
        let got = convert_sorted(&segs, &offsets);
        assert_eq!(got, offsets.iter().map(|&b| expected(text, b)).collect::<Vec<_>>());
    }

    #[test]
    fn offsets_outside_the_text_do_not_panic() {
        let got = convert_sorted(&[Segment { byte: 10, utf16: 5, text: "\u{1F600}" }], &[0, 12, 14, 99]);
        assert_eq!(got.len(), 4);
        assert_eq!(convert_sorted(&[], &[3, 1]), vec![3, 1]);
    }
}
