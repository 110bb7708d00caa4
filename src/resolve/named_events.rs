//! Named events a relative phrase can point at ("the morning after the attack", "24 hours after
//! the man began his attack"): finding the event noun after "after"/"before", and remembering the
//! date the text gives an event ("Wednesday’s terror attack", "the attack on March 22, 2017").
//! Words news uses for one happening share a date ("was shot to death on Oct. 23" dates "the
//! murder" and "the slaying"): `SAME_HAPPENING` names them.

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
    "slaying",
    "assassination",
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

/// Nouns that name one happening, each with the noun its date is remembered under: a text that
/// dates "the shooting" has dated "the murder" it tells of. As for any noun, the first date the
/// text gives is kept, unless a later one names its event right there ("last Tuesday's hearing",
/// "the murder on Oct. 23").
const SAME_HAPPENING: &[(&str, &str)] = &[
    ("shooting", "murder"),
    ("slaying", "murder"),
    ("killing", "murder"),
    ("assassination", "murder"),
    ("blast", "bombing"),
    ("explosion", "bombing"),
    ("blaze", "fire"),
    ("quake", "earthquake"),
    ("rampage", "attack"),
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
    ("killed", "murder"),
    ("shot", "murder"),
    ("slain", "murder"),
    ("assassinated", "murder"),
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

/// How many words before a clock time its clause's event verb may stand ("shot to death at").
const VERB_REACH: usize = 5;

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

/// A date the text gave a happening, and where: context placement reads which date a noun had
/// when a sentence with no time phrase names it ("Gonzalez has not appeared since the
/// announcement"), as the resolver knew it at that point of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedHappening {
    /// Byte offset of the time phrase that dated (or undated) the happening.
    pub at: usize,
    /// The noun it is remembered under (`happening_key`).
    pub key: String,
    /// The day and the phrase that gave it; `None` where the text took the date back.
    pub dated: Option<(NaiveDate, String)>,
}

/// Dates the text has given events so far, by event noun, and each change in the order made
/// (`note`).
#[derive(Debug, Default)]
pub struct EventDates {
    dates: HashMap<String, (NaiveDate, String)>,
    log: Vec<DatedHappening>,
}

impl EventDates {
    pub fn get(&self, noun: &str) -> Option<&(NaiveDate, String)> {
        self.dates.get(&happening_key(noun))
    }

    /// Every date given or taken back, in text order.
    pub fn into_log(self) -> Vec<DatedHappening> {
        self.log
    }

    /// Records that the mention at tokens `[first, end)` dates a neighbouring event noun:
    /// "Wednesday’s terror attack" (possessive, noun within three words after) or "the attack ...
    /// on March 22, 2017" (noun before, within nine words of the same clause, "on"/"in" or a part
    /// of day before the date), or the noun of a verb there ("was announced on March 5" dates "the
    /// announcement"); with no preposition, the noun or verb is within four words and no
    /// punctuation ("was shot to death last Oct. 23").
    /// `at` is the byte offset of the mention.
    pub fn learn(&mut self, tokens: &Tokens, (first, end): (usize, usize), at: usize, day: NaiveDate, phrase: &str) {
        let possessive = tokens.is_possessive_at(end);
        if possessive {
            if let Some(word) = (end + 2..(end + 5).min(tokens.tokens.len())).find_map(|k| event_noun_at(tokens, k)) {
                // The date names its event right there ("last Tuesday's hearing"): it restates an
                // earlier date of the noun, which may be another happening's.
                self.set(happening_key(word), day, phrase, at);
                return;
            }
        }
        if first == 0 {
            return;
        }
        let preposition = tokens.is(first - 1, "on") || tokens.is(first - 1, "in") || after_part_of_day(tokens, first);
        let (from, stops) = if preposition {
            (first.saturating_sub(10), &['.', ';', ':', '"'][..])
        } else {
            (first.saturating_sub(5), &['.', ';', ':', '"', ',', '(', ')', '-'][..])
        };
        let last = if preposition { first - 1 } else { first };
        for k in (from..last).rev() {
            let token = tokens.tokens[k];
            if matches!(token.kind, TokenKind::Punct(c) if stops.contains(&c)) {
                return;
            }
            if let Some(word) = event_noun_at(tokens, k) {
                if k + 2 == first && preposition {
                    // "the murder on Oct. 23" names its date right there, as a possessive does.
                    self.set(happening_key(word), day, phrase, at);
                } else {
                    self.insert(word, day, phrase, at);
                }
                return;
            }
            // "was announced on March 5": the verb dates its noun ("the announcement").
            let verb = (token.kind == TokenKind::Word).then(|| noun_of_verb(token.text(tokens.text))).flatten();
            if let Some(noun) = verb {
                self.insert(noun, day, phrase, at);
                return;
            }
        }
    }

    /// The date the text gave the happening of an event verb at most `VERB_REACH` words before
    /// token `first`, in its clause ("was shot to death at 10 p.m." after "the shooting" was
    /// dated Oct. 23), with the verb as written.
    pub fn of_verb_before<'t>(&self, tokens: &Tokens<'t>, first: usize) -> Option<(&'t str, &(NaiveDate, String))> {
        let within = first.saturating_sub(VERB_REACH);
        (within..first).rev().take_while(|&k| tokens.tokens[k].kind == TokenKind::Word).find_map(|k| {
            let verb = tokens.tokens[k].text(tokens.text);
            self.get(noun_of_verb(verb)?).map(|dated| (verb, dated))
        })
    }

    /// Forgets the date of `noun`: a main clause's day that seemed to date the happening of an
    /// opening count ("Two days after the vote, the talks resumed on Monday") is the count's end.
    pub fn forget(&mut self, noun: &str, at: usize) {
        let key = happening_key(noun);
        if self.dates.remove(&key).is_some() {
            self.note(DatedHappening { at, key, dated: None });
        }
    }

    /// Records the day a count dated the happening `noun` on ("on Monday, two days after the
    /// vote": the vote on Saturday), unless the text dated it before; `at` is where the count is.
    pub fn learn_counted(&mut self, noun: &str, day: NaiveDate, phrase: &str, at: usize) {
        self.insert(noun, day, phrase, at);
    }

    /// Dates `noun` unless the text dated it before.
    fn insert(&mut self, noun: &str, day: NaiveDate, phrase: &str, at: usize) {
        let key = happening_key(noun);
        if !self.dates.contains_key(&key) {
            self.set(key, day, phrase, at);
        }
    }

    /// Dates the happening `key` (a restated date replaces the one before), noting where.
    fn set(&mut self, key: String, day: NaiveDate, phrase: &str, at: usize) {
        let dated = (day, phrase.to_string());
        self.note(DatedHappening { at, key: key.clone(), dated: Some(dated.clone()) });
        self.dates.insert(key, dated);
    }

    /// Logs a change in the order the resolver made it, where it stands: a change is never
    /// logged before an earlier one (a count opening its sentence is resolved after the date of
    /// its main clause, "Two days after the vote, the talks resumed on Monday", and dates the
    /// vote after the main clause's date was taken back), so the log read up to a point of the
    /// text is what the resolver knew there.
    fn note(&mut self, mut change: DatedHappening) {
        change.at = change.at.max(self.log.last().map_or(0, |last| last.at));
        self.log.push(change);
    }
}

/// Whether the date at token `first` follows "the night of" or another part of day: "was shot
/// on the night of Oct. 23" dates the shooting, where "a hearing the week of March 6" does not.
fn after_part_of_day(tokens: &Tokens, first: usize) -> bool {
    first > 1
        && tokens.is(first - 1, "of")
        && ["night", "morning", "afternoon", "evening"].iter().any(|part| tokens.is(first - 2, part))
}

/// The key a noun's date is remembered under: its singular, and for a noun of `SAME_HAPPENING`
/// the noun it stands for ("killings" → "murder").
pub fn happening_key(noun: &str) -> String {
    let lower = noun.to_ascii_lowercase();
    let one = match lower.strip_suffix('s') {
        Some(stem) if EVENT_NOUNS.contains(&stem) => stem,
        _ => lower.as_str(),
    };
    let same = SAME_HAPPENING.iter().find(|(word, _)| *word == one).map(|(_, key)| *key);
    same.unwrap_or(one).to_string()
}
