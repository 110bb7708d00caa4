//! Word classes of the story readers: which of the story's word lists (months, sentence starters,
//! titles, person nouns, number words, ...) a word belongs to, as bits. Each token of a sentence
//! is looked up once, when the sentence is read (`numbers::sentence_tokens`); the claim, name and
//! implied-event readers then test a bit instead of scanning a list per token. The lists
//! themselves stay where their rules are (`claims`, `names`, `numbers`, `implied`); this module
//! only indexes them.

use crate::text::word_key::{key, Shapes, WordKey, WordTable};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A set of word classes.
pub type Classes = u32;

pub const MONTH: Classes = 1;
/// Words that open sentences or clauses and are never names ("The", "Police", "However").
pub const STARTER: Classes = 1 << 1;
/// Titles before a name ("Defence Secretary", "Mr").
pub const TITLE: Classes = 1 << 2;
/// Kin before a lone first name ("his wife Melissa").
pub const RELATION: Classes = 1 << 3;
/// Places, organisations, nationalities and days: capitalised but never part of a name.
pub const NOT_NAME: Classes = 1 << 4;
pub const PERSON_NOUN: Classes = 1 << 5;
pub const GENERAL_PERSON_NOUN: Classes = 1 << 6;
pub const AUXILIARY: Classes = 1 << 7;
pub const COUNT_ADJECTIVE: Classes = 1 << 8;
/// Units and other plurals that are not counted facts ("days", "percent", "towns").
pub const NOT_COUNTED: Classes = 1 << 9;
/// Words that make the number after them a label ("Route 66").
pub const LABEL_WORD: Classes = 1 << 10;
pub const CLOCK_OR_SHARE: Classes = 1 << 11;
pub const YEAR_CONTEXT: Classes = 1 << 12;
pub const EARLIER: Classes = 1 << 13;
pub const CHANGE_VERB: Classes = 1 << 14;
/// Any word a number or a vague amount is made of ("four", "twenty", "hundred", "dozens").
pub const NUMBER_WORD: Classes = 1 << 15;
/// Any word a count can start with (a number word, "more" of "more than", "a" of "a dozen").
pub const COUNT_START: Classes = 1 << 16;
/// Any word of the count subjects' tables ("killed", "injured", "arrests", "toll" words).
pub const SUBJECT_WORD: Classes = 1 << 17;
pub const PRONOUN: Classes = 1 << 18;
pub const TENURE_VERB: Classes = 1 << 19;

/// Capitalised words that cannot be (part of) a person's name.
pub const NEVER_A_NAME: Classes = STARTER | TITLE | NOT_NAME | MONTH;

/// Every listed word with the classes of all the lists it is in.
fn entries() -> BTreeMap<&'static str, Classes> {
    let lists: [(&[&'static str], Classes); 17] = [
        (super::names::MONTHS, MONTH),
        (super::names::STARTERS, STARTER),
        (super::names::TITLES, TITLE),
        (super::names::RELATIONS, RELATION),
        (super::names::NOT_NAMES, NOT_NAME),
        (super::claims::PERSON_NOUNS, PERSON_NOUN),
        (super::claims::GENERAL_PERSON_NOUNS, GENERAL_PERSON_NOUN),
        (super::claims::AUXILIARIES, AUXILIARY),
        (super::claims::COUNT_ADJECTIVES, COUNT_ADJECTIVE),
        (super::claims::NOT_COUNTED, NOT_COUNTED),
        (super::claims::LABEL_WORDS, LABEL_WORD),
        (super::claims::CLOCK_AND_SHARE, CLOCK_OR_SHARE),
        (super::claims::YEAR_CONTEXT, YEAR_CONTEXT),
        (super::claims::EARLIER_WORDS, EARLIER),
        (super::claims::CHANGE_VERBS, CHANGE_VERB),
        (super::implied::PRONOUNS, PRONOUN),
        (super::implied::TENURE_VERBS, TENURE_VERB),
    ];
    let computed = [
        (super::numbers::number_words_listed(), NUMBER_WORD),
        (super::numbers::count_starts_listed(), COUNT_START),
        (super::claims::subject_words(), SUBJECT_WORD),
    ];
    let mut all: BTreeMap<&'static str, Classes> = BTreeMap::new();
    let listed = lists.iter().flat_map(|(words, class)| words.iter().map(move |w| (*w, *class)));
    let derived = computed.iter().flat_map(|(words, class)| words.iter().map(move |w| (*w, *class)));
    for (word, class) in listed.chain(derived) {
        *all.entry(word).or_default() |= class;
    }
    all
}

struct Lexicon {
    table: WordTable<Classes>,
    /// Listed words a key cannot hold (not ASCII, such as "fiancée" or "britain’s").
    unkeyed: Vec<(&'static str, Classes)>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let all: Vec<(&'static str, Classes)> = entries().into_iter().collect();
        let (keyed, unkeyed): (Vec<_>, Vec<_>) = all.into_iter().partition(|(w, _)| key(w.as_bytes()).is_some());
        Lexicon { table: WordTable::new(&keyed), unkeyed }
    })
}

/// The classes of a word given in lower case (none for a word in no list).
pub fn classes_of(lower: &str) -> Classes {
    classes_of_key(key(lower.as_bytes()), lower)
}

/// As `classes_of`, for a word whose key (`word_key::key`, any case) is already known.
pub fn classes_of_key(packed: Option<WordKey>, lower: &str) -> Classes {
    match packed {
        Some(k) => classes_of_packed(k),
        None => lexicon().unkeyed.iter().find(|(w, _)| *w == lower).map_or(0, |(_, c)| *c),
    }
}

/// The classes of a word by its key.
pub fn classes_of_packed(packed: WordKey) -> Classes {
    lexicon().table.get_key(packed).unwrap_or(0)
}

/// Whether a word (any case, as bytes) may make a sentence state a fact the story readers look
/// for: a number word or vague amount (`NUMBER_WORD`: counts, ages, tenures) or "anniversary". A
/// sentence without such a word and without digits states none, and its words are not classed
/// (`reading`). Most words are ruled out by their shape alone.
pub fn may_state_fact(word: &[u8]) -> bool {
    struct Gate {
        shapes: Shapes,
        words: WordTable<()>,
    }
    static GATE: OnceLock<Gate> = OnceLock::new();
    let gate = GATE.get_or_init(|| {
        let listed: Vec<&'static str> = entries()
            .into_iter()
            .filter(|(_, c)| c & NUMBER_WORD != 0)
            .map(|(w, _)| w)
            .chain(["anniversary"])
            .collect();
        Gate { shapes: Shapes::of(listed.iter().copied()), words: WordTable::set(&listed) }
    });
    gate.shapes.may_hold(word) && key(word).is_some_and(|k| gate.words.get_key(k).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_its_classes() {
        for (word, classes) in entries() {
            assert_eq!(classes_of(word), classes, "{word}");
        }
        assert_eq!(classes_of("fiancée"), RELATION);
        assert_ne!(classes_of("britain’s") & STARTER, 0);
    }

    #[test]
    fn words_in_several_lists_have_every_class() {
        assert_eq!(classes_of("police") & (STARTER | PERSON_NOUN), STARTER | PERSON_NOUN);
        assert_eq!(classes_of("march") & MONTH, MONTH);
        assert_eq!(classes_of("twenty") & (NUMBER_WORD | COUNT_START), NUMBER_WORD | COUNT_START);
        assert_eq!(classes_of("more") & (COUNT_START | GENERAL_PERSON_NOUN), COUNT_START | GENERAL_PERSON_NOUN);
    }

    #[test]
    fn fact_words_are_number_words_and_anniversary() {
        for word in ["four", "Twenty", "dozens", "hundred", "anniversary", "Anniversary"] {
            assert!(may_state_fact(word.as_bytes()), "{word}");
        }
        for word in ["the", "police", "fourth", "anniversaries", "", "a", "more"] {
            assert!(!may_state_fact(word.as_bytes()), "{word}");
        }
        for (word, classes) in entries() {
            if classes & NUMBER_WORD != 0 && key(word.as_bytes()).is_some() {
                assert!(may_state_fact(word.as_bytes()), "{word}");
            }
        }
    }

    #[test]
    fn unlisted_words_have_none() {
        for word in ["zebra", "onetwo", "", "a-very-long-unlisted-word"] {
            assert_eq!(classes_of(word), 0, "{word}");
        }
        assert_eq!(classes_of("the") & (NUMBER_WORD | COUNT_START), 0);
        assert_eq!(classes_of("people") & COUNT_START, 0);
    }
}
