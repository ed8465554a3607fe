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
    #[allow(dead_code)]
    pub(crate) fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `i` of `text` and its length (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    /// Alphabetic.
    Letter,
    /// Numeric and not alphabetic.
    Digit,
    Other,
}

/// The class of each ASCII character.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_whitespace() || c == 0x0B {
            Class::Space
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// The class of `c`: ASCII by table, the rest by [`class_of_wide`].
#[inline(always)]
fn class_of(c: char) -> Class {
    match ASCII_CLASS.get(c as usize) {
        Some(&class) => class,
        None => class_of_wide(c),
    }
}

/// The class of a non-ASCII `c`. Blocks common in news that hold only
/// letters or only symbols are decided by range, sparing the Unicode table
/// search (a test checks each range against the tables).
#[inline(never)]
fn class_of_wide(c: char) -> Class {
    match c {
        LATIN_LETTERS_START..=LATIN_LETTERS_END if c != '×' && c != '÷' => Class::Letter,
        // combining accents (U+0345 and the combining letters from U+0363 are alphabetic), zero-width joiners and direction marks
        '\u{300}'..='\u{344}' | '\u{346}'..='\u{362}' | '\u{200B}'..='\u{200F}' => Class::Other,
        HEBREW_LETTERS_START..=HEBREW_LETTERS_END => Class::Letter,
        // general punctuation: quotes, dashes, bullets, direction marks
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => Class::Other,
        // pictographs and emoji
        '\u{1F300}'..='\u{1F64F}' | '\u{1F680}'..='\u{1F6FF}' | '\u{1F900}'..='\u{1F9FF}' => Class::Other,
        _ if c.is_alphabetic() => Class::Letter,
        _ if c.is_numeric() => Class::Digit,
        _ if c.is_whitespace() => Class::Space,
        _ => Class::Other,
    }
}

/// Latin-1 letters and Latin Extended-A and -B: letters only, but for × and ÷.
const LATIN_LETTERS_START: char = '\u{C0}';
const LATIN_LETTERS_END: char = '\u{24F}';
const HEBREW_LETTERS_START: char = '\u{5D0}';
const HEBREW_LETTERS_END: char = '\u{5EA}';

/// U+00AD, shown only where a line breaks.
pub(crate) const SOFT_HYPHEN: char = '\u{AD}';

/// A combining mark of the blocks that accent letters in news text
/// (Combining Diacritical Marks and their supplements and extensions, the
/// marks for symbols, half marks), plus the zero-width joiner and the
/// variation selectors, which also only modify the character before them.
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[inline]
fn is_alnum(c: char) -> bool {
    matches!(class_of(c), Class::Letter | Class::Digit)
}

#[inline]
fn is_alpha(c: char) -> bool {
    class_of(c) == Class::Letter
}

/// Splits `text` into tokens, appending them to `out` (cleared first).
#[cfg(test)]
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    tokenize_with(text, out, |t| t);
}

/// [`tokenize`] into any type made from each token by `make`: the analyzer
/// writes its table of tokens with their words in the same pass.
#[inline]
pub(crate) fn tokenize_with<T>(text: &str, out: &mut Vec<T>, mut make: impl FnMut(Token) -> T) {
    out.clear();
    // where the last word ends: a word ending where an apostrophe starts is the token
    // right before it (tokens do not overlap), for telling a possessive from a quotation mark
    let mut word_end = usize::MAX;
    let mut i = 0;
    let bytes = text.as_bytes();
    while let Some((c, len)) = char_at(text, i) {
        let start = i;
        if c == ' ' {
            // the most common character between tokens
            i += 1;
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            continue;
        }
        let class = class_of(c);
        if class == Class::Space {
            i += len;
            continue;
        }
        if matches!(class, Class::Letter | Class::Digit) {
            let t = word(text, start, c, class, len);
            if t.kind == TokenKind::Word {
                word_end = t.end;
            }
            out.push(make(t));
            i = t.end;
            continue;
        }
        if is_apostrophe(c) {
            let prev_is_word = word_end == start;
            if prev_is_word {
                let next = char_at(text, start + len);
                if matches!(next, Some(('s', _)) | Some(('S', _)))
                    && !char_at(text, start + len + 1).is_some_and(|(a, _)| is_alnum(a))
                {
                    out.push(make(Token { start, end: start + len + 1, kind: TokenKind::Possessive }));
                    i = start + len + 1;
                    continue;
                }
            }
        }
        out.push(make(Token { start, end: start + len, kind: TokenKind::Punct }));
        i += len;
    }
}

/// The word or number starting at `start` with character `c`.
#[inline]
fn word(text: &str, start: usize, c: char, class: Class, len: usize) -> Token {
    let numeric = c.is_ascii_digit();
    let mut end = start + len;
    // letters at the end of the token so far ("U.S" ends in one letter)
    let mut tail_alpha = usize::from(class == Class::Letter);
    let mut dotted = false;
    let bytes = text.as_bytes();
    // Extend over letters/digits and inner connectors followed by a letter or digit.
    loop {
        // ASCII letters and digits, most of any word, a byte at a time without decoding
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii_alphabetic() {
                tail_alpha += 1;
            } else if b.is_ascii_digit() {
                tail_alpha = 0;
            } else {
                break;
            }
            end += 1;
        }
        let Some((n, nlen)) = char_at(text, end) else { break };
        let class = class_of(n);
        if class == Class::Space {
            // the common end of a word: nothing to join
            break;
        }
        match class {
            Class::Letter => {
                end += nlen;
                tail_alpha += 1;
                continue;
            }
            Class::Digit => {
                end += nlen;
                tail_alpha = 0;
                continue;
            }
            _ if is_combining_mark(n) => {
                // an accent written as its own character ("Merke\u{301}l") belongs
                // to the letter before it: a word never ends inside a character cluster
                end += nlen;
                continue;
            }
            _ => {}
        }
        let after = char_at(text, end + nlen).map(|(a, _)| a);
        let joins = match n {
            // a soft hyphen is an invisible hint where a line may break: "Mer\u{AD}kel" is one word
            '-' | '‑' | SOFT_HYPHEN => after.is_some_and(is_alnum),
            '.' | ',' if numeric => after.is_some_and(|a| a.is_ascii_digit()),
            // dotted abbreviation: "U.S.", "e.g.", "a.m."
            '.' => after.is_some_and(is_alpha) && tail_alpha == 1,
            c2 if is_apostrophe(c2) => {
                // inner apostrophe ("don't", "O'Brien") but not a possessive "'s"
                let alen = after.map_or(0, char::len_utf8);
                let is_possessive = matches!(after, Some('s') | Some('S'))
                    && !char_at(text, end + nlen + alen).is_some_and(|(a, _)| is_alnum(a));
                after.is_some_and(is_alpha) && !is_possessive
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if n == '.' {
            dotted = true;
        }
        end += nlen;
        tail_alpha = 0;
    }
    // "U.S." keeps its final dot when the word is dotted single letters.
    if dotted && !numeric && text.as_bytes().get(end) == Some(&b'.') {
        end += 1;
    }
    let kind = if numeric
        && text.get(start..end).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b','))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token { start, end, kind }
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

    /// The first, char-by-char version of the tokenizer: the fast one must agree with it.
    fn reference_tokenize(text: &str, out: &mut Vec<Token>) {
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
                let kind =
                    if numeric && text[start..end].chars().all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',') {
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

    fn check_same(text: &str) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        tokenize(text, &mut a);
        reference_tokenize(text, &mut b);
        assert_eq!(a, b, "{text:?}");
    }

    /// The ranges `class_of` decides without the tables agree with them.
    #[test]
    fn class_ranges_agree_with_unicode_tables() {
        let slow = |c: char| {
            if c.is_alphabetic() {
                Class::Letter
            } else if c.is_numeric() {
                Class::Digit
            } else if c.is_whitespace() {
                Class::Space
            } else {
                Class::Other
            }
        };
        let ranges = [
            (LATIN_LETTERS_START, LATIN_LETTERS_END),
            (HEBREW_LETTERS_START, HEBREW_LETTERS_END),
            ('\u{300}', '\u{344}'),
            ('\u{346}', '\u{362}'),
            ('\u{200B}', '\u{200F}'),
            ('\u{2010}', '\u{2027}'),
            ('\u{2030}', '\u{205E}'),
            ('\u{1F300}', '\u{1F64F}'),
            ('\u{1F680}', '\u{1F6FF}'),
            ('\u{1F900}', '\u{1F9FF}'),
        ];
        for (a, b) in ranges.into_iter().chain([('\0', '\u{7f}')]) {
            for c in a..=b {
                assert_eq!(class_of(c), slow(c), "{c:?} U+{:04X}", c as u32);
            }
        }
        for c in ['×', '÷', 'é', 'ß', 'ש', '😀', '\u{202e}', '\u{200d}', '\u{301}', '²', '٣', '\u{3000}'] {
            assert_eq!(class_of(c), slow(c), "{c:?}");
        }
    }

    #[test]
    fn fast_path_agrees_with_reference_on_hard_cases() {
        for t in [
            "U.S. U.S.A. e.g. a.m. Xi’s O'Brien don't James' 2,000.5 3.5. x.y.z. Ü.S. Ä.b. l'été",
            "Vice-Premier He Lifeng‑Wang 's 's' ’S ’s’ end. ''s 'x' «Zürich» — 東京 Straße",
            "",
            " ",
            "'",
            "’s",
            "a'",
            "a’",
            "9/11 P.M. I.B.M.. x-",
            "...",
            "\u{0}",
        ] {
            check_same(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_reference(s in "[a-zA-Z0-9 .,'’‑\\-sSÄé東]{0,40}") {
            check_same(&s);
        }
    }
}
