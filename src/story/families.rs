//! Event families: the words news uses for one kind of happening ("attack", "attacked",
//! "assault"; "arrested", "detained", "arrests"; "inquiry", "investigation"), as a table. Two
//! events can only be one story event when their own clauses name the same family. The examples in
//! `families.corpus` (word or label → family) run in `tests/story_merge.rs`.

use crate::text::word_key::WordTable;
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
    (STATEMENT, &["said", "says", "told", "announced", "stated", "added", "confirmed", "reported", "tweeted", "wrote"]),
];

/// The families by word, as one table: the payload is the family's index in `FAMILIES` plus one
/// (zero for none) for single words, with `STARTS_PHRASE` set on the first word of a two-word
/// entry ("opened" of "opened fire"). Keys fold ASCII case, so no lower-cased copy is made.
struct Tables {
    words: WordTable<u16>,
    phrases: Vec<(&'static str, &'static str, &'static str)>,
}

const STARTS_PHRASE: u16 = 1 << 8;

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut payloads: Vec<(&'static str, u16)> = Vec::new();
        let mut phrases = Vec::new();
        for (index, (family, words)) in FAMILIES.iter().enumerate() {
            let family_code = u16::try_from(index + 1).unwrap_or(0);
            for word in words.iter() {
                match word.split_once(' ') {
                    Some((first, second)) => {
                        phrases.push((first, second, *family));
                        payloads.push((first, STARTS_PHRASE));
                    }
                    None => payloads.push((word, family_code)),
                }
            }
        }
        // One entry per word, its payloads joined; the first family listed wins.
        let mut joined: Vec<(&'static str, u16)> = Vec::new();
        for (word, payload) in payloads {
            match joined.iter_mut().find(|(w, _)| *w == word) {
                Some((_, existing)) => {
                    let family = if *existing & 0xff == 0 { payload & 0xff } else { *existing & 0xff };
                    *existing = (*existing | payload) & STARTS_PHRASE | family;
                }
                None => joined.push((word, payload)),
            }
        }
        Tables { words: WordTable::new(&joined), phrases }
    })
}

fn family_at(index: u16) -> Option<&'static str> {
    usize::from(index & 0xff).checked_sub(1).and_then(|i| FAMILIES.get(i)).map(|(family, _)| *family)
}

/// The family a single word (any ASCII case) names, if any.
pub fn family_of_word(word: &str) -> Option<&'static str> {
    tables().words.get(word).and_then(family_at)
}

/// The family of the first word of `words` that names one, where a two-word entry ("opened
/// fire") counts before its first word alone.
pub fn first_family<'w>(words: impl Iterator<Item = &'w str>) -> Option<&'static str> {
    let tables = tables();
    let mut words = words.peekable();
    while let Some(word) = words.next() {
        let Some(payload) = tables.words.get(word) else { continue };
        if payload & STARTS_PHRASE != 0 {
            if let Some(next) = words.peek() {
                let phrase = tables
                    .phrases
                    .iter()
                    .find(|(first, second, _)| first.eq_ignore_ascii_case(word) && second.eq_ignore_ascii_case(next));
                if let Some((_, _, family)) = phrase {
                    return Some(family);
                }
            }
        }
        if let Some(family) = family_at(payload) {
            return Some(family);
        }
    }
    None
}

/// A character of a word as the family tables see them: a letter, a digit or an apostrophe.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// The words of `text` as the family tables see them: runs of letters, digits and apostrophes.
pub fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// The family of an event, read from its label (the event's own clause): the first word that
/// names a family. A report ("X said the attack targeted Y") is a statement, not the attack it
/// reports: a reporting word before any other family word makes the family "statement".
pub fn family_of_label(label: &str) -> Option<&'static str> {
    first_family(words_of(label))
}

/// What a statement says was said: the text before its last reporting word when the report
/// follows what was said ("Two men were held, police said here": a comma or closing quote, a
/// speaker of a few words, and no clause after the word), else the text after its first
/// reporting word ("Police said two men were held" → "two men were held"); the `SAID_BYTES`
/// nearest the report; empty when there is no reporting word.
pub fn what_is_said(text: &str) -> &str {
    let is_report = |w: &&str| family_of_word(w) == Some(STATEMENT);
    // The words are slices of `text`: where they start.
    let start_of = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
    // A report after what was said ends its sentence: only the last words are searched for it.
    let tail = text.rsplit(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
    if let Some(last) = tail.take(REPORT_TAIL_WORDS).find(is_report) {
        let before = text.get(..start_of(last)).unwrap_or("");
        let after = text.get(start_of(last) + last.len()..).unwrap_or("");
        let cut = before.rfind([',', '"', '\u{201d}']).filter(|&cut| {
            let speaker = before.get(cut + 1..).unwrap_or("");
            words_of(speaker).count() <= SPEAKER_WORDS && !words_of(after).any(is_clause_word)
        });
        if let Some(cut) = cut {
            return at_most(before.get(..cut).unwrap_or(""), SAID_BYTES, true);
        }
    }
    match words_of(text).find(is_report) {
        Some(first) => at_most(text.get(start_of(first) + first.len()..).unwrap_or(""), SAID_BYTES, false),
        None => "",
    }
}

/// Words at the end of a sentence searched for a report that follows what was said: the verb,
/// a speaker of up to `SPEAKER_WORDS` and a few words of place and time.
const REPORT_TAIL_WORDS: usize = 16;
/// What is said is compared on its words nearest the report, this many bytes at most.
const SAID_BYTES: usize = 240;

/// `text` cut to at most `bytes` (on a character boundary), keeping its end or its start.
fn at_most(text: &str, bytes: usize, keep_end: bool) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut at = if keep_end { text.len() - bytes } else { bytes };
    while !text.is_char_boundary(at) {
        at += 1;
    }
    if keep_end {
        &text[at..]
    } else {
        &text[..at]
    }
}

/// Words between the comma and the reporting word of "…, Assistant Foreign Minister Ana Kovac
/// said".
const SPEAKER_WORDS: usize = 8;

/// Words that show a clause follows a reporting word ("said the bridge was safe"), which a
/// speaker named after it ("said Foreign Minister Ana Kovac") does not have.
fn is_clause_word(word: &str) -> bool {
    const CLAUSE_WORDS: &[&str] =
        &["that", "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "it", "they"];
    CLAUSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The family of reports ("said", "told", "announced").
pub const STATEMENT: &str = "statement";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_names_one_family() {
        let mut seen = std::collections::HashMap::new();
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
        assert_eq!(family_of_label("POLICE ARRESTED TWO MEN"), Some("arrest"), "any case");
        assert_eq!(family_of_label("Troops opened"), None, "a phrase's first word alone names nothing");
    }

    #[test]
    fn what_is_said_follows_the_first_reporting_word() {
        assert_eq!(what_is_said("Police said two men were held"), " two men were held");
        assert_eq!(what_is_said("The minister told reporters the bridge was safe"), " reporters the bridge was safe");
        assert_eq!(what_is_said("Police said"), "");
        assert_eq!(what_is_said("Two men were held, police said here"), "Two men were held");
        assert_eq!(what_is_said("\u{201c}We regret it,\u{201d} said the director"), "\u{201c}We regret it,");
        assert_eq!(
            what_is_said("The minister, who arrived Monday, said the bridge was safe"),
            " the bridge was safe",
            "a clause after the word: what is said follows it"
        );
        assert_eq!(
            what_is_said("All 23 miners were confirmed dead, the official news agency reported"),
            "All 23 miners were confirmed dead",
            "the last reporting word is the report"
        );
        assert_eq!(what_is_said("Troops attacked the town"), "");
    }

    #[test]
    fn every_family_word_can_be_looked_up() {
        for (family, words) in FAMILIES {
            for word in words.iter().filter(|w| !w.contains(' ')) {
                assert_eq!(family_of_word(word), Some(*family), "{word}");
            }
        }
    }
}
