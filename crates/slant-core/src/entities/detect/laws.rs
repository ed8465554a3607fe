//! Laws and treaties: "the Clean Air Act" is no entity, and the names inside it are not
//! mentioned (in running text: a title-case headline is one run).

use super::SentCtx;

/// The last word of a law's or treaty's name ("Act", "Treaty", "Accords").
fn is_law_head(low: &str) -> bool {
    matches!(low, "act" | "acts" | "treaty" | "treaties" | "accord" | "accords" | "amendment" | "amendments")
}

impl SentCtx<'_> {
    /// "the Hong Kong Human Rights and Democracy Act": a run of two words or more ending in a
    /// law's word names a law.
    pub(super) fn names_a_law(&self, s: usize, e: usize) -> bool {
        e > s + 1 && is_law_head(self.low(e - 1))
    }

    /// "McConnell’s Better Care Reconciliation Act": a possessive owner before the law's words is
    /// its sponsor, a name of its own; the end of the sponsor's name.
    pub(super) fn law_sponsor_end(&self, s: usize, e: usize) -> Option<usize> {
        (s + 1..e).rev().find(|&i| self.possessive_at(i))
    }

    /// "Treaty of Versailles": a treaty's name, though "Treaty" heads names with "of".
    pub(super) fn is_treaty(&self, i: usize) -> bool {
        self.low(i) == "treaty"
    }
}
