//! The human-readable report of `slant analyze`.

use std::io::{self, Write};

use slant_core::{Analysis, CueKind};

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
        writeln!(
            out,
            "  {:+.2} {:<8} {} [{}] — {}",
            e.framing.score,
            format!("{:?}", e.framing.polarity).to_lowercase(),
            e.name,
            e.label.as_str(),
            mention_counts(e)
        )?;
        for &i in &e.framing.cues {
            if let Some(cue) = analysis.cues.get(i) {
                writeln!(
                    out,
                    "        {:+.2} {:<11} “{}” — {}",
                    cue.polarity,
                    kind_name(cue.kind),
                    cue.text,
                    cue.reason
                )?;
            }
        }
        let context = &e.framing.context;
        if !context.words.is_empty() && context.score.abs() >= 0.2 {
            let words: Vec<String> = context.words.iter().map(|w| format!("“{}”", w.text)).collect();
            writeln!(out, "        {:+.2} {:<11} {}", context.score, "context", words.join(" "))?;
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
