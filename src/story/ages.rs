//! Ages as news writes them, each with the person it is about when the text says who: "Khalid
//! Masood, 52,", "52-year-old Khalid Masood", "a 48-year old member" after "Keith Palmer,", "was 52
//! years old", "aged 52". Better no person than the wrong one. Read by the claims (subject "age"),
//! from which the implied births follow.

use super::names::{is_never_a_name, name_starting_at, names_before, NameRun};
use super::numbers::{plain_number, Tok};

/// The age at token `i`, if one starts there.
pub(super) fn age_at(tokens: &[Tok], i: usize, names: &[NameRun]) -> Option<Age> {
    age_after_name(tokens, i, names).or_else(|| age_year_old(tokens, i, names)).or_else(|| age_aged(tokens, i, names))
}

/// An age as token positions: the person's tokens, the phrase's, and the token after it.
pub(super) struct Age {
    pub years: u64,
    pub person: Option<(usize, usize)>,
    pub first: usize,
    pub end: usize,
    pub next: usize,
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
    if describes_a_thing(tokens, old_end) {
        return None;
    }
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

/// Nouns that "N-year-old" may describe that are no person ("its 47-year-old embargo", "the
/// 20-year-old civil war"): their age implies no birth.
const THING_NOUNS: &[&str] = &[
    "embargo",
    "monarchy",
    "law",
    "tie",
    "ties",
    "record",
    "war",
    "supermarket",
    "university",
    "bank",
    "association",
    "city",
    "company",
    "firm",
    "state",
    "ban",
    "dispute",
    "conflict",
    "tradition",
    "treaty",
    "agreement",
    "alliance",
    "organisation",
    "organization",
    "institution",
    "newspaper",
    "party",
    "movement",
    "building",
    "bridge",
    "church",
    "regime",
    "ceasefire",
    "truce",
    "custom",
    "practice",
    "problem",
    "policy",
    "system",
    "rivalry",
    "feud",
    "marriage",
    "relationship",
    "partnership",
    "insurgency",
    "occupation",
    "blockade",
    "festival",
    "league",
    "tournament",
    "club",
    "team",
    "factory",
    "plant",
    "mine",
    "station",
    "reactor",
    "road",
    "railway",
    "dam",
    "wall",
    "tower",
    "school",
    "hospital",
    "prison",
    "airport",
    "market",
    "museum",
    "statue",
    "temple",
    "mosque",
    "castle",
    "palace",
    "monument",
    "house",
    "home",
    "car",
    "ship",
    "plane",
    "tree",
    "vessel",
    "aircraft",
    "jet",
    "machine",
    "mystery",
    "crisis",
    "case",
    "business",
    "industry",
    "economy",
    "constitution",
    "republic",
    "empire",
    "dynasty",
    "administration",
    "government",
    "round",
    "talks",
    "programme",
    "program",
    "project",
    "plan",
    "scheme",
    "campaign",
    "process",
    "strike",
    "rebellion",
    "uprising",
    "reign",
    "presidency",
    "career",
    "cup",
    "championship",
    "magazine",
    "network",
    "contract",
    "deal",
    "accord",
    "pact",
    "stadium",
    "hotel",
];

/// Words that end the noun phrase after "N-year-old" ("a 52-year-old man from Kent").
const PHRASE_ENDS: &[&str] = &[
    "of", "from", "in", "on", "at", "to", "for", "with", "by", "who", "which", "that", "was", "were", "is", "are",
    "has", "had", "have", "and", "or", "but", "said", "says", "against", "after", "before", "since", "as", "when",
    "while", "will", "would", "could",
];

/// Whether the noun phrase after "N-year-old" at `at` names a thing (`THING_NOUNS`): one of its
/// first two words is such a noun and heads it, with no noun after it ("its 47-year-old embargo
/// against", "the 20-year-old civil war ended"; not "a 30-year-old bank clerk"). A word after
/// it that ends the phrase, or looks like a verb (-ed, -s), leaves it the head. A name whose
/// last word is such a noun ("the four-year-old Doha Round") is a thing too.
fn describes_a_thing(tokens: &[Tok], at: usize) -> bool {
    // "the four-year-old Doha Round": a name of two words or more whose last word is such a noun
    // names a thing ("38-year-old Tie" is a person, "the World Cup-winner" too).
    let after = &tokens[at.min(tokens.len())..];
    let name = after.iter().take(4).take_while(|t| t.capitalised()).count();
    let compound = after.get(name).is_some_and(|t| t.is_punct('-') && !t.space_before);
    if name >= 2 && !compound && THING_NOUNS.iter().any(|w| after[name - 1].is(w)) {
        return true;
    }
    let words: Vec<&Tok> = tokens[at.min(tokens.len())..]
        .iter()
        .take(3)
        .take_while(|t| t.is_word() && !t.capitalised() && !PHRASE_ENDS.iter().any(|w| t.is(w)))
        .collect();
    words.iter().take(2).enumerate().any(|(k, t)| {
        let thing = THING_NOUNS.iter().any(|w| t.is(w));
        let noun_after = words.get(k + 1).is_some_and(|next| !next.text.ends_with("ed") && !next.text.ends_with('s'));
        thing && !noun_after
    })
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
    let opening = before.first().filter(|n| tokens[..n.first].iter().all(|t| !t.capitalised() || is_never_a_name(t)));
    if let Some(subject) = opening.filter(|n| n.first <= RIVAL_REACH) {
        return Some((subject.first, subject.end));
    }
    let [name] = before else { return None };
    let window = name.first.saturating_sub(RIVAL_REACH)..name.first;
    let rival = window.into_iter().any(|k| tokens[k].capitalised() && !is_never_a_name(&tokens[k]));
    (!rival).then_some((name.first, name.end))
}

/// How far before a name `only_name_before` looks for a rival.
const RIVAL_REACH: usize = 30;
