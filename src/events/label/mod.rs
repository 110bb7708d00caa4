//! Event labels: a short timeline entry cut from the clause of an event's time phrase ("President
//! Xi Jinping sent his condolences to Queen Elizabeth II"), without the phrase (unless it is used
//! as an adjective, "an overnight rally", or is the period a verb spans, "ends the year"), and repaired when
//! the cut leaves a shape no journalist would publish: no empty label, no fragment that opens
//! with a preposition, no bare verb without its subject, no report without what was reported or
//! without its speaker, no label ending in what the cut left open ("of a"), no number cut at its
//! thousands separator. A phrase whose own clause tells nothing takes the "when" clause after it.
//! Examples: `../label.corpus`, run by `tests/label_corpus.rs`.

mod quotation;
mod report;
mod sentence_words;

use super::repair;
use quotation::{
    quotation_of, quotation_with_phrase_elided, speaking_quotation, speaking_quotation_kept,
    with_speaking_quotation_kept,
};
use report::{
    is_occasion, opens_what_was_reported, speaker_first, what_that_reported, with_report_completed,
    with_reported_opening_lowered, with_what_was_reported,
};
use sentence_words::{clause_starts, holding, joins_a_clause, whole_word_from, words};
pub(super) use sentence_words::{flag, floor_char_boundary, outside_asides, tidy, Word, MAX_LABEL_WORDS};

/// How far (bytes) from its start a sentence is read for a label that needs all of it (its main
/// clause, its quotation): run-on "sentences" (tables, scraped lists) stay cheap.
const SENTENCE_REACH: usize = 480;

/// The sentence `text[from..to]` as far as a label reads it (`SENTENCE_REACH`).
fn sentence_window(text: &str, from: usize, to: usize) -> Option<&str> {
    text.get(from..floor_char_boundary(text, to.min(from + SENTENCE_REACH)))
}

/// How far (bytes) before its phrase the words of a label are read.
const LABEL_REACH_BACK: usize = 480;

/// How far (bytes) after its phrase the words of a label are read.
const LABEL_REACH_ON: usize = 240;

/// Whether the time phrase at bytes `[start, end)` of `text` is one lower-case word used as an
/// adjective before a noun, after an article ("an overnight rally", "the future region", "the
/// current government"): a label keeps it, since leaving it out would leave "an rally".
pub(super) fn is_attributive(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(phrase), Some(after)) = (text.get(..start), text.get(start..end), text.get(end..)) else {
        return false;
    };
    let word = phrase.strip_prefix("the ").unwrap_or(phrase);
    let one_word = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase());
    let article = |w: &str| matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the");
    let after_article = phrase.starts_with("the ") || before.trim_end().rsplit(' ').next().is_some_and(article);
    let mut next_words = after.strip_prefix(' ').unwrap_or("").split(|c: char| !c.is_alphanumeric());
    let next = next_words.next().unwrap_or("");
    let lower = next.to_lowercase();
    let a_noun_next = next.starts_with(char::is_alphabetic)
        && sentence_words::word_flags(&lower) & (flag::PREPOSITION | flag::CLAUSE | flag::PUNCT) == 0
        && !matches!(lower.as_str(), "and" | "or" | "but" | "is" | "was" | "will" | "has" | "had" | "of");
    // "the winter break", but not "in the spring this year" nor "in the spring led": after a
    // noun a season reads as, the next word must be read as a noun.
    let mut noun_next = || !phrase.starts_with("the ") || tagged_as_noun(phrase, next, next_words.next().unwrap_or(""));
    one_word && !TIME_UNIT_NOUNS.contains(&word) && after_article && a_noun_next && noun_next()
}

/// Whether the part-of-speech model reads `next`, the word after the time phrase `phrase`, as a
/// noun, `then` being the word after it.
fn tagged_as_noun(phrase: &str, next: &str, then: &str) -> bool {
    let Some(model) = crate::pos::shipped() else { return true };
    let mut words: Vec<&str> = phrase.split(' ').collect();
    let at = words.len();
    words.push(next);
    if !then.is_empty() {
        words.push(then);
    }
    crate::pos::tag(model, &words).get(at).is_some_and(|tag| tag.starts_with("NN"))
}

/// The word before byte `at` of `text`, lowered.
fn word_before(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or("").trim_end();
    before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase()
}

/// Whether the word before byte `at` of `text` is a preposition ("in the past", "into the
/// future"; the word flags leave out a few that also head particles).
pub(super) fn after_preposition(text: &str, at: usize) -> bool {
    let word = word_before(text, at);
    sentence_words::word_flags(&word) & flag::PREPOSITION != 0
        || ["over", "into", "toward", "towards", "throughout", "across"].contains(&word.as_str())
}

/// Whether the phrase at bytes `[start, end)` of `text` is the period a verb spans, its object
/// ("ended the year", "dominated the first half"): one opening with "the" after a `SPAN_VERBS` word.
pub(super) fn is_spanned_period(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end).is_some_and(|p| p.starts_with("the "))
        && SPAN_VERBS.contains(&word_before(text, start).as_str())
}

/// Verbs whose object may be the period they span (`is_spanned_period`).
const SPAN_VERBS: &[&str] = &[
    "end",
    "ends",
    "ended",
    "ending",
    "finish",
    "finishes",
    "finished",
    "start",
    "starts",
    "started",
    "begin",
    "begins",
    "began",
    "open",
    "opens",
    "opened",
    "close",
    "closes",
    "closed",
    "spend",
    "spends",
    "spent",
    "dominate",
    "dominates",
    "dominated",
    "see",
    "saw",
];

/// Time words that are nouns with their article ("the year", "the week"): after one, the next
/// word starts something else ("during the year data was collected"). The part-of-speech model
/// cannot tell these from the adjectives: it reads "overnight" and "future" as nouns too.
const TIME_UNIT_NOUNS: &[&str] =
    &["year", "month", "week", "day", "time", "decade", "century", "season", "weekend", "quarter", "night"];

/// A timeline label for the time phrase at bytes `[start, end)` of the sentence `[from, to)`.
/// `mentions` are the sentence's time phrases as byte spans, in text order, each with whether it
/// places something on the calendar (a date or time, dropped from the label wherever it stands;
/// a duration such as "a three-day visit" stays).
pub(super) fn label_for(
    text: &str,
    from: usize,
    to: usize,
    start: usize,
    end: usize,
    mentions: &[(usize, usize, bool)],
) -> String {
    // A phrase in the answer to a question the sentence opens with dates the answer.
    let from = answer_start(text, from, to).filter(|&answer| start >= answer).unwrap_or(from);
    let label = clause_label_for(text, from, to, start, end, mentions);
    let Some(sentence) = sentence_window(text, from, to) else { return label };
    let Some(quote) = quotation_of(sentence) else { return label };
    let quote_start = from + (quote.as_ptr() as usize - sentence.as_ptr() as usize);
    let quote_end = quote_start + quote.len();
    let outside = |(s, e): (usize, usize)| s >= quote_end || e <= quote_start;
    // A phrase of the speaker's clause ("…," Abe said on Tuesday; Abe said on Tuesday: "…")
    // dates the saying: a quotation in the speaker's voice stays quoted.
    if outside((start, end)) {
        if let Some(kept) = speaking_quotation(&label, quote) {
            return kept;
        }
        // The label is the quotation itself, in the timeline's own voice ("Our group benefited
        // …," said Grubel, commenting on the third-quarter results): its speaker says it.
        if speaking_quotation(&[" ", &label].concat(), quote).is_some() {
            return said_by_speaker(text, from, to, mentions, quote).unwrap_or(label);
        }
        return label;
    }
    // A phrase inside the quotation dates what was said: in the speaker's voice, it is quoted
    // with the phrase left out ("We will leave the port on Friday," the captain said → `The
    // captain said: “We will leave the port …”`), else its clause is the label. Only while the
    // label reaches the phrase: cut short before it, the quotation would tell another event.
    if start >= quote_start && end <= quote_end {
        let Some((elided, before_elision)) =
            quotation_with_phrase_elided(quote, start - quote_start, end - quote_start)
        else {
            return label;
        };
        // Who said it, as the label of the saying reads it (dated by its own phrase or not).
        // Only a phrase of the answer: one in the question opening the sentence lies before
        // `from` (regression: reading from there panicked on a long question).
        let spoken = match mentions.iter().find(|m| m.0 >= from && outside((m.0, m.1)) && m.2) {
            Some(&(said_start, said_end, _)) => Some(clause_label_for(text, from, to, said_start, said_end, mentions)),
            None => speaker_first_label(text, from, to, mentions),
        };
        let kept = spoken.and_then(|spoken| speaking_quotation_kept(&spoken, &elided));
        if let Some((kept, _)) = kept.filter(|&(_, words)| words > before_elision) {
            return kept;
        }
    }
    label
}

/// `label_for` before a quotation in the speaker's voice is put back in its marks.
fn clause_label_for(
    text: &str,
    from: usize,
    to: usize,
    start: usize,
    end: usize,
    mentions: &[(usize, usize, bool)],
) -> String {
    // A label never needs more than a few clauses around its phrase; run-on "sentences" (tables,
    // scraped lists) stay cheap. Before the phrase the window reaches further: a report at the
    // end of a long sentence ("…, The Washington Post reported Friday") needs its subject.
    let from = whole_word_from(text, floor_char_boundary(text, from.max(start.saturating_sub(LABEL_REACH_BACK))));
    let to = floor_char_boundary(text, to.min(end + LABEL_REACH_ON));
    let ws = words(text, from, to);
    // A mention that opens with a clause word ("that evening") does not start a new clause.
    let inside = |at: usize| holding(mentions, at).is_some();
    let dated = |at: usize| holding(mentions, at).is_some_and(|m| m.2);
    let starts = clause_starts(&ws, inside);
    let clause_of = |i: usize| starts.iter().rposition(|&s| s <= i).unwrap_or(0);
    let Some(first) = ws.iter().position(|w| w.end > start) else {
        return tidy(&ws);
    };
    let last = ws.iter().rposition(|w| w.start < end).unwrap_or(first);
    let clause = clause_of(first);
    let clause_start = starts[clause];
    let clause_end = starts.get(clause + 1).copied().unwrap_or(ws.len());

    let near = Some(text_near(text, from, to));
    let sentence = repair::Sentence { ws: &ws, starts: &starts, inside: &inside, dated: &dated, near };
    // "Wednesday’s terror attack in London": the possessor's noun phrase is the event.
    let possessive = ws.get(last).is_some_and(|w| w.end < end || w.text.ends_with("’s") || w.text.ends_with("'s"));
    if possessive {
        if let Some(label) = possessive_label(&sentence, clause, first, last) {
            return label;
        }
    }
    // "ahead of [December 21] talks between Iran and the EU3": the talks, not the clause.
    if let Some(label) = super::happening_label::happening_label(&sentence, first, last)
        .or_else(|| super::happening_label::scheduled_happening_label(&sentence, first))
    {
        return label;
    }
    // "shares rose on the wings of an [overnight] rally": a phrase used as an adjective stays in
    // its own label too ("an rally" was the label of the rally's own event); so does a period a
    // verb spans ("Congress ends [the year] divided").
    let before_end = if is_spanned_period(text, start, end) || is_attributive(text, start, end) {
        last + 1
    } else {
        lead_start(&ws, clause_start, clause_end, first, last)
    };
    let before = &ws[clause_start..before_end];
    let mention_ends_in_signal = ws[last].has(flag::SIGNAL | flag::FOLLOWING);
    let signal_follows = ws.get(last + 1).is_some_and(|w| w.has(flag::SIGNAL));
    // "Founded in [1989], APEC is …", "Accused of abuses during his [1973-1990] regime,
    // Pinochet was …": an opening participle's clause is what its date says of the subject of
    // the clause after it.
    if clause == 0 {
        if let Some(label) = opening_participle_label(&ws, &starts, clause_end, &inside, &dated) {
            return label;
        }
    }
    let mut label: Vec<Word> = before.to_vec();
    // Whether the label is already the clause after the phrase's own.
    let mut took_next_clause = false;
    if !(mention_ends_in_signal || signal_follows) {
        label.extend_from_slice(&ws[(last + 1).min(clause_end)..clause_end]);
    } else if before.len() < 2 && clause + 1 < starts.len() {
        // "The morning after the fire, relatives gathered": what follows the named event's
        // clause is what happened.
        let next_end = starts.get(clause + 2).copied().unwrap_or(ws.len());
        label = ws[clause_end..next_end].to_vec();
        took_next_clause = true;
    }
    // A phrase whose own clause tells nothing ("In contrast to Thursday, when ...").
    if !label.iter().any(repair::is_verb) {
        if let Some(then) = when_clause_after(&ws, &starts, last) {
            label = then.to_vec();
        } else if let Some(described) =
            clause_before_appositive(&ws, &starts, clause).filter(|_| before.iter().all(|w| w.has(flag::PUNCT)))
        {
            // "The ferry reached Bergen, Norway's second city, on [October 22] after a delay":
            // a phrase opening the clause after an appositive dates the clause it describes.
            label = described.iter().chain(&label).copied().collect();
        } else if let Some(name) = name_before_apposition(&ws, &starts, clause, &label) {
            // "Ford, a Republican president from [August 1974] to January 1977 who …": the
            // apposition says who the name was then ("Ford was a Republican president"; a label
            // holds no commas).
            let was = Word { text: "was", flags: sentence_words::word_flags("was"), ..name[name.len() - 1] };
            let described = label.iter().skip_while(|w| w.has(flag::PUNCT));
            label = name[..name.len() - 1].iter().copied().chain([was]).chain(described.copied()).collect();
        } else if is_apposition(&sentence, clause) && ws.get(last + 1).is_some_and(is_gerund) {
            // "The militias rammed a convoy in Kandahar, the former stronghold of the Taliban
            // [Wednesday morning] killing four": a phrase in a verbless apposition, before the
            // participle that goes on the clause it hangs on, dates that clause, which the
            // sentence's main clause tells.
            if let Some(main) = repaired_main_clause(&sentence) {
                return main;
            }
        }
    }
    with_antecedent(&mut label, &sentence, clause_start);
    let completes = completed_by_next_clause(&mut label, &sentence, clause, took_next_clause);
    let mut label = repair::without_times(&label, &sentence);
    if completes {
        // The clause that completed the label may be a bare report itself ("…, on Saturday, a
        // witness said"; "Saturday, Abubakar said that …").
        with_report_completed(&mut label, &sentence);
    } else {
        with_what_was_reported(&mut label, &sentence, clause_start);
    }
    with_subject(&mut label, &sentence);
    repair::with_verb_after_aside(&mut label, &sentence);
    let label = repair::with_possessor(
        repair::without_leading_preposition(repair::without_subordinator(
            repair::without_reduced_relative(label),
            &sentence,
        )),
        &sentence,
    );
    if repair::reads_as_entry(&label) {
        return with_reported_opening_lowered(tidy(&label), &|_| false, &sentence);
    }
    if let Some(main) = repaired_main_clause(&sentence) {
        return main;
    }
    // Never an empty label: what the sentence holds, else a placeholder that says so.
    [tidy(&label), tidy(&ws)].into_iter().find(|l| !l.is_empty()).unwrap_or_else(|| "(unnamed)".to_string())
}

/// Whether the clause `[from, to)` opens with a participle of saying ("adding", "saying").
fn next_is_participle_of_saying(sentence: &repair::Sentence, from: usize, to: usize) -> bool {
    let opener = sentence.ws[from.min(to)..to].iter().find(|w| !w.has(flag::PUNCT));
    opener.is_some_and(|w| is_gerund(w) && repair::is(w, &["adding", "saying", "noting", "stressing", "explaining"]))
}

/// An "-ing" form written in lower case ("killing").
fn is_gerund(w: &Word) -> bool {
    w.text.len() > 4 && w.text.ends_with("ing") && w.text.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether `clause` is a noun phrase set off after the clause before it ("…, the former
/// stronghold of the Taliban …"), opened by an article.
fn is_apposition(sentence: &repair::Sentence, clause: usize) -> bool {
    let opener = sentence.clause_words(clause).iter().find(|w| !w.has(flag::PUNCT));
    clause > 0 && sentence.set_off(clause) && opener.is_some_and(|w| repair::is(w, &["the", "a", "an"]))
}

/// Where the words that lead to the phrase at words `first..=last` begin, within its clause
/// `[clause_start, clause_end)`: "Earlier on [Tuesday]" takes its preposition and "earlier".
fn lead_start(ws: &[Word], clause_start: usize, clause_end: usize, first: usize, last: usize) -> usize {
    let mut before_end = first;
    // "cut over [the next decade]": "over" before a span is its preposition ("took over on
    // Monday" keeps it).
    if before_end > clause_start && repair::is(&ws[before_end - 1], &["over"]) && repair::is(&ws[first], &["the"]) {
        before_end -= 1;
    }
    // ", back in [1996], he was offered": "back" set off before the phrase goes with it too
    // ("switched back on [Tuesday]" is the verb's).
    let set_off = |k: usize| k == clause_start || ws[k - 1].has(flag::PUNCT) || ws[k - 1].text.ends_with(',');
    // "trounced his party in [January] elections": a preposition before a phrase that describes
    // the noun after it stays with that noun.
    // Not when the preposition opens the clause: "In [August] pilots called off a strike".
    let describes_next = first > clause_start + 1
        && repair::is_described_noun(
            ws.get(first - 2),
            ws.get(first - 1),
            ws.get(last + 1).filter(|_| last + 1 < clause_end),
        );
    while before_end > clause_start
        && !describes_next
        && (ws[before_end - 1].has(flag::PREPOSITION)
            || repair::is(&ws[before_end - 1], &["earlier", "later"])
            || (repair::is(&ws[before_end - 1], &["back"]) && set_off(before_end - 1)))
    {
        before_end -= 1;
    }
    // "a notice dated [June 13]": a participle that only gave the date goes with it.
    if before_end > clause_start && repair::is(&ws[before_end - 1], repair::DATING_PARTICIPLES) {
        before_end -= 1;
    }
    before_end
}

/// Completes a label that says too little, or only who reported, with the clause after its own
/// `clause` ("Fallon said on Thursday morning that ..." → what was said); returns whether it
/// did. `took_next_clause`: the label already is that clause.
fn completed_by_next_clause<'t>(
    label: &mut Vec<Word<'t>>,
    sentence: &repair::Sentence<'_, 't>,
    clause: usize,
    took_next_clause: bool,
) -> bool {
    let (ws, starts) = (sentence.ws, sentence.starts);
    let clause_start = starts[clause];
    let clause_end = starts.get(clause + 1).copied().unwrap_or(ws.len());
    // "Fallon said on Thursday morning that ...": complete a bare report with what was said.
    // "The ministry said in a statement that …": a report made at an occasion is bare too.
    let report_at = label.iter().rposition(|w| w.has(flag::REPORTING));
    let at_occasion = report_at.is_some_and(|at| {
        let after: Vec<Word> = label[at + 1..].iter().filter(|w| !w.has(flag::PUNCT)).copied().collect();
        is_occasion(&after) && ws.get(clause_end).is_some_and(|w| w.has(flag::THAT))
    });
    // "Berg told Marrowby radio on Tuesday that …": the one told ends the report.
    let told_end = report_at.filter(|_| ws.get(clause_end).is_some_and(|w| w.has(flag::THAT))).and_then(|at| {
        let end = report::one_told_end(sentence, sentence.index_of(&label[at])?)?;
        (label.last()?.start == ws[end].start).then_some(label.len() - 1)
    });
    let ends_in_report = label.last().is_some_and(|w| w.has(flag::REPORTING)) || at_occasion || told_end.is_some();
    // A participle after a comma ("The release, slated for June 24, was announced") is its own
    // short entry: the next clause is what its noun did, another event.
    let appositive_participle = clause_start > 0
        && ws[clause_start].has(flag::PUNCT)
        && (label
            .iter()
            .find(|w| !w.has(flag::PUNCT))
            .is_some_and(|w| repair::is_participle(w) && !w.has(flag::REPORTING))
            || repair::describes_the_opening_subject(sentence, clause));
    // A clause joined by "and" with a subject of its own is another event, never the rest of
    // this one.
    let next_is_own_clause = clause_end < ws.len() && joins_a_clause(ws, clause_start, clause_end);
    // A phrase that leaves nothing of its own clause ("BEIJING, Nov. 11 (Xinhua) --") is not
    // completed by a subordinate clause after it ("After it was delayed, ..."): the main clause
    // tells more.
    let nothing_left = label.iter().all(|w| w.has(flag::PUNCT));
    let next_is_subordinate = ws[clause_end.min(ws.len())..]
        .iter()
        .find(|w| !w.has(flag::PUNCT))
        .is_some_and(|w| w.has(flag::CLAUSE) && !w.has(flag::THAT));
    let next_end = starts.get(clause + 2).copied().unwrap_or(ws.len());
    // A short label is not lengthened by a clause with a time phrase of its own: that clause is
    // another event ("We reopened on Friday, and customers came back the following Monday").
    let next_is_dated = ws[clause_end.min(next_end)..next_end].iter().any(|w| sentence.in_date(w));
    let says_little = label.iter().filter(|w| !w.has(flag::PUNCT)).count() < 3 && !next_is_dated;
    // "Gunmen ambushed a patrol near Fallujah, on [Tuesday], killing two soldiers": a phrase
    // set off before a participle's clause dates the clause the participle goes on, not the
    // participle alone.
    let next_is_participle = ws[clause_end.min(next_end)..next_end]
        .iter()
        .find(|w| !w.has(flag::PUNCT))
        .is_some_and(|w| is_gerund(w) && !w.has(flag::REPORTING));
    // "…, the committee said [Thursday], adding that …": a report is not completed by the
    // participle of another report; what it reported comes before it.
    let next_is_another_report = ends_in_report && next_is_participle_of_saying(sentence, clause_end, next_end);
    let completes = (ends_in_report || says_little)
        && !(nothing_left && next_is_participle && clause > 0)
        && !next_is_another_report
        && clause + 1 < starts.len()
        && !took_next_clause
        && !appositive_participle
        && !next_is_own_clause
        && !(nothing_left && next_is_subordinate);
    if completes {
        // A quotation after `said:` is part of the colon's clause (quotation marks part none).
        // "said on Friday that if …, …": what the "that" reported, read as a report reads it.
        let said = ends_in_report && ws[clause_end].has(flag::THAT);
        let reported = if said { what_that_reported(sentence, clause_end) } else { Vec::new() };
        if reported.iter().filter(|w| !w.has(flag::PUNCT)).count() >= 2 {
            // Where or how it was said is no part of the entry; whom it was told is.
            label.truncate(told_end.or(report_at).map_or(label.len(), |at| at + 1));
            label.extend(reported);
        } else {
            label.extend(ws[clause_end..next_end].iter().filter(|w| !w.has(flag::THAT)));
        }
        // "…in the river town, on Saturday, a witness said": a phrase set off between what was
        // said and who said it dates what was said.
        let report_ends_sentence = next_end == ws.len()
            && ws[clause_end..next_end]
                .iter()
                .rev()
                .find(|w| !w.has(flag::PUNCT))
                .is_some_and(|w| w.has(flag::REPORTING));
        let said_before = repair::reported_content(sentence, clause_start);
        if nothing_left && report_ends_sentence && said_before.len() >= 3 {
            *label = said_before;
        }
    }
    completes
}

/// The label of a possessive date at words `first..=last` of `clause`: in an opening phrase, the
/// clause after it ("In Tuesday's telephone interview with Xinhua, Zhu said …" → "Zhu said …");
/// else what it owns ("Wednesday’s terror attack in London"; a lone noun reads "The draw", "The
/// G8" keeps its capitals). `None` when it owns nothing.
fn possessive_label(sentence: &repair::Sentence, clause: usize, first: usize, last: usize) -> Option<String> {
    let (ws, starts) = (sentence.ws, sentence.starts);
    let clause_start = starts[clause];
    let clause_end = starts.get(clause + 1).copied().unwrap_or(ws.len());
    let in_opening_phrase = clause == 0
        && first > clause_start
        && ws[clause_start..first].iter().all(|w| w.has(flag::PREPOSITION | flag::PUNCT));
    if in_opening_phrase {
        if let Some(main) = clause_after_opening_phrase(ws, starts, clause) {
            return Some(with_reported_opening_lowered(
                tidy(&repair::without_times(&main, sentence)),
                &|_| false,
                sentence,
            ));
        }
    }
    let owned = ws.get(last + 1..clause_end).filter(|owned| !owned.is_empty())?;
    let mut nouns = owned.iter().filter(|w| !w.has(flag::PUNCT));
    Some(match (nouns.next(), nouns.next()) {
        (Some(noun), None) if noun.text.starts_with(|c: char| c.is_lowercase()) => {
            ["The", &tidy(owned).to_lowercase()].join(" ")
        }
        (Some(_), None) => ["The", &tidy(owned)].join(" "),
        // "[Tuesday's] move may have been motivated": the possessive was the noun's article.
        _ if owned
            .first()
            .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_lowercase()) && !repair::is_verb(w)) =>
        {
            let rest = tidy(owned);
            let mut chars = rest.chars();
            let lowered: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
            ["The", &lowered].join(" ")
        }
        _ => tidy(owned),
    })
}

/// The clause after the opening phrase `ws[starts[clause]..starts[clause + 1]]`, without its
/// time phrases, when it has a subject and a verb and reads as an entry ("…, Zhu said she felt
/// relaxed").
fn clause_after_opening_phrase<'t>(ws: &[Word<'t>], starts: &[usize], clause: usize) -> Option<Vec<Word<'t>>> {
    let from = *starts.get(clause + 1)?;
    let to = starts.get(clause + 2).copied().unwrap_or(ws.len());
    let main = ws.get(from..to)?;
    let opener = main.iter().find(|w| !w.has(flag::PUNCT))?;
    let opens_a_clause = !opener.has(flag::CLAUSE | flag::PREPOSITION) && !repair::is_verb(opener);
    // "\"In tonight's final I will try …,\" she said": a bare report is no clause of its own.
    let bare_report = main.iter().rev().find(|w| !w.has(flag::PUNCT)).is_some_and(|w| w.has(flag::REPORTING));
    let reads = opens_a_clause && !bare_report && main.iter().any(repair::is_verb);
    (reads && repair::reads_as_entry(main)).then(|| main.to_vec())
}

/// The label of a sentence's opening participle clause `ws[..clause_end]` ("Founded in 1989",
/// "Accused of fraud during his 1973-1990 regime") when the clause after it has a subject:
/// "APEC was founded", "Pinochet was accused of fraud during his regime". `None` for any other
/// shape.
fn opening_participle_label(
    ws: &[Word],
    starts: &[usize],
    clause_end: usize,
    inside: &dyn Fn(usize) -> bool,
    dated: &dyn Fn(usize) -> bool,
) -> Option<String> {
    // Capitalised for opening the sentence, so read by its ending.
    let first = ws.first()?;
    if !((first.text.len() > 4 && first.text.ends_with("ed")) || repair::is(first, &["born"])) {
        return None;
    }
    let sentence = repair::Sentence { ws, starts, inside, dated, near: None };
    let clause = repair::without_times(&ws[..clause_end], &sentence);
    let (participle, rest) = clause.split_first()?;
    let mut subject = repair::next_clause_subject(&sentence, 0);
    // "Pinochet never finished": an adverb before the verb is not the subject's.
    while subject.last().is_some_and(|w| {
        repair::is(w, &["never", "also", "still", "already", "then", "now", "later", "first", "once", "again"])
            || (w.text.ends_with("ly") && w.text.starts_with(|c: char| c.is_lowercase()))
    }) {
        subject.pop();
    }
    if participle.start != first.start || subject.is_empty() || rest.iter().any(repair::is_verb) {
        return None;
    }
    // The participle is passive ("Founded in 1989" is APEC's founding): "was", or "were" after
    // a plural subject, and no capital once it no longer opens the sentence.
    let plural = subject.last().is_some_and(|w| {
        repair::is(w, &["they", "we"])
            || (w.text.starts_with(|c: char| c.is_lowercase()) && w.text.ends_with('s') && !w.text.ends_with("ss"))
    });
    let verb = [if plural { " were " } else { " was " }, &participle.text.to_lowercase()].concat();
    let mut label = subject;
    label.push(*participle);
    label.extend_from_slice(rest);
    Some(tidy(&label).replacen(&[" ", participle.text].concat(), &verb, 1))
}

/// Most words an appositive may take ("Norway's second city") for `clause_before_appositive`.
const MAX_APPOSITIVE_WORDS: usize = 6;

/// The clause two before `clause` when the one between is an appositive (a short noun phrase
/// set off by commas, no verb) and it has a verb of its own: the clause the appositive describes
/// the last noun of, and what the phrase after the appositive dates.
fn clause_before_appositive<'a, 't>(ws: &'a [Word<'t>], starts: &[usize], clause: usize) -> Option<&'a [Word<'t>]> {
    let described = clause.checked_sub(2)?;
    let appositive = &ws[starts[clause - 1]..starts[clause]];
    let words: Vec<&Word> = appositive.iter().filter(|w| !w.has(flag::PUNCT)).collect();
    let set_off = appositive.first().is_some_and(|w| w.text == ",") && ws[starts[clause]].text == ",";
    // A noun phrase opens with a determiner, a possessive or a name ("Norway's second city",
    // "a former chief of staff", "Viktor Yushchenko"); not "or 0.49 percent", "under the rules".
    let opens_noun_phrase = words.first().is_some_and(|w| {
        repair::is(w, repair::DETERMINERS) || w.text.ends_with("'s") || w.text.ends_with("’s") || repair::is_name(w)
    });
    let short_noun_phrase = opens_noun_phrase
        && (1..=MAX_APPOSITIVE_WORDS).contains(&words.len())
        && !words.iter().any(|w| repair::is_verb(w) || w.has(flag::CLAUSE | flag::PREPOSITION));
    let main = &ws[starts[described]..starts[clause - 1]];
    // A clause of its own: not a relative or subordinate one, nor a participle's ("…, held in
    // Durban, South Africa, in July").
    let main_clause = main
        .iter()
        .find(|w| !w.has(flag::PUNCT))
        .is_some_and(|w| !w.has(flag::CLAUSE) && !repair::is_participle(w) && !repair::is_verb(w));
    (set_off && short_noun_phrase && main_clause && main.iter().any(repair::is_verb)).then_some(main)
}

/// Most words of a name opening a sentence that `name_before_apposition` takes.
const MAX_NAME_WORDS: usize = 4;

/// The name opening the sentence, with its comma, when `label`, from `clause` (the second), is an apposition to
/// it: a noun phrase with an article and no verb, set off by a comma ("Ford, a Republican
/// president from August 1974 …"). Alone, "A Republican president" names no one. Never empty.
fn name_before_apposition<'a, 't>(
    ws: &'a [Word<'t>],
    starts: &[usize],
    clause: usize,
    label: &[Word],
) -> Option<&'a [Word<'t>]> {
    // The name with the comma that sets the apposition off.
    let name = ws.get(..=*starts.get(1)?).filter(|_| clause == 1)?;
    let set_off = name.last().is_some_and(|w| w.text == ",");
    let words = name.iter().filter(|w| !w.has(flag::PUNCT));
    let a_name = (1..=MAX_NAME_WORDS).contains(&words.clone().count()) && words.clone().all(repair::is_name);
    let article = label.iter().find(|w| !w.has(flag::PUNCT)).is_some_and(|w| repair::is(w, &["a", "an", "the"]));
    (set_off && a_name && article).then_some(name)
}

/// The clause a "when" right after the phrase ending at word `last` opens, without the "when":
/// "In contrast to Thursday, when 133 people were arrested, protesters were calm Friday" —
/// what happened on Thursday is the arrests (asked only when the phrase's own clause has no
/// verb). `None` unless only punctuation stands between the phrase and the "when", and the
/// clause has at least three words.
fn when_clause_after<'a, 't>(ws: &'a [Word<'t>], starts: &[usize], last: usize) -> Option<&'a [Word<'t>]> {
    let at = (last + 1..ws.len()).find(|&i| !ws[i].has(flag::PUNCT))?;
    if !ws[at].text.eq_ignore_ascii_case("when") {
        return None;
    }
    let clause = starts.iter().rposition(|&s| s <= at)?;
    let end = starts.get(clause + 1).copied().unwrap_or(ws.len());
    let words = &ws[at + 1..end];
    (words.iter().filter(|w| !w.has(flag::PUNCT)).count() >= 3).then_some(words)
}

/// A label for a whole sentence that has no time phrase of its own (a context-placed event):
/// its main clause, repaired like any label, never empty. `mentions` as in `label_for`. A
/// quotation in the speaker's own voice is said by its speaker, quoted ("We have lost
/// everything," the farmer said → `The farmer said: “We have lost everything”`), never told in
/// the timeline's own voice.
pub(super) fn sentence_label(text: &str, from: usize, to: usize, mentions: &[(usize, usize, bool)]) -> String {
    let from = answer_start(text, from, to).unwrap_or(from);
    let quote = sentence_window(text, from, to).and_then(quotation_of);
    quote
        .and_then(|quote| said_by_speaker(text, from, to, mentions, quote))
        .unwrap_or_else(|| read_sentence(text, from, to, mentions, main_clause_label))
}

/// The sentence's report, speaker first (`speaker_first`), when it has one.
fn speaker_first_label(text: &str, from: usize, to: usize, mentions: &[(usize, usize, bool)]) -> Option<String> {
    let from = answer_start(text, from, to).unwrap_or(from);
    read_sentence(text, from, to, mentions, |sentence| speaker_first(sentence, &|_| false))
}

/// The sentence's `quote`, in the speaker's own voice, said by its speaker: `The farmer said:
/// “We have lost everything”`. `None` when the quotation is not in that voice or the sentence
/// names no speaker.
fn said_by_speaker(
    text: &str,
    from: usize,
    to: usize,
    mentions: &[(usize, usize, bool)],
    quote: &str,
) -> Option<String> {
    speaker_first_label(text, from, to, mentions).and_then(|spoken| speaking_quotation(&spoken, quote))
}

/// The words of the sentence `text[from..to]` (its first `SENTENCE_REACH` bytes at most), with its clauses
/// and time phrases (`mentions` as in `label_for`), handed to `label`.
fn read_sentence<'t, R>(
    text: &'t str,
    from: usize,
    to: usize,
    mentions: &[(usize, usize, bool)],
    label: impl FnOnce(&repair::Sentence<'_, 't>) -> R,
) -> R {
    let from = floor_char_boundary(text, from);
    let to = floor_char_boundary(text, to.min(from + SENTENCE_REACH));
    let ws = words(text, from, to);
    let inside = |at: usize| holding(mentions, at).is_some();
    let dated = |at: usize| holding(mentions, at).is_some_and(|m| m.2);
    let starts = clause_starts(&ws, inside);
    let near = Some(text_near(text, from, to));
    label(&repair::Sentence { ws: &ws, starts: &starts, inside: &inside, dated: &dated, near })
}

/// Where the answer starts (a byte offset) in the sentence `[from, to)` when it opens with the
/// question its speaker was asked (`report::answer_after_question`).
fn answer_start(text: &str, from: usize, to: usize) -> Option<usize> {
    let from = floor_char_boundary(text, from);
    // Asked of every label: the sentence is split into words only when it can open so.
    let opening = text.get(from..)?.trim_start_matches(|c: char| !c.is_alphanumeric());
    let opens_so = |prefix: &str| opening.get(..prefix.len()).is_some_and(|o| o.eq_ignore_ascii_case(prefix));
    if !(opens_so("asked") || opens_so("when asked")) {
        return None;
    }
    let ws = words(text, from, floor_char_boundary(text, to.min(from + SENTENCE_REACH)));
    report::answer_after_question(&ws).map(|at| ws[at].start)
}

/// How far around a sentence its document is read for the case of a word (`text_near`): names
/// recur within a few paragraphs, and the bound keeps a label's cost independent of the
/// document's length.
const NAME_REACH: usize = 4_096;

/// The document's text within `NAME_REACH` bytes of the sentence `[from, to)`.
fn text_near(text: &str, from: usize, to: usize) -> &str {
    let start = floor_char_boundary(text, from.saturating_sub(NAME_REACH));
    let end = floor_char_boundary(text, to.saturating_add(NAME_REACH).min(text.len()));
    &text[start..end]
}

/// A sentence's main clause, repaired like any label, never empty.
fn main_clause_label(sentence: &repair::Sentence) -> String {
    repaired_main_clause(sentence)
        .or_else(|| Some(tidy(sentence.ws)).filter(|l| !l.is_empty()))
        .unwrap_or_else(|| "(unnamed)".to_string())
}

/// The sentence's main clause, repaired like any label (regression: a label cut down to no
/// entry fell back to the bare main clause, so "The border crossing, which was the main exit,
/// was totally closed before dawn Friday" read "Was totally closed"); `None` when even that
/// reads as no entry.
fn repaired_main_clause(sentence: &repair::Sentence) -> Option<String> {
    let mut label = repair::main_clause(sentence);
    // "Nine fishermen were injured …, police said": a bare report gets what it reported.
    with_report_completed(&mut label, sentence);
    with_subject(&mut label, sentence);
    repair::with_verb_after_aside(&mut label, sentence);
    let label = repair::with_possessor(
        repair::without_leading_preposition(repair::without_subordinator(
            repair::without_reduced_relative(label),
            sentence,
        )),
        sentence,
    );
    repair::reads_as_entry(&label).then(|| with_reported_opening_lowered(tidy(&label), &|_| false, sentence))
}

/// The label of a statement dated by its publication date (`context::as_statement`): who said
/// what. A report at the end of its sentence ("Energy security should be regulated by long-term
/// agreements, Lavrov said") reads speaker first ("Lavrov said energy security should be
/// regulated…"): without its speaker the label would assert what the text only reports. Other
/// shapes are labelled as any sentence is. `mentions` as in `label_for`; `written_lower` says
/// whether the document writes a word (given in lower case) in lower case somewhere, so that
/// the word opening what was said is lowered ("Drogba said sometimes you have…").
pub(super) fn statement_label(
    text: &str,
    from: usize,
    to: usize,
    mentions: &[(usize, usize, bool)],
    written_lower: &dyn Fn(&str) -> bool,
) -> String {
    let from = answer_start(text, from, to).unwrap_or(from);
    let label = read_sentence(text, from, to, mentions, |sentence| {
        speaker_first(sentence, written_lower).unwrap_or_else(|| main_clause_label(sentence))
    });
    match sentence_window(text, from, to).and_then(quotation_of) {
        Some(quote) => with_speaking_quotation_kept(label, quote),
        None => label,
    }
}

/// The label of a report whose own clause has no time phrase while what it reports has one:
/// "Boeing announced that it had begun the project two years ago" → "Boeing announced that it
/// had begun the project" (the phrase dates the beginning, not the announcement). `None` for
/// any other shape. `mentions` as in `label_for`.
pub(super) fn undated_report_label(
    text: &str,
    from: usize,
    to: usize,
    mentions: &[(usize, usize, bool)],
) -> Option<String> {
    let from = floor_char_boundary(text, from);
    let to = floor_char_boundary(text, to.min(from + SENTENCE_REACH));
    let ws = words(text, from, to);
    let inside = |at: usize| holding(mentions, at).is_some();
    let dated = |at: usize| holding(mentions, at).is_some_and(|m| m.2);
    let verb = ws.iter().position(|w| w.has(flag::REPORTING))?;
    let subject = &ws[..verb];
    let named = subject.first().is_some_and(|w| w.text.starts_with(char::is_uppercase))
        && (1..=5).contains(&subject.len())
        && !subject.iter().any(|w| w.has(flag::PUNCT | flag::CLAUSE));
    let reports_a_clause = ws.get(verb + 1).is_some_and(|w| w.has(flag::THAT));
    if !(named && reports_a_clause) {
        return None;
    }
    let undated_report = !ws[..=verb + 1].iter().any(|w| inside(w.start));
    let dated_content = ws[verb + 1..].iter().any(|w| dated(w.start));
    if !(undated_report && dated_content) {
        return None;
    }
    let starts = clause_starts(&ws, inside);
    let near = Some(text_near(text, from, to));
    let sentence = repair::Sentence { ws: &ws, starts: &starts, inside: &inside, dated: &dated, near };
    Some(tidy(&repair::without_times(&ws, &sentence)))
}

/// A relative clause takes its antecedent. A restrictive one keeps its "that" ("The London
/// Attack that claimed several dozen individuals": dropping it makes a claim the text does not
/// make); after a comma ("Israel, which ended its occupation") the clause asserts what it says
/// and reads without "which".
fn with_antecedent<'t>(label: &mut Vec<Word<'t>>, sentence: &repair::Sentence<'_, 't>, clause_start: usize) {
    let Some(relative) = label.first().filter(|w| w.has(flag::RELATIVE)) else { return };
    let ws = sentence.ws;
    let at =
        ws[clause_start..].iter().position(|w| w.start == relative.start).map_or(clause_start, |k| clause_start + k);
    // "The office said in a report in November that by 2005 ...": after a report, "that" opens
    // what was said, not a relative clause about "a report"; the label is what was said. When
    // that opens with a possessive ("reported that its index was flat"), the report stays, to
    // say whose.
    let after_report = opens_what_was_reported(sentence, at);
    let possessive_next = label.get(1).is_some_and(|w| repair::is(w, &["its", "their", "his", "her"]));
    if after_report && relative.text.eq_ignore_ascii_case("that") && !possessive_next {
        label.remove(0);
        return;
    }
    let antecedent = repair::antecedent(sentence, at);
    if antecedent.is_empty() {
        return;
    }
    // Restrictive when the antecedent stands right before it, with no comma between.
    let restrictive = at > 0 && antecedent.last().is_some_and(|w| w.start == ws[at - 1].start);
    let mut with = antecedent;
    with.extend(label.iter().skip(usize::from(!restrictive)));
    *label = with;
}

/// A label opening with a verb whose subject the cut left behind ("refused to step down") takes
/// the subject of the sentence ("Yadav refused to step down"); one opening with a reporting
/// participle after a comma takes its speaker and the past form ("he said, adding that …" →
/// "He added …", `repair::reporting_participle`).
fn with_subject<'t>(label: &mut Vec<Word<'t>>, sentence: &repair::Sentence<'_, 't>) {
    let Some(opening) = repair::opening(label).copied() else { return };
    // "…, he said, adding that the port would reopen" → "he added the port would reopen".
    let ws = sentence.ws;
    let at = ws.iter().position(|w| w.start == opening.start).unwrap_or(0);
    if let Some((speaker, past)) =
        repair::reporting_participle(sentence, at).filter(|_| ws.get(at).is_some_and(|w| w.start == opening.start))
    {
        let reported = Word { text: past, flags: flag::REPORTING, ..opening };
        let rest = label.iter().skip_while(|w| w.start <= opening.start).skip_while(|w| w.has(flag::THAT));
        *label = speaker.into_iter().chain([reported]).chain(rest.copied()).collect();
        return;
    }
    if with_date_as_subject(label, sentence) {
        return;
    }
    if with_participle_as_past(label, sentence, &opening, at) {
        return;
    }
    // "Following are the results from …": a header's inverted verb goes; what follows is the entry.
    let inverted_header = at == 1 && repair::is(&ws[0], &["following"]) && repair::is(&opening, &["is", "are"]);
    if inverted_header && ws.get(at).is_some_and(|w| w.start == opening.start) {
        label.retain(|w| w.start != opening.start);
        return;
    }
    // "Boeing announced that it had begun the project": the pronoun is the reporter. "he" and
    // "she" only when the reporter is a name ("Layton said on Monday that he would consider").
    if ["he", "she"].iter().any(|p| opening.text.eq_ignore_ascii_case(p)) {
        let subject = repair::reporting_subject(sentence, opening.start);
        if !subject.is_empty() {
            *label =
                subject.into_iter().chain(label.iter().skip_while(|w| w.start <= opening.start).copied()).collect();
        }
        return;
    }
    if ["it", "they"].iter().any(|p| opening.text.eq_ignore_ascii_case(p)) {
        let mut subject = repair::reporting_subject(sentence, opening.start);
        if subject.is_empty() {
            subject = repair::previous_clause_subject(sentence, &opening);
        }
        if !subject.is_empty() {
            let mut with = subject;
            with.extend(label.iter().skip_while(|w| w.start <= opening.start));
            *label = with;
        }
        return;
    }
    // "…, also closed the quay": a verb after an adverb is finite, no participle.
    let from_opening = label.iter().position(|w| w.start == opening.start).map_or(&label[..0], |k| &label[k..]);
    let adverb_led = repair::opens_with_adverb_before_verb(from_opening);
    if !(adverb_led || repair::is_verb(&opening) || repair::is_participle(&opening)) {
        return;
    }
    // A participle right after a comma describes what comes before it: "the alarm log,
    // stamped 13/06/2023" is the log's stamp, not the subject's.
    let after_aside = at >= 2 && repair::is_aside(sentence, at - 2);
    let participle =
        !adverb_led && at > 0 && ws[at - 1].has(flag::PUNCT) && repair::is_participle(&opening) && !after_aside;
    let reported = repair::reported_subject_before(sentence, at);
    if !reported.is_empty() && ws.get(at).is_some_and(|w| w.start == opening.start) {
        let mut with = reported;
        with.extend(label.iter().skip_while(|w| w.start < opening.start));
        *label = with;
        return;
    }
    // "officials, who optimistically began": the relative's antecedent.
    let after_relative = adverb_led && at > 0 && ws[at - 1].has(flag::RELATIVE);
    let subject = if participle {
        repair::antecedent(sentence, at)
    } else if after_relative {
        repair::antecedent(sentence, at - 1)
    } else {
        repair::sentence_subject(sentence)
    };
    // A subject cut to its article ("The left, …, also reached", read with "left" as its verb)
    // names no one.
    let names_someone = subject.iter().any(|w| !w.has(flag::PUNCT) && !repair::is(w, &["the", "a", "an"]));
    if names_someone && subject.last().is_some_and(|w| w.start < opening.start) {
        let mut with = subject;
        with.extend(label.iter().skip_while(|w| w.start < opening.start));
        *label = with;
    }
}

/// "He last competed in Bangkok, [winning] his 11th title on October 2", "EU ministers,
/// [meeting] in Brussels on Tuesday, failed …", "… after [being] convicted in May 2005": a label
/// opening with a participle the main clause's subject did, after a comma or a time
/// subordinator, reads as that subject's past ("He won his 11th title"; "being" becomes "was").
/// Only for the participles of `repair::PARTICIPLE_PASTS`, and when the sentence has a subject.
/// Whether it applied. `at` is the index of `opening` in the sentence.
fn with_participle_as_past<'t>(
    label: &mut Vec<Word<'t>>,
    sentence: &repair::Sentence<'_, 't>,
    opening: &Word<'t>,
    at: usize,
) -> bool {
    let ws = sentence.ws;
    let Some(past) = repair::past_of_participle(opening) else { return false };
    if !opening.text.starts_with(|c: char| c.is_ascii_lowercase())
        || ws.get(at).is_none_or(|w| w.start != opening.start)
    {
        return false;
    }
    let led =
        at > 0 && (ws[at - 1].text == "," || repair::is(&ws[at - 1], &["after", "before", "since", "while", "upon"]));
    // The label opens with it, and it heads no subject of its own ("the opening will be open").
    let opens_label = label.iter().find(|w| !w.has(flag::PUNCT)).is_some_and(|w| w.start == opening.start);
    let auxiliary = repair::is(opening, &["being", "having"]);
    let a_subject_itself = !auxiliary && ws.get(at + 1).is_some_and(repair::is_verb);
    let subject = repair::sentence_subject(sentence);
    let before = subject.last().is_some_and(|w| w.start < opening.start);
    // A subject is a noun phrase: no verb ("I am proud of …") and no condition ("If the motion
    // passes").
    let noun_phrase = !subject.iter().any(|w| repair::is_verb(w) || w.has(flag::CLAUSE))
        && subject.first().is_some_and(|w| !repair::is(w, &["if", "unless", "when", "once", "because"]));
    // A speaker's own voice ("I am proud of the role …, beginning with") is a quotation's.
    let first_person = subject.iter().any(|w| repair::is(w, &["i", "we", "am"]));
    let rest: Vec<Word<'t>> = label.iter().skip_while(|w| w.start <= opening.start).copied().collect();
    let tells_what = rest.iter().any(|w| !w.has(flag::PUNCT | flag::PREPOSITION) && !sentence.in_time_phrase(w));
    if !led || !opens_label || a_subject_itself || !before || !noun_phrase || first_person || !tells_what {
        return false;
    }
    let past = Word { text: past, flags: 0, ..*opening };
    *label = subject.into_iter().chain([past]).chain(rest).collect();
    true
}

/// "Nov. 7 was a major holiday": a label whose first verb (after nothing but the preposition of
/// a time phrase cut from it) has a date for its subject takes the date back. Whether it did.
fn with_date_as_subject<'t>(label: &mut Vec<Word<'t>>, sentence: &repair::Sentence<'_, 't>) -> bool {
    // "Before [1991]": the word that led to a cut phrase.
    let led_to_a_date = |w: &Word| {
        w.has(flag::PREPOSITION | flag::CLAUSE)
            && sentence
                .index_of(w)
                .and_then(|i| sentence.ws.get(i + 1))
                .is_some_and(|next| sentence.in_time_phrase(next))
    };
    let Some(verb) = label.iter().find(|w| !w.has(flag::PUNCT) && !led_to_a_date(w)).copied() else { return false };
    let at = sentence.index_of(&verb);
    let Some(date) = at.filter(|_| repair::is_verb(&verb)).and_then(|at| date_as_subject(sentence, at)) else {
        return false;
    };
    let mut with = date.to_vec();
    with.extend(label.iter().skip_while(|w| w.start < verb.start));
    *label = with;
    true
}

/// The date that is the subject of the verb at word `at`: a time phrase that opens its clause
/// and stands right before the verb ("Before 1991, Nov. 7 was a major holiday", "Friday is
/// marked as Army Day"). Cutting it left the verb without a subject ("Was a major holiday").
fn date_as_subject<'a, 't>(sentence: &repair::Sentence<'a, 't>, at: usize) -> Option<&'a [Word<'t>]> {
    let ws = sentence.ws;
    let last = at.checked_sub(1)?;
    if !sentence.in_time_phrase(&ws[last]) || ws[last].has(flag::PUNCT) {
        return None;
    }
    let first = (0..=last).rev().take_while(|&k| sentence.in_time_phrase(&ws[k]) && !ws[k].has(flag::PUNCT)).last()?;
    let clause = sentence.clause_of(first);
    let opens_clause = sentence.clause_words(clause).first().is_some_and(|w| w.start == ws[first].start);
    // Only clauses that set the scene may come before it: "Brandt, a veteran negotiator,
    // Monday refused" has its subject already.
    let no_subject_before = (0..clause).all(|c| {
        sentence.clause_words(c).first().is_none_or(|w| {
            w.has(flag::PREPOSITION | flag::CLAUSE | flag::SIGNAL | flag::LEADING_NOISE) || sentence.in_time_phrase(w)
        })
    });
    (opens_clause && no_subject_before).then_some(&ws[first..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(sentence: &str, phrase: &str) -> String {
        let start = sentence.find(phrase).unwrap();
        label_for(sentence, 0, sentence.len(), start, start + phrase.len(), &[(start, start + phrase.len(), true)])
    }

    /// Regression: a long question opening the sentence, dated in itself, with a dated phrase in
    /// the answer's quotation: the speaker's label was read from a window that ended before it
    /// began (a subtraction overflow in `words`).
    #[test]
    fn a_dated_question_before_a_dated_quoted_answer_is_labelled() {
        let s = "Asked whether the quay, shut by the port authority on Monday after months of complaints from \
                 the fishermen, the ferry operators, the shipping agents, the local traders and the residents \
                 of the old town about the broken cranes, the flooded sheds, the cracked breakwater and the \
                 missing lights along the eastern moorings, would reopen, the harbour master said: \"We will \
                 reopen it on Friday.\"";
        let span = |phrase: &str| {
            let start = s.find(phrase).unwrap();
            (start, start + phrase.len(), true)
        };
        let (monday, friday) = (span("on Monday"), span("on Friday"));
        let label = label_for(s, 0, s.len(), friday.0, friday.1, &[monday, friday]);
        assert_eq!(label, "The harbour master said: “We will reopen it …”");
        assert!(words(s, 40, 10).is_empty(), "a window that ends before it begins holds no words");
    }

    /// Regression: a statement's label stopped at the subject of what was said when an aside cut
    /// it from its verb ("Police said the ferry"), and kept a connective that opened what was
    /// said ("The coastguard said However the divers …").
    #[test]
    fn a_statement_keeps_the_verb_after_an_aside_and_drops_a_connective() {
        let statement = |s: &str| statement_label(s, 0, s.len(), &[], &|_| false);
        let s = "Police said the ferry, built to carry 300 people, carried 700 passengers.";
        assert_eq!(statement(s), "Police said the ferry carried 700 passengers");
        let s = "Rescuers said the dog, which had been trapped for days, was found alive.";
        assert_eq!(statement(s), "Rescuers said the dog was found alive");
        let s = "However, the divers would keep searching through the night, the coastguard said.";
        assert_eq!(statement(s), "The coastguard said the divers would keep searching through the night");
        // A list of the reporter's own deeds is no aside.
        let s = "The ministry reported 2,000 new cases, opened 12 clinics and hired 300 nurses.";
        assert!(!statement(s).contains("cases opened"), "{}", statement(s));
    }

    /// Regression: a report whose speaker was named with a description, or with a long title,
    /// read "Said Marta Lind a ferry pilot from Visby" or "Said his union wants…"; one with an
    /// adjunct before its "that" stopped at the adjunct ("The pilot said at that time").
    #[test]
    fn a_statement_names_its_speaker_and_what_was_said() {
        let statement = |s: &str| statement_label(s, 0, s.len(), &[], &|_| false);
        let expected = [
            (
                "\"The harbour ice is thinner than any year I remember,\" Marta Lind, a ferry pilot from Visby, said.",
                "Marta Lind said: \u{201c}The harbour ice is thinner than any year I remember\u{201d}",
            ),
            (
                "\"The pier will need new piles,\" the chief engineer of the harbour board, Olle Berg, said.",
                "Olle Berg said the pier will need new piles",
            ),
            (
                "The pier will need new piles, Harbour Board Chairman Olle Berg, said.",
                "Harbour Board Chairman Olle Berg said the pier will need new piles",
            ),
            (
                "Olle Berg, an engineer with the board, said while the pier holds, the ramp must be rebuilt.",
                "Olle Berg said while the pier holds",
            ),
            (
                "Deputy Mayor and Harbour Board Chairman Olle Berg, who toured the pier with inspectors, said his board wants new piles.",
                "Deputy Mayor and Harbour Board Chairman Olle Berg said his board wants new piles",
            ),
            (
                "\"The ramp must be rebuilt before the winter ferries start,\" said Swedish harbour board chief engineer Olle Berg.",
                "Swedish harbour board chief engineer Olle Berg said the ramp must be rebuilt before…",
            ),
            (
                "\"Officials who do this must go,\" said Olle Berg, chief engineer of the harbour board.",
                "Olle Berg said officials who do this must go",
            ),
            (
                "The board had said that aside from the rented tugs, it had no plans to sell boats.",
                "The board had said it had no plans to sell boats",
            ),
            (
                "The pilot, speaking on condition of anonymity, said at that time that the ferry would sail.",
                "The pilot said the ferry would sail",
            ),
            (
                "The agency said in a statement announcing the cuts that new rules were needed.",
                "The agency said new rules were needed",
            ),
            ("The pilot said that day that the ferry would sail.", "The pilot said the ferry would sail"),
        ];
        for (sentence, label) in expected {
            assert_eq!(statement(sentence), label, "{sentence}");
        }
        // A "that" after a noun is the noun's clause; what was said is never its speaker.
        let not_expected = [
            (
                "The mayor also warned of plots that rival clubs might hatch to stop the derby.",
                "The mayor also warned rival",
            ),
            ("The pilot told the meeting with the board that the ferry would sail.", "The pilot told the ferry"),
            ("The agency said in a statement that was posted on its website.", "The agency said was posted"),
            (
                "\"We will manage,\" the pilots said, and said their union wants a meeting with the new board.",
                "Their union",
            ),
        ];
        for (sentence, wrong) in not_expected {
            assert!(!statement(sentence).starts_with(wrong), "{sentence}: {}", statement(sentence));
        }
    }

    #[test]
    fn labels_read_like_timeline_entries() {
        let s = "President Xi Jinping sent his condolences on Thursday to Queen Elizabeth II following Wednesday’s terror attack in London that left four people dead.";
        assert_eq!(label(s, "Thursday"), "President Xi Jinping sent his condolences to Queen Elizabeth II");
        assert_eq!(label(s, "Wednesday"), "The terror attack in London");
        let s = "The claim from ISIS came 24 hours after the man began his attack in London.";
        assert_eq!(label(s, "24 hours"), "The claim from ISIS came");
        let s = "The morning after the fire, relatives of the missing guard gathered at the gate.";
        assert_eq!(label(s, "The morning after"), "Relatives of the missing guard gathered at the gate");
        let s = "Michael Fallon said on Thursday morning that the attack targeted Westminster because of it.";
        assert_eq!(label(s, "Thursday morning"), "Michael Fallon said the attack targeted Westminster");
    }

    #[test]
    fn a_phrase_opening_with_that_keeps_its_clause() {
        // Regression: "that evening" split its own clause, so the label took the next one.
        let s = "Neighbours held a gathering at the gates that evening, many of them in their Sunday best.";
        assert_eq!(label(s, "that evening"), "Neighbours held a gathering at the gates");
    }
}
#[cfg(test)]
mod sentence_label_tests {
    use super::*;

    #[test]
    fn a_sentence_without_a_time_phrase_is_labelled_by_its_main_clause() {
        let s = "Immediately after the attack, and after ISIS had claimed that they were behind it, British police raided multiple areas and arrested eight people.";
        assert_eq!(
            sentence_label(s, 0, s.len(), &[]),
            "British police raided multiple areas and arrested eight people"
        );
        let s = "Police arrested two men at the scene.";
        assert_eq!(sentence_label(s, 0, s.len(), &[]), "Police arrested two men at the scene");
    }
}
#[cfg(test)]
mod window_tests {
    use super::*;

    /// Regression (silver: "Aides to Villepin said ng the so-called … scandal"): the words read
    /// for a label start at most `LABEL_REACH_BACK` bytes before its phrase, and that cut fell
    /// inside "probing"; the word cut is read whole.
    #[test]
    fn a_label_never_opens_with_the_end_of_a_cut_word() {
        // Puts the cut among the lead's words whatever the reach.
        let mut filler = String::new();
        while filler.len() + 240 < LABEL_REACH_BACK {
            filler.push_str(" and the dry docks");
        }
        for pad in 0..12 {
            // The pad after the lead's words moves the cut across them.
            let lead = format!("Harbour inspectors examining abandoned warehouses{filler} {}", "x".repeat(pad));
            let text = format!(
                "{lead} along the eastern quays and the flooded customs sheds near the old lighthouse \
                 of the fishing district will recommend demolishing the remaining structures before \
                 the winter storms, the port authority said Saturday."
            );
            let at = text.find("Saturday").unwrap();
            let label = label_for(&text, 0, text.len(), at, at + 8, &[(at, at + 8, true)]);
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            for word in label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                assert!(
                    words.iter().any(|w| w.eq_ignore_ascii_case(word)),
                    "{word:?} is not a word of the text, in {label:?}"
                );
            }
        }
        assert_eq!(whole_word_from("probing the", 3), 0);
        assert_eq!(whole_word_from("so probing the", 6), 3);
        assert_eq!(whole_word_from("probing the", 7), 7);
        assert_eq!(whole_word_from("probing the", 8), 8);
        assert_eq!(whole_word_from("un élan vital", 5), 3);
        // A word too long to read back over is skipped.
        let long = format!("a {} b", "x".repeat(100));
        assert_eq!(whole_word_from(&long, 60), 102);
    }
}

#[cfg(test)]
mod report_label_tests {
    use super::*;

    #[test]
    fn an_undated_report_of_a_dated_happening_gets_its_own_label() {
        let s = "Boeing announced that it had begun the project two years ago.";
        let at = s.find("two years ago").unwrap();
        let spans = [(at, at + "two years ago".len(), true)];
        assert_eq!(
            undated_report_label(s, 0, s.len(), &spans).as_deref(),
            Some("Boeing announced that it had begun the project")
        );
        // Regression: a sentence ending in its verb of saying read past the last word.
        let s = "The release, slated for June 24, was announced.";
        let at = s.find("June 24").unwrap();
        assert_eq!(undated_report_label(s, 0, s.len(), &[(at, at + 7, true)]), None);
        let s = "Prices fell, Reuters reported";
        assert_eq!(undated_report_label(s, 0, s.len(), &[]), None);
        let s = "Boeing announced on Monday that it had begun the project.";
        let at = s.find("Monday").unwrap();
        assert_eq!(undated_report_label(s, 0, s.len(), &[(at, at + 6, true)]), None, "the report is dated");
    }
}
