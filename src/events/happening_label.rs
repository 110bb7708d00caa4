//! The label of a date written before the happening it dates (issue #10 §2): in "Mottaki's
//! visit comes ahead of [December 21] talks between Iran and the EU3" the date is the talks',
//! not the visit's, so the label is the talks' noun phrase ("Talks between Iran and the EU3"),
//! never the clause around it, which happened at another time. Only after words that put the
//! clause before, after or around that happening ("ahead of", "after the", "since the",
//! "including the"); "in [January] elections" dates its clause too, and keeps it.

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
    let article = first.checked_sub(1).filter(|&k| repair::is(&ws[k], &["the"]));
    let lead = article.unwrap_or(first).checked_sub(1)?;
    let ahead_of = repair::is(&ws[lead], &["of"]) && lead > 0 && repair::is(&ws[lead - 1], &["ahead"]);
    if !(ahead_of || repair::is(&ws[lead], RELATING_WORDS)) {
        return None;
    }
    let noun = (last + 1..ws.len())
        .take(MAX_NOUN_PHRASE_WORDS)
        .take_while(|&k| is_modifier_or_noun(&ws[k]))
        .find(|&k| is_listed_happening(&ws[k].text.trim_end_matches(['.', ',', ';', ':']).to_ascii_lowercase()))?;
    let mut phrase: Vec<Word> = ws[last + 1..=noun].to_vec();
    phrase.extend(complement(ws, noun + 1));
    let phrase = repair::without_times(&phrase, sentence);
    let lower = phrase.first().is_some_and(|w| w.text.starts_with(|c: char| c.is_lowercase()));
    let named = tidy(&phrase);
    if named.is_empty() {
        return None;
    }
    if article.is_none() && !(lower && phrase.len() == 1) {
        return Some(named);
    }
    // "The" before the noun phrase as written: "The invasion of Iraq", "The World Cup".
    let mut chars = named.chars();
    let first_char = chars.next()?;
    let written: String = if lower { first_char.to_lowercase().chain(chars).collect() } else { named };
    Some(["The", &written].join(" "))
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
