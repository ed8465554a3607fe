//! Words, numbers and punctuation of one sentence.
//!
//! Token offsets are relative to the sentence text; stages add
//! `Sentence::start` when they report absolute spans.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (and digits) with inner hyphens, apostrophes or dots:
    /// "Xi", "Vice-Premier", "U.S.", "don't".
    Word,
    /// Digits with inner separators: "145", "2,000", "3.5".
    Number,
    /// A possessive ending split off a word: "'s", "’s", or a lone "'" after "s".
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// One token: `&sentence[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
}

impl Token {
    /// The token's text within `sentence`.
    pub(crate) fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens, appending them to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = start + c.len_utf8();
            // Extend over letters/digits and inner connectors followed by a letter or digit.
            loop {
                let rest = &text[end..];
                let mut it = rest.chars();
                let Some(n) = it.next() else { break };
                if n.is_alphanumeric() {
                    end += n.len_utf8();
                    chars.next();
                    continue;
                }
                let after = it.next();
                let joins = match n {
                    '-' | '‑' => after.is_some_and(char::is_alphanumeric),
                    '.' | ',' if numeric => after.is_some_and(|a| a.is_ascii_digit()),
                    '.' => {
                        // dotted abbreviation: "U.S.", "e.g.", "a.m."
                        after.is_some_and(char::is_alphabetic)
                            && text[start..end].chars().rev().take_while(|ch| ch.is_alphabetic()).count() == 1
                    }
                    c2 if is_apostrophe(c2) => {
                        // inner apostrophe ("don't", "O'Brien") but not a possessive "'s"
                        let is_possessive =
                            matches!(after, Some('s') | Some('S')) && !it.next().is_some_and(char::is_alphanumeric);
                        after.is_some_and(char::is_alphabetic) && !is_possessive
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                end += n.len_utf8();
                chars.next();
            }
            // "U.S." keeps its final dot when the word is dotted single letters.
            let word = &text[start..end];
            if word.contains('.') && !numeric && text[end..].starts_with('.') {
                end += 1;
                chars.next();
            }
            let kind = if numeric && text[start..end].chars().all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',') {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token { start, end, kind });
            continue;
        }
        if is_apostrophe(c) {
            let rest = &text[start + c.len_utf8()..];
            let prev_is_word = out.last().is_some_and(|t| t.end == start && t.kind == TokenKind::Word);
            if prev_is_word {
                let mut it = rest.chars();
                let next = it.next();
                if matches!(next, Some('s') | Some('S')) && !it.next().is_some_and(char::is_alphanumeric) {
                    let end = start + c.len_utf8() + 1;
                    chars.next();
                    out.push(Token { start, end, kind: TokenKind::Possessive });
                    continue;
                }
            }
        }
        out.push(Token { start, end: start + c.len_utf8(), kind: TokenKind::Punct });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn possessives_and_abbreviations() {
        use TokenKind::*;
        assert_eq!(
            words("Xi’s U.S. trip, don't: 2,000.5 Vice-Premier."),
            vec![
                ("Xi", Word),
                ("’s", Possessive),
                ("U.S.", Word),
                ("trip", Word),
                (",", Punct),
                ("don't", Word),
                (":", Punct),
                ("2,000.5", Number),
                ("Vice-Premier", Word),
                (".", Punct),
            ]
        );
    }
}
