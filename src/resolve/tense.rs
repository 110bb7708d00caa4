//! Tense of the clause around a mention, from the nearest verb-like signal: "will"/"’ll"/"going
//! to" say future, past forms ("said", "was", "-ed") say past, "is"/"are" present. Used to pick
//! which Friday "Friday" means relative to a publication date.

use crate::tagger::Tokens;
use crate::text::tokens::TokenKind;
use crate::text::word_key::{LowerWord, WordTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

const PAST_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "went",
    "came",
    "took",
    "made",
    "met",
    "left",
    "got",
    "gave",
    "began",
    "saw",
    "fell",
    "won",
    "lost",
    "sent",
    "held",
    "paid",
    "sold",
    "found",
    "brought",
    "thought",
    "struck",
    "fled",
    "ran",
    "rose",
    "spoke",
    "wrote",
    "became",
    "knew",
    "led",
    "shot",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "heard",
    "kept",
    "meant",
    "sat",
    "stood",
    "taught",
    "understood",
    "wore",
    "ago",
];
const PRESENT_WORDS: &[&str] = &["is", "are", "am", "has", "have", "does", "do", "says", "remains", "continues"];
const FUTURE_WORDS: &[&str] = &["will", "shall", "ll", "tomorrow", "upcoming", "would"];
/// Words that say future when "to" follows: "set to resume", "plans to", "expected to".
const FUTURE_BEFORE_TO: &[&str] =
    &["set", "due", "plans", "planning", "plan", "expected", "scheduled", "slated", "going", "intends", "hopes"];
const NOT_PAST: &[&str] = &[
    "need", "speed", "bed", "red", "hundred", "indeed", "seed", "feed", "proceed", "exceed", "succeed", "shed", "bred",
];

fn signal_table() -> &'static WordTable<Tense> {
    static TABLE: std::sync::OnceLock<WordTable<Tense>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = Vec::new();
        for (words, tense) in
            [(PRESENT_WORDS, Tense::Present), (PAST_WORDS, Tense::Past), (FUTURE_WORDS, Tense::Future)]
        {
            entries.extend(words.iter().map(|w| (*w, tense)));
        }
        WordTable::new(&entries)
    })
}

fn signal(word: &str) -> Option<Tense> {
    if word.len() > 16 || word.len() < 2 || !word.is_ascii() {
        return None;
    }
    if let Some(tense) = signal_table().get(word) {
        return Some(tense);
    }
    let w = LowerWord::new(word);
    // "-ed" says past for verbs, not for names ("United States", "Ahmed").
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    if w.as_str().len() > 4 && w.as_str().ends_with("ed") && !capitalised && !NOT_PAST.contains(&w.as_str()) {
        return Some(Tense::Past);
    }
    None
}

/// The tense signalled nearest to tokens `[first, end)` within tokens `[from, to)` (the sentence).
pub fn tense_near(tokens: &Tokens, first: usize, end: usize, from: usize, to: usize) -> Tense {
    let clause = clause_tense(tokens, first, end, from, to);
    // "as soon as Tuesday", "effective Feb. 1": the phrase names a time still to come.
    let before = |words: &[&str]| {
        first >= from + words.len() && words.iter().enumerate().all(|(k, w)| tokens.is(first - words.len() + k, w))
    };
    if before(&["as", "soon", "as"]) || FUTURE_CUES.iter().any(|w| before(&[w])) {
        return Tense::Future;
    }
    // "by February", "until Tuesday", "through January" look ahead when no verb says otherwise.
    if matches!(clause, Tense::Future | Tense::Unknown) && UNTIL_CUES.iter().any(|w| before(&[w])) {
        return Tense::Future;
    }
    clause
}

/// Words right before a date that put it ahead: "effective Feb. 1", "payable Jan. 2".
const FUTURE_CUES: &[&str] = &["effective", "payable"];
/// Words right before a date that put it ahead when the clause has no tense of its own.
const UNTIL_CUES: &[&str] = &["by", "until", "till", "through"];

/// The tense of the nearest verb-like signal on either side of tokens `[first, end)`.
fn clause_tense(tokens: &Tokens, first: usize, end: usize, from: usize, to: usize) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    for i in (from..first).rev().take(15) {
        if let Some(t) = word_signal(tokens, i) {
            best = Some((first - i, t));
            break;
        }
    }
    for i in (end..to).take(15) {
        if let Some(t) = word_signal(tokens, i) {
            let distance = i + 1 - end;
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, t));
            }
            break;
        }
    }
    best.map(|(_, t)| t).unwrap_or(Tense::Unknown)
}

/// Words that are tense-neutral between a modal and its verb ("will be named", "would not have").
const AUXILIARIES: &[&str] = &["be", "been", "have", "not", "also", "then", "soon"];

/// The word sets `word_signal` reads, made once.
struct SignalSets {
    plans: WordTable<()>,
    future: WordTable<()>,
    auxiliaries: WordTable<()>,
}

fn signal_sets() -> &'static SignalSets {
    static SETS: std::sync::OnceLock<SignalSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| SignalSets {
        plans: WordTable::set(FUTURE_BEFORE_TO),
        future: WordTable::set(FUTURE_WORDS),
        auxiliaries: WordTable::set(AUXILIARIES),
    })
}

fn word_signal(tokens: &Tokens, i: usize) -> Option<Tense> {
    let token = tokens.tokens.get(i)?;
    if token.kind != TokenKind::Word {
        return None;
    }
    // "’ll" after an apostrophe.
    let word = token.text(tokens.text);
    if word.eq_ignore_ascii_case("ll") && i > 0 && tokens.tokens[i - 1].is_punct('\'') {
        return Some(Tense::Future);
    }
    if word.eq_ignore_ascii_case("ll") {
        return None;
    }
    let sets = signal_sets();
    if sets.plans.contains(word) && tokens.is(i + 1, "to") {
        // "had been scheduled to expire Friday": a plan in the past perfect is over.
        let pluperfect = (1..=2).any(|back| i >= back && tokens.is(i - back, "had"));
        return Some(if pluperfect { Tense::Past } else { Tense::Future });
    }
    let found = signal(word)?;
    // "will be named", "would be traveling": a modal just before a participle makes it future.
    if found == Tense::Past || found == Tense::Present {
        let word_at = |j: usize| tokens.tokens.get(j).map_or("", |t| t.text(tokens.text));
        for back in 1..=3 {
            let Some(j) = i.checked_sub(back) else { break };
            if sets.future.contains(word_at(j)) {
                return Some(Tense::Future);
            }
            if !sets.auxiliaries.contains(word_at(j)) {
                break;
            }
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, phrase: &str) -> Tense {
        let tokens = Tokens::new(text);
        let start = text.find(phrase).unwrap();
        let first = tokens.tokens.iter().position(|t| t.start == start).unwrap();
        let end = tokens.tokens.iter().position(|t| t.end == start + phrase.len()).unwrap() + 1;
        tense_near(&tokens, first, end, 0, tokens.tokens.len())
    }

    #[test]
    fn reads_the_nearest_signal() {
        assert_eq!(tense_of("The minister will visit on Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The minister visited on Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("Talks are set for Friday.", "Friday"), Tense::Present);
        assert_eq!(tense_of("Friday.", "Friday"), Tense::Unknown);
        assert_eq!(tense_of("He would fly to the United States Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Trading may resume as soon as Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The fund had fallen by March.", "March"), Tense::Past);
        assert_eq!(tense_of("The offer had been due to expire Friday.", "Friday"), Tense::Past);
    }
}
