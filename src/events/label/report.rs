//! Labels of reports: who said what, speaker first ("Lavrov said energy security should be
//! regulated…"), a bare verb of saying completed by what was said (the "that" clause, the words
//! before an inverted "…, said Premier Wen", the quotation after "said:"), and what was said
//! read in lower case and without the connective that linked it to the sentence before.

use super::super::repair;
use super::sentence_words::{flag, is_quote_mark, outside_asides, tidy, word_flags, Word};
use super::with_subject;

/// The last report of `sentence` with what was said, speaker first, when it has one.
pub(super) fn speaker_first(sentence: &repair::Sentence, written_lower: &dyn Fn(&str) -> bool) -> Option<String> {
    let ws = sentence.ws;
    let verb = ws.iter().rposition(|w| w.has(flag::REPORTING))?;
    let clause = sentence.clause_of(verb);
    let words = &ws[sentence.starts[clause]..sentence.clause_end(clause)];
    // "…, while a late goal replied": a report in a clause of contrast reports nothing before it.
    if words.first().is_some_and(|w| repair::is(w, &["while", "whereas"])) {
        return None;
    }
    let mut label = words.to_vec();
    if reported_that(sentence, verb).is_some() {
        // "Speaking at a school, Olmert said that ...": what follows "that" was said, and
        // "Dow Jones, which owns ..., said that ..." keeps its speaker. "said at that time
        // that ...": the adjunct goes.
        let mut reported = label.clone();
        // "told reporters that …": the one told stays.
        let kept = ws[one_told_end(sentence, verb).unwrap_or(verb)].start;
        reported.truncate(label.iter().position(|w| w.start == kept).map_or(label.len(), |k| k + 1));
        let bare = reported.len();
        with_report_completed(&mut reported, sentence);
        if reported.len() > bare {
            label = reported;
        }
        with_subject(&mut label, sentence);
    } else if let Some(speaker) = speaker_before_colon(sentence, verb) {
        // "ICI's chairman, Sir Ronald Hampel, said: ...": the speaker, then what follows.
        label = speaker;
        with_what_follows(&mut label, sentence, verb);
    } else {
        with_what_was_reported(&mut label, sentence, sentence.starts[clause]);
        if label.len() == words.len() {
            with_what_follows(&mut label, sentence, verb);
        }
    }
    repair::with_verb_after_aside(&mut label, sentence);
    // Completed (or, for an inverted report, also trimmed to its speaker): no longer its bare clause.
    let completed = label.iter().map(|w| w.start).ne(words.iter().map(|w| w.start));
    without_elliptical_opening(&mut label);
    (completed && repair::reads_as_entry(&label))
        .then(|| with_reported_opening_lowered(tidy(&label), written_lower, sentence))
}

/// Most words a speaker named before "said:" may take ("ICI's chairman, Sir Ronald Hampel").
const MAX_SPEAKER_WORDS: usize = 8;

/// Where the answer starts in a sentence that opens with the question its speaker was asked
/// ("Asked if the rebels favoured talks, he said: …", "When asked about the rate, Lund
/// replied …"): the word after the last comma before the first verb of saying that follows,
/// when the verb is within `MAX_SPEAKER_WORDS` words (commas counted) of the comma. The question is not what happened:
/// the answer is. `None` for any other sentence. `ws` are the sentence's words.
pub(super) fn answer_after_question(ws: &[Word]) -> Option<usize> {
    let first = ws.iter().position(|w| !w.has(flag::PUNCT))?;
    let asked = match ws.get(first) {
        Some(w) if repair::is(w, &["asked"]) => first,
        Some(w) if repair::is(w, &["when"]) && ws.get(first + 1).is_some_and(|w| repair::is(w, &["asked"])) => {
            first + 1
        }
        _ => return None,
    };
    let verb = asked + 1 + ws[asked + 1..].iter().position(|w| w.has(flag::REPORTING))?;
    let comma = ws[..verb].iter().rposition(|w| w.text == ",")?;
    (comma > asked && verb - comma <= MAX_SPEAKER_WORDS).then_some(comma + 1).filter(|&at| at < ws.len())
}

/// The speaker and the verb of a report that opens its sentence and ends in a colon ("ICI's
/// chairman, Sir Ronald Hampel, said: ..."), without the commas around an apposition; `None`
/// for any other shape.
fn speaker_before_colon<'t>(sentence: &repair::Sentence<'_, 't>, verb: usize) -> Option<Vec<Word<'t>>> {
    let ws = sentence.ws;
    if ws.get(verb + 1).is_none_or(|w| w.text != ":") {
        return None;
    }
    let mut speaker: Vec<Word<'t>> = ws[..verb].iter().filter(|w| !w.has(flag::PUNCT)).copied().collect();
    let named = speaker.first().is_some_and(|w| w.text.starts_with(char::is_uppercase))
        && (1..=MAX_SPEAKER_WORDS).contains(&speaker.len())
        && !speaker.iter().any(|w| w.has(flag::REPORTING) || sentence.in_time_phrase(w));
    named.then(|| {
        speaker.push(ws[verb]);
        speaker
    })
}

/// The label without a connective that opened what was reported: "However, the rescuers would
/// never give up, Madej said" reads "Madej said the rescuers would never give up", not "Madej
/// said However the rescuers …" (the link was to the sentence before, which the label lacks).
fn without_reported_connective(label: String) -> String {
    let mut at = 0;
    let mut after_report = false;
    for word in label.split(' ') {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if after_report {
            // Not "instead": "said: Instead of fishing …" needs it. Words that also open names
            // ("Still Waters") count only before a word in lower case.
            let next_lower = label[at + word.len()..].trim_start().starts_with(char::is_lowercase);
            let unambiguous = repair::CONNECTIVES.iter().any(|c| c.eq_ignore_ascii_case(bare))
                && !["instead", "still"].iter().any(|c| c.eq_ignore_ascii_case(bare));
            let ambiguous = ["still", "yet", "but"].iter().any(|c| c.eq_ignore_ascii_case(bare));
            let connective = bare.starts_with(char::is_uppercase) && (unambiguous || (ambiguous && next_lower));
            if !connective || at + word.len() >= label.len() {
                return label;
            }
            let mut out = String::with_capacity(label.len());
            out.push_str(&label[..at]);
            out.push_str(&label[at + word.len() + 1..]);
            return out;
        }
        after_report = word_flags(bare) & flag::REPORTING != 0;
        at += word.len() + 1;
    }
    label
}

/// Subordinators and the one word that makes a clause of them with its verb left out ("Where
/// appropriate, they agreed to …"): a condition on what was said, no part of its entry.
const ELLIPTICAL_CLAUSES: &[(&str, &[&str])] = &[
    ("where", &["appropriate", "possible", "necessary", "needed", "applicable", "feasible"]),
    ("wherever", &["possible", "necessary"]),
    ("when", &["appropriate", "possible", "necessary", "needed"]),
    ("whenever", &["possible", "necessary"]),
    ("if", &["necessary", "needed", "possible", "required", "appropriate", "so"]),
    ("as", &["expected", "planned", "agreed", "usual"]),
];

/// `label` without an elliptical condition (`ELLIPTICAL_CLAUSES`) opening what its verb of
/// saying reported, with the comma that ends it ("Wort said Where appropriate, they agreed" →
/// "Wort said they agreed"); "If necessary measures are not taken" has no comma there and stays.
fn without_elliptical_opening(label: &mut Vec<Word>) {
    let Some(report) = label.iter().position(|w| w.has(flag::REPORTING)) else { return };
    let at = report + 1 + label[report + 1..].iter().take_while(|w| is_quote_mark(w)).count();
    let [opener, completion, comma, ..] = &label[at.min(label.len())..] else { return };
    let elliptical = ELLIPTICAL_CLAUSES
        .iter()
        .any(|(word, completions)| repair::is(opener, &[word]) && repair::is(completion, completions));
    if elliptical && comma.text == "," {
        label.drain(at..at + 3);
    }
}

/// Words that open a sentence with a capital only because they open it: after "X said" they
/// read in lower case ("Lavrov said the talks…"). Names keep their capital ("…said Turkey is").
/// The number words (`repair::NUMBER_WORDS`) are openers too.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "there", "our",
    "their", "his", "her", "my", "your", "you", "once", "all", "what", "how", "when", "if", "no", "every", "each",
    "most", "such", "both", "none", "it's", "that's", "there's", "we're", "they're", "we've", "we'll", "in", "on",
    "at", "for", "after", "as", "but", "and", "so", "with", "without", "under", "despite", "up", "more", "about",
    "nearly", "almost", "only", "even", "just", "still", "nothing", "nobody", "everyone", "since", "while",
    "because", "although", "during", "according", "following", "regarding", "concerning", "considering",
    "including", "everything", "something", "anything", "someone", "anyone", "everybody", "somebody",
];

/// Words after a gerund that make it a name doing something instead ("said Beijing will",
/// "said Boeing has").
const AUXILIARIES_AFTER_A_NAME: &[&str] = &[
    "is", "was", "has", "had", "have", "will", "would", "could", "can", "may", "might", "must", "should", "did",
    "does", "said", "says", "and", "or", "told", "went", "won", "met", "gave", "took", "made", "led", "became", "came",
    "left",
];

/// Whether `word` (capitalised, opening what was said) reads as a gerund opening its clause
/// ("said Discussing energy security…", "said Taking the evidence…"), going by the word `next`
/// after it: an "-ing" word of more than five letters, not a pinyin name ("Beijing", "Chongqing":
/// no English verb ends in "j" or "q"), followed by a lower-case word that is no auxiliary, no
/// "-ed" verb and no "-s" verb ("Kunming hosted", "Boeing reported", "Beijing hopes" stay).
fn reads_as_gerund(word: &str, next: Option<&str>) -> bool {
    let Some(stem) = word.strip_suffix("ing").filter(|_| word.len() > 5 && word.is_ascii()) else { return false };
    let pinyin = stem.ends_with(['j', 'q']);
    let Some(next) = next.map(|n| n.trim_matches(|c: char| !c.is_alphanumeric())) else { return false };
    let lower_word = next.starts_with(|c: char| c.is_ascii_lowercase());
    let a_verb = AUXILIARIES_AFTER_A_NAME.contains(&next) || next.ends_with("ed") || next.ends_with('s');
    !pinyin && lower_word && !a_verb
}

/// Tags the part-of-speech model gives a word that only its sentence's opening capitalises:
/// common nouns, verbs, adverbs and function words. Not names, nor adjectives (a demonym:
/// "said American troops"), nor pronouns ("said I").
const COMMON_WORD_TAGS: &[&str] = &[
    "NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "RB", "RBR", "RBS", "DT", "PDT", "IN", "CC", "EX",
    "WDT", "WP", "WRB",
];

/// How many words of what was said the model reads to tag its first.
const OPENING_WORDS_READ: usize = 8;

/// Whether `word`, capitalised at the start of `said` (what was said, from that word on), reads
/// as a common word there, the quoted sentence's opening ("Exports of black pearls rose",
/// "Slowing exports … were blamed", "Perhaps it's optimistic"), by the part-of-speech model
/// reading those words as the sentence they opened, unless it learned the word alone as a name.
/// Only a word capitalised as a word is (not "AFP", not "I").
fn opens_as_a_common_word(word: &str, said: &str) -> bool {
    let title_case = word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase());
    let Some(model) = crate::pos::shipped().filter(|_| title_case) else { return false };
    let words: Vec<&str> =
        crate::pos::treebank_words(said).into_iter().take(OPENING_WORDS_READ).map(|(_, w)| w).collect();
    let tags = crate::pos::tag(model, &words);
    // A word the model learned as a name ("Italy", "Beijing") stays one, however its place
    // tags it; one it never saw alone ("exports") goes by its place.
    let learned_as_a_name = crate::pos::word_tag(model, word).is_some_and(|tag| !COMMON_WORD_TAGS.contains(&tag));
    !learned_as_a_name
        && words.first().is_some_and(|first| first.trim_start_matches(|c: char| !c.is_alphanumeric()) == word)
        && tags.first().is_some_and(|tag| COMMON_WORD_TAGS.contains(tag))
}

/// `label` with the first word of what was said in lower case, when it is a word capitalised
/// only for opening the quoted sentence ("The port authority said The harbour…" → "…said the
/// harbour…", "…told reporters in Tokyo We want…" → "…we want…"): the first such word within
/// a few words after the first verb of saying. Names keep their capital. Any other word right
/// after the verb or its addressee, with no capitalised word after it, is lowered when
/// `written_lower` says the document writes it in lower case elsewhere ("said Sometimes you" →
/// "said sometimes you"), or when the part-of-speech model reads it as a common word opening
/// what was said and nothing near the sentence writes it as a name (`opens_as_a_common_word`:
/// "said Exports of …" → "said exports of …"); "said Moscow", "told AFP King Hussein" stay.
pub(super) fn with_reported_opening_lowered(
    label: String,
    written_lower: &dyn Fn(&str) -> bool,
    sentence: &repair::Sentence,
) -> String {
    let label = without_reported_connective(label);
    let mut at = 0;
    let mut since_report: Option<usize> = None;
    let mut previous: Option<&str> = None;
    let mut words = label.split(' ').peekable();
    while let Some(word) = words.next() {
        // A capital before another is part of a name or a title ("King Hussein").
        let before_lower = words.peek().is_none_or(|next| !next.starts_with(char::is_uppercase));
        let lead = word.len() - word.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if let Some(after) = since_report.as_mut() {
            *after += 1;
            // The first word of what was said: right after the verb, or after the one told
            // ("told reporters Banks lend…"), not inside a name or after an opener ("reported
            // the Times' editor").
            let after_verb_or_one_told = *after == 1
                || (*after == 2
                    && previous.is_some_and(|p: &str| {
                        p.starts_with(|c: char| c.is_lowercase())
                            && !SENTENCE_OPENERS.iter().any(|w| w.eq_ignore_ascii_case(p))
                    }));
            if *after > 6 {
                return label;
            }
            let near = *after <= 2 && before_lower && bare.len() > 1;
            let opener = SENTENCE_OPENERS.iter().chain(repair::NUMBER_WORDS).any(|w| w.eq_ignore_ascii_case(bare))
                || (near && written_lower(&bare.to_lowercase()))
                || (*after <= 2 && reads_as_gerund(bare, words.peek().copied()))
                || (near
                    && after_verb_or_one_told
                    && sentence.never_capitalised_inside_a_sentence_near(bare)
                    && opens_as_a_common_word(bare, &label[at..]));
            if opener && bare.starts_with(|c: char| c.is_ascii_uppercase()) {
                let mut out = String::with_capacity(label.len());
                out.push_str(&label[..at + lead]);
                out.push_str(&bare[..1].to_ascii_lowercase());
                out.push_str(&label[at + lead + 1..]);
                return out;
            }
        } else if word_flags(bare) & flag::REPORTING != 0 {
            since_report = Some(0);
        }
        previous = Some(bare);
        at += word.len() + 1;
    }
    label
}

/// Whether the "that" at word `at` opens what a verb of saying before it reported, rather than a
/// relative clause: only adjuncts stand between them ("said in a report in November that",
/// "announced Friday in Washington that", "told AFP that"), not an object noun ("said the budget
/// year that ended").
pub(super) fn opens_what_was_reported(sentence: &repair::Sentence, at: usize) -> bool {
    let ws = sentence.ws;
    let from = at.saturating_sub(12);
    let Some(verb) = (from..at).rev().find(|&k| ws[k].has(flag::REPORTING)) else { return false };
    let between: Vec<&Word> = ws[verb + 1..at].iter().filter(|w| !w.has(flag::PUNCT)).collect();
    let Some(first) = between.first() else { return true };
    let told = repair::is(&ws[verb], &["told", "informed", "assured", "reminded"]);
    let adjunct = first.has(flag::PREPOSITION) || sentence.in_time_phrase(first);
    // The one told: a name, a pronoun, reporters, or a short noun phrase ("told a fellow inmate").
    let one_told = told
        && (first.text.starts_with(char::is_uppercase)
            || repair::is(first, &["reporters", "journalists", "her", "him", "them", "us", "me"])
            || (repair::is(first, &["a", "an", "the"]) && between.len() <= 4));
    !between.iter().any(|w| repair::is_verb(w) || w.has(flag::CLAUSE)) && (adjunct || one_told)
}

/// Pronouns that open a clause as its subject (written in lower case: "said He" names a man).
const SUBJECT_PRONOUNS: &[&str] = &["it", "he", "she", "they", "we", "you", "there"];
/// Finite verbs that only a clause has: a speaker named after the verb ("said a statement
/// released on Sunday", "said a woman named Fu") has participles at most.
const FINITE_VERBS: &[&str] = &[
    "was", "were", "is", "are", "would", "will", "could", "should", "can", "may", "might", "must", "had", "has", "have",
];

/// Whether the words after a verb of saying (`spoken[0]`) are what was said, not its speaker:
/// "said it was regrettable", "said the broadcast could prejudice a trial". A speaker's own
/// relative clause ("said the former hostages, whose names have not been given") is no sign.
fn opens_what_was_said(spoken: &[Word]) -> bool {
    let pronoun = spoken.get(1).is_some_and(|w| SUBJECT_PRONOUNS.contains(&w.text));
    let before_relative = spoken.iter().skip(1).take_while(|w| !w.has(flag::CLAUSE));
    pronoun || before_relative.into_iter().any(|w| FINITE_VERBS.contains(&w.text))
}

/// Prepositions that open where or when an inverted report was made ("said Layton in Toronto"),
/// not a title ("Minister for Europe", "an official of the ministry").
const OCCASION_PREPOSITIONS: &[&str] = &["in", "at", "on", "during", "after", "before", "while", "without"];

/// Most words the occasion after a verb of saying may take ("said at a briefing in Colombo").
const MAX_OCCASION_WORDS: usize = 6;

/// Nouns that name where or how something was said ("in a statement", "at a briefing").
#[rustfmt::skip]
const OCCASION_NOUNS: &[&str] = &[
    "statement", "briefing", "interview", "speech", "conference", "report", "release", "message", "letter",
    "broadcast", "radio", "meeting", "address", "session", "edition", "website", "communique",
    "remarks", "comments", "debate", "hearing", "floor", "ceremony", "rally", "summit", "forum", "mass",
    "newspaper", "editorial", "column", "post", "blog", "video", "talk", "talks", "visit", "launch", "condition",
    "sidelines", "behalf", "television", "program", "programme", "show",
];

/// Whether `words` (what follows a verb of saying) open with where, when or how it was said: a
/// preposition of occasion ("in a terse statement", "at a joint press conference", "in fluent
/// Chinese"). After "on", which also names a topic ("insisted on talks"), only a name ("on
/// France 3 television") or, within a few words, an occasion noun ("on condition of
/// anonymity") is one.
pub(super) fn is_occasion(words: &[Word]) -> bool {
    let Some((preposition, rest)) = words.split_first() else { return false };
    let named = rest.first().is_some_and(|w| w.text.starts_with(char::is_uppercase));
    let noun = rest.iter().take(MAX_OCCASION_WORDS).any(|w| repair::is(w, OCCASION_NOUNS));
    repair::is(preposition, OCCASION_PREPOSITIONS) && (!repair::is(preposition, &["on"]) || named || noun)
}

/// Whether a "that" clause follows the clause of word `at` ("said in a statement on Tuesday
/// that schools would close"): what was said comes after the report, not before it.
fn followed_by_that(sentence: &repair::Sentence, at: usize) -> bool {
    let end = sentence.clause_end(sentence.clause_of(at));
    let next = sentence.ws[end.min(sentence.ws.len())..].iter().find(|w| !w.has(flag::PUNCT));
    next.is_some_and(|w| w.has(flag::THAT))
}

/// Most words an inverted report's verb and speaker take ("said the former hostages").
const MAX_INVERTED_SPEAKER_WORDS: usize = 6;
/// Most words they take when the speaker ends in a name ("said Chinese foreign ministry
/// spokesman Shen Guofang").
const MAX_NAMED_INVERTED_SPEAKER_WORDS: usize = 9;

/// Verbs of saying that may come before their speaker ("…, said Premier Wen Jiabao").
const INVERTING_VERBS: &[&str] = &["said", "says", "added", "wrote", "declared", "asked"];

/// A report at the end of its sentence ("..., the statistics office said Thursday") gets what
/// was reported: the words before its clause. An inverted one ("said Premier Wen Jiabao here")
/// reads speaker first.
pub(super) fn with_what_was_reported<'t>(
    label: &mut Vec<Word<'t>>,
    sentence: &repair::Sentence<'_, 't>,
    clause_start: usize,
) {
    let spoken: Vec<Word<'t>> = outside_asides(label)
        .filter(|w| !w.has(flag::PUNCT) && !w.text.eq_ignore_ascii_case("here"))
        .copied()
        .collect();
    let Some(verb) = spoken.iter().position(|w| w.has(flag::REPORTING)) else { return };
    // "was announced": a passive report has no reported clause of its own, unless it is the
    // impersonal "it was reported", which reports the clause before it.
    let impersonal = verb == 2 && spoken[0].text.eq_ignore_ascii_case("it");
    let passive = verb > 0
        && !impersonal
        && ["was", "were", "been", "be", "is", "are"].iter().any(|b| spoken[verb - 1].text.eq_ignore_ascii_case(b));
    // "..., declared the mass-circulation Sun": a speaker after the verb. "said" and its like
    // take no object, so what follows is the speaker; after "reported" or "told" only a name is
    // ("reported the Thai News Agency"), not an object ("reported a sharp rise in profits").
    let named_next = spoken.get(1 + usize::from(spoken.get(1).is_some_and(|w| repair::is(w, &["the"]))));
    let names_speaker = named_next.is_some_and(|w| w.text.starts_with(char::is_uppercase));
    let inverting = repair::is(&spoken[0], INVERTING_VERBS)
        || (repair::is(&spoken[0], &["reported", "told", "announced", "claimed"]) && names_speaker);
    // "…," said Layton in Toronto in a televised speech': after a quotation, the speaker ends
    // where the place or the occasion begins.
    let after_quotation = label.iter().take_while(|w| !w.has(flag::REPORTING)).any(is_quote_mark);
    let occasion = spoken.iter().skip(1).position(|w| repair::is(w, OCCASION_PREPOSITIONS)).map(|k| k + 1);
    let speaker_end = match occasion {
        Some(end) if verb == 0 && after_quotation && end >= 2 => end,
        _ => spoken.len(),
    };
    let speaker = &spoken[..speaker_end];
    // "…, Jaipal Reddy, a spokesman, told AFP": the one told is no speaker.
    let told_one =
        verb == 0 && spoken.len() == 2 && sentence.index_of(&spoken[0]).is_some_and(|at| names_one_told(sentence, at));
    if verb == 0 && (spoken.len() == 1 || told_one) && with_named_speaker(label, sentence, clause_start) {
        return;
    }
    // A long speaker ends in a name ("said Chinese foreign ministry spokesman Shen Guofang").
    let ends_in_name = speaker.last().is_some_and(|w| w.text.starts_with(char::is_uppercase));
    let speaker_fits = speaker.len() <= MAX_INVERTED_SPEAKER_WORDS
        || (speaker.len() <= MAX_NAMED_INVERTED_SPEAKER_WORDS && ends_in_name);
    let subject_before = || {
        let at = sentence.index_of(&spoken[0]).unwrap_or(clause_start);
        super::super::named_speaker::opens_with_named_subject(sentence, sentence.clause_of(at))
    };
    let inverted =
        verb == 0 && !told_one && speaker_fits && inverting && !opens_what_was_said(&spoken) && !subject_before();
    // "…, the minister told reporters": whom the speaker told, and nothing more, follows; or
    // where or how, which is no part of the report, as after "said" ("told reporters at a
    // closing news conference", "told AFP on condition of anonymity").
    let told = verb > 0 && repair::is(&spoken[verb], &["told"]);
    let told_at_occasion = told
        && sentence.index_of(&spoken[verb]).is_some_and(|at| names_one_told(sentence, at))
        && spoken.get(verb + 2..).is_some_and(is_occasion);
    let addressed = told && ((1..=5).contains(&(spoken.len() - verb - 1)) || told_at_occasion);
    // "…," Casey said at a briefing': where or when it was said is no part of the report.
    // Not a verb in a relative clause or joined to another ("which reviewed and reported on
    // reform" reported nothing).
    let at_occasion = verb > 0
        && !spoken[verb - 1].has(flag::CLAUSE)
        && !repair::is(&spoken[verb - 1], &["and", "or"])
        && is_occasion(&spoken[verb + 1..])
        && sentence.index_of(&spoken[verb]).is_some_and(|at| !followed_by_that(sentence, at));
    let bare = !passive && (verb + 1 == spoken.len() || inverted || addressed || at_occasion);
    if !bare || clause_start == 0 {
        return;
    }
    let mut content = repair::reported_content(sentence, clause_start);
    // "He said the rebels were willing ..., Obanj said": the named speaker said it once.
    // ("She said ..., Israel radio reported" is another report, and stays.)
    let restated = content.len() > 2
        && SUBJECT_PRONOUNS.iter().any(|p| content[0].text.eq_ignore_ascii_case(p))
        && content[1].text.eq_ignore_ascii_case(spoken[verb].text.trim_end_matches('.'));
    if restated {
        let that = usize::from(content.get(2).is_some_and(|w| w.has(flag::THAT)));
        content.drain(..2 + that);
    }
    if content.len() < 3 {
        return;
    }
    let mut reported: Vec<Word<'t>> = match (verb, addressed) {
        (0, _) => speaker[1..].to_vec(),
        // The occasion is no part of the report, as after "said".
        (_, true) if told_at_occasion => spoken[..verb + 2].to_vec(),
        (_, true) => spoken.clone(),
        _ => spoken[..verb + 1].to_vec(),
    };
    // "…, a witness said.": the verb moves before what was said, without the full stop.
    if let Some(last) = reported.last_mut() {
        last.text = last.text.trim_end_matches('.');
    }
    if verb == 0 {
        reported.push(Word { text: spoken[0].text.trim_end_matches('.'), ..spoken[0] });
    }
    reported.extend(content);
    *label = reported;
}

/// A bare verb of saying after a name and its description ("…, Zeljka Bajan, a housewife from
/// Sibenik, said." or "Thomas Rehle, a health expert, said while …"): the name is the speaker
/// and what was said is the words before the name, else the clause after the verb. Whether it
/// applied. `clause_start` is where the verb's clause starts.
fn with_named_speaker<'t>(label: &mut Vec<Word<'t>>, sentence: &repair::Sentence<'_, 't>, clause_start: usize) -> bool {
    let ws = sentence.ws;
    let Some(verb) = ws[clause_start..].iter().position(|w| w.has(flag::REPORTING)).map(|k| clause_start + k) else {
        return false;
    };
    let Some((name, said_end)) =
        super::super::named_speaker::name_before_apposition(sentence, sentence.clause_of(verb))
    else {
        return false;
    };
    let speaker = sentence.clause_words(name).iter().filter_map(repair::without_quote_marks);
    // "told AFP.": the one told stays with the verb.
    let told = names_one_told(sentence, verb).then(|| ws[verb + 1]);
    let said = |w: Word<'t>| Word { text: w.text.trim_end_matches('.'), ..w };
    let last = said(told.unwrap_or(ws[verb]));
    let mut named: Vec<Word<'t>> = speaker.chain(told.map(|_| said(ws[verb]))).chain([last]).collect();
    let content = repair::reported_content(sentence, sentence.starts[said_end]);
    if content.len() >= 3 {
        named.extend(content);
    } else {
        with_what_follows(&mut named, sentence, verb);
    }
    let completed = named.last().is_some_and(|w| w.start != last.start);
    if completed {
        *label = named;
    }
    completed
}

/// A report that ends its clause before what was said ("Vranitzky said: “None of these pillars
/// can stand by themselves”", "Hirsch said, “we saw only two dogs”") gets the clause after it,
/// without its quotation marks.
fn with_what_follows<'t>(label: &mut Vec<Word<'t>>, sentence: &repair::Sentence<'_, 't>, verb: usize) {
    let ws = sentence.ws;
    let clause = sentence.clause_of(verb);
    let end = sentence.clause_end(clause);
    if end >= ws.len() || !ws[verb + 1..end].iter().all(|w| w.has(flag::PUNCT)) {
        return;
    }
    let Some(from) = ws[end..].iter().position(|w| !w.has(flag::PUNCT)).map(|k| end + k) else { return };
    let next_end = sentence.clause_end(sentence.clause_of(from));
    let said = repair::what_was_said(&ws[from..next_end], sentence);
    if said.len() >= 3 {
        label.truncate(label.iter().rposition(|w| w.start == ws[verb].start).map_or(label.len(), |k| k + 1));
        label.extend(said);
    }
}

/// A label that ends in a verb of saying, or in the one it told ("told reporters"), gets what
/// was said: the "that" clause after it ("Abubakar said that he would challenge the ruling"),
/// else, for a bare verb of saying at the end of its sentence, the words before its clause
/// (`with_what_was_reported`).
pub(super) fn with_report_completed<'t>(label: &mut Vec<Word<'t>>, sentence: &repair::Sentence<'_, 't>) {
    let Some(last) = label.iter().rev().find(|w| !w.has(flag::PUNCT)).copied() else { return };
    let ws = sentence.ws;
    let Some(at) = ws.iter().position(|w| w.start == last.start) else { return };
    // "The engineer told reporters", "told Israel radio": the one told after the verb of saying.
    let told_by = (at.saturating_sub(MAX_TOLD_WORDS)..at).rev().find(|&v| one_told_end(sentence, v) == Some(at));
    let told_one = told_by.is_some();
    if !last.has(flag::REPORTING) && !told_one {
        return;
    }
    let verb = told_by.unwrap_or(at);
    if let Some(that) = reported_that(sentence, verb) {
        let said = repair::without_times(&what_that_reported(sentence, that), sentence);
        if said.iter().filter(|w| !w.has(flag::PUNCT)).count() >= 2 {
            label.truncate(label.iter().rposition(|w| w.start == last.start).map_or(label.len(), |k| k + 1));
            label.extend(said);
        }
        return;
    }
    if let Some(said) = reported_without_that(sentence, verb) {
        label.truncate(label.iter().rposition(|w| w.start == last.start).map_or(label.len(), |k| k + 1));
        label.extend(said);
        return;
    }
    let ends_sentence = ws[at + 1..].iter().all(|w| w.has(flag::PUNCT) || sentence.in_time_phrase(w));
    if ends_sentence && !told_one {
        let clause_start = sentence.starts[sentence.clause_of(at)];
        with_what_was_reported(label, sentence, clause_start);
    }
}

/// What the verb of saying at word `verb` reported in a clause of its own with no "that", after
/// its time phrase ("said Thursday it was raising its key rate": the clause
/// `sentence_words::clause_starts` opened there), without its time phrases; `None` when no such
/// clause follows or it says less than two words.
fn reported_without_that<'t>(sentence: &repair::Sentence<'_, 't>, verb: usize) -> Option<Vec<Word<'t>>> {
    let ws = sentence.ws;
    let next = sentence.clause_end(sentence.clause_of(verb));
    let only_its_time = ws.get(verb + 1..next)?.iter().all(|w| w.has(flag::PREPOSITION) || sentence.in_time_phrase(w));
    let opens = ws.get(next).is_some_and(|w| !w.has(flag::PUNCT | flag::CLAUSE));
    if !(only_its_time && opens && next > verb + 1) {
        return None;
    }
    let said = repair::without_times(&ws[next..clause_of_three_words(sentence, next)], sentence);
    (said.iter().filter(|w| !w.has(flag::PUNCT)).count() >= 2).then_some(said)
}

/// Subordinators whose clause concedes something to what was said, or gives its time or cause
/// ("said that although more could be done, being second was a good sign"; "reported that when
/// workers demanded a meeting, they were locked in"): what was said is the clause after it.
const SETTING_ASIDE: &[&str] =
    &["although", "though", "while", "whereas", "despite", "when", "because", "since", "after", "before"];

/// Subordinators whose clause is a condition of what was said ("said that if its bid succeeded,
/// the exchange would …"): said without it, the claim would be made outright.
const CONDITIONING: &[&str] = &["if", "unless", "once"];

/// Subordinators of time that condition what was said when it is yet to come ("said that when
/// the deal is signed, sanctions will be lifted": not "said sanctions will be lifted").
const TIME_CONDITIONING: &[&str] = &["when", "after", "before"];

/// Words by which a clause tells what is yet to come or may be.
const MODALS: &[&str] = &["will", "would", "could", "can", "may", "might", "shall", "should", "must"];

/// Most words a subordinate clause opening what was said may take before its comma.
const MAX_SUBORDINATE_WORDS: usize = 30;

/// What the "that" at word `that` opens, as a label tells it: the clause after it (and after a
/// quotation mark), read past clause words that only open a phrase ("that as many as 50,000
/// refugees could …"). A subordinate clause opening it, up to the comma after its verb, is
/// dropped when it concedes or sets the scene (`SETTING_ASIDE`) and kept before the main clause
/// when it is a condition (`CONDITIONING`): "said that if its bid succeeded, the LSE would
/// continue …" is neither "said if its bid succeeded" nor "said the LSE would continue".
pub(super) fn what_that_reported<'t>(sentence: &repair::Sentence<'_, 't>, that: usize) -> Vec<Word<'t>> {
    let ws = sentence.ws;
    let from = (that + 1..ws.len()).find(|&k| !is_quote_mark(&ws[k])).unwrap_or(ws.len());
    // "even though", "even if": the subordinator is the second word.
    let opener = from + usize::from(ws.get(from).is_some_and(|w| repair::is(w, &["even"])));
    let setting_aside = ws.get(opener).is_some_and(|w| repair::is(w, SETTING_ASIDE));
    let conditioning = ws.get(opener).is_some_and(|w| repair::is(w, CONDITIONING));
    if setting_aside || conditioning {
        let comma = subordinate_clause_end(ws, opener);
        let main_from = comma.and_then(|c| (c + 1..ws.len()).find(|&k| !ws[k].has(flag::PUNCT)));
        // "that if the UIA lost, which is unlikely, he would …": an aside, not the main clause.
        if let Some(main_from) = main_from.filter(|&k| !ws[k].has(flag::CLAUSE)) {
            let main = &ws[main_from..clause_of_three_words(sentence, main_from)];
            let yet_to_come = repair::is(&ws[opener], TIME_CONDITIONING) && main.iter().any(|w| repair::is(w, MODALS));
            let mut said = if conditioning || yet_to_come { ws[from..main_from].to_vec() } else { Vec::new() };
            said.extend_from_slice(main);
            if main.iter().filter(|w| !w.has(flag::PUNCT)).count() >= 2 {
                return said;
            }
        }
    }
    // "I have always said that, but …": a "that" before a comma is the thing said, not a clause.
    if ws.get(from).is_none_or(|w| w.has(flag::PUNCT)) {
        return Vec::new();
    }
    let end = clause_of_three_words(sentence, from);
    let mut said = ws[that + 1..end].to_vec();
    // "that Meshaal, now in exile in Syria, would visit Cairo": past an aside to the verb.
    if let Some(verb) = verb_after_aside(ws, end) {
        said.extend_from_slice(&ws[verb..clause_of_three_words(sentence, verb)]);
    }
    said
}

/// Where the verb is after a short aside set off by commas that opens at the comma `comma`
/// ("Meshaal, now in exile in Syria, would visit"): the aside names no verb and no clause, and
/// a verb follows its closing comma. `None` for any other shape.
fn verb_after_aside(ws: &[Word], comma: usize) -> Option<usize> {
    if ws.get(comma)?.text != "," {
        return None;
    }
    let limit = ws.len().min(comma + 2 + MAX_APPOSITION_WORDS);
    let closing = (comma + 1..limit).find(|&j| ws[j].has(flag::PUNCT))?;
    let inner = &ws[comma + 1..closing];
    let aside = ws[closing].text == ","
        && !inner.is_empty()
        && !inner
            .iter()
            .any(|w| repair::is_verb(w) || repair::is(w, FINITE_VERBS) || w.has(flag::CLAUSE | flag::REPORTING));
    let verb = ws.get(closing + 1).filter(|w| repair::is_verb(w) || repair::is(w, FINITE_VERBS));
    (aside && verb.is_some()).then_some(closing + 1)
}

/// Where the clause holding word `from` ends, read on past clause words (not punctuation) until
/// it holds three words from `from`: "as many as 50,000 refugees could pour", "I found that he
/// can name" are one clause to a label.
fn clause_of_three_words(sentence: &repair::Sentence, from: usize) -> usize {
    let ws = sentence.ws;
    let mut end = sentence.clause_end(sentence.clause_of(from));
    let counted = |end: usize| ws[from.min(end)..end].iter().filter(|w| !w.has(flag::PUNCT)).count();
    while counted(end) < 3 && end < ws.len() && !ws[end].has(flag::PUNCT) {
        end = sentence.clause_end(sentence.clause_of(end));
    }
    end
}

/// Most words an apposition set off by commas may take ("Taufik, the fourth seed, had").
const MAX_APPOSITION_WORDS: usize = 6;

/// The comma that ends the subordinate clause its subordinator at word `opener` opens, within
/// `MAX_SUBORDINATE_WORDS` and before any verb of saying. The commas around an apposition
/// ("although Taufik, the fourth seed, had registered, he …", "although Marek, 31, had
/// trained, he …": a few words with no verb and no clause word between two commas) end it only
/// once the clause has a verb.
fn subordinate_clause_end(ws: &[Word], opener: usize) -> Option<usize> {
    let limit = ws.len().min(opener + 1 + MAX_SUBORDINATE_WORDS);
    let is_comma = |k: usize| ws[k].text == ",";
    let verb_like = |w: &Word| repair::is_verb(w) || repair::is(w, FINITE_VERBS);
    let mut verb_read = repair::is(&ws[opener], &["despite"]);
    let mut k = opener + 1;
    while k < limit && !ws[k].has(flag::REPORTING) {
        if !is_comma(k) {
            verb_read |= verb_like(&ws[k]);
            k += 1;
            continue;
        }
        let closing = (k + 1..limit.min(k + 2 + MAX_APPOSITION_WORDS)).find(|&j| ws[j].has(flag::PUNCT));
        let apposition = closing.filter(|&j| {
            let inner = &ws[k + 1..j];
            is_comma(j) && !inner.is_empty() && !inner.iter().any(|w| verb_like(w) || w.has(flag::CLAUSE))
        });
        match apposition {
            Some(j) if !verb_read => k = j + 1,
            _ => return Some(k),
        }
    }
    None
}

/// Most words an adjunct between a verb of saying and its "that" may take ("said in a
/// statement announcing the downgrades that").
const MAX_ADJUNCT_WORDS: usize = 8;

/// Nouns after which "that" points back ("at that time") rather than opens what was said.
const POINTED_NOUNS: &[&str] = &["time", "day", "year", "week", "month", "moment", "point", "stage", "meeting", "hour"];

/// The "that" opening what the verb of saying at `verb` reported: right after it (or after the
/// one told: "told reporters that"), or after an adjunct that opens with a preposition,
/// "following", a time phrase or a "that" pointing back ("said at that time that", "said that
/// day that", "told reporters following the meeting that") and holds no verb (a verb form after
/// an article is a noun: "the meeting") or punctuation. Not a "that" a verb follows: "said in a
/// statement that was posted on its website" is the statement's relative clause.
fn reported_that(sentence: &repair::Sentence, verb: usize) -> Option<usize> {
    let ws = sentence.ws;
    let pointing = |k: usize| ws.get(k + 1).is_some_and(|w| repair::is(w, POINTED_NOUNS));
    let relative = |k: usize| ws.get(k + 1).is_some_and(|w| repair::is_verb(w) || repair::is(w, FINITE_VERBS));
    let opens_what_was_said = |k: usize| ws[k].has(flag::THAT) && !pointing(k) && !relative(k);
    // "told reporters following the meeting that": the one told stands before the adjunct.
    let at = one_told_end(sentence, verb).map_or(verb + 1, |end| end + 1);
    let first = ws.get(at)?;
    if first.has(flag::THAT) && !pointing(at) {
        return opens_what_was_said(at).then_some(at);
    }
    // Not "warned of conspiracy that …": after "of" the "that" is the noun's.
    let opens_adjunct = (first.has(flag::PREPOSITION) && !repair::is(first, &["of"]))
        || first.has(flag::FOLLOWING)
        || sentence.in_time_phrase(first)
        || (first.has(flag::THAT) && pointing(at));
    if !opens_adjunct {
        return None;
    }
    // "the meeting": a verb form after an article is a noun.
    let noun = |k: usize| repair::is(&ws[k - 1], &["the", "a", "an"]);
    let adjunct_word = |k: usize| !ws[k].has(flag::PUNCT | flag::REPORTING) && (!repair::is_verb(&ws[k]) || noun(k));
    (at + 1..ws.len())
        .take(MAX_ADJUNCT_WORDS)
        .take_while(|&k| ws[k].has(flag::THAT) || adjunct_word(k))
        .find(|&k| ws[k].has(flag::THAT) && !pointing(k))
        .filter(|&k| opens_what_was_said(k))
}

/// Verbs of saying that name the one told right after them ("told reporters").
const TOLD: &[&str] = &["told", "informed", "assured", "reminded"];

/// Those news tells things to, written in lower case ("told reporters", "told parliament").
const TOLD_IN_LOWER_CASE: &[&str] =
    &["reporters", "journalists", "her", "him", "them", "us", "me", "parliament", "lawmakers", "delegates"];

/// How many words the one told may take before what was told ("told a news conference that").
const MAX_TOLD_WORDS: usize = 5;

/// The last word of the one told after the verb of saying at word `verb`: a noun phrase of up to
/// `MAX_TOLD_WORDS` words that "that" or an adjunct follows ("told Israel radio that", "told a
/// news conference on Monday that"), else the name or pronoun right after the verb
/// (`names_one_told`). `None` when the verb names no one told.
pub(super) fn one_told_end(sentence: &repair::Sentence, verb: usize) -> Option<usize> {
    let ws = sentence.ws;
    if !repair::is(&ws[verb], TOLD) {
        return None;
    }
    let after_article = |k: usize| repair::is(&ws[k - 1], &["the", "a", "an"]);
    let in_noun_phrase = |k: usize| {
        let w = &ws[k];
        !w.has(flag::PUNCT | flag::THAT | flag::PREPOSITION | flag::FOLLOWING | flag::REPORTING | flag::CLAUSE)
            && !sentence.in_time_phrase(w)
            && (!repair::is_verb(w) || after_article(k))
    };
    let phrase_end = (verb + 1..ws.len()).take(MAX_TOLD_WORDS).take_while(|&k| in_noun_phrase(k)).last();
    let ends_phrase = |w: &Word| w.has(flag::THAT | flag::PREPOSITION | flag::FOLLOWING) || sentence.in_time_phrase(w);
    match phrase_end {
        Some(end) if end > verb + 1 && ws.get(end + 1).is_some_and(ends_phrase) => Some(end),
        _ => names_one_told(sentence, verb).then_some(verb + 1),
    }
}

/// Whether the verb of saying at word `verb` is one of `TOLD` with the one told right after it:
/// a name (not a time phrase: "told Monday that"), a pronoun or one of `TOLD_IN_LOWER_CASE`.
fn names_one_told(sentence: &repair::Sentence, verb: usize) -> bool {
    let ws = sentence.ws;
    let told = |w: &Word| {
        !w.has(flag::PUNCT | flag::THAT)
            && !sentence.in_time_phrase(w)
            && (w.text.starts_with(char::is_uppercase) || repair::is(w, TOLD_IN_LOWER_CASE))
    };
    repair::is(&ws[verb], TOLD) && ws.get(verb + 1).is_some_and(told)
}
