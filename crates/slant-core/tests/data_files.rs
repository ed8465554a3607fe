//! User data files (`--names`, `--lexicon`): a byte-order mark, an extra
//! column and binary content, each case with what must come of it.

use slant_core::{Config, Label};

/// (file text, Ok(entries) or Err(text the error must contain)).
type Case = (&'static str, Result<usize, &'static str>);

const NAMES: &[Case] = &[
    ("Qxz Vandermoot\tORG\n", Ok(1)),
    // a byte-order mark is no part of the first name
    ("\u{feff}Qxz Vandermoot\tORG\nAnn Lee\tPERSON\n", Ok(2)),
    ("\u{feff}# comment\nQxz Vandermoot\tORG\n", Ok(1)),
    // CRLF, and a trailing tab a spreadsheet leaves, are no column
    ("Qxz Vandermoot\tORG\r\nAnn Lee\tPERSON\t\r\n", Ok(2)),
    // an extra column is an error naming the line, not silently cut
    ("Ann Lee\tPERSON\nQxz Vandermoot\tORG\tsince 1990\n", Err("test:2: 3 columns")),
    ("Qxz Vandermoot\tORG\t\tx\n", Err("test:1: 4 columns")),
    // NUL bytes: a binary file, or UTF-16 read as UTF-8
    ("Ann Lee\tPERSON\nx\0y\tORG\n", Err("test:2: a NUL byte")),
    ("Q\0x\0z\0\t\0O\0R\0G\0\n\0", Err("test:1: a NUL byte")),
    ("Qxz Vandermoot\n", Err("test:1: one column")),
    ("Qxz Vandermoot\tWIZARD\n", Err("test:1: expected `name<TAB>LABEL`")),
];

const LEXICON: &[Case] = &[
    ("frobnicated\t-3.0\n", Ok(1)),
    ("\u{feff}frobnicated\t-3.0\n", Ok(1)),
    ("frobnicated\t-3.0\t\n", Ok(1)),
    // VADER's own file has four columns: an error, not a silently cut line
    ("frobnicated\t-3.0\t0.5\t[-3, -3]\n", Err("test:1: 4 columns")),
    ("ok\t1\nbad\0word\t2\n", Err("test:2: a NUL byte")),
    ("frobnicated\t-9\n", Err("test:1: expected `word<TAB>valence`")),
];

fn check(cases: &[Case], add: fn(&mut Config, &str) -> Result<usize, slant_core::Error>) {
    for (text, want) in cases {
        let mut config = Config::default();
        match (add(&mut config, text), want) {
            (Ok(n), Ok(want)) => assert_eq!(n, *want, "{text:?}"),
            (Err(e), Err(want)) => assert!(e.to_string().contains(want), "{text:?}: {e}"),
            (got, want) => panic!("{text:?}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn names_files() {
    check(NAMES, |config, text| {
        config.add_names_tsv("test", text)?;
        Ok(config.names.len())
    });
    let mut config = Config::default();
    config.add_names_tsv("test", "\u{feff}Qxz Vandermoot\tORG\n").expect("valid");
    assert_eq!(config.names, [("Qxz Vandermoot".to_string(), Label::Org)]);
}

#[test]
fn lexicon_files() {
    check(LEXICON, |config, text| {
        config.add_lexicon_tsv("test", text)?;
        Ok(config.lexicon.len())
    });
    let mut config = Config::default();
    config.add_lexicon_tsv("test", "\u{feff}Frobnicated\t-3.0\n").expect("valid");
    assert_eq!(config.lexicon, [("frobnicated".to_string(), -3.0)]);
}
