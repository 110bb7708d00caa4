//! Named events a relative phrase can point at ("the morning after the attack", "24 hours after
//! the man began his attack"): finding the event noun after "after"/"before", and remembering the
//! date the text gives an event ("Wednesday’s terror attack", "the attack on March 22, 2017").

use crate::tagger::Tokens;
use crate::text::tokens::TokenKind;
use crate::text::word_key::WordTable;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Nouns that name a datable happening in news.
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "shooting",
    "explosion",
    "explosions",
    "blast",
    "crash",
    "fire",
    "assault",
    "storm",
    "earthquake",
    "quake",
    "election",
    "vote",
    "referendum",
    "meeting",
    "summit",
    "incident",
    "raid",
    "arrest",
    "collapse",
    "rampage",
    "murder",
    "killing",
    "killings",
    "stabbing",
    "hijacking",
    "riot",
    "riots",
    "protest",
    "protests",
    "strike",
    "flood",
    "floods",
    "eruption",
    "accident",
    "derailment",
    "outbreak",
    "invasion",
    "coup",
    "ceremony",
    "funeral",
    "verdict",
    "trial",
    "hearing",
    "announcement",
    "speech",
    "debate",
    "match",
    "game",
    "race",
    "launch",
    "landing",
    "takeover",
    "merger",
    "closure",
    "evacuation",
    "blaze",
];

/// Past forms of verbs whose happening a later phrase names by its noun: "The merger was
/// announced on March 5. A day before the announcement, ..." dates the announcement.
const EVENT_VERBS: &[(&str, &str)] = &[
    ("announced", "announcement"),
    ("attacked", "attack"),
    ("bombed", "bombing"),
    ("exploded", "explosion"),
    ("crashed", "crash"),
    ("assaulted", "assault"),
    ("voted", "vote"),
    ("met", "meeting"),
    ("raided", "raid"),
    ("arrested", "arrest"),
    ("collapsed", "collapse"),
    ("murdered", "murder"),
    ("stabbed", "stabbing"),
    ("hijacked", "hijacking"),
    ("rioted", "riot"),
    ("protested", "protest"),
    ("flooded", "flood"),
    ("erupted", "eruption"),
    ("derailed", "derailment"),
    ("invaded", "invasion"),
    ("debated", "debate"),
    ("launched", "launch"),
    ("landed", "landing"),
    ("merged", "merger"),
    ("closed", "closure"),
    ("evacuated", "evacuation"),
    ("elected", "election"),
];

/// The event noun of a verb form in `EVENT_VERBS` ("announced" → "announcement").
fn noun_of_verb(word: &str) -> Option<&'static str> {
    static TABLE: OnceLock<WordTable<&'static str>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(EVENT_VERBS)).get(word)
}

pub fn is_event_noun(word: &str) -> bool {
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    let table = TABLE.get_or_init(|| WordTable::new(&EVENT_NOUNS.iter().map(|w| (*w, ())).collect::<Vec<_>>()));
    table.get(word).is_some()
}

/// The text of token `k` when it is an event noun (only words are looked up).
fn event_noun_at<'t>(tokens: &Tokens<'t>, k: usize) -> Option<&'t str> {
    let token = tokens.tokens[k];
    let word = token.text(tokens.text);
    (token.kind == TokenKind::Word && is_event_noun(word)).then_some(word)
}

/// If tokens from `i` read "after|before|following <...> EVENT", returns the direction (+1 after,
/// -1 before), the event noun (lower case) and the index of the noun token.
pub fn event_reference(tokens: &Tokens, i: usize) -> Option<(i32, String, usize)> {
    let word = tokens.lower(i);
    let direction = match word.as_str() {
        "after" | "following" | "since" => 1,
        "before" | "ahead" | "preceding" => -1,
        _ => return None,
    };
    let mut j = i + 1;
    if word == "ahead" && tokens.lower(j) == "of" {
        j += 1;
    }
    for k in j..(j + 8).min(tokens.tokens.len()) {
        let token = tokens.tokens[k];
        if matches!(token.kind, TokenKind::Punct('.' | ',' | ';' | ':' | '"')) {
            return None;
        }
        if let Some(word) = event_noun_at(tokens, k) {
            return Some((direction, word.to_ascii_lowercase(), k));
        }
    }
    None
}

/// Dates the text has given events so far, by event noun.
#[derive(Debug, Default)]
pub struct EventDates {
    dates: HashMap<String, (NaiveDate, String)>,
}

impl EventDates {
    pub fn get(&self, noun: &str) -> Option<&(NaiveDate, String)> {
        self.dates.get(&singular(noun))
    }

    /// Records that the mention at tokens `[first, end)` dates a neighbouring event noun:
    /// "Wednesday’s terror attack" (possessive, noun within three words after) or "the attack ...
    /// on March 22, 2017" (noun before, within nine words of the same clause, "on"/"in" before the
    /// date), or the noun of a verb there ("was announced on March 5" dates "the announcement").
    pub fn learn(&mut self, tokens: &Tokens, first: usize, end: usize, day: NaiveDate, phrase: &str) {
        let possessive = tokens.is_possessive_at(end);
        if possessive {
            if let Some(word) = (end + 2..(end + 5).min(tokens.tokens.len())).find_map(|k| event_noun_at(tokens, k)) {
                self.insert(word, day, phrase);
                return;
            }
        }
        let preposition = first > 0 && (tokens.is(first - 1, "on") || tokens.is(first - 1, "in"));
        if preposition {
            for k in (first.saturating_sub(10)..first - 1).rev() {
                let token = tokens.tokens[k];
                if matches!(token.kind, TokenKind::Punct('.' | ';' | ':' | '"')) {
                    return;
                }
                if let Some(word) = event_noun_at(tokens, k) {
                    self.insert(word, day, phrase);
                    return;
                }
                // "was announced on March 5": the verb dates its noun ("the announcement").
                let verb = (token.kind == TokenKind::Word).then(|| noun_of_verb(token.text(tokens.text))).flatten();
                if let Some(noun) = verb {
                    self.insert(noun, day, phrase);
                    return;
                }
            }
        }
    }

    fn insert(&mut self, noun: &str, day: NaiveDate, phrase: &str) {
        self.dates.entry(singular(noun)).or_insert_with(|| (day, phrase.to_string()));
    }
}

fn singular(noun: &str) -> String {
    let lower = noun.to_ascii_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if EVENT_NOUNS.contains(&stem) => stem.to_string(),
        _ => lower,
    }
}
