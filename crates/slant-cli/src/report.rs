//! The human-readable report of `slant analyze`.

use std::io::{self, Write};

use slant_core::{Analysis, Basis, Confidence, CueKind, Polarity};

/// Writes entities ranked from most negatively to most positively framed,
/// each with its evidence, then the document summary.
pub fn write_report(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    let s = &analysis.summary;
    writeln!(
        out,
        "{} sentences, {} words, {} entities, {} cues ({:.1} per 100 words)",
        analysis.sentences.len(),
        s.words,
        analysis.entities.len(),
        s.cue_counts.total(),
        s.cues_per_100_words
    )?;
    let c = &s.cue_counts;
    writeln!(
        out,
        "cues by kind: label {}, scare_quote {}, doubt {}, attribution {}, loaded {}",
        c.label, c.scare_quote, c.doubt, c.attribution, c.loaded
    )?;
    let mut ranked: Vec<_> = analysis.entities.iter().collect();
    ranked.sort_by(|a, b| a.framing.score.total_cmp(&b.framing.score).then(a.id.cmp(&b.id)));
    if !ranked.is_empty() {
        writeln!(out, "\nEntities, most negatively framed first:")?;
    }
    for e in ranked {
        let f = &e.framing;
        let polar = f.polarity != Polarity::Neutral;
        let verdict = format!("{:?}", f.polarity).to_lowercase();
        let verdict = if polar && f.confidence == Confidence::Weak { verdict + " (weak)" } else { verdict };
        writeln!(
            out,
            "  {:+.2} {:<15} {} [{}] — {}",
            f.score,
            verdict,
            Safe(&e.name),
            e.label.as_str(),
            mention_counts(e)
        )?;
        for &i in &e.framing.cues {
            if let Some(cue) = analysis.cues.get(i) {
                writeln!(
                    out,
                    "        {:+.2} {:<11} {} — {}",
                    cue.polarity,
                    kind_name(cue.kind),
                    Quoted(&cue.text),
                    Safe(&cue.reason)
                )?;
            }
        }
        // the context line: always when it decided the verdict, else when it reads clearly,
        // saying so when it reads against a verdict the cues made
        let context = &f.context;
        let decided = f.basis == Basis::Context;
        if !context.words.is_empty() && (decided || context.score.abs() >= 0.2) {
            let words: Vec<String> = context.words.iter().map(|w| Quoted(&w.text).to_string()).collect();
            let against = polar && !decided && (context.score > 0.0) != (f.score > 0.0);
            let note = if decided {
                " (the verdict rests on this reading alone)"
            } else if against {
                " (reads the other way; the cues decide)"
            } else {
                ""
            };
            writeln!(out, "        {:+.2} {:<11} {}{note}", context.score, "context", words.join(" "))?;
        }
    }
    Ok(())
}

fn kind_name(kind: CueKind) -> &'static str {
    kind.as_str()
}

/// "3 mentions, 5 references": names and resolved pronouns or descriptions apart.
fn mention_counts(e: &slant_core::Entity) -> String {
    let names = e.mentions.iter().filter(|m| m.kind == slant_core::MentionKind::Name).count();
    let references = e.mentions.len() - names;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut out = format!("{names} mention{}", plural(names));
    if references > 0 {
        out.push_str(&format!(", {references} reference{}", plural(references)));
    }
    out
}

/// Text from the input, safe to print on a terminal: control characters (C0
/// including tab and line breaks, DEL, C1 such as U+009B CSI, which can
/// retitle, clear or hide parts of a terminal) and the bidirectional
/// embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 (which
/// can reorder what is shown, as in "Trojan Source") are written as
/// `\u{..}` escapes, so they stay visible; everything else as it is.
pub struct Safe<'a>(pub &'a str);

impl std::fmt::Display for Safe<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            let hostile = c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if hostile {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// Input text in quotation marks, made [`Safe`]; a text that already starts
/// and ends with quotation marks (a scare quote's cue) is not quoted twice.
struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let opens = self.0.starts_with(['“', '"', '‘', '\'', '«', '„']);
        let closes = self.0.ends_with(['”', '"', '’', '\'', '»', '“']);
        if opens && closes && self.0.chars().count() > 1 {
            write!(f, "{}", Safe(self.0))
        } else {
            write!(f, "“{}”", Safe(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_bidi_overrides_are_escaped() {
        let cases = [
            ("\u{1b}]0;PWNED\u{7}expert", "\\u{1b}]0;PWNED\\u{7}expert"),
            ("a\u{b}b\u{c}c", "a\\u{b}b\\u{c}c"),
            ("x\u{9b}2J", "x\\u{9b}2J"),
            ("abc\u{202e}fed", "abc\\u{202e}fed"),
            ("Zürich “quoted”", "Zürich “quoted”"),
        ];
        for (input, want) in cases {
            assert_eq!(Safe(input).to_string(), want, "{input:?}");
        }
    }

    #[test]
    fn quoted_text_is_not_quoted_twice() {
        let cases = [
            ("“expert”", "“expert”"),
            ("\"expert\"", "\"expert\""),
            ("‘expert’", "‘expert’"),
            ("«expert»", "«expert»"),
            ("„Experte“", "„Experte“"),
            ("expert", "“expert”"),
            ("expert’s", "“expert’s”"),
            ("\"", "“\"”"),
            ("“\u{1b}[2Jx”", "“\\u{1b}[2Jx”"),
        ];
        for (input, want) in cases {
            assert_eq!(Quoted(input).to_string(), want, "{input:?}");
        }
    }
}
