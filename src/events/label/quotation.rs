//! A quotation in the speaker's own voice kept word for word in its label
//! (`Felix said: “I'm humbled to be chosen”`): reported without its marks it would read as the
//! label's own voice.

use super::sentence_words::{flag, word_flags, MAX_LABEL_WORDS, MAX_WORDS_TO_REPORT};

/// Words by which a quotation speaks as its speaker or to its listener: reported without its
/// quotation marks it would read as the label's own voice ("Abe said I would like to…").
const SPEAKING_PRONOUNS: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'd", "we'll", "us", "our",
    "ours", "you", "you're", "you've", "you'd", "you'll", "your", "yours",
];

/// Words that link a quotation to what came before it, dropped from its start in a label when
/// a subject (`SUBJECTS`) follows.
const LINKS: &[&str] = &["so", "but", "and", "now", "yet", "still", "then", "also", "well", "or"];

/// Words that open a quotation's clause as its subject, after a link.
const SUBJECTS: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "there", "the", "this", "that's", "our", "my", "your", "his", "her",
    "their", "i'm", "we're", "we've", "we'll", "it's", "i've", "i'll",
];

/// Most words of a reply kept quoted for being short (`He said: “Absolutely not”`).
const MAX_SHORT_REPLY_WORDS: usize = 3;

/// Whether the quotation `words` is a reply of a few words with no verb ("Absolutely not"),
/// which reads as the label's own voice without its marks too, and `said` (the label from the
/// quotation on) says nothing more: the first part of a split quotation (`"Of course," he said,
/// "the fleet will sail"`) is no reply, nor is a name ("told \"Le Monde\"").
fn is_short_reply(words: &[&str], said: &str) -> bool {
    let capitalised = |w: &&str| w.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase);
    words.len() <= MAX_SHORT_REPLY_WORDS
        && said.split_whitespace().count() <= words.len()
        && !words.iter().all(capitalised)
        && !holds_a_verb(words)
}

/// Whether the part-of-speech model reads a verb among `words` (a quotation's): a reply holding
/// one is a clause, which reads well reported ("Prices will rise"). Without the model, yes.
fn holds_a_verb(words: &[&str]) -> bool {
    let Some(model) = crate::pos::shipped() else { return true };
    let words: Vec<&str> = words.iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    crate::pos::tag(model, &words).iter().any(|tag| tag.starts_with("VB") || *tag == "MD")
}

/// Most words of a quotation a label keeps: a label's words and a couple more, since a
/// quotation cut one word short of its end reads worse than a slightly long label.
const MAX_QUOTED_WORDS: usize = MAX_LABEL_WORDS + 2;

/// A label of a sentence with the quotation `quote` (`quotation_of`), when the quotation speaks
/// in the speaker's own voice (a `SPEAKING_PRONOUNS` word), keeps it quoted, word for word:
/// "\"I'm humbled, truly,\" Felix said" reads `Felix said: “I'm humbled, truly”`, not "Felix said
/// I'm humbled truly". Other labels are returned as they are.
pub(super) fn with_speaking_quotation_kept(label: String, quote: &str) -> String {
    speaking_quotation(&label, quote).unwrap_or(label)
}

/// `with_speaking_quotation_kept`, `None` when the label stays as it is.
pub(super) fn speaking_quotation(label: &str, quote: &str) -> Option<String> {
    speaking_quotation_kept(label, quote).map(|(kept, _)| kept)
}

/// `speaking_quotation` with how many words of `quote`, from its start, the label keeps.
pub(super) fn speaking_quotation_kept(label: &str, quote: &str) -> Option<(String, usize)> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // Written as a pronoun is ("we", "We", "I"), not as a name ("US").
    let speaking = |w: &&str| {
        let w = bare(w);
        let as_pronoun = w.chars().skip(1).all(|c| !c.is_uppercase());
        as_pronoun && SPEAKING_PRONOUNS.contains(&w.replace('\u{2019}', "'").to_lowercase().as_str())
    };
    let speaks = words.iter().any(speaking);
    if words.len() < 2 || !(speaks || words.len() <= MAX_SHORT_REPLY_WORDS) {
        return None;
    }
    // "So we can't do anything": a link to the sentence before opens no label (not "So far").
    let is_link = |w: &&str| LINKS.contains(&bare(w).to_lowercase().as_str());
    let links = words.iter().take_while(|w| is_link(w)).count();
    let subject_next = words.get(links).is_some_and(|w| SUBJECTS.contains(&bare(w).to_lowercase().as_str()));
    let links = if subject_next && words.len() >= links + 2 { links } else { 0 };
    let words = &words[links..];
    // Where what was said starts in the label: the quotation's first two words, after a word
    // (ASCII lower case keeps every byte where it was).
    let head = format!(" {} {}", bare(words[0]), bare(words[1])).to_ascii_lowercase();
    let at = label.to_ascii_lowercase().find(&head)?;
    let (speaker, said) = label.split_at(at);
    if !speaks && !is_short_reply(words, said) {
        return None;
    }
    let mut speaker = speaker.trim_end_matches([',', ':', ' ']);
    // The link dropped from the quotation goes from the speaker too ("The mayor said Now").
    while let Some((rest, last)) = speaker.rsplit_once(' ').filter(|_| links > 0) {
        if !LINKS.contains(&bare(last).to_lowercase().as_str()) {
            break;
        }
        speaker = rest.trim_end_matches([',', ':', ' ']);
    }
    // `Jumblatt said: "…," Jumblatt said`: the speaker named on both sides reads once.
    let speaker = said_once(speaker);
    // As long as the label had it (cut where the label was cut), and not much longer than a
    // label.
    let kept = if said.ends_with('\u{2026}') { said.split_whitespace().count() } else { words.len() };
    let kept = kept.min(words.len()).min(MAX_QUOTED_WORDS);
    let cut = kept < words.len();
    let mut quoted = words[..kept].join(" ");
    let end = quoted.trim_end_matches([',', ';', ':', '.', ' ']).len();
    quoted.truncate(end);
    if cut {
        quoted = quoted.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string() + "\u{2026}";
    }
    // Its first word is the quotation's, capitalised as the opening of what was said.
    let mut letters = quoted.chars();
    let quoted = match letters.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(letters).collect(),
        _ => quoted,
    };
    Some((format!("{speaker}: \u{201c}{quoted}\u{201d}"), links + kept))
}

/// `speaker` ("Jumblatt said Jumblatt said") with a repeated first half said once, whatever the
/// ASCII case of each half.
fn said_once(speaker: &str) -> &str {
    // ASCII lower case keeps every byte where it was.
    let lower = speaker.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let half = words.len() / 2;
    // A speaker and a verb of saying, twice; not a name that repeats ("Sirhan Sirhan").
    let reports = |w: &str| word_flags(w.trim_matches(|c: char| !c.is_alphanumeric())) & flag::REPORTING != 0;
    if half == 0 || !words.len().is_multiple_of(2) || words[..half] != words[half..] || !reports(words[half - 1]) {
        return speaker;
    }
    match lower.rfind(words[half..].join(" ").as_str()) {
        Some(at) if at > 0 => speaker[..at].trim_end(),
        _ => speaker,
    }
}

/// The quotation of a sentence: the one it opens with (`opening_quotation`), else the one a verb
/// of saying leads to at its end (`closing_quotation`).
pub(super) fn quotation_of(sentence: &str) -> Option<&str> {
    opening_quotation(sentence).or_else(|| closing_quotation(sentence))
}

/// The quotation a verb of saying leads to, when it runs to the end of its sentence (`Lund
/// said: "We will…`, `told reporters, “I …”.`, `said that "we want to leave…`): the words of that
/// speaker. A few quoted words in the middle of a sentence (`told journalists "we have a
/// chance" of …`) are no quotation of the sentence, nor is the end of a clause begun outside
/// the marks (`said Democrats "must do everything we can"`).
fn closing_quotation(sentence: &str) -> Option<&str> {
    let opens = |at: usize, c: char| {
        c == '\u{201c}' || (c == '"' && at > 0 && sentence[..at].ends_with(|b: char| b.is_whitespace() || b == ':'))
    };
    let (open, mark) = sentence.char_indices().find(|&(at, c)| opens(at, c))?;
    let inner = &sentence[open + mark.len_utf8()..];
    let end = inner.find(['"', '\u{201d}']).unwrap_or(inner.len());
    let after = inner[end..].trim_start_matches(['"', '\u{201d}']);
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let before = sentence[..open].trim_end();
    // `said: "I think it is still between 35 and 55," dollars a barrel`: words outside the
    // marks after a whole utterance set off by a colon or a comma leave it the speaker's words.
    let utterance = before.ends_with([':', ','])
        && inner.trim_start().starts_with(char::is_uppercase)
        && inner[..end].trim_end().ends_with([',', '.', '!', '?'])
        && !starts_a_clause(after);
    if !utterance && !after.chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
        return None;
    }
    let reported = before.split_whitespace().rev().take(4).any(|w| word_flags(&bare(w)) & flag::REPORTING != 0);
    // `said Democrats "must do …`: a quotation opening in lower case goes on with a clause begun
    // outside it, unless a colon, a comma, "that" or the verb itself leads to it.
    let led_to = before.ends_with([':', ','])
        || before.split_whitespace().next_back().is_some_and(|w| {
            let w = bare(w);
            w == "that" || word_flags(&w) & flag::REPORTING != 0
        });
    let opens_lower = inner.trim_start().starts_with(char::is_lowercase);
    (reported && (led_to || !opens_lower)).then_some(&inner[..end])
}

/// `quote` with the time phrase at its bytes `[start, end)`, and the preposition leading to it,
/// left out and marked as left out: "We will leave the port on Friday," → "We will leave the
/// port …". A label quoting the speaker is word for word but for the phrase the timeline shows.
/// `None` for a phrase that owns what follows it ("tomorrow's gathering"). With it, how many
/// words stand before the mark. A preposition that says which side of the phrase is meant
/// stays ("We will not reopen until …").
pub(super) fn quotation_with_phrase_elided(quote: &str, start: usize, end: usize) -> Option<(String, usize)> {
    let (before, after) = (quote.get(..start)?, quote.get(end..)?);
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return None;
    }
    let mut before = before.trim_end();
    if let Some((rest, last)) = before.rsplit_once(' ') {
        let sided = ["until", "since", "before", "after", "till"].contains(&last.to_lowercase().as_str());
        if word_flags(last) & flag::PREPOSITION != 0 && !sided {
            before = rest.trim_end();
        }
    }
    // "December 14-15": the rest of a range the phrase did not take goes with it.
    let after = match after.strip_prefix(['-', '\u{2013}']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            rest.trim_start_matches(|c: char| !c.is_whitespace())
        }
        _ => after,
    };
    // "(on Monday)": a bracket closing what was left out goes with it.
    let unopened = before.matches('(').count() <= before.matches(')').count();
    let after = if unopened { after.strip_prefix(')').unwrap_or(after) } else { after };
    let after = after.trim_start_matches([',', ';', ':', ' ', '.']);
    let elided = [before, ELISION, after].iter().filter(|part| !part.is_empty()).copied().collect::<Vec<_>>().join(" ");
    Some((elided, before.split_whitespace().count()))
}

/// What marks the words left out of a quotation: an ellipsis set off by spaces (a label cut
/// short ends in one joined to its last word).
pub(super) const ELISION: &str = "\u{2026}";

/// The quotation a sentence opens with, without its marks, when what follows its closing mark
/// names who said it (", Felix said", "\" said his wife"): the words of that speaker. A quotation
/// carried on from an earlier sentence has no opening mark ("… We want peace," he said): it runs
/// from the sentence's start to a closing mark that ends a word, and a verb of saying follows.
fn opening_quotation(sentence: &str) -> Option<&str> {
    let rest = without_opening_link(sentence.trim_start());
    let opened = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\u{201c}'));
    let inner = opened.unwrap_or(rest);
    let end = inner.find(['"', '\u{201c}', '\u{201d}'])?;
    let (quote, after) = (&inner[..end], &inner[end..]);
    let closes_a_word = quote.ends_with(|c: char| !c.is_whitespace()) && !after.starts_with('\u{201c}');
    if opened.is_none() && !closes_a_word {
        return None;
    }
    let after = after.trim_start_matches(['"', '\u{201d}']);
    // "…," the mayor said; "…" Burns said; "…" said his wife; "…," Ole Brun, a fisherman, said.
    let marked_as_said = quote.trim_end().ends_with([',', '?', '!']) || after.trim_start().starts_with(',');
    let said_then = reports_soon(after, false)
        || (marked_as_said && (opened.is_some() || reports_soon(after, true)))
        || (opened.is_some() && reported_after_running_on(quote, after));
    said_then.then_some(quote)
}

/// Words that link a sentence to the one before, set off before a quotation it opens with
/// (`However, "I don't have a date yet," Casey said`).
const OPENING_LINKS: &[&str] = &["however", "but", "and", "so", "still", "yet", "indeed", "meanwhile", "instead"];

/// `sentence` (trimmed) without a linking word (`OPENING_LINKS`) set before the quotation it
/// opens with; `sentence` itself otherwise.
fn without_opening_link(sentence: &str) -> &str {
    let Some((first, rest)) = sentence.split_once(char::is_whitespace) else { return sentence };
    let rest = rest.trim_start();
    let link = OPENING_LINKS.contains(&first.trim_end_matches(',').to_lowercase().as_str());
    if link && rest.starts_with(['"', '\u{201c}']) {
        rest
    } else {
        sentence
    }
}

/// Fewest words of a quotation that runs on outside its marks (`reported_after_running_on`):
/// fewer are more likely a title ("\"I Love You\" became a hit, the company said").
const MIN_RUN_ON_QUOTATION_WORDS: usize = 5;

/// Whether the quotation `quote`, opening its sentence, runs on into the words after its
/// closing mark (`after`, from a lower-case word) up to a clause of saying set off by a comma:
/// `"I do so of my own will to open the way" of the elections, he said`. Not a title: most of
/// its words are not capitalised.
fn reported_after_running_on(quote: &str, after: &str) -> bool {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let capitalised = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    let runs_on = after.trim_start().starts_with(char::is_lowercase);
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let a_report = |clause: &str| {
        let words: Vec<&str> = clause.split_whitespace().collect();
        words.len() <= MAX_WORDS_TO_REPORT && words.iter().any(|w| word_flags(&bare(w)) & flag::REPORTING != 0)
    };
    words.len() >= MIN_RUN_ON_QUOTATION_WORDS
        && capitalised * 2 <= words.len()
        && runs_on
        && !opens_with_a_verb(after)
        && after.split([',', ';']).skip(1).any(a_report)
}

/// Whether the part-of-speech model reads the first word of `after` as a finite verb: the
/// quotation before it is then the subject of a clause (`"We are the 99 percent" was painted on
/// the wall`), not words that run on (`"… the principles" governing UN missions`).
fn opens_with_a_verb(after: &str) -> bool {
    let Some(model) = crate::pos::shipped() else { return false };
    let words: Vec<&str> = crate::pos::treebank_words(after).into_iter().take(4).map(|(_, w)| w).collect();
    crate::pos::tag(model, &words).first().is_some_and(|tag| ["VBD", "VBZ", "VBP", "MD"].contains(tag))
}

/// Words opening a clause of its own after a quotation (`said: "Not now," and left`): what
/// follows them is another event, which a label of the quotation alone would drop.
const CLAUSE_OPENERS: &[&str] = &["and", "but", "then", "before", "after", "while", "so", "or", "yet", "when"];

/// Whether `after` (the words after a quotation's closing mark) opens a clause of its own: with
/// a `CLAUSE_OPENERS` word, or with more than a few words.
fn starts_a_clause(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().collect();
    let first = words.first().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    words.len() > MAX_WORDS_TO_REPORT || first.is_some_and(|w| CLAUSE_OPENERS.contains(&w.as_str()))
}

/// How far a verb of saying may follow a quotation across a speaker's apposition
/// (`…," 41-year-old Spanish tourist, Maria Carmen Sane, said`).
const MAX_WORDS_TO_REPORT_ACROSS_APPOSITION: usize = MAX_WORDS_TO_REPORT + 3;

/// Whether a verb of saying comes within `MAX_WORDS_TO_REPORT` words of `after` (the text after
/// a closing quotation mark), with no comma between, or within
/// `MAX_WORDS_TO_REPORT_ACROSS_APPOSITION` words across commas when `across_commas` (a speaker's
/// apposition): in `"I Love You" became a hit, the company said` the quoted words are a title.
fn reports_soon(after: &str, across_commas: bool) -> bool {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let after = after.trim_start().trim_start_matches(',');
    let reach = if across_commas { MAX_WORDS_TO_REPORT_ACROSS_APPOSITION } else { MAX_WORDS_TO_REPORT };
    for word in after.split_whitespace().take(reach) {
        if word_flags(&bare(word)) & flag::REPORTING != 0 {
            return true;
        }
        if !across_commas && word.ends_with([',', ';', ':']) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_named_twice_is_said_once() {
        assert_eq!(said_once("Jumblatt said Jumblatt said"), "Jumblatt said");
        assert_eq!(said_once("The mayor said the mayor said"), "The mayor said");
        assert_eq!(said_once("Sirhan Sirhan"), "Sirhan Sirhan");
        assert_eq!(said_once("Jumblatt said  Jumblatt said"), "Jumblatt said");
        assert_eq!(said_once("Jumblatt said Brun said"), "Jumblatt said Brun said");
        assert_eq!(said_once("He said he"), "He said he");
        assert_eq!(said_once(""), "");
    }

    #[test]
    fn a_linking_word_before_the_opening_mark_is_passed_over() {
        assert_eq!(without_opening_link("However, \"I know,\" he said."), "\"I know,\" he said.");
        assert_eq!(without_opening_link("But \u{201c}we won\u{201d}"), "\u{201c}we won\u{201d}");
        assert_eq!(without_opening_link("However, the port said"), "However, the port said");
        assert_eq!(without_opening_link("Brun: \"I know\""), "Brun: \"I know\"");
        assert_eq!(without_opening_link("However"), "However");
    }
}
