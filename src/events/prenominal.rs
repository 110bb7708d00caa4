//! Time phrases that describe a thing rather than date a happening (issue #10 §2): in "the 2004
//! world champion Shizuka Arakawa has to wait" the year says which champion, and in "a 20th
//! century democrat" the century says what kind of democrat; neither dates what the sentence
//! tells.
//! A phrase of a month or coarser, after a determiner or a possessive and right before a noun
//! phrase that names a person by a season or a measure by its period ("the 2004 world
//! champion", "the 1987 level"), places no event; before a happening it dates it ("the 1978
//! invasion", "the late-November election"). A thing of any other kind ("Kopp's 1987
//! Chevrolet") cannot be told from a happening by words alone, so its phrase still dates.

use crate::resolve::named_events::is_event_noun;

/// Words after which a time phrase starts a noun phrase ("that 1978 resolution"): the
/// determiners an "-ed" adjective follows (`context::DETERMINERS`) and these.
const MORE_DETERMINERS: &[&str] = &["that", "my", "your", "whose"];

/// Words that follow a time phrase as its verb or its clause, not as the noun it describes
/// ("the 1990s were", "the 1990s saw").
const NOT_NOUNS: &[&str] = &[
    "and", "or", "but", "to", "of", "in", "on", "at", "for", "by", "with", "from", "as", "when", "that", "which",
    "was", "were", "is", "are", "has", "had", "have", "saw", "brought", "began", "will", "would", "could", "did",
];

/// Nouns a time phrase picks out one of, rather than dates a happening of: people by the
/// season they won or led ("the 2004 world champion", "the 2005 Ashes skipper") and measures by
/// their period ("the 1987 level", "a 1996 base of 100", "the 1967 borders").
const DESCRIBED_NOUNS: &[&str] = &[
    "champion",
    "champions",
    "winner",
    "winners",
    "medallist",
    "medallists",
    "medalist",
    "medalists",
    "skipper",
    "captain",
    "coach",
    "squad",
    "team",
    "democrat",
    "democrats",
    "bishop",
    "level",
    "levels",
    "base",
    "border",
    "borders",
    "figure",
    "figures",
    "issue",
    "model",
    "prices",
];

/// What a period yields, measured over it: a period phrase before one of them ("a
/// third-quarter net loss", "its 1988 earnings") says which figure it is; the happening the
/// sentence tells is the report of it, not the period.
const MEASURE_NOUNS: &[&str] = &[
    "loss", "losses", "profit", "profits", "earnings", "income", "results", "sales", "revenue", "revenues", "deficit",
    "surplus", "output",
];

/// Nouns of happenings, beyond the event nouns the resolver knows: a phrase before one of them
/// dates it ("the third-quarter loss", "the 2000 Olympics").
const HAPPENING_NOUNS: &[&str] = &[
    "growth",
    "slump",
    "decline",
    "rise",
    "fall",
    "drop",
    "plunge",
    "surge",
    "jump",
    "slide",
    "gain",
    "gains",
    "trip",
    "visit",
    "tour",
    "war",
    "win",
    "embargo",
    "olympics",
    "games",
    "campaign",
    "talks",
    "deal",
    "agreement",
    "treaty",
    "law",
    "elections",
    "polls",
    "poll",
    "budget",
    "performance",
    "crisis",
    "slaying",
    "massacre",
    "cup",
    "final",
    "finals",
    "championship",
    "championships",
    "tournament",
    "event",
    "debut",
    "handover",
    "transition",
    "negotiations",
    "conference",
    "congress",
    "exit",
    "independence",
    "accord",
    "accords",
    "decree",
    "expo",
];

/// Suffixes of nouns that name a happening ("assassination", "recapitalization", "bombing").
const HAPPENING_SUFFIXES: &[&str] = &["tion", "sion", "ment", "ing", "ure"];

/// At most this many words make the noun phrase a time phrase describes.
const NOUN_PHRASE_WORDS: usize = 4;

/// Whether the time phrase at bytes `start..end` of `text` describes a thing: a determiner or a
/// possessive right before it, and after it a noun phrase (no punctuation between) with a noun
/// it picks out one of (`DESCRIBED_NOUNS`) and none that names a happening.
pub fn describes_a_thing(text: &str, start: usize, end: usize) -> bool {
    let Some((introduced, words)) = noun_phrase_after(text, start, end) else { return false };
    let described = introduced && words.iter().any(|w| DESCRIBED_NOUNS.contains(&w.as_str()));
    // A hyphenated period ("third-quarter", "first-half") is always a modifier.
    let period_compound = text[start..end].contains('-') || introduced;
    described || period_compound && words.iter().any(|w| MEASURE_NOUNS.contains(&w.as_str()))
}

/// Whether the time phrase at bytes `start..end` of `text` stands before a thing it says which
/// one of: a determiner or a possessive right before it, and after it a noun phrase that names
/// no happening ("Kopp's [1987] Chevrolet Cavalier", "his [1996] book"). Words alone cannot
/// tell every thing from a happening, so this only says the phrase need not date its clause.
pub fn stands_before_a_thing(text: &str, start: usize, end: usize) -> bool {
    // "since his [2010] death", "after its [1976] exit": a preposition of time before the noun
    // phrase makes it a happening whatever its noun.
    let after_a_time_preposition = words_before(text, start).is_some_and(|before| {
        let mut words = before.split_whitespace().rev();
        words.next();
        words.next().is_some_and(|w| TIME_PREPOSITIONS.iter().any(|p| w.eq_ignore_ascii_case(p)))
    });
    !after_a_time_preposition
        && noun_phrase_after(text, start, end).is_some_and(|(introduced, words)| introduced && !words.is_empty())
}

/// Prepositions that put a clause before, after or around the noun phrase after them.
const TIME_PREPOSITIONS: &[&str] = &["since", "after", "before", "until", "till", "following", "during"];

/// Words before "due" that make it a verb's complement, not a thing's maturity ("is due",
/// "fell due"); "" is nothing before it.
const NOT_NOUNS_BEFORE_DUE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "not", "now", "also", "fell", "falls", "fall", "came", "comes",
    "come", "became", "become", "",
];

/// How many bytes before a time phrase these tests read: a clause's worth, so that text with no
/// clause stops stays linear.
const LOOK_BACK_BYTES: usize = 400;

/// The text before byte `start` of `text`, at most `LOOK_BACK_BYTES` of it.
fn words_before(text: &str, start: usize) -> Option<&str> {
    let from = super::label::floor_char_boundary(text, start.saturating_sub(LOOK_BACK_BYTES));
    text.get(from..start)
}

/// Whether the time phrase at bytes `start..end` of `text` says when a thing named before it
/// falls due, rather than dates a happening: a maturity, which names its year ("$100 million
/// of notes due Nov. 1, 2009", not "the report is due Friday" or "jobs data due later this
/// week"), or a record date ("holders of record Nov. 15").
pub fn names_a_due_date(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(phrase)) = (words_before(text, start), text.get(start..end)) else { return false };
    let mut words = before.split_whitespace().rev().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let (last, previous) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let previous_lower = previous.to_ascii_lowercase();
    // "the general election due this September" is the election's date.
    let thing = !NOT_NOUNS_BEFORE_DUE.contains(&previous_lower.as_str()) && !names_a_happening(&previous_lower);
    // A maturity names its year ("due 2009"); "data due later this week" is a release.
    let names_a_year = phrase.split(|c: char| !c.is_ascii_digit()).any(|digits| digits.len() == 4);
    let due = ["due", "maturing"].iter().any(|w| last.eq_ignore_ascii_case(w)) && thing && names_a_year;
    due || last.eq_ignore_ascii_case("record") && previous.eq_ignore_ascii_case("of")
}

/// The noun phrase right after the time phrase at bytes `start..end` (lower case; `None` when
/// punctuation follows or it names a happening), and whether a determiner or a possessive
/// stands right before the phrase.
fn noun_phrase_after(text: &str, start: usize, end: usize) -> Option<(bool, Vec<String>)> {
    let (before, after) = (words_before(text, start)?, text.get(end..)?);
    let previous = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let introduced = before.ends_with(' ')
        && (super::context::DETERMINERS.iter().chain(MORE_DETERMINERS).any(|d| d.eq_ignore_ascii_case(previous))
            || previous.ends_with("'s")
            || previous.ends_with("\u{2019}s"));
    let words = noun_phrase(after.strip_prefix(' ')?);
    (!words.iter().any(|w| names_a_happening(w))).then_some((introduced, words))
}

/// Words that set a figure against another: "net income of $5.3 million, versus $4.1 million a
/// year earlier", "a loss of $6.2 million compared with $1.2 million in 1988".
const COMPARISON_MARKERS: &[&str] = &["versus", "vs", "compared", "against", "from"];

/// How many words back from a time phrase its comparison marker may be.
const COMPARISON_REACH: usize = 12;

/// Whether the time phrase at bytes `start..end` of `text` says which period a figure it is
/// compared with belongs to: a comparison marker before it in its clause, and a number between
/// them ("compared with C$18.1 million, or 21 cents a share, a year earlier"). It dates the
/// figure, not what the sentence tells.
pub fn dates_a_compared_figure(text: &str, start: usize) -> bool {
    let Some(before) = words_before(text, start) else { return false };
    // The clause: after the last stop that ends one (not the point of "$4.1").
    let clause_start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n' || matches!(c, ';' | ':' | '.' | '!' | '?') && before[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, _)| i + 1);
    let clause = &before[clause_start..];
    // Nearest first, each with the word after it.
    let words: Vec<&str> = clause.split_whitespace().rev().take(COMPARISON_REACH + CHANGE_REACH).collect();
    let after = |k: usize| if k == 0 { "" } else { words[k - 1] };
    let mut figure_seen = false;
    for (k, raw) in words.iter().enumerate().take(COMPARISON_REACH) {
        figure_seen |= is_amount(raw, after(k));
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        if word == "to" {
            // "from 35 percent several years ago to 51 percent [this year]": where a change
            // ended dates the change.
            return false;
        }
        let comparison = COMPARISON_MARKERS.contains(&word.as_str());
        if !comparison && !CHANGE_MARKERS.contains(&word.as_str()) {
            continue;
        }
        if figure_seen && comparison {
            return true;
        }
        // "up 27.3 percent from the same period of [2005]": a change's amount right before
        // the marker, a share unless it is "than" ("$27 million from the sale", "a 3.95 ERA
        // over the past three years" are no change).
        let any_amount = word == "than";
        let change_before = (k + 1..words.len().min(k + 1 + CHANGE_REACH)).any(|j| {
            if any_amount {
                is_amount(words[j], after(j))
            } else {
                is_share(words[j], after(j))
            }
        });
        if change_before || comparison {
            return change_before;
        }
    }
    false
}

/// Words after a change's amount that introduce what it is measured against: "up 22.4 percent
/// over the same period of last year", "750,000 more than last year".
const CHANGE_MARKERS: &[&str] = &["over", "than"];

/// How many words before its marker a change's amount may be ("up 27.3 percent from").
const CHANGE_REACH: usize = 3;

/// A percentage: "8.4%", "26.8 percent", "23 per cent".
fn is_share(raw: &str, next: &str) -> bool {
    let next = next.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    is_amount(raw, &next) && (raw.contains('%') || next == "percent" || next == "per")
}

/// Words that make the number before them an amount ("17 million", "12 percent").
const AMOUNT_WORDS: &[&str] = &[
    "million", "billion", "trillion", "percent", "per", "cents", "dollars", "pounds", "euros", "yen", "francs",
    "points", "tons", "tonnes", "barrels",
];

/// A word that gives an amount, with `next` the word after it: a number with a currency or
/// percent sign, a decimal point or a thousands comma ("$4.1", "100,000", "12%"), or one
/// before an amount word ("17 million"). Counts ("another 11"), ranks ("(215)") and years
/// ("1968", "1994-1997") are not amounts.
fn is_amount(raw: &str, next: &str) -> bool {
    let core = raw.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '$' | '#' | '%'));
    if !core.chars().any(|c| c.is_ascii_digit()) || core.contains('-') || raw.starts_with('(') {
        return false;
    }
    let marked = core.contains(['$', '#', '%', '.', ',']);
    let next = next.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    marked || AMOUNT_WORDS.contains(&next.as_str())
}

/// The words, lower case, of the noun phrase `text` starts with: up to its first verb,
/// preposition or punctuation, at most `NOUN_PHRASE_WORDS` (the head is among them, and
/// perhaps a verb that does not look like one, which names no happening).
fn noun_phrase(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for raw in text.split(char::is_whitespace).take(NOUN_PHRASE_WORDS) {
        let word = raw.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
        let lower = word.to_ascii_lowercase();
        let noun_like = word.starts_with(char::is_alphabetic)
            && word.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !NOT_NOUNS.contains(&lower.as_str())
            && !(lower.ends_with("ed") && word.starts_with(char::is_lowercase));
        if !noun_like {
            break;
        }
        words.push(lower);
        if word.len() != raw.len() {
            break;
        }
    }
    words
}

fn names_a_happening(noun: &str) -> bool {
    is_listed_happening(noun) || HAPPENING_SUFFIXES.iter().any(|s| noun.ends_with(s))
}

/// Whether `noun` (lower case) is a listed happening: an event noun the resolver knows (or its
/// plural) or one of `HAPPENING_NOUNS`. Without the suffixes, so a name ("Beijing") is none.
pub(super) fn is_listed_happening(noun: &str) -> bool {
    is_event_noun(noun) || noun.strip_suffix('s').is_some_and(is_event_noun) || HAPPENING_NOUNS.contains(&noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the bracketed phrase of `marked` describes a thing.
    fn check(marked: &str) -> bool {
        with_bracketed_phrase(marked, describes_a_thing)
    }

    /// `test` on the text of `marked` and the byte range of its bracketed phrase.
    fn with_bracketed_phrase(marked: &str, test: fn(&str, usize, usize) -> bool) -> bool {
        let start = marked.find('[').unwrap_or(0);
        let end = marked.find(']').unwrap_or(0) - 1;
        test(&marked.replace(['[', ']'], ""), start, end)
    }

    #[test]
    fn a_period_after_a_determiner_stands_before_a_thing_not_a_happening() {
        let before = |marked: &str| with_bracketed_phrase(marked, stands_before_a_thing);
        assert!(before("Police found Kopp's [1987] Chevrolet Cavalier."));
        assert!(before("He cited his [1996] book."));
        assert!(!before("Crowds marked the [1976] exit."), "a happening");
        assert!(!before("Many of them led the [1992] protests."), "a happening by its suffix-less plural");
        assert!(!before("Police found [1987] papers."), "no determiner");
        assert!(!before("In the [1990s], the port grew."), "no noun after it");
        assert!(!before("Since his [2010] death the port has changed."), "after a preposition of time");
    }

    #[test]
    fn a_phrase_before_a_thing_describes_it() {
        assert!(check("She is a [20th century] democrat."));
        assert!(check("Arakawa, the [2004] world champion, has to wait."));
        assert!(check("Net was below the [1987] level."));
        assert!(check("A state based on the [1967] borders."));
        assert!(check("Savin reported a [third-quarter] net loss of $35 million."));
        assert!(check("Kellogg reported lower [third-quarter] earnings."));
        assert!(check("Its [1988] earnings fell."));
    }

    #[test]
    fn a_maturity_or_a_record_date_names_when_a_thing_falls_due() {
        let due = |marked: &str| {
            let text = marked.replace(['[', ']'], "");
            names_a_due_date(&text, marked.find('[').unwrap(), marked.find(']').unwrap() - 1)
        };
        assert!(due("It sold $100 million of senior notes due [Nov. 1, 2009]."));
        assert!(due("The dividend is payable Jan. 2 to holders of record [Dec. 15]."));
        assert!(!due("The report is due [Friday]."));
        assert!(!due("Markets await US jobs data due [later this week]."), "a release, not a maturity");
        assert!(!due("With the general election due [this September], figures came out."), "a happening's date");
        assert!(!due("The report is not due until [October]."));
        assert!(!due("The rent fell due [Monday] and was paid."), "no noun before 'due'");
    }

    #[test]
    fn a_phrase_after_a_compared_figure_dates_that_figure() {
        let compared = |marked: &str| dates_a_compared_figure(&marked.replace('[', ""), marked.find('[').unwrap());
        assert!(compared("Net was $5.3 million, versus $4.1 million [a year earlier]."));
        assert!(compared("A loss of $5.1 million compared with a loss of $6.2 million, or 12 cents, [a year ago]."));
        assert!(compared("Profit fell to $58.6 million from $186.4 million [a year ago], when demand peaked."));
        assert!(!compared("Profit fell from a record [last year]."), "no figure compared");
        assert!(!compared("Sales rose 5%. [A year earlier] they fell."), "another clause");
        assert!(!compared("It earned $2.4 million [a year earlier]."), "nothing compared");
        assert!(!compared("Support rose from 35 percent in 1990 to 51 percent [this year]."), "where a change ended");
        assert!(!compared("He lived in London from 1968, when the Soviets came, until [1989]."), "a year is no figure");
        assert!(!compared("Charges against another 11 were filed in [March 2004]."), "a count is no amount");
        assert!(compared("It hopes to make 35 million francs, against 17 million francs [last year]."));
        assert!(compared("Investment rose, up 27.3 percent from the same period of [2005]."));
        assert!(compared("The surplus was down 26.8 percent from [a year earlier] at 818 billion yen."));
        assert!(compared("Trade grew 22.4 percent over the same period of [last year]."));
        assert!(!compared("He moved from London in [2003]."), "no amount changed");
        assert!(!compared("Gains included $27 million from the sale of a unit in [August]."), "a source, no change");
        assert!(!compared("He had a 3.95 ERA over the past three years, winning in [2004]."), "no share");
        assert!(compared("This is 7,000 less than in the same period of [2004]."));
        assert!(compared("Visitors jumped from fewer than 100,000 in [1980] to 300,000."), "'than' is no marker here");
        assert!(!compared("Shares rose over [the weekend]."), "no amount changed");
    }

    #[test]
    fn a_phrase_that_dates_or_names_a_happening_is_not_a_description() {
        assert!(!check("The Communist takeover in [1948] changed everything."));
        assert!(!check("Prices rose in [1987] and fell later."));
        assert!(!check("The [1990s] saw a boom."));
        assert!(!check("The [1990s] were loud."));
        assert!(!check("Before the [1978] invasion, the town was calm."));
        assert!(!check("The talks of [1978], which failed, resumed."));
        assert!(!check("[1987] Chevrolet sales rose."));
        assert!(!check("Kopp's [1987] Chevrolet Cavalier was discovered last month."));
        assert!(!check("The [1995] rape led to a new accord."));
        assert!(!check("That [1978] resolution calls for a withdrawal."));
        assert!(!check("The ultimate goal: the [2008] Olympic Games.\n\nFans cheered."));
        assert!(!check("Portugal finished second at the [2006] World Cup in Germany."));
        assert!(!check("He is charged in the [1996] Olympic bombing that killed one person."));
        assert!(!check("Amir serves a life sentence for the [November 1995] assassination of Rabin."));
    }
}
