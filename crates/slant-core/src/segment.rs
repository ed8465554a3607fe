//! Sentence splitting of English news, streaming and chunk-invariant.
//!
//! The segmenter buffers only the unfinished sentence. A boundary is emitted
//! once everything its decision looks at has arrived, so the output never
//! depends on how the input was chunked.

use crate::model::Sentence;

/// Streaming sentence splitter.
#[derive(Debug)]
pub(crate) struct Segmenter {
    /// Unfinished text; `buf[0]` is at absolute offset `base`.
    buf: String,
    base: usize,
    max_sentence_bytes: usize,
}

/// What the rules decide about the text from the current sentence start.
enum Decision {
    /// The sentence ends at `end` (exclusive, relative); the next may start at `next`.
    Break { end: usize, next: usize },
    /// No boundary can be decided until more text arrives.
    NeedMore,
}

impl Segmenter {
    pub(crate) fn new(max_sentence_bytes: usize) -> Self {
        Segmenter { buf: String::new(), base: 0, max_sentence_bytes }
    }

    /// Appends `chunk` and pushes every sentence that became final onto `out`.
    pub(crate) fn push(&mut self, chunk: &str, out: &mut Vec<Sentence>) {
        self.buf.push_str(chunk);
        self.drain(false, out);
    }

    /// Ends the input: the rest of the buffer becomes the last sentences.
    pub(crate) fn finish(&mut self, out: &mut Vec<Sentence>) {
        self.drain(true, out);
    }

    fn drain(&mut self, eof: bool, out: &mut Vec<Sentence>) {
        let mut pos = 0;
        loop {
            let rest = &self.buf[pos..];
            let lead = rest.len() - rest.trim_start().len();
            if lead == rest.len() {
                if eof {
                    pos = self.buf.len();
                } else {
                    pos += lead;
                }
                break;
            }
            let start = pos + lead;
            match decide(&self.buf[start..], eof, self.max_sentence_bytes) {
                Decision::Break { end, next } => {
                    let text = &self.buf[start..start + end];
                    let text = text.trim_end();
                    if !text.is_empty() {
                        out.push(Sentence {
                            start: self.base + start,
                            end: self.base + start + text.len(),
                            text: text.to_string(),
                        });
                    }
                    pos = start + next.max(1).min(self.buf.len() - start);
                }
                Decision::NeedMore => {
                    pos = start;
                    break;
                }
            }
        }
        self.buf.drain(..pos);
        self.base += pos;
    }
}

/// Finds the end of the sentence that starts at `text[0]`.
fn decide(text: &str, eof: bool, max: usize) -> Decision {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if i >= max {
            return forced_break(text, max);
        }
        match bytes[i] {
            b'\n' => {
                // A blank line is a hard boundary.
                let after = &text[i + 1..];
                let gap = after.len() - after.trim_start_matches([' ', '\t', '\r']).len();
                match after.as_bytes().get(gap) {
                    Some(b'\n') => return Decision::Break { end: i, next: i + 1 + gap },
                    None if !eof => return Decision::NeedMore,
                    _ => {}
                }
            }
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                // closing quotes and brackets belong to the sentence
                let mut k = j;
                while let Some(c) = text[k..].chars().next() {
                    if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']') {
                        k += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let after = &text[k..];
                let ws = after.len() - after.trim_start().len();
                if k + ws >= bytes.len() {
                    if eof {
                        return Decision::Break { end: k, next: bytes.len() };
                    }
                    return Decision::NeedMore;
                }
                if ws > 0 {
                    let next = after[ws..].chars().next().unwrap_or(' ');
                    if (next.is_uppercase() || matches!(next, '"' | '“' | '‘' | '(' | '['))
                        && !is_abbreviation(&text[..i])
                    {
                        return Decision::Break { end: k, next: k + ws };
                    }
                }
                i = k.max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if eof {
        Decision::Break { end: text.len(), next: text.len() }
    } else {
        Decision::NeedMore
    }
}

/// Breaks a sentence that reached `max` bytes at its last space before `max`.
fn forced_break(text: &str, max: usize) -> Decision {
    let mut cut = max.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let end = text[..cut].rfind(char::is_whitespace).filter(|&p| p > 0).unwrap_or(cut);
    Decision::Break { end, next: end }
}

/// Whether the word before a period is a known abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "St", "Jr", "Sr", "Inc",
        "Corp", "Co", "Ltd", "No", "vs", "e.g", "i.e", "U.S", "U.K", "a.m", "p.m", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];
    ABBREVIATIONS.contains(&word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}
