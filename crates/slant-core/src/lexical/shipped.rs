//! The shipped data files (name lists, lexicons), with their comment lines
//! dropped at compile time: the headers (source, licence, columns) are for
//! readers of the files and would otherwise take 3.5 KB of the page's
//! gzipped wasm. [`data_lines`] skips the same
//! lines, so the rules read the same data either way.

/// `include_str!` less the lines that start with `#`, as a `&'static str`.
macro_rules! shipped {
    ($path:literal) => {{
        const RAW: &str = include_str!($path);
        const BYTES: [u8; $crate::lexical::shipped::uncommented_len(RAW)] = $crate::lexical::shipped::uncommented(RAW);
        // whole lines are dropped, so what is left is UTF-8 too (checked at compile time)
        const TEXT: &str = match std::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a shipped data file is not UTF-8"),
        };
        TEXT
    }};
}
pub(crate) use shipped;

/// The length of the line of `text` that starts at byte `i`, its newline included.
const fn line_len(text: &[u8], i: usize) -> usize {
    let mut end = i;
    while end < text.len() && text[end] != b'\n' {
        end += 1;
    }
    if end < text.len() {
        end += 1;
    }
    end - i
}

/// How many bytes of `text` are not on a comment line.
pub(crate) const fn uncommented_len(text: &str) -> usize {
    let text = text.as_bytes();
    let (mut i, mut len) = (0, 0);
    while i < text.len() {
        let n = line_len(text, i);
        if text[i] != b'#' {
            len += n;
        }
        i += n;
    }
    len
}

/// The bytes of `text` that are not on a comment line (`N` from [`uncommented_len`]).
pub(crate) const fn uncommented<const N: usize>(text: &str) -> [u8; N] {
    let text = text.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    while i < text.len() {
        let n = line_len(text, i);
        if text[i] != b'#' {
            let mut k = 0;
            while k < n {
                out[o + k] = text[i + k];
                k += 1;
            }
            o += n;
        }
        i += n;
    }
    out
}

/// Non-comment, non-blank lines with their 1-based numbers.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // a byte-order mark written by some editors is no part of the first entry
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::data_lines;

    #[test]
    fn comment_lines_are_dropped_and_data_kept() {
        const TEXT: &str = "# header\nname\talias\n# note\nA\tB\n\n#last";
        const BYTES: [u8; super::uncommented_len(TEXT)] = super::uncommented(TEXT);
        assert_eq!(std::str::from_utf8(&BYTES), Ok("name\talias\nA\tB\n\n"));
        let full: Vec<_> = data_lines(TEXT).map(|(_, l)| l).collect();
        let kept: Vec<_> = data_lines(std::str::from_utf8(&BYTES).unwrap_or("")).map(|(_, l)| l).collect();
        assert_eq!(full, kept);
    }
}
