//! Connectors ("of", "and", "'s", "de"): which of them join the words of one name.

use crate::lexical::tokens::TokenKind;
use crate::resources::gazetteer::class;

use super::{RunCtx, SentCtx};

/// A word that may join the words of one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Conn {
    Of,
    For,
    And,
    Particle,
    Possessive,
}

/// Lower-case function words that may join the words of one name: "of", "and", "de".
pub(super) fn connector(w: &str) -> Option<Conn> {
    Some(match w {
        "of" => Conn::Of,
        "for" | "on" => Conn::For,
        "and" | "&" => Conn::And,
        "de" | "del" | "della" | "da" | "di" | "du" | "des" | "la" | "le" | "van" | "von" | "der" | "den" | "bin"
        | "ibn" | "al" | "el" | "y" | "dos" | "das" => Conn::Particle,
        _ => return None,
    })
}

impl SentCtx<'_> {
    /// The connector at token `i`: "of" is one, and so is a possessive "'s".
    pub(super) fn conn_at(&self, i: usize) -> Option<Conn> {
        let t = self.lts.get(i)?;
        if t.kind == TokenKind::Possessive {
            return Some(Conn::Possessive);
        }
        connector(self.text.get(t.start..t.end)?)
    }

    /// Tokens `a..b` are one whole known name: "Russia" is, "Russia's Defence" is not.
    fn complete_known(&self, a: usize, b: usize) -> bool {
        self.phrase_at(a, b, false).is_some_and(|(_, len)| a + len == b)
    }
}

impl RunCtx<'_> {
    /// Whether the connector `conn` at token `i` stays inside the part begun at `part_start`:
    /// "University of Texas" keeps "of" after a head word, "Russia and China" loses "and".
    pub(super) fn connector_kept(&self, conn: Conn, part_start: usize, i: usize) -> bool {
        let e = self.e;
        let before = i.checked_sub(1).map_or(0, |b| self.bits(b));
        let first = self.bits(part_start);
        let last_head =
            e > 0 && self.info.get(e - 1).is_some_and(|x| x.bits & (class::ORG_HEAD | class::LOC_HEAD) != 0);
        match conn {
            Conn::Particle => true,
            Conn::Of => {
                before & (class::HEAD | class::HEAD_OF) != 0 || first & class::HEAD_OF != 0 && i == part_start + 1
            }
            Conn::For => before & (class::ORG_HEAD | class::HEAD_OF | class::LOC_HEAD) != 0,
            Conn::And => {
                // "Mary & Leigh Block Museum", but "Russia and China"
                last_head && !self.complete_known(part_start, i)
            }
            Conn::Possessive => {
                // "People's Liberation Army", but "Russia's Defence Ministry"
                last_head && i > part_start && !self.complete_known(part_start, i)
            }
        }
    }
}
