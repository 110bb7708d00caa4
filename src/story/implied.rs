//! Implied events: phrases that imply a dated event the text does not state. Ages (from the "age"
//! claims) imply a birth, tenures ("a 15-year veteran", "had worked there for 20 years", "after 30
//! years at the company") a start, anniversaries ("their 25th anniversary", "silver wedding
//! anniversary") the original event. Each says who (the person named in the clause, else the last
//! person named in the previous sentences) and why. Examples: `implied.corpus`, run by
//! `tests/story_corpora.rs`. Happenings dated by a count to a named day ("on Monday, two days
//! after the vote") are found by the resolver instead (`resolve::counted`) and become events in
//! `per_document`.

use super::claims::Claim;
use super::names::{names_before, NameRun};
use super::numbers::{plain_number, Tok};
use super::reading::{self, Sentence};
use super::words;
use crate::text::offsets::CharOffsets;
use crate::text::SentenceSpan;
use crate::timex::Granularity;
use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImpliedKind {
    Birth,
    Start,
    Anniversary,
    /// A happening dated by a count to a day the text names ("on Monday, two days after the
    /// vote"): found by the resolver (`resolve::counted`).
    Counted,
}

/// One implied event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Implied {
    pub kind: ImpliedKind,
    pub who: Option<String>,
    pub label: String,
    /// Half-open.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub granularity: Granularity,
    pub approximate: bool,
    /// Code points of the phrase that implies it.
    pub phrase_start: usize,
    pub phrase_end: usize,
    pub sentence: usize,
    pub explanation: String,
}

/// Named anniversaries and their years.
const NAMED_ANNIVERSARIES: &[(&str, u64)] =
    &[("silver", 25), ("ruby", 40), ("golden", 50), ("diamond", 60), ("pearl", 30), ("crystal", 15)];

/// Ordinal words for anniversaries ("tenth anniversary").
const ORDINAL_WORDS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("hundredth", 100),
];

/// Nouns after "a N-year" that make it a tenure: "a 15-year veteran".
const TENURE_NOUNS: &[&str] = &["veteran", "career", "tenure", "stint", "member", "employee"];

/// Verbs before "for N years" that make it a tenure: "had worked there for 20 years".
pub(super) const TENURE_VERBS: &[&str] = &["worked", "served", "working", "serving", "employed", "taught", "teaching"];

/// Words after "after N years" that make it a tenure: "after 30 years at the company".
const TENURE_PLACES: &[&str] = &["at", "with", "in", "on"];

/// Pronouns that point back at the last person named.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "his", "her", "him"];

/// How many tokens before a phrase a pronoun pointing at its person may stand.
const PRONOUN_REACH: usize = 12;

/// How many earlier sentences a pronoun looks back through for its person.
const ANTECEDENT_REACH: usize = 3;

/// Every implied event in `text`, dated from `reference`.
pub fn extract(
    text: &str,
    offsets: &CharOffsets,
    sentences: &[SentenceSpan],
    claims: &[Claim],
    reference: NaiveDate,
) -> Vec<Implied> {
    let mut reader = Reader::new(reference);
    reading::each_sentence_of(text, sentences, |sentence| reader.read(text, offsets, sentence));
    reader.finish(claims, text, offsets)
}

/// Reads implied events sentence by sentence (`reading::each_sentence`), remembering the people
/// named so far for pronouns that point back at them.
pub struct Reader {
    reference: NaiveDate,
    /// The last person named so far: their sentence and the byte span of the name.
    last_named: Option<(usize, (usize, usize))>,
    found: Vec<Implied>,
}

impl Reader {
    pub fn new(reference: NaiveDate) -> Self {
        Reader { reference, last_named: None, found: Vec::new() }
    }

    pub fn read(&mut self, text: &str, offsets: &CharOffsets, sentence: &Sentence) {
        let (tokens, names) = (sentence.tokens, sentence.names);
        let context = Context {
            text,
            tokens,
            names,
            last_named: self.last_named,
            sentence: sentence.index,
            reference: self.reference,
        };
        for found in context.events() {
            let (start, end) = (offsets.char_at(found.phrase.0), offsets.char_at(found.phrase.1));
            self.found.push(Implied { phrase_start: start, phrase_end: end, ..found.event });
        }
        if let Some(name) = names.last() {
            self.last_named = Some((sentence.index, (tokens[name.first].start, tokens[name.end - 1].end)));
        }
    }

    /// The births the age `claims` (of `text`) imply, then the events read, each once.
    pub fn finish(self, claims: &[Claim], text: &str, offsets: &CharOffsets) -> Vec<Implied> {
        let births = claims.iter().filter_map(|c| birth_from_age(c, self.reference, text, offsets));
        dedupe(births.chain(self.found).collect())
    }
}

/// A label as a timeline entry starts: with a capital ("the missing guard" → "The missing
/// guard born").
pub(super) fn sentence_case(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Two ages of one person in one text imply one birth.
fn dedupe(events: Vec<Implied>) -> Vec<Implied> {
    let mut kept: Vec<Implied> = Vec::new();
    for event in events {
        let same = kept.iter().any(|k| k.kind == event.kind && k.label == event.label && k.start == event.start);
        if !same {
            kept.push(event);
        }
    }
    kept
}

/// Words that end the noun an age describes: verbs, prepositions, conjunctions and adverbs
/// that follow it ("a 53-year-old prosecutor said", "a 24-year-old farmer in Anhui").
const NOT_PERSON_WORDS: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "says", "said", "told", "won",
    "took", "made", "led", "beat", "became", "who", "whose", "which", "that", "and", "or", "but", "of", "in", "on",
    "at", "for", "from", "with", "to", "by", "as", "then", "also", "now", "still", "when", "after", "before", "during",
    "over", "into", "through", "near", "under", "between", "among", "within", "across", "amid", "while",
];

/// At most this many words name the person an age describes ("electronics company executive").
const PERSON_WORDS: usize = 3;

/// The person an age written before a noun describes, from the text right after the age ("
/// Muslim man, a former village chief" → "Muslim man"): words up to punctuation, a verb, a
/// preposition or a conjunction, at most `PERSON_WORDS`; `None` when none follows.
fn described_person(after: &str) -> Option<String> {
    if !after.starts_with(' ') {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    for raw in after.split(char::is_whitespace).skip(1).take(PERSON_WORDS) {
        let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_ascii_lowercase();
        let is_word = !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-');
        let a_verb = lower.ends_with("ed") || NOT_PERSON_WORDS.contains(&lower.as_str());
        if !is_word || a_verb {
            break;
        }
        words.push(word);
        if word.len() != raw.len() {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn name_text(text: &str, tokens: &[Tok], name: &NameRun) -> String {
    text.get(tokens[name.first].start..tokens[name.end - 1].end).unwrap_or_default().to_string()
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap_or_default()
}

fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// Aged N on R: born in [R - (N+1) years + 1 day, R - N years]. Who: the person the claim
/// names, else the person its age describes ("a 46-year-old Muslim man"), else "Unnamed
/// 23-year-old".
fn birth_from_age(claim: &Claim, reference: NaiveDate, text: &str, offsets: &CharOffsets) -> Option<Implied> {
    if claim.subject != "age" {
        return None;
    }
    let years = u32::try_from(claim.quantity.value).ok()?;
    let latest = reference.checked_sub_months(Months::new(years.checked_mul(12)?))?;
    let earliest = reference.checked_sub_months(Months::new((years + 1).checked_mul(12)?))?.succ_opt()?;
    let who = claim.person.clone();
    let name = who.clone().unwrap_or_else(|| {
        let after = text.get(offsets.byte_at(claim.end)..).unwrap_or_default();
        match described_person(after) {
            Some(person) => format!("the {years}-year-old {person}"),
            None => format!("unnamed {years}-year-old"),
        }
    });
    Some(Implied {
        kind: ImpliedKind::Birth,
        label: sentence_case(&format!("{name} born")),
        start: midnight(earliest),
        end: midnight(latest.succ_opt()?),
        // A span of one year (not a calendar year): its ends are exact, the birth is not.
        granularity: Granularity::Year,
        approximate: false,
        phrase_start: claim.start,
        phrase_end: claim.end,
        sentence: claim.sentence,
        explanation: format!(
            "{name} is {years} on {reference}, so was born between {} and {}",
            long_date(earliest),
            long_date(latest)
        ),
        who,
    })
}

/// An implied event found in a sentence and the byte span of its phrase.
struct Found {
    event: Implied,
    phrase: (usize, usize),
}

struct Context<'a, 't> {
    text: &'t str,
    tokens: &'a [Tok<'t>],
    names: &'a [NameRun],
    last_named: Option<(usize, (usize, usize))>,
    sentence: usize,
    reference: NaiveDate,
}

impl Context<'_, '_> {
    fn events(&self) -> Vec<Found> {
        let mut found = Vec::new();
        // A tenure needs a count of years, an anniversary the word itself: other sentences imply
        // nothing and are not read token by token.
        let anniversary = self.tokens.iter().any(|t| t.is("anniversary"));
        let count = super::numbers::may_hold_count(self.tokens);
        if !anniversary && !count {
            return found;
        }
        for i in 0..self.tokens.len() {
            let tenure = if count { tenure_at(self.tokens, i) } else { None };
            if let Some((years, first, end)) = tenure {
                found.push(self.start_event(years, first, end));
            } else if let Some((years, first, end)) = anniversary.then(|| anniversary_at(self.tokens, i)).flatten() {
                found.extend(self.anniversary_event(years, first, end));
            }
        }
        found
    }

    /// Who a phrase at `at` is about: a name in its sentence before it, else, when a pronoun
    /// stands just before it ("He was a 15-year veteran"), the last person named in the previous
    /// few sentences.
    fn who(&self, at: usize) -> Option<String> {
        if let Some(name) = names_before(self.names, at).last() {
            return Some(name_text(self.text, self.tokens, name));
        }
        let clause = &self.tokens[at.saturating_sub(PRONOUN_REACH)..at];
        let pronoun = clause.iter().any(|t| t.has(words::PRONOUN));
        let reach = self.sentence.saturating_sub(ANTECEDENT_REACH);
        let (_, (start, end)) = self.last_named.filter(|(s, _)| pronoun && *s >= reach)?;
        self.text.get(start..end).map(str::to_string)
    }

    fn year_span(&self, years: u64) -> Option<(NaiveDate, NaiveDate, i32)> {
        let year = self.reference.year().checked_sub(i32::try_from(years).ok()?)?;
        Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year + 1, 1, 1)?, year))
    }

    fn phrase(&self, first: usize, end: usize) -> ((usize, usize), String) {
        let span = (self.tokens[first].start, self.tokens[end - 1].end);
        (span, self.text.get(span.0..span.1).unwrap_or_default().to_string())
    }

    fn event(
        &self,
        kind: ImpliedKind,
        who: Option<String>,
        label: String,
        years: u64,
        first: usize,
        end: usize,
    ) -> Found {
        let (phrase, written) = self.phrase(first, end);
        let (start, stop, year) =
            self.year_span(years).unwrap_or((self.reference, self.reference, self.reference.year()));
        Found {
            event: Implied {
                kind,
                explanation: format!(
                    "'{written}' on {}, so {} around {year}",
                    self.reference,
                    statement(kind, &label, who.is_some())
                ),
                who,
                label,
                start: midnight(start),
                end: midnight(stop),
                granularity: Granularity::Year,
                approximate: true,
                phrase_start: 0,
                phrase_end: 0,
                sentence: self.sentence,
            },
            phrase,
        }
    }

    fn start_event(&self, years: u64, first: usize, end: usize) -> Found {
        let who = self.who(first);
        let label = sentence_case(&format!("{} started", who.as_deref().unwrap_or("(unnamed)")));
        self.event(ImpliedKind::Start, who, label, years, first, end)
    }

    /// The event an anniversary implies: what it is the anniversary of, else a wedding of the
    /// couple named, else, for a wedding anniversary or one that people keep ("their 40th
    /// anniversary"), a wedding of a couple unnamed. Any other anniversary of nothing named
    /// ("the first anniversary" of something the sentence does not say) implies nothing.
    fn anniversary_event(&self, years: u64, first: usize, end: usize) -> Option<Found> {
        if let Some(what) = self.anniversary_of(end) {
            return Some(self.event(ImpliedKind::Anniversary, None, what, years, first, end));
        }
        let who = self.couple(first, end);
        let kept =
            first.checked_sub(1).and_then(|k| self.tokens.get(k)).is_some_and(|t| COUPLE_WORDS.contains(&t.lc()));
        let wedding = self.tokens[first..end].iter().any(|t| t.is("wedding"))
            || NAMED_ANNIVERSARIES.iter().any(|(w, _)| self.tokens[first].is(w));
        if who.is_none() && !kept && !wedding {
            return None;
        }
        let label = sentence_case(&format!("{} married", who.as_deref().unwrap_or("(unnamed couple)")));
        Some(self.event(ImpliedKind::Anniversary, who, label, years, first, end))
    }

    /// "the 10th anniversary of the attack" → "the attack", "the 45th anniversary since China
    /// and Laos forged ties", "the first anniversary on Friday of Israel's shelling" → "Israel's
    /// shelling of a UN compound" (up to six words, possessives and hyphenated words among
    /// them, to the first other punctuation): the original event's label.
    fn anniversary_of(&self, end: usize) -> Option<String> {
        let is_of = |k: usize| self.tokens.get(k).is_some_and(|t| t.is("of") || t.is("since"));
        // A day between the anniversary and what it is of: "on Friday of".
        let at = if is_of(end) {
            end
        } else if self.tokens.get(end).is_some_and(|t| t.is("on")) {
            (end + 2..end + 4).find(|&k| is_of(k) && self.tokens[end + 1..k].iter().all(Tok::is_word))?
        } else {
            return None;
        };
        let reach = self.tokens.len().min(at + 9);
        let possessive = |k: usize| {
            self.tokens[k].is_punct('\'')
                && self.tokens.get(k + 1).is_some_and(|t| t.is("s") && !t.space_before)
                && !self.tokens[k].space_before
        };
        // A hyphen inside a word ("Sun Yat-sen", "ex-president") joins it.
        let hyphen = |k: usize| {
            self.tokens[k].is_punct('-')
                && !self.tokens[k].space_before
                && self.tokens.get(k + 1).is_some_and(|t| t.is_word() && !t.space_before)
        };
        let mut stop = at + 1;
        let mut words = 0;
        while stop < reach && words < 6 {
            let token = &self.tokens[stop];
            if possessive(stop) || hyphen(stop) {
                stop += 2;
                continue;
            }
            if !(token.is_word() || token.is_number()) {
                break;
            }
            words += 1;
            stop += 1;
        }
        (stop > at + 1).then(|| self.phrase(at + 1, stop).1)
    }

    /// The couple of a wedding anniversary: two people named before the phrase ("Pavel Novak and
    /// his wife Irena marked their 40th anniversary"), or one before it (or a pronoun's
    /// antecedent) and a partner after it ("... with his wife Melissa").
    fn couple(&self, first: usize, end: usize) -> Option<String> {
        if let [.., one, other] = names_before(self.names, first) {
            let (one, other) = (name_text(self.text, self.tokens, one), name_text(self.text, self.tokens, other));
            return Some(format!("{one} and {other}"));
        }
        let one = self.who(first)?;
        Some(match self.partner_after(end) {
            Some(partner) => format!("{one} and {partner}"),
            None => one,
        })
    }

    /// "with his wife Melissa" after the phrase: the partner's name.
    fn partner_after(&self, end: usize) -> Option<String> {
        let name = self.names.get(self.names.partition_point(|n| n.first < end)).filter(|n| n.first <= end + 5)?;
        Some(name_text(self.text, self.tokens, name))
    }
}

/// Words before an anniversary that say people keep it ("their 40th anniversary").
const COUPLE_WORDS: &[&str] = &["their", "his", "her", "our", "couple's"];

/// What the explanation says happened: a label that names its verb ("Keith Palmer started") as
/// it is, the original event of an anniversary ("the flood") with "was".
fn statement(kind: ImpliedKind, label: &str, has_who: bool) -> String {
    if kind == ImpliedKind::Anniversary && !has_who && !label.ends_with(" married") {
        format!("{label} was")
    } else {
        label.to_string()
    }
}

/// "a 15-year veteran", "for 20 years" after a tenure verb, "after 30 years at": years and tokens.
fn tenure_at(tokens: &[Tok], i: usize) -> Option<(u64, usize, usize)> {
    let (years, after) = plain_number(tokens, i)?;
    let word = |k: usize| tokens.get(k).map(|t| t.lc()).unwrap_or("");
    if word(after) == "-" && word(after + 1) == "year" && TENURE_NOUNS.contains(&word(after + 2)) {
        let first = if i > 0 && matches!(word(i - 1), "a" | "an") { i - 1 } else { i };
        return Some((years, first, after + 3));
    }
    if word(after) != "years" {
        return None;
    }
    let before = i.checked_sub(1).map(word).unwrap_or("");
    let verb_before = tokens[..i].iter().rev().take(4).any(|t| t.has(words::TENURE_VERB));
    if before == "for" && verb_before {
        return Some((years, i - 1, after + 1));
    }
    if before == "after" && TENURE_PLACES.contains(&word(after + 1)) {
        return Some((years, i - 1, after + 1));
    }
    None
}

/// "their 25th anniversary", "silver wedding anniversary", "the tenth anniversary".
fn anniversary_at(tokens: &[Tok], i: usize) -> Option<(u64, usize, usize)> {
    let token = tokens.get(i)?;
    let (years, mut j) = if let Some(&(_, years)) = NAMED_ANNIVERSARIES.iter().find(|(w, _)| token.is(w)) {
        (years, i + 1)
    } else if let Some(&(_, years)) = ORDINAL_WORDS.iter().find(|(w, _)| token.is(w)) {
        (years, i + 1)
    } else if token.is_number() {
        let suffixed = tokens.get(i + 1).is_some_and(|t| !t.space_before && ["st", "nd", "rd", "th"].contains(&t.lc()));
        if !suffixed {
            return None;
        }
        (plain_number(tokens, i)?.0, i + 2)
    } else {
        return None;
    };
    if tokens.get(j).is_some_and(|t| t.is("wedding")) {
        j += 1;
    }
    tokens.get(j).is_some_and(|t| t.is("anniversary")).then_some((years, i, j + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::claims;
    use crate::text::sentences;

    fn implied(text: &str) -> Vec<Implied> {
        let offsets = CharOffsets::new(text);
        let spans = sentences::split(text);
        let found = claims::extract("d", text, &offsets, &spans);
        let reference = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap_or_default();
        extract(text, &offsets, &spans, &found, reference)
    }

    #[test]
    fn an_age_implies_a_birth_year_band() {
        let found = implied("Police identified him as Khalid Masood, 52, on Thursday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "Khalid Masood born");
        assert_eq!(found[0].start.date(), NaiveDate::from_ymd_opt(1964, 3, 23).unwrap_or_default());
        assert_eq!(found[0].end.date(), NaiveDate::from_ymd_opt(1965, 3, 23).unwrap_or_default());
    }

    #[test]
    fn a_pronoun_takes_the_last_person_named() {
        let found = implied("Keith Palmer was among the dead. He was a 15-year veteran.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "Keith Palmer started");
        assert_eq!(found[0].start.date().year(), 2002);
    }
}
