//! Claims a source makes about a story: counts of people dead, injured, arrested, missing,
//! rescued or evacuated ("left four people dead", "killed 12", "eight arrests", "the death toll
//! rose to five"), other counted facts where the noun is clear ("212 passengers"), and ages
//! ("Khalid Masood, 52", "a 48-year old member"). The shapes are tables below (subject words by
//! family, person nouns, words that rule a number out); one pass over the tokens of each sentence.
//! Examples: `claims.corpus`, run by `tests/story_corpora.rs`. Ages are read by `ages`, the
//! person names they are about by `names`.

use super::ages;
use super::names::NameRun;
use super::numbers::{count_at, words_at, Count, Tok};
use super::reading::{self, Sentence};
use super::words;
use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timeline::{DocId, SmolStr};
use serde::{Deserialize, Serialize};

pub use super::numbers::{Quantity, QuantityMod};

/// One claim of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// "<doc id>-c<code point start>".
    pub id: SmolStr,
    pub doc: DocId,
    /// "dead", "injured", "arrested", "missing", "rescued", "evacuated", "age", or a counted noun
    /// in the singular ("passenger").
    pub subject: SmolStr,
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
    pub event: Option<SmolStr>,
    /// The kind of happening the claim's sentence names, when it names one that has casualties
    /// or arrests to count ("attack" in "two people were killed in the attack").
    #[serde(default)]
    pub about: Option<SmolStr>,
    /// The story event it is about (set when the story events are known).
    #[serde(default)]
    pub story: Option<SmolStr>,
    /// The claim of a later-published source that revises this figure ("the death toll rose to
    /// five" the day after "four dead"): the figure is then history, not a conflict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<SmolStr>,
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

/// Every word of the subjects' tables (`words::SUBJECT_WORD`): a token without one is no
/// subject, verb, noun or toll word, and is not compared with each table.
pub(super) fn subject_words() -> Vec<&'static str> {
    let mut all = Vec::new();
    for subject in SUBJECTS {
        all.extend(subject.after.iter().chain(subject.nouns).chain(subject.toll).copied());
        all.extend(subject.verbs.iter().flat_map(|(verb, noun)| std::iter::once(*verb).chain(*noun)));
    }
    all
}

/// Nouns for people that may stand between a count and its subject word ("four people dead").
pub(super) const PERSON_NOUNS: &[&str] = &[
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
pub(super) const GENERAL_PERSON_NOUNS: &[&str] = &["people", "persons", "individuals", "others", "more"];

/// Words between a count and its subject word: "two people were killed", "27 have been hurt".
pub(super) const AUXILIARIES: &[&str] =
    &["were", "was", "are", "is", "have", "has", "had", "been", "being", "reported", "now"];

/// Adjectives a counted noun may carry: "six different addresses".
pub(super) const COUNT_ADJECTIVES: &[&str] =
    &["different", "separate", "other", "additional", "more", "new", "british", "foreign"];

/// Plural words after a number that are units, not counted facts: "two days later", "$5 million".
pub(super) const NOT_COUNTED: &[&str] = &[
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
pub(super) const LABEL_WORDS: &[&str] = &[
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

/// Words after a number that make it a clock time or a share: "10 pm", "5 percent".
pub(super) const CLOCK_AND_SHARE: &[&str] =
    &["am", "pm", "a", "p", "o", "percent", "per", "gmt", "bst", "utc", "est", "pst"];

/// Words before a four-digit number that make it a year: "in 2017".
pub(super) const YEAR_CONTEXT: &[&str] =
    &["in", "since", "by", "of", "from", "until", "during", "through", "to", "before", "after"];

/// Words before a figure that mark it as an earlier one the source reports: "the initial reports of 20".
pub(super) const EARLIER_WORDS: &[&str] = &["initial", "earlier", "previous", "original", "first", "preliminary"];

/// Verbs of a changing figure: "rose to five", "has increased to 30".
pub(super) const CHANGE_VERBS: &[&str] =
    &["rose", "risen", "rises", "increased", "climbed", "jumped", "grew", "reached", "fell", "dropped", "revised"];

/// Words that open a qualifier after a claim: "four people dead, including the assailant".
const QUALIFIER_STARTS: &[&[&str]] = &[&["not", "including"], &["including"], &["excluding"], &["among", "them"]];

/// How many tokens a qualifier after a claim may run to.
const QUALIFIER_REACH: usize = 10;

/// Reads every claim in `text`, sentence by sentence.
pub fn extract(doc_id: &str, text: &str, offsets: &CharOffsets, sentences: &[SentenceSpan]) -> Vec<Claim> {
    let mut claims = Vec::new();
    let doc: DocId = doc_id.into();
    reading::each_sentence_of(text, sentences, |sentence| claims.extend(of_sentence(&doc, text, offsets, sentence)));
    claims
}

/// The claims of one sentence (`reading::each_sentence`).
pub fn of_sentence(doc_id: &DocId, text: &str, offsets: &CharOffsets, sentence: &Sentence) -> Vec<Claim> {
    let found = SentenceReader { text, tokens: sentence.tokens, names: sentence.names, dates: sentence.dates }.claims();
    found.into_iter().map(|raw| raw.into_claim(doc_id, text, offsets, sentence.index)).collect()
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
    fn into_claim(self, doc_id: &DocId, text: &str, offsets: &CharOffsets, sentence: usize) -> Claim {
        let start = offsets.char_at(self.start);
        Claim {
            id: smol_str::format_smolstr!("{doc_id}-c{start}"),
            doc: std::sync::Arc::clone(doc_id),
            subject: self.subject.into(),
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
            superseded_by: None,
        }
    }
}

struct SentenceReader<'a, 't> {
    text: &'t str,
    tokens: &'a [Tok<'t>],
    names: &'a [NameRun],
    /// Byte spans of the sentence's date and time phrases.
    dates: &'a [std::ops::Range<usize>],
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
        if !is_a_count(self.tokens, &count) || self.in_date(count.number_first) {
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
        if !verb.has(words::SUBJECT_WORD) {
            return None;
        }
        for subject in SUBJECTS {
            for (word, noun) in subject.verbs {
                if !verb.is(word) {
                    continue;
                }
                let next = self.tokens.get(count.end);
                let end = match noun {
                    Some(noun) if next.is_some_and(|t| t.is(noun)) => count.end + 1,
                    Some(_) => continue,
                    None if next.is_some_and(|t| t.has(words::PERSON_NOUN)) => count.end + 1,
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
        if let Some(subject) =
            self.tokens.get(j).filter(|t| t.has(words::SUBJECT_WORD)).and_then(|t| subject_of_noun(t.lc()))
        {
            return Some((subject.to_string(), count.first, j + 1, ClaimStatus::Current));
        }
        if self.tokens.get(j).is_some_and(|t| t.has(words::PERSON_NOUN)) {
            j += 1;
        }
        while self.tokens.get(j).is_some_and(|t| t.has(words::AUXILIARY)) {
            j += 1;
        }
        let word = self.tokens.get(j).filter(|t| t.has(words::SUBJECT_WORD))?;
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
            token.has(words::EARLIER).then(|| count.first - k)
        });
        if let Some(from) = earlier_from.filter(|_| before(1).is_some_and(|t| t.is("of"))) {
            let first = if before(count.first - from + 1).is_some_and(|t| t.is("the")) { from - 1 } else { from };
            return Some((subject.to_string(), first, count.end, ClaimStatus::Earlier));
        }
        let changed = before(1).is_some_and(|t| t.is("to")) && before(2).is_some_and(|t| t.has(words::CHANGE_VERB));
        if changed {
            return Some((subject.to_string(), toll_at, count.end, ClaimStatus::Revised));
        }
        let stands = before(1).is_some_and(|t| t.is("at") || t.is("is") || t.is("was") || t.is("reached"));
        stands.then(|| (subject.to_string(), toll_at, count.end, ClaimStatus::Current))
    }

    /// "212 passengers", "six different addresses".
    fn counted_noun(&self, count: &Count) -> Option<(String, usize, usize, ClaimStatus)> {
        let mut j = count.end;
        if self.tokens.get(j).is_some_and(|t| t.has(words::COUNT_ADJECTIVE)) {
            j += 1;
        }
        let noun = self.tokens.get(j)?;
        if !is_counted_noun(noun) || (count.quantity.value == 1 && !count.digits) {
            return None;
        }
        Some((singular(noun.lc()), count.first, j + 1, ClaimStatus::Current))
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
    /// Whether token `i` is part of a date or clock time ("the 1999 elections", "9:15"): its
    /// number is no count and no age.
    fn in_date(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| self.dates.iter().any(|d| d.contains(&t.start)))
    }

    fn age_at(&self, i: usize, names: &[NameRun]) -> Option<(RawClaim, usize)> {
        let age = ages::age_at(self.tokens, i, names)?;
        let in_date = (age.first..age.end).any(|k| self.tokens[k].is_number() && self.in_date(k));
        (!in_date).then_some(age).map(|age| {
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
    let word = tokens.get(i).filter(|t| t.has(words::SUBJECT_WORD) || t.is("number"))?;
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
    if before.is_some_and(|t| t.has(words::MONTH) || t.has(words::LABEL_WORD) && t.capitalised()) {
        return false;
    }
    if after.is_some_and(|t| t.has(words::MONTH) && t.capitalised() || t.has(words::CLOCK_OR_SHARE) || t.is_punct('%'))
    {
        return false;
    }
    if after.is_some_and(|t| t.is("of")) && !count.quantity.modifier.eq(&QuantityMod::Vague) {
        return false;
    }
    !after.is_some_and(|t| t.has(words::NOT_COUNTED))
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
        count.number_first.checked_sub(1).and_then(|k| tokens.get(k)).is_some_and(|t| t.has(words::YEAR_CONTEXT));
    let noun_follows = tokens.get(count.end).is_some_and(|t| t.is_word() && !t.capitalised() && t.lc().ends_with('s'));
    after_year_word || !noun_follows
}

/// A plural noun after a count that names what is counted.
fn is_counted_noun(token: &Tok) -> bool {
    let word = token.lc();
    if token.has(words::PERSON_NOUN) && !token.has(words::GENERAL_PERSON_NOUN) {
        return true;
    }
    token.is_word()
        && word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("'s")
        && !token.has(words::GENERAL_PERSON_NOUN | words::NOT_COUNTED | words::MONTH)
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
    fn singulars() {
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("passengers"), "passenger");
        assert_eq!(singular("bodies"), "body");
        assert_eq!(singular("men"), "man");
        assert_eq!(singular("species"), "species");
    }
}
