//! Small closed classes of words the rules look at (lower-case).

pub(crate) use crate::lexical::words::is_function_word;

/// Words for people, groups and institutions: what a label adjective must
/// modify to characterise a referent ("corrupt officials", "radical group").
pub(crate) fn is_referent_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    matches!(
        w,
        "leader"
            | "president"
            | "official"
            | "government"
            | "regime"
            | "party"
            | "group"
            | "media"
            | "outlet"
            | "agency"
            | "ally"
            | "allie"
            | "supporter"
            | "activist"
            | "politician"
            | "lawmaker"
            | "senator"
            | "minister"
            | "state"
            | "country"
            | "nation"
            | "people"
            | "left"
            | "right"
            | "mob"
            | "army"
            | "militia"
            | "force"
            | "organization"
            | "organisation"
            | "movement"
            | "administration"
            | "democrat"
            | "republican"
            | "liberal"
            | "conservative"
            | "man"
            | "woman"
            | "men"
            | "women"
            | "figure"
            | "leadership"
            | "elite"
            | "establishment"
            | "network"
            | "newspaper"
            | "channel"
            | "station"
            | "press"
            | "journalist"
            | "reporter"
            | "pundit"
            | "commentator"
            | "candidate"
            | "governor"
            | "mayor"
            | "judge"
            | "prosecutor"
            | "general"
            | "commander"
            | "ruler"
            | "king"
            | "prince"
            | "cleric"
            | "preacher"
            | "billionaire"
            | "tycoon"
            | "mogul"
            | "boss"
            | "chief"
            | "head"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ideologue"
            | "operative"
            | "follower"
            | "member"
            | "partner"
            | "friend"
            | "backer"
            | "donor"
            | "crowd"
            | "faction"
            | "wing"
            | "camp"
            | "base"
            | "voter"
            | "citizen"
            | "student"
            | "professor"
            | "scientist"
            | "doctor"
            | "author"
            | "writer"
            | "critic"
            | "opponent"
            | "rival"
            | "enemy"
            | "dictator"
            | "strongman"
            | "autocrat"
            | "team"
            | "company"
            | "firm"
            | "corporation"
            | "bank"
            | "union"
            | "council"
            | "committee"
            | "court"
            | "congress"
            | "parliament"
            | "senate"
            | "house"
            | "cabinet"
            | "ministry"
            | "department"
            | "bureau"
            | "police"
            | "military"
            | "troop"
            | "soldier"
            | "fighter"
            | "rebel"
            | "protester"
            | "protestor"
            | "demonstrator"
            | "immigrant"
            | "migrant"
            | "worker"
            | "thug"
            | "terrorist"
            | "extremist"
            | "radical"
            | "fanatic"
            | "bureaucrat"
            | "politico"
            | "apparatchik"
            | "propagandist"
            | "mouthpiece"
            | "press agency"
            | "rhetoric"
            | "agenda"
            | "ideology"
            | "policy"
            | "policie"
            | "view"
            | "idea"
            | "cause"
            | "propaganda"
            | "narrative"
    )
}

/// First- and second-person words: inside quotation marks they mark speech.
pub(crate) fn is_speaker_pronoun(w: &str) -> bool {
    matches!(
        w,
        "i" | "we"
            | "me"
            | "us"
            | "my"
            | "our"
            | "ours"
            | "mine"
            | "you"
            | "your"
            | "yours"
            | "i'm"
            | "we're"
            | "we've"
            | "i've"
            | "you're"
            | "let's"
            | "myself"
            | "ourselves"
    )
}

/// Third-person pronouns that can stand for a person speaking.
pub(crate) fn is_person_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she")
}

/// Copulas linking a subject to a predicate noun ("X is a dictator").
pub(crate) fn is_copula(w: &str) -> bool {
    matches!(w, "is" | "was" | "are" | "were" | "be" | "been" | "remains" | "remained" | "became" | "becomes")
}

/// Verbs that give someone a name or a description ("called him a liar",
/// "dubbed them cowards").
pub(crate) fn is_naming_verb(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "calls"
            | "calling"
            | "dubbed"
            | "dubs"
            | "branded"
            | "brands"
            | "labeled"
            | "labelled"
            | "labels"
            | "nicknamed"
            | "deemed"
            | "denounced"
            | "decried"
    )
}

/// Words that introduce a clause of their own.
pub(crate) fn is_clause_word(w: &str) -> bool {
    matches!(w, "but" | "while" | "whereas" | "although" | "though" | "because" | "however" | "yet" | "since")
}

/// Punctuation that ends a clause.
pub(crate) fn is_clause_punct(s: &str) -> bool {
    matches!(s, "," | ";" | ":" | "(" | ")" | "—" | "–" | "[" | "]" | "“" | "”" | "\"" | "?" | "!" | ".")
}
