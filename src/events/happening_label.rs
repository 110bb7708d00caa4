//! The label of a date written before the happening it dates (issue #10 §2): in "Mottaki's
//! visit comes ahead of [December 21] talks between Iran and the EU3" the date is the talks',
//! not the visit's, so the label is the talks' noun phrase ("Talks between Iran and the EU3"),
//! never the clause around it, which happened at another time. Only after words that put the
//! clause before, after or around that happening ("ahead of", "after the", "since the",
//! "including the"); "in [January] elections" dates its clause too, and keeps it. A date a
//! happening is scheduled for ("the upcoming Beijing Summit scheduled for [Nov. 4-5]") is that
//! happening's too: the label is its noun phrase, not the clause that mentions it.

use super::label::{flag, tidy, Word};
use super::prenominal::is_listed_happening;
use super::repair::{self, Sentence};

/// Words right before the date (or before its "the") that relate the clause to the happening
/// the date names rather than date the clause.
const RELATING_WORDS: &[&str] = &["after", "before", "following", "since", "until", "including", "for"];

/// Words that open what a happening's noun phrase goes on with ("talks between Iran and the
/// EU3", "the referendum on the constitution").
const COMPLEMENT_OPENERS: &[&str] = &["between", "on", "of", "against", "in", "at", "with", "over", "by"];

/// Words that end the words before a happening's noun: it is not a list or a clause ("the
/// Spring Festival and Mid-Autumn Festival", "since Friday morning to protest").
const NOT_MODIFIERS: &[&str] = &["and", "or", "but", "to", "as", "than", "so", "the", "a", "an"];

/// Most words after a date up to and with its happening noun ("[2002] FIFA World Cup").
const MAX_NOUN_PHRASE_WORDS: usize = 3;

/// Most words a happening's complement may take.
const MAX_COMPLEMENT_WORDS: usize = 12;

/// The label of the date at words `first..=last` when it stands before a happening it dates,
/// after a relating word; `None` for any other shape. Happenings are the listed ones
/// (`prenominal::is_listed_happening`).
pub(super) fn happening_label(sentence: &Sentence, first: usize, last: usize) -> Option<String> {
    let ws = sentence.ws;
    // "since the [2019] flood", "since its [1980] independence".
    let article = first
        .checked_sub(1)
        .filter(|&k| repair::is(&ws[k], &["the"]) || POSSESSIVES.iter().any(|p| ws[k].text.eq_ignore_ascii_case(p.0)));
    let lead = article.unwrap_or(first).checked_sub(1)?;
    let ahead_of = repair::is(&ws[lead], &["of"]) && lead > 0 && repair::is(&ws[lead - 1], &["ahead"]);
    if !(ahead_of || repair::is(&ws[lead], RELATING_WORDS)) {
        return None;
    }
    let noun = (last + 1..ws.len())
        .take(MAX_NOUN_PHRASE_WORDS)
        .take_while(|&k| is_modifier_or_noun(&ws[k]))
        .find(|&k| names_a_listed_happening(&ws[k]))?;
    let mut phrase: Vec<Word> = ws[last + 1..=noun].to_vec();
    phrase.extend(complement(ws, noun + 1));
    the_noun_phrase(&repair::without_times(&phrase, sentence), article.map(|k| ws[k].text))
}

/// A happening's noun phrase as a label, with its article before it as written when one stood
/// before it in the text ("The invasion of Iraq", "The World Cup", "A snap election"), and "The"
/// before a lone noun in lower case; `None` when it is empty.
fn the_noun_phrase(phrase: &[Word], article: Option<&str>) -> Option<String> {
    let lower = phrase.first().is_some_and(|w| w.text.starts_with(|c: char| c.is_lowercase()));
    let named = tidy(phrase);
    if named.is_empty() {
        return None;
    }
    // A possessive keeps its owner ("Its independence").
    let owner = article.and_then(|a| POSSESSIVES.iter().find(|p| a.eq_ignore_ascii_case(p.0)));
    let article = match article {
        Some(a) if a.eq_ignore_ascii_case("a") => "A",
        Some(a) if a.eq_ignore_ascii_case("an") => "An",
        Some(_) if owner.is_some() => owner.map_or("The", |p| p.1),
        Some(_) => "The",
        None if lower && phrase.len() == 1 => "The",
        None => return Some(named),
    };
    let mut chars = named.chars();
    let first_char = chars.next()?;
    let written: String = if lower { first_char.to_lowercase().chain(chars).collect() } else { named };
    Some([article, &written].join(" "))
}

/// Possessive determiners a happening's noun phrase may open with, as written in a label.
const POSSESSIVES: &[(&str, &str)] = &[("its", "Its"), ("his", "His"), ("her", "Her"), ("their", "Their")];

/// Participles that put a happening on a date to come ("scheduled for", "slated for").
const SCHEDULED: &[&str] = &["scheduled", "slated", "set", "planned", "due"];

/// Most words before a happening's noun that describe it ("the upcoming high-profile Beijing
/// Summit").
const MAX_MODIFIERS: usize = 5;

/// The label of the date at words `first..` when a happening is scheduled for it: "the upcoming
/// Beijing Summit(,) scheduled for [Nov. 4-5]" is "The upcoming Beijing Summit"; `None` for any
/// other shape. The words before the noun describe it when an article or a possessive opens
/// them ("a snap election", "Bush's visit"); otherwise only names and adjectives do ("prepare
/// talks scheduled for May 12" is "The talks", "after Iraqi parliamentary elections planned for
/// Dec. 15" keeps "Iraqi parliamentary").
pub(super) fn scheduled_happening_label(sentence: &Sentence, first: usize) -> Option<String> {
    let ws = sentence.ws;
    let preposition = first.checked_sub(1).filter(|&k| repair::is(&ws[k], &["for", "on"]))?;
    let participle = preposition.checked_sub(1).filter(|&k| repair::is(&ws[k], SCHEDULED))?;
    let comma = participle.checked_sub(1).filter(|&k| ws[k].text == ",");
    let noun = comma.unwrap_or(participle).checked_sub(1)?;
    if !names_a_listed_happening(&ws[noun]) {
        return None;
    }
    let describes =
        |k: usize| is_modifier_or_noun(&ws[k]) || (repair::is(&ws[k], &["of"]) && k > 0 && capitalised(&ws[k - 1]));
    let run = (noun.saturating_sub(MAX_MODIFIERS)..noun).rev().take_while(|&k| describes(k)).count();
    let article = (noun - run).checked_sub(1).filter(|&k| repair::is(&ws[k], &["the", "a", "an"]));
    let determined = article.is_some() || ws[noun - run..noun].first().is_some_and(repair::is_possessive);
    let from = if determined {
        noun - run
    } else {
        noun - ws[noun - run..noun].iter().rev().take_while(|w| capitalised(w) || is_adjective(w)).count()
    };
    let article = article.filter(|_| determined).map(|k| ws[k].text);
    the_noun_phrase(&repair::without_times(&ws[from..=noun], sentence), article)
}

/// Whether `w` (without a stop after it) is a listed happening's noun.
fn names_a_listed_happening(w: &Word) -> bool {
    is_listed_happening(&w.text.trim_end_matches(['.', ',', ';', ':']).to_ascii_lowercase())
}

fn capitalised(w: &Word) -> bool {
    w.text.starts_with(char::is_uppercase)
}

/// Endings of adjectives that describe a happening ("parliamentary", "general", "presidential",
/// "economic", "annual").
const ADJECTIVE_ENDINGS: &[&str] = &["al", "ary", "ic", "ian", "ive", "ous", "ern", "ese", "ish"];

fn is_adjective(w: &Word) -> bool {
    w.text.len() > 4 && ADJECTIVE_ENDINGS.iter().any(|e| w.text.ends_with(e))
}

/// Whether `w` can stand between a date and the noun it describes: a word, not a figure, a
/// verb, a clause word, a preposition, a conjunction or punctuation.
fn is_modifier_or_noun(w: &Word) -> bool {
    !w.has(flag::PUNCT | flag::CLAUSE | flag::PREPOSITION | flag::REPORTING)
        && !w.text.starts_with(|c: char| c.is_ascii_digit())
        && !repair::is_verb(w)
        && !repair::is(w, NOT_MODIFIERS)
}

/// The words after a happening's noun that say what or whom it was about ("between Iran and
/// the EU3 on its nuclear programme"), up to punctuation, a clause word, a verb or (except
/// after "between") an "and"; none when that leaves the opening preposition alone.
fn complement<'t>(ws: &[Word<'t>], from: usize) -> Vec<Word<'t>> {
    let Some(opener) = ws.get(from).filter(|w| repair::is(w, COMPLEMENT_OPENERS)) else { return Vec::new() };
    let joins = repair::is(opener, &["between"]);
    let words: Vec<Word<'t>> = ws[from..]
        .iter()
        .take(MAX_COMPLEMENT_WORDS)
        .take_while(|w| {
            let ends = w.has(flag::PUNCT | flag::CLAUSE | flag::REPORTING) || repair::is_verb(w);
            !ends && (joins || !repair::is(w, &["and"]))
        })
        .copied()
        .collect();
    if words.len() > 1 {
        words
    } else {
        Vec::new()
    }
}
