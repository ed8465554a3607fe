//! Scare quotes: quotation marks around a short phrase that distance the
//! author from it (Russia's "Victory Parade", an alleged "ceasefire"), told
//! apart from quoted speech ("…," Putin continued), titles and mentioned terms.

use super::{words, Aim, Cand, Ctx};
use crate::lexical::tokens::TokenKind;
use crate::model::CueKind;

/// A scare quote holds at most this many words; longer quotations are speech.
pub(crate) const MAX_WORDS: usize = 4;
/// The polarity of a scare quote toward its target.
const POLARITY: f32 = -0.3;

/// How a pair of quotation marks is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Speech,
    /// A title, a name or a term being mentioned: neither speech nor distancing.
    Mention,
    Scare,
}

/// Pairs the quotation marks of the sentence, adds a candidate for each scare
/// quote and sets `speech`, per token, to whether it is inside quoted speech.
pub(crate) fn find(ctx: &Ctx, out: &mut Vec<Cand>, speech: &mut Vec<bool>) {
    let n = ctx.toks.len();
    speech.clear();
    speech.resize(n, false);
    let mut open: Option<(usize, char)> = None;
    let mut seen_any = false;
    for i in 0..n {
        let Some(c) = quote_char(ctx, i) else { continue };
        let opens = match c {
            '“' | '‘' => true,
            '”' | '’' => false,
            _ => open.is_none(), // straight quotes alternate
        };
        if opens {
            open = Some((i, c));
            seen_any = true;
            continue;
        }
        match open.take() {
            Some((o, oc)) if pairs(oc, c) => match classify(ctx, o, i) {
                Use::Speech => speech.iter_mut().take(i + 1).skip(o).for_each(|s| *s = true),
                Use::Mention => {}
                Use::Scare => out.push(Cand {
                    first: o,
                    end: i + 1,
                    kind: CueKind::ScareQuote,
                    polarity: POLARITY,
                    reason: "quotation marks distance the author from the phrase",
                    aim: Aim::Clause,
                    rule: None,
                }),
            },
            Some(_) => {}
            None if !seen_any && matches!(c, '”' | '"') => {
                // a quotation continued from an earlier sentence ends here
                speech.iter_mut().take(i + 1).for_each(|s| *s = true);
            }
            None => {}
        }
        seen_any = true;
    }
    if let Some((o, _)) = open {
        // a quotation that continues into the next sentence
        speech.iter_mut().skip(o).for_each(|s| *s = true);
    }
}

fn quote_char(ctx: &Ctx, i: usize) -> Option<char> {
    if ctx.is_word(i) {
        return None;
    }
    let c = ctx.first(i)?;
    match c {
        '“' | '”' | '"' | '‘' => Some(c),
        // ’ is mostly an apostrophe; it closes a quote only when one is open (checked by `pairs`)
        '’' => Some(c),
        _ => None,
    }
}

fn pairs(open: char, close: char) -> bool {
    matches!((open, close), ('“', '”') | ('"', '"') | ('‘', '’') | ('“', '"') | ('"', '”'))
}

/// Decides how the quotation marks at tokens `o` and `c` are used.
fn classify(ctx: &Ctx, o: usize, c: usize) -> Use {
    let content = o + 1..c;
    let n_words = content.clone().filter(|&i| ctx.is_word(i)).count();
    if n_words == 0 {
        return Use::Mention;
    }
    if n_words > MAX_WORDS || content.clone().any(|i| words::is_speaker_pronoun(ctx.word(i))) {
        return Use::Speech;
    }
    // “…,” he said / “…,” said Putin
    if speaker_follows(ctx, c + 1) {
        return Use::Speech;
    }
    // what comes just before the opening mark
    for k in 1..=3 {
        let Some(i) = o.checked_sub(k) else { break };
        if k == 1 && (ctx.is_punct(i, ':') || ctx.is_punct(i, ',')) {
            return Use::Speech;
        }
        let w = ctx.word(i);
        if is_title_word(w) || is_naming_word(w) {
            return Use::Mention;
        }
        if is_quoting_word(w) || ctx.roles(i).is_some_and(|r| r.attribution.is_some()) {
            return Use::Speech;
        }
        if !ctx.is_word(i) {
            break;
        }
    }
    // distancing quotes follow a determiner, a possessive or a doubt word
    // ("an alleged “ceasefire”", "Russia's “Victory Parade”"); after a verb or
    // a preposition a short quotation is usually someone's words.
    let ends_sentence =
        c.checked_sub(1).is_some_and(|l| ctx.is_punct(l, '.') || ctx.is_punct(l, '!') || ctx.is_punct(l, '?'));
    let mut i = o;
    for k in 0..3 {
        let Some(p) = i.checked_sub(1) else { return Use::Mention };
        i = p;
        let w = ctx.word(i);
        let determiner = matches!(
            w,
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "this"
                | "that"
                | "these"
                | "those"
                | "our"
                | "whose"
        );
        if determiner
            || ctx.toks.get(i).is_some_and(|t| t.kind == TokenKind::Possessive)
            || ctx.roles(i).is_some_and(|r| r.doubt.is_some())
        {
            return Use::Scare;
        }
        let preposition = matches!(
            w,
            "at" | "of" | "for" | "in" | "on" | "with" | "about" | "into" | "against" | "toward" | "towards" | "over"
        );
        if preposition && k == 0 && !ends_sentence {
            return Use::Scare;
        }
        if !ctx.is_word(i) || words::is_function_word(w) {
            return Use::Mention;
        }
    }
    Use::Mention
}

/// A reporting verb within a few words after a closing quotation mark.
fn speaker_follows(ctx: &Ctx, from: usize) -> bool {
    let mut i = from;
    if ctx.is_punct(i, ',') {
        i += 1;
    }
    for k in i..(i + 4).min(ctx.toks.len()) {
        if !ctx.is_word(k) {
            return false;
        }
        let w = ctx.word(k);
        if is_quoting_word(w) || ctx.roles(k).is_some_and(|r| r.attribution.is_some()) {
            return true;
        }
    }
    false
}

/// Verbs that quote someone's wording ("calling it “a hoax”").
fn is_quoting_word(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "dubbed"
            | "dubs"
            | "termed"
            | "labeled"
            | "labelled"
            | "branded"
            | "described"
            | "describing"
            | "describes"
            | "quoted"
            | "quoting"
            | "continued"
            | "wrote"
            | "writes"
            | "tweeted"
            | "posted"
            | "chanted"
            | "shouted"
            | "promised"
            | "vowed"
            | "urged"
            | "warned"
            | "declared"
            | "insisted"
            | "asked"
    )
}

/// Nouns after which a quotation is a title ("the film “Jaws”").
fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "book"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "show"
            | "series"
            | "program"
            | "programme"
            | "episode"
            | "titled"
            | "entitled"
            | "headlined"
            | "headline"
            | "article"
            | "essay"
            | "column"
            | "op-ed"
            | "play"
            | "novel"
            | "poem"
            | "documentary"
            | "podcast"
            | "report"
            | "paper"
            | "study"
            | "memoir"
            | "bill"
            | "act"
            | "operation"
            | "exhibition"
            | "painting"
            | "track"
            | "single"
            | "magazine"
    )
}

/// Words after which a quotation mentions a term or a name ("the word “woke”").
fn is_naming_word(w: &str) -> bool {
    matches!(
        w,
        "word"
            | "words"
            | "term"
            | "terms"
            | "phrase"
            | "phrases"
            | "named"
            | "nicknamed"
            | "known"
            | "referred"
            | "refer"
            | "refers"
            | "slogan"
            | "slogans"
            | "hashtag"
            | "motto"
            | "spelled"
            | "pronounced"
            | "letter"
            | "letters"
            | "acronym"
            | "abbreviation"
            | "codenamed"
            | "code-named"
            | "as"
    )
}
