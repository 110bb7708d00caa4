//! Event families: the words news uses for one kind of happening ("attack", "attacked",
//! "assault"; "arrested", "detained", "arrests"; "inquiry", "investigation"), as a table. Two
//! events can only be one story event when their own clauses name the same family. The examples in
//! `families.corpus` (word or label → family) run in `tests/story_merge.rs`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Each family and the words (lower case, any inflection listed) that name it.
pub const FAMILIES: &[(&str, &[&str])] = &[
    (
        "attack",
        &["attack", "attacks", "attacked", "attacking", "assault", "assaulted", "rampage", "stabbing", "stabbed"],
    ),
    (
        "bombing",
        &["bombing", "bombings", "bomb", "bombs", "bombed", "blast", "blasts", "explosion", "explosions", "exploded"],
    ),
    ("shooting", &["shooting", "shootings", "gunfire", "opened fire", "shot"]),
    ("fire", &["fire", "fires", "blaze", "blazes", "flames", "burned", "burnt", "wildfire"]),
    ("crash", &["crash", "crashes", "crashed", "collision", "collided", "derailment", "derailed"]),
    ("arrest", &["arrest", "arrests", "arrested", "detained", "detention", "detentions", "custody"]),
    (
        "inquiry",
        &[
            "inquiry",
            "inquiries",
            "investigators",
            "investigator",
            "investigation",
            "investigations",
            "investigated",
            "investigating",
            "probe",
            "inquest",
        ],
    ),
    ("charge", &["charged", "charges", "indicted", "indictment"]),
    ("trial", &["trial", "hearing", "verdict", "convicted", "acquitted", "sentenced", "sentencing"]),
    ("responsibility", &["claim", "claimed responsibility", "responsibility", "claims responsibility"]),
    ("condolence", &["condolences", "condolence", "sympathy", "sympathies"]),
    (
        "tribute",
        &["tribute", "tributes", "salute", "saluted", "vigil", "vigils", "silence", "memorial", "mourners", "mourned"],
    ),
    ("rescue", &["rescue", "rescued", "rescuers", "recovered", "recovery", "freed"]),
    ("evacuation", &["evacuated", "evacuation", "evacuations", "evacuate"]),
    ("closure", &["closed", "closure", "shut", "sealed off", "cordoned"]),
    ("reopening", &["reopened", "reopening", "reopens", "resumed", "restored"]),
    ("death", &["died", "dies", "death", "deaths", "killed", "dead", "pronounced dead"]),
    ("injury", &["injured", "wounded", "hurt", "injuries"]),
    ("vote", &["vote", "votes", "voted", "election", "elections", "elected", "ballot", "referendum", "poll", "polls"]),
    ("meeting", &["meeting", "meetings", "met", "summit", "talks"]),
    ("resignation", &["resigned", "resignation", "resigns", "stepped down", "quit"]),
    ("flood", &["flood", "floods", "flooding", "flooded"]),
    ("storm", &["storm", "storms", "hurricane", "typhoon", "cyclone", "tornado"]),
    ("earthquake", &["earthquake", "earthquakes", "quake", "tremor", "aftershock"]),
    (
        "protest",
        &[
            "protest",
            "protests",
            "protested",
            "demonstration",
            "demonstrations",
            "rally",
            "riot",
            "riots",
            "march",
            "marched",
            "marching",
            "marchers",
            "protesters",
        ],
    ),
    ("strike", &["strike", "strikes", "walkout", "walked out"]),
    ("identification", &["identified", "named", "identify"]),
    ("birth", &["born", "birth"]),
    ("marriage", &["married", "marriage", "wedding", "wed"]),
    ("start", &["started", "joined"]),
    (
        "statement",
        &["said", "says", "told", "announced", "stated", "added", "confirmed", "reported", "tweeted", "wrote"],
    ),
];

/// Two-word entries ("opened fire") by their first word: the second word and the family.
fn phrase_starts() -> &'static HashMap<&'static str, Vec<(&'static str, &'static str)>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<(&'static str, &'static str)>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for (family, words) in FAMILIES {
            for word in words.iter() {
                if let Some((first, second)) = word.split_once(' ') {
                    table.entry(first).or_default().push((second, *family));
                }
            }
        }
        table
    })
}

/// Single words by lookup ("opened fire" and other two-word entries are in `phrase_starts`).
fn single_words() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for (family, words) in FAMILIES {
            for word in words.iter().filter(|w| !w.contains(' ')) {
                table.entry(*word).or_insert(*family);
            }
        }
        table
    })
}

/// The family a single lower-case word names, if any.
pub fn family_of_word(word: &str) -> Option<&'static str> {
    single_words().get(word).copied()
}

/// The family of an event, read from its label (the event's own clause): the first word that
/// names a family. A report ("X said the attack targeted Y") is a statement, not the attack it
/// reports: a reporting word before any other family word makes the family "statement".
pub fn family_of_label(label: &str) -> Option<&'static str> {
    let lower = label.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let phrase_family = phrase_starts()
            .get(word)
            .and_then(|seconds| seconds.iter().find(|(second, _)| Some(*second) == next))
            .map(|(_, family)| *family);
        if let Some(family) = phrase_family.or_else(|| family_of_word(word)) {
            return Some(family);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_names_one_family() {
        let mut seen = HashMap::new();
        for (family, words) in FAMILIES {
            for word in *words {
                if let Some(other) = seen.insert(*word, *family) {
                    panic!("{word:?} is in both {other} and {family}");
                }
            }
        }
    }

    #[test]
    fn a_report_is_a_statement_not_what_it_reports() {
        assert_eq!(family_of_label("Michael Fallon said the attack targeted Westminster"), Some("statement"));
        assert_eq!(family_of_label("Terror attack in London"), Some("attack"));
        assert_eq!(family_of_label("Gunmen opened fire on the crowd"), Some("shooting"));
        assert_eq!(family_of_label("The committee began its work"), None);
    }
}
