//! Who spoke, when the sentence names the speaker beside a bare verb of saying (issue #10 §3):
//! "…, Zeljka Bajan, a housewife from Sibenik, said", "…, NA Chairman Nguyen Van An, said", or a
//! name and a relative clause opening the sentence ("Olle Berg, who toured the pier, said his
//! board wants …"). `label` builds the report's label from what these find.

use super::label::{flag, Word};
use super::repair::{is_titled_name, without_quote_marks, Sentence, MAX_TITLED_NAME_WORDS};

/// Most words the description of a speaker in apposition may take ("a 27-year-old housewife
/// from the coastal city of Sibenik").
const MAX_APPOSITION_WORDS: usize = 16;

/// Most words a speaker's name before an apposition may take.
const MAX_NAME_WORDS: usize = 6;

/// The speaker of a bare verb of saying at clause `clause`, named in the clauses before it:
/// the name right before it ("…, NA Chairman Nguyen Van An, said") or before a description of
/// it ("…, Zeljka Bajan, a housewife from Sibenik, said"). Returns the name's clause and the
/// clause where what was said ends, which leaves out a description before the name ("…," the
/// head of the mission, Franz Vranitzky, said").
pub(super) fn name_before_apposition(sentence: &Sentence, clause: usize) -> Option<(usize, usize)> {
    let previous = |c: usize| (0..c).rev().find(|&k| !sentence.clause_words(k).is_empty());
    let before = previous(clause)?;
    let name = if is_clause_a_name(sentence, before, MAX_NAME_WORDS) {
        before
    } else {
        previous(before)
            .filter(|&name| is_description(sentence, before) && is_clause_a_name(sentence, name, MAX_NAME_WORDS))?
    };
    let said_end = previous(name).filter(|&k| k > 0 && is_description(sentence, k)).unwrap_or(name);
    Some((name, said_end))
}

/// "Olle Berg, who toured the pier, said his board wants…": whether the sentence opens with a
/// name and a relative clause about it, right before clause `clause`: the name is the speaker
/// of a verb of saying there, and what follows the verb was said (never the speaker).
pub(super) fn opens_with_named_subject(sentence: &Sentence, clause: usize) -> bool {
    let nonempty: Vec<usize> = (0..clause).filter(|&k| !sentence.clause_words(k).is_empty()).collect();
    let relative = |k: usize| sentence.clause_words(k).first().is_some_and(|w| w.has(flag::RELATIVE));
    // Two words at least, unquoted: "“Officials who do this must go,” said Wu" is what was said.
    let named = |k: usize| {
        let words = sentence.clause_words(k);
        words.len() >= 2 && !words.iter().any(|w| w.text.starts_with(['"', '\u{201c}', '`']))
    };
    matches!(nonempty.as_slice(), [name, about]
        if named(*name) && is_clause_a_name(sentence, *name, MAX_TITLED_NAME_WORDS) && relative(*about))
}

/// Whether clause `k` is a name with its titles of at most `most` words, not inside brackets ("(BJP, Indian People's
/// Party)" glosses an acronym).
fn is_clause_a_name(sentence: &Sentence, k: usize, most: usize) -> bool {
    let named: Vec<Word> = sentence.clause_words(k).iter().filter_map(without_quote_marks).collect();
    let end = sentence.clause_end(k);
    let bracketed = sentence.ws[sentence.starts[k]..end.min(sentence.ws.len())].iter().any(|w| w.text == ")")
        || sentence.ws.get(end).is_some_and(|w| w.text == ")");
    (1..=most).contains(&named.len()) && is_titled_name(&named) && !bracketed
}

/// Whether clause `k` describes a name beside it: it opens in lower case, with a figure or with
/// an acronym ("a housewife from Sibenik", "41-year-old Spanish tourist", "WFP acting country
/// director") and holds no report, clause word or time phrase.
fn is_description(sentence: &Sentence, k: usize) -> bool {
    let described = sentence.clause_words(k);
    let acronym = |w: &Word| w.text.len() >= 2 && w.text.bytes().all(|b| b.is_ascii_uppercase());
    let opens = described
        .first()
        .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) || acronym(w));
    let length = super::label::outside_asides(described).filter(|w| !w.has(flag::PUNCT)).count();
    opens
        && length <= MAX_APPOSITION_WORDS
        && !described.iter().any(|w| w.has(flag::REPORTING | flag::CLAUSE) || sentence.in_time_phrase(w))
}
