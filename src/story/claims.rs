//! Claims a source makes about a story: counts of people dead, injured, arrested, missing,
//! rescued or evacuated ("left four people dead", "killed 12", "eight arrests", "the death toll
//! rose to five"), other counted facts where the noun is clear ("212 passengers"), and ages
//! ("Khalid Masood, 52", "a 48-year old member"). The shapes are tables below (subject words by
//! family, person nouns, words that rule a number out); one pass over the tokens of each sentence.
//! Examples: `claims.corpus`, run by `tests/story_corpora.rs`. Person names (a small table-driven
//! heuristic, also used by `implied`) live here too.

use super::numbers::{count_at, plain_number, sentence_tokens, words_at, Count, Tok};
use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub use super::numbers::{Quantity, QuantityMod};

/// One claim of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// "<doc id>-c<code point start>".
    pub id: String,
    pub doc: String,
    /// "dead", "injured", "arrested", "missing", "rescued", "evacuated", "age", or a counted noun
    /// in the singular ("passenger").
    pub subject: String,
    /// For "age": who, as written.
    pub person: Option<String>,
    /// The claim phrase as written.
    pub text: String,
    /// Code point offsets into the document text, half-open.
    pub start: usize,
    pub end: usize,
    /// Index into the sentence spans.
    pub sentence: usize,
    pub quantity: Quantity,
    /// "including the assailant".
    pub qualifiers: Vec<String>,
    pub status: ClaimStatus,
    /// The event of the claim's sentence it is about, when the sentence has one.
    #[serde(default)]
    pub event: Option<String>,
    /// The kind of happening the claim's sentence names, when it names one that has casualties
    /// or arrests to count ("attack" in "two people were killed in the attack").
    #[serde(default)]
    pub about: Option<String>,
    /// The story event it is about (set when the story events are known).
    #[serde(default)]
    pub story: Option<String>,
}

/// Whether a figure is the source's own current one, an earlier figure it reports, or the figure
/// it says a count changed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStatus {
    Current,
    Earlier,
    Revised,
}

/// One subject family: the words that name it after a count ("five dead"), the verbs before a
/// count ("killed 12"; with a noun the count must carry: "claimed 20 lives"), and the nouns a
/// count counts ("three deaths"); `toll` words start "the death toll rose to five".
struct Subject {
    name: &'static str,
    after: &'static [&'static str],
    verbs: &'static [(&'static str, Option<&'static str>)],
    nouns: &'static [&'static str],
    toll: &'static [&'static str],
}

const SUBJECTS: &[Subject] = &[
    Subject {
        name: "dead",
        after: &["dead", "killed", "died"],
        verbs: &[("killed", None), ("killing", None), ("claimed", Some("lives")), ("took", Some("lives"))],
        nouns: &["deaths", "fatalities", "dead"],
        toll: &["death", "deaths"],
    },
    Subject {
        name: "injured",
        after: &["injured", "hurt", "wounded"],
        verbs: &[("injured", None), ("injuring", None), ("wounded", None), ("wounding", None)],
        nouns: &["injuries", "injured", "wounded"],
        toll: &["injured", "injury", "injuries"],
    },
    Subject {
        name: "arrested",
        after: &["arrested", "detained"],
        verbs: &[("arrested", None), ("detained", None), ("arresting", None)],
        nouns: &["arrests", "detentions"],
        toll: &["arrest", "arrests"],
    },
    Subject { name: "missing", after: &["missing", "unaccounted"], verbs: &[], nouns: &[], toll: &["missing"] },
    Subject {
        name: "rescued",
        after: &["rescued", "saved"],
        verbs: &[("rescued", None), ("saved", None)],
        nouns: &["rescues"],
        toll: &[],
    },
    Subject {
        name: "evacuated",
        after: &["evacuated"],
        verbs: &[("evacuated", None)],
        nouns: &["evacuations"],
        toll: &[],
    },
];

/// Nouns for people that may stand between a count and its subject word ("four people dead").
const PERSON_NOUNS: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "men",
    "women",
    "children",
    "others",
    "more",
    "civilians",
    "residents",
    "passengers",
    "students",
    "tourists",
    "pedestrians",
    "victims",
    "officers",
    "suspects",
    "workers",
    "soldiers",
    "adults",
    "teenagers",
    "boys",
    "girls",
    "patients",
    "families",
    "firefighters",
    "police",
    "policemen",
    "crew",
    "staff",
    "employees",
    "miners",
    "hostages",
    "troops",
    "guards",
    "protesters",
    "journalists",
    "spectators",
    "fans",
    "climbers",
    "divers",
];

/// Person nouns too general to be a counted fact by themselves.
const GENERAL_PERSON_NOUNS: &[&str] = &["people", "persons", "individuals", "others", "more"];

/// Words between a count and its subject word: "two people were killed", "27 have been hurt".
const AUXILIARIES: &[&str] = &["were", "was", "are", "is", "have", "has", "had", "been", "being", "reported", "now"];

/// Adjectives a counted noun may carry: "six different addresses".
const COUNT_ADJECTIVES: &[&str] =
    &["different", "separate", "other", "additional", "more", "new", "british", "foreign"];

/// Plural words after a number that are units, not counted facts: "two days later", "$5 million".
const NOT_COUNTED: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "nights",
    "mornings",
    "times",
    "percent",
    "points",
    "miles",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "feet",
    "yards",
    "inches",
    "degrees",
    "dollars",
    "pounds",
    "euros",
    "pence",
    "cents",
    "tons",
    "tonnes",
    "kilograms",
    "grams",
    "litres",
    "liters",
    "goals",
    "runs",
    "votes",
    "seats",
    "lengths",
    "laps",
    "rounds",
    "francs",
    "marks",
    "yen",
    "yuan",
    "rupees",
    "pesos",
    "rubles",
    "roubles",
    "dinars",
    "shekels",
    "punts",
    "shares",
    "acres",
    "hectares",
    "barrels",
    "ounces",
    "gallons",
    // Places, sides and the like are counted in passing, not reported as facts of the story.
    "towns",
    "cities",
    "villages",
    "countries",
    "nations",
    "states",
    "provinces",
    "regions",
    "sides",
    "parties",
    "ways",
    "times",
    "things",
    "parts",
    "areas",
    "words",
    "steps",
    "points",
    "is",
    "was",
    "has",
    "this",
];

/// Words that make the number after them a label: "Route 66", "Room 1440".
const LABEL_WORDS: &[&str] = &[
    "room",
    "route",
    "flight",
    "highway",
    "interstate",
    "no",
    "number",
    "apartment",
    "suite",
    "gate",
    "platform",
    "page",
    "chapter",
    "article",
    "section",
    "building",
    "level",
    "floor",
    "terminal",
    "bus",
    "channel",
    "line",
    "unit",
    "block",
    "lot",
    "exit",
    "junction",
    "pier",
    "ward",
    "bay",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words after a number that make it a clock time or a share: "10 pm", "5 percent".
const CLOCK_AND_SHARE: &[&str] = &["am", "pm", "a", "p", "o", "percent", "per", "gmt", "bst", "utc", "est", "pst"];

/// Words before a four-digit number that make it a year: "in 2017".
const YEAR_CONTEXT: &[&str] =
    &["in", "since", "by", "of", "from", "until", "during", "through", "to", "before", "after"];

/// Words before a figure that mark it as an earlier one the source reports: "the initial reports of 20".
const EARLIER_WORDS: &[&str] = &["initial", "earlier", "previous", "original", "first", "preliminary"];

/// Verbs of a changing figure: "rose to five", "has increased to 30".
const CHANGE_VERBS: &[&str] =
    &["rose", "risen", "rises", "increased", "climbed", "jumped", "grew", "reached", "fell", "dropped", "revised"];

/// Words that open a qualifier after a claim: "four people dead, including the assailant".
const QUALIFIER_STARTS: &[&[&str]] = &[&["not", "including"], &["including"], &["excluding"], &["among", "them"]];

/// How many tokens a qualifier after a claim may run to.
const QUALIFIER_REACH: usize = 10;

/// Reads every claim in `text`, sentence by sentence.
pub fn extract(doc_id: &str, text: &str, offsets: &CharOffsets, sentences: &[SentenceSpan]) -> Vec<Claim> {
    extract_from(doc_id, text, offsets, &read_sentences(text, sentences))
}

/// One sentence as the story readers see it: its tokens and the person names in it.
pub struct SentenceWords<'t> {
    pub tokens: Vec<Tok<'t>>,
    pub names: Vec<NameRun>,
}

/// Every sentence's tokens and names, read once for the claim and implied-event readers (a
/// name remembered from an earlier sentence counts in later ones: "Khalid Masood" → "Masood").
pub fn read_sentences<'t>(text: &'t str, sentences: &[SentenceSpan]) -> Vec<SentenceWords<'t>> {
    let mut memory = NameMemory::default();
    sentences
        .iter()
        .map(|span| {
            let tokens = sentence_tokens(text, span.start, span.end);
            let names = memory.read(&tokens);
            SentenceWords { tokens, names }
        })
        .collect()
}

/// The claims of sentences already read (`read_sentences`).
pub fn extract_from(doc_id: &str, text: &str, offsets: &CharOffsets, sentences: &[SentenceWords]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let found = SentenceReader { text, tokens: &sentence.tokens, names: &sentence.names }.claims();
        claims.extend(found.into_iter().map(|raw| raw.into_claim(doc_id, text, offsets, index)));
    }
    claims
}

/// A claim as token positions, before offsets are converted.
struct RawClaim {
    subject: String,
    person: Option<String>,
    /// Byte span of the phrase.
    start: usize,
    end: usize,
    quantity: Quantity,
    qualifiers: Vec<String>,
    status: ClaimStatus,
}

impl RawClaim {
    fn into_claim(self, doc_id: &str, text: &str, offsets: &CharOffsets, sentence: usize) -> Claim {
        let start = offsets.char_at(self.start);
        Claim {
            id: format!("{doc_id}-c{start}"),
            doc: doc_id.to_string(),
            subject: self.subject,
            person: self.person,
            text: text.get(self.start..self.end).unwrap_or_default().to_string(),
            start,
            end: offsets.char_at(self.end),
            sentence,
            quantity: self.quantity,
            qualifiers: self.qualifiers,
            status: self.status,
            event: None,
            about: None,
            story: None,
        }
    }
}

struct SentenceReader<'a, 't> {
    text: &'t str,
    tokens: &'a [Tok<'t>],
    names: &'a [NameRun],
}

impl SentenceReader<'_, '_> {
    fn claims(&self) -> Vec<RawClaim> {
        let names = self.names;
        if !super::numbers::may_hold_count(self.tokens) {
            // No digits and no number word: no count, no age.
            return Vec::new();
        }
        let mut claims = Vec::new();
        let mut toll: Option<(&'static str, usize)> = None;
        let mut i = 0;
        while i < self.tokens.len() {
            if let Some(found) = toll_at(self.tokens, i) {
                toll = Some(found);
            }
            if self.tokens[i].is_punct(';') {
                toll = None;
            }
            if let Some(age) = self.age_at(i, names) {
                i = age.1;
                claims.push(age.0);
                continue;
            }
            match self.count_claim_at(i, toll) {
                Some((claim, next)) => {
                    claims.push(claim);
                    i = next;
                }
                None => i += 1,
            }
        }
        claims
    }

    /// A count claim whose count starts at `i`, and the token after it.
    fn count_claim_at(&self, i: usize, toll: Option<(&'static str, usize)>) -> Option<(RawClaim, usize)> {
        let count = count_at(self.tokens, i)?;
        if !is_a_count(self.tokens, &count) {
            return None;
        }
        let (subject, first, end, status) = self
            .counted_by_verb(&count)
            .or_else(|| self.counted_by_following_words(&count))
            .or_else(|| self.counted_by_toll(&count, toll))
            .or_else(|| self.counted_noun(&count))?;
        let qualifiers = self.qualifiers_after(end);
        let claim = RawClaim {
            subject,
            person: None,
            start: self.tokens[first].start,
            end: self.tokens[end - 1].end,
            quantity: count.quantity,
            qualifiers,
            status,
        };
        Some((claim, end))
    }

    /// "killed 12", "arrested eight people", "claimed 20 lives".
    fn counted_by_verb(&self, count: &Count) -> Option<(String, usize, usize, ClaimStatus)> {
        let verb_at = count.first.checked_sub(1)?;
        let verb = &self.tokens[verb_at];
        for subject in SUBJECTS {
            for (word, noun) in subject.verbs {
                if !verb.is(word) {
                    continue;
                }
                let next = self.tokens.get(count.end);
                let end = match noun {
                    Some(noun) if next.is_some_and(|t| t.is(noun)) => count.end + 1,
                    Some(_) => continue,
                    None if next.is_some_and(|t| PERSON_NOUNS.contains(&t.lc())) => count.end + 1,
                    None => count.end,
                };
                return Some((subject.name.to_string(), verb_at, end, ClaimStatus::Current));
            }
        }
        None
    }

    /// "five dead", "four people dead", "two people were killed", "three deaths".
    fn counted_by_following_words(&self, count: &Count) -> Option<(String, usize, usize, ClaimStatus)> {
        let mut j = count.end;
        if let Some(subject) = self.tokens.get(j).and_then(|t| subject_of_noun(&t.lower)) {
            return Some((subject.to_string(), count.first, j + 1, ClaimStatus::Current));
        }
        if self.tokens.get(j).is_some_and(|t| PERSON_NOUNS.contains(&t.lc())) {
            j += 1;
        }
        while self.tokens.get(j).is_some_and(|t| AUXILIARIES.contains(&t.lc())) {
            j += 1;
        }
        let word = self.tokens.get(j)?;
        let subject = SUBJECTS.iter().find(|s| s.after.contains(&word.lc()))?;
        Some((subject.name.to_string(), count.first, j + 1, ClaimStatus::Current))
    }

    /// "the death toll rose to five", "... from the initial reports of 20".
    fn counted_by_toll(
        &self,
        count: &Count,
        toll: Option<(&'static str, usize)>,
    ) -> Option<(String, usize, usize, ClaimStatus)> {
        let (subject, toll_at) = toll?;
        let before = |k: usize| count.first.checked_sub(k).and_then(|at| self.tokens.get(at));
        let earlier_from = (1..=4).find_map(|k| {
            let token = before(k)?;
            EARLIER_WORDS.contains(&token.lc()).then(|| count.first - k)
        });
        if let Some(from) = earlier_from.filter(|_| before(1).is_some_and(|t| t.is("of"))) {
            let first = if before(count.first - from + 1).is_some_and(|t| t.is("the")) { from - 1 } else { from };
            return Some((subject.to_string(), first, count.end, ClaimStatus::Earlier));
        }
        let changed =
            before(1).is_some_and(|t| t.is("to")) && before(2).is_some_and(|t| CHANGE_VERBS.contains(&t.lc()));
        if changed {
            return Some((subject.to_string(), toll_at, count.end, ClaimStatus::Revised));
        }
        let stands = before(1).is_some_and(|t| t.is("at") || t.is("is") || t.is("was") || t.is("reached"));
        stands.then(|| (subject.to_string(), toll_at, count.end, ClaimStatus::Current))
    }

    /// "212 passengers", "six different addresses".
    fn counted_noun(&self, count: &Count) -> Option<(String, usize, usize, ClaimStatus)> {
        let mut j = count.end;
        if self.tokens.get(j).is_some_and(|t| COUNT_ADJECTIVES.contains(&t.lc())) {
            j += 1;
        }
        let noun = self.tokens.get(j)?;
        if !is_counted_noun(noun) || (count.quantity.value == 1 && !count.digits) {
            return None;
        }
        Some((singular(&noun.lower), count.first, j + 1, ClaimStatus::Current))
    }

    /// ", including the assailant" after a claim ending at token `end`.
    fn qualifiers_after(&self, end: usize) -> Vec<String> {
        let mut at = end;
        if self.tokens.get(at).is_some_and(|t| t.is_punct(',')) {
            at += 1;
        }
        if !QUALIFIER_STARTS.iter().any(|words| words_at(self.tokens, at, words)) {
            return Vec::new();
        }
        let stop = (at..self.tokens.len().min(at + QUALIFIER_REACH))
            .find(
                |&k| matches!(self.tokens[k].kind, crate::text::tokens::TokenKind::Punct(c) if ",.;:!?\"".contains(c)),
            )
            .unwrap_or(self.tokens.len().min(at + QUALIFIER_REACH));
        if stop <= at {
            return Vec::new();
        }
        let phrase = self.text.get(self.tokens[at].start..self.tokens[stop - 1].end).unwrap_or_default();
        vec![phrase.to_string()]
    }

    /// An age claim at token `i` and the token after it.
    fn age_at(&self, i: usize, names: &[NameRun]) -> Option<(RawClaim, usize)> {
        age_after_name(self.tokens, i, names)
            .or_else(|| age_year_old(self.tokens, i, names))
            .or_else(|| age_aged(self.tokens, i, names))
            .map(|age| {
                let claim = RawClaim {
                    subject: "age".to_string(),
                    person: age.person.map(|(first, end)| self.span_text(first, end)),
                    start: self.tokens[age.first].start,
                    end: self.tokens[age.end - 1].end,
                    quantity: Quantity::exact(age.years),
                    qualifiers: Vec::new(),
                    status: ClaimStatus::Current,
                };
                (claim, age.next)
            })
    }

    fn span_text(&self, first: usize, end: usize) -> String {
        self.text.get(self.tokens[first].start..self.tokens[end - 1].end).unwrap_or_default().to_string()
    }
}

/// The subject a count's own noun names: "three deaths" → dead.
fn subject_of_noun(word: &str) -> Option<&'static str> {
    SUBJECTS.iter().find(|s| s.nouns.contains(&word)).map(|s| s.name)
}

/// A toll phrase at `i` ("death toll", "injured toll", "number of dead"): its subject and first token.
fn toll_at(tokens: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let word = tokens.get(i)?;
    if tokens.get(i + 1).is_some_and(|t| t.is("toll") || t.is("count") || t.is("tally")) {
        let subject = SUBJECTS.iter().find(|s| s.toll.contains(&word.lc()))?;
        return Some((subject.name, i));
    }
    if words_at(tokens, i, &["number", "of"]) {
        let subject = tokens.get(i + 2).and_then(|t| SUBJECTS.iter().find(|s| s.after.contains(&t.lc())))?;
        return Some((subject.name, i));
    }
    None
}

/// Whether the count reads as a count of things, not a date, time, share, money, label or unit.
fn is_a_count(tokens: &[Tok], count: &Count) -> bool {
    let at = count.number_first;
    let Some(number) = tokens.get(at) else { return false };
    let before = at.checked_sub(1).and_then(|k| tokens.get(k));
    let after = tokens.get(count.end);
    let attached_after = after.filter(|t| !t.space_before);
    if number.is_number() {
        let glued_before = before.is_some_and(|t| !number.space_before && !t.is_punct('('));
        let glued_after =
            attached_after.is_some_and(|t| !t.is_punct(',') && !t.is_punct('.') || is_decimal(tokens, count.end));
        if glued_before || glued_after || is_year(tokens, count) {
            return false;
        }
    }
    if attached_after.is_some_and(|t| t.is_punct('-')) {
        return false;
    }
    if before.is_some_and(|t| MONTHS.contains(&t.lc()) || LABEL_WORDS.contains(&t.lc()) && t.capitalised()) {
        return false;
    }
    if after.is_some_and(|t| {
        MONTHS.contains(&t.lc()) && t.capitalised() || CLOCK_AND_SHARE.contains(&t.lc()) || t.is_punct('%')
    }) {
        return false;
    }
    if after.is_some_and(|t| t.is("of")) && !count.quantity.modifier.eq(&QuantityMod::Vague) {
        return false;
    }
    !after.is_some_and(|t| NOT_COUNTED.contains(&t.lc()))
}

/// "2.5": a period glued between digits.
fn is_decimal(tokens: &[Tok], at: usize) -> bool {
    let dot = tokens.get(at).is_some_and(|t| t.is_punct('.') && !t.space_before);
    dot && tokens.get(at + 1).is_some_and(|t| t.is_number() && !t.space_before)
}

/// A four-digit number that reads as a year: 1800–2100, not grouped, after "in"/"since" or
/// without a counted noun after it.
fn is_year(tokens: &[Tok], count: &Count) -> bool {
    let number = &tokens[count.number_first];
    let value: u64 = number.text.parse().unwrap_or(0);
    if count.end != count.number_first + 1 || number.text.len() != 4 || !(1800..=2100).contains(&value) {
        return false;
    }
    let after_year_word =
        count.number_first.checked_sub(1).and_then(|k| tokens.get(k)).is_some_and(|t| YEAR_CONTEXT.contains(&t.lc()));
    let noun_follows = tokens.get(count.end).is_some_and(|t| t.is_word() && !t.capitalised() && t.lower.ends_with('s'));
    after_year_word || !noun_follows
}

/// A plural noun after a count that names what is counted.
fn is_counted_noun(token: &Tok) -> bool {
    let word = token.lc();
    let person_plural = PERSON_NOUNS.contains(&word) && !GENERAL_PERSON_NOUNS.contains(&word);
    if person_plural {
        return true;
    }
    token.is_word()
        && word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("'s")
        && !GENERAL_PERSON_NOUNS.contains(&word)
        && !NOT_COUNTED.contains(&word)
        && !MONTHS.contains(&word)
}

/// The singular of a plural noun: "addresses" → "address", "bodies" → "body", "men" → "man".
fn singular(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] =
        &[("men", "man"), ("women", "woman"), ("children", "child"), ("people", "person")];
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == word) {
        return one.to_string();
    }
    if ["species", "series", "means"].contains(&word) {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "xes", "ches", "shes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

/// An age as token positions.
struct Age {
    years: u64,
    person: Option<(usize, usize)>,
    first: usize,
    end: usize,
    next: usize,
}

fn plausible_age(years: u64) -> bool {
    (1..=120).contains(&years)
}

/// "Khalid Masood, 52," at the name's first token.
fn age_after_name(tokens: &[Tok], i: usize, names: &[NameRun]) -> Option<Age> {
    let name = name_starting_at(names, i)?;
    let comma = tokens.get(name.end)?;
    let number = tokens.get(name.end + 1)?;
    if !comma.is_punct(',') || !number.is_number() {
        return None;
    }
    let years: u64 = number.text.parse().ok()?;
    let closes = match tokens.get(name.end + 2) {
        None => true,
        Some(t) => t.is_punct(',') || t.is_punct('.') || t.is_punct(';') || t.is_punct(')'),
    };
    (closes && plausible_age(years)).then_some(Age {
        years,
        person: Some((name.first, name.end)),
        first: name.first,
        end: name.end + 2,
        next: name.end + 2,
    })
}

/// "52-year-old Khalid Masood", "52-year old", "a 48-year old member" (after "Keith Palmer,"),
/// "52 years old".
fn age_year_old(tokens: &[Tok], i: usize, names: &[NameRun]) -> Option<Age> {
    let (years, after_number) = plain_number(tokens, i)?;
    let mut j = after_number;
    let hyphen = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct('-'));
    if hyphen(j) {
        j += 1;
    }
    if !tokens.get(j).is_some_and(|t| t.is("year") || t.is("years")) {
        return None;
    }
    j += 1;
    if hyphen(j) {
        j += 1;
    }
    if !tokens.get(j).is_some_and(|t| t.is("old")) || !plausible_age(years) {
        return None;
    }
    let old_end = j + 1;
    let name_after =
        name_starting_at(names, old_end).or_else(|| name_starting_at(names, old_end + 1).filter(|_| hyphen(old_end)));
    if let Some(name) = name_after {
        return Some(Age { years, person: Some((name.first, name.end)), first: i, end: name.end, next: name.end });
    }
    let appositive = appositive_before(tokens, i, names);
    let first = appositive.map_or(i, |(first, _)| first);
    // "a 16-year-old girl" is about the girl, not a name before it; "was 52 years old" is
    // about the subject.
    let predicative = tokens.get(j - 1).is_some_and(|t| t.is("years"));
    let person = appositive.or_else(|| predicative.then(|| only_name_before(tokens, names, i)).flatten());
    Some(Age { years, person, first, end: old_end, next: old_end })
}

/// "aged 52", "Masood, aged 52".
fn age_aged(tokens: &[Tok], i: usize, names: &[NameRun]) -> Option<Age> {
    if !tokens.get(i).is_some_and(|t| t.is("aged")) {
        return None;
    }
    let (years, end) = plain_number(tokens, i + 1)?;
    if !plausible_age(years) {
        return None;
    }
    let appositive = appositive_before(tokens, i, names);
    let first = appositive.map_or(i, |(first, _)| first);
    let person = appositive.or_else(|| only_name_before(tokens, names, i));
    Some(Age { years, person, first, end, next: end })
}

/// The noun phrase before ", a" / ", aged" at `at`: a name ("Keith Palmer") or a short phrase
/// opened by "the" ("The missing security guard").
fn appositive_before(tokens: &[Tok], at: usize, names: &[NameRun]) -> Option<(usize, usize)> {
    let article = at.checked_sub(1)?;
    let comma = if tokens[article].is("a") || tokens[article].is("an") { article.checked_sub(1)? } else { article };
    if !tokens.get(comma).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    if let Some(name) = names_before(names, comma).last().filter(|n| n.end == comma) {
        return Some((name.first, name.end));
    }
    if comma == article {
        return None;
    }
    let opener = (comma.saturating_sub(6)..comma).rev().find(|&k| tokens[k].is("the"))?;
    let plain = tokens[opener..comma].iter().all(|t| t.is_word());
    plain.then_some((opener, comma))
}

/// The person an age without an appositive is about ("Masood was 52 years old", "Ford ... died
/// aged 93"): the sentence's subject when a name opens it, else the only name before the age,
/// unless another capitalised word that might be a name stands before that one. Better no one
/// than the wrong one.
fn only_name_before(tokens: &[Tok], names: &[NameRun], at: usize) -> Option<(usize, usize)> {
    let before = names_before(names, at);
    let opening =
        before.first().filter(|n| tokens[..n.first].iter().all(|t| !t.capitalised() || is_never_a_name(&t.lower)));
    if let Some(subject) = opening.filter(|n| n.first <= RIVAL_REACH) {
        return Some((subject.first, subject.end));
    }
    let [name] = before else { return None };
    let window = name.first.saturating_sub(RIVAL_REACH)..name.first;
    let rival = window.into_iter().any(|k| tokens[k].capitalised() && !is_never_a_name(&tokens[k].lower));
    (!rival).then_some((name.first, name.end))
}

/// How far before a name `only_name_before` looks for a rival.
const RIVAL_REACH: usize = 30;

/// Starters, titles, months, places and organisations: capitalised words that are not names.
fn is_never_a_name(word: &str) -> bool {
    [STARTERS, TITLES, NOT_NAMES, MONTHS].iter().any(|table| table.contains(&word))
}

// ---- Person names ----

/// A person's name in a sentence: tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRun {
    pub first: usize,
    pub end: usize,
}

/// The name that starts at token `i` (names are in order and never overlap).
pub fn name_starting_at(names: &[NameRun], i: usize) -> Option<&NameRun> {
    names.binary_search_by_key(&i, |n| n.first).ok().and_then(|k| names.get(k))
}

/// The names that end at or before token `at`.
pub fn names_before(names: &[NameRun], at: usize) -> &[NameRun] {
    &names[..names.partition_point(|n| n.end <= at)]
}

/// Capitalised words that open sentences or clauses, never names.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "his",
    "her",
    "their",
    "we",
    "i",
    "our",
    "its",
    "as",
    "so",
    "if",
    "for",
    "of",
    "to",
    "with",
    "by",
    "from",
    "since",
    "then",
    "yet",
    "also",
    "however",
    "meanwhile",
    "police",
    "authorities",
    "officials",
    "victims",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "several",
    "immediately",
    "therefore",
    "furthermore",
    "surveillance",
    "britain’s",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Titles before a name, stripped from it: "Defence Secretary Michael Fallon" → "Michael Fallon".
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "prime",
    "minister",
    "secretary",
    "defence",
    "defense",
    "home",
    "foreign",
    "chancellor",
    "queen",
    "king",
    "prince",
    "princess",
    "officer",
    "constable",
    "pc",
    "sgt",
    "sergeant",
    "inspector",
    "detective",
    "chief",
    "superintendent",
    "commissioner",
    "mayor",
    "governor",
    "senator",
    "judge",
    "justice",
    "rev",
    "pope",
    "captain",
    "general",
    "colonel",
    "major",
    "lieutenant",
    "professor",
    "counterterrorism",
    "top",
];

/// Words before a single capitalised word that make it a name: "his wife Melissa".
const RELATIONS: &[&str] =
    &["wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "partner", "fiancée", "fiance"];

/// Capitalised words of places, organisations, nationalities and days that are never in a name.
const NOT_NAMES: &[&str] = &[
    "london",
    "britain",
    "british",
    "england",
    "english",
    "birmingham",
    "kent",
    "midlands",
    "west",
    "east",
    "north",
    "south",
    "utah",
    "europe",
    "european",
    "westminster",
    "parliament",
    "scotland",
    "yard",
    "street",
    "road",
    "bridge",
    "square",
    "house",
    "palace",
    "times",
    "news",
    "post",
    "agency",
    "service",
    "command",
    "council",
    "ministry",
    "department",
    "government",
    "university",
    "company",
    "group",
    "state",
    "states",
    "united",
    "kingdom",
    "america",
    "american",
    "france",
    "french",
    "china",
    "chinese",
    "germany",
    "ireland",
    "italy",
    "spain",
    "romania",
    "korea",
    "islamic",
    "isis",
    "fox",
    "amaq",
    "metropolitan",
    "ny",
    "new",
    "york",
    "washington",
    "paris",
    "berlin",
    "reuters",
    "associated",
    "press",
    "bbc",
    "cnn",
    "world",
    "city",
    "county",
    "river",
    "park",
    "hospital",
    "church",
    "mosque",
    "school",
    "college",
    "court",
    "airport",
    "station",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "protection",
    "diplomatic",
    "parliamentary",
    "and",
    "attacker",
    "identified",
    "valley",
    "county",
    "party",
    "club",
    "office",
    "centre",
    "center",
    "national",
    "international",
    "federal",
    "royal",
    "army",
    "navy",
    "force",
    "forces",
];

/// Remembers the words of full names seen so far in a document, so that a later "Masood" alone
/// is known to be a name.
#[derive(Debug, Default)]
pub struct NameMemory {
    known: HashSet<String>,
}

impl NameMemory {
    /// The person names of one sentence, remembering their words.
    pub fn read(&mut self, tokens: &[Tok]) -> Vec<NameRun> {
        let mut names = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let run_end = capitalised_run_end(tokens, i);
            if run_end == i {
                i += 1;
                continue;
            }
            if let Some(name) = self.name_in_run(tokens, i, run_end) {
                names.push(name);
            }
            i = run_end;
        }
        for name in &names {
            if name.end - name.first >= 2 {
                self.known.extend(tokens[name.first..name.end].iter().map(|t| t.lower.to_string()));
            }
        }
        names
    }

    fn name_in_run(&self, tokens: &[Tok], first: usize, end: usize) -> Option<NameRun> {
        let mut start = first;
        while start < end && TITLES.contains(&tokens[start].lc()) {
            start += 1;
        }
        let words = &tokens[start..end];
        if words.is_empty() || words.iter().any(|t| NOT_NAMES.contains(&t.lc())) {
            return None;
        }
        let titled = start > first;
        let related = first.checked_sub(1).is_some_and(|k| RELATIONS.contains(&tokens[k].lc()));
        let known = words.len() == 1 && self.known.contains(words[0].lc());
        (words.len() >= 2 || titled || related || known).then_some(NameRun { first: start, end })
    }
}

/// Where the run of capitalised, non-starter words from `i` ends (`i` when none starts there).
fn capitalised_run_end(tokens: &[Tok], i: usize) -> usize {
    let mut end = i;
    while let Some(token) = tokens.get(end) {
        let fits = token.capitalised() && !STARTERS.contains(&token.lc()) && !MONTHS.contains(&token.lc());
        let glued = end > i && !token.space_before;
        if !fits || glued {
            break;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    fn claims(text: &str) -> Vec<Claim> {
        extract("d", text, &CharOffsets::new(text), &sentences::split(text))
    }

    #[test]
    fn reads_the_seed_death_toll_with_its_qualifier() {
        let found = claims("The attack left four people dead, including the assailant.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].subject, "dead");
        assert_eq!(found[0].text, "four people dead");
        assert_eq!(found[0].qualifiers, ["including the assailant"]);
    }

    #[test]
    fn reads_revised_and_earlier_figures() {
        let found = claims("The injured toll has increased to 30 from the initial reports of 20.");
        let got: Vec<(&str, u64, ClaimStatus)> =
            found.iter().map(|c| (c.subject.as_str(), c.quantity.value, c.status)).collect();
        assert_eq!(got, [("injured", 30, ClaimStatus::Revised), ("injured", 20, ClaimStatus::Earlier)]);
    }

    #[test]
    fn names_strip_titles_and_skip_places() {
        let text = "Defence Secretary Michael Fallon spoke in London.";
        let tokens = sentence_tokens(text, 0, text.len());
        let names = NameMemory::default().read(&tokens);
        let got: Vec<&str> = names.iter().map(|n| &text[tokens[n.first].start..tokens[n.end - 1].end]).collect();
        assert_eq!(got, ["Michael Fallon"]);
    }

    fn names_in(text: &str) -> Vec<String> {
        let tokens = sentence_tokens(text, 0, text.len());
        let names = NameMemory::default().read(&tokens);
        names.iter().map(|n| text[tokens[n.first].start..tokens[n.end - 1].end].to_string()).collect()
    }

    #[test]
    fn names_are_not_starters_places_days_or_lone_words() {
        assert!(names_in("The Islamic State said on Wednesday that London Bridge was closed.").is_empty());
        assert!(names_in("Surveillance video caught Masood on the bridge.").is_empty(), "a lone unknown word");
        assert!(names_in("On Monday March winds hit New Scotland Yard.").is_empty());
        assert_eq!(names_in("Britain’s top counterterrorism officer, Mark Rowley, said"), ["Mark Rowley"]);
        assert_eq!(names_in("He was celebrating with his wife Melissa in Europe."), ["Melissa"]);
        assert_eq!(names_in("President Xi Jinping sent his condolences."), ["Xi Jinping"]);
    }

    #[test]
    fn a_full_name_makes_its_words_names_later() {
        let mut memory = NameMemory::default();
        let first = "Police named Khalid Masood.";
        memory.read(&sentence_tokens(first, 0, first.len()));
        let later = "Officers followed Masood home.";
        assert_eq!(memory.read(&sentence_tokens(later, 0, later.len())).len(), 1);
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("passengers"), "passenger");
        assert_eq!(singular("bodies"), "body");
        assert_eq!(singular("men"), "man");
        assert_eq!(singular("species"), "species");
    }
}
