//! Tense of the clause around a mention, from the nearest verb-like signal: "will"/"’ll"/"going
//! to" say future, past forms ("said", "was", "-ed") say past, "is"/"are" present, and the simple
//! present of a verb of scheduled happenings ("markets reopen Tuesday") says scheduled. Used to
//! pick which Friday "Friday" means relative to a publication date.

use crate::tagger::lexicon::Lex;
use crate::tagger::Tokens;
use crate::text::tokens::TokenKind;
use crate::text::word_key::WordTable;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// The simple present of a scheduled happening ("markets reopen Tuesday", "the trial
    /// resumes in June"): news states a timetable this way, so it points ahead like the future.
    Scheduled,
    /// Put off until a later time ("postponed until Tuesday", "gave them until Friday"): the day
    /// named follows the putting off, which news reports within days, so a weekday is the coming
    /// one; a date further off may be a deadline already past ("a resolution gave Iran until
    /// August 31", written in December), so it is read as in an undated clause (the nearest
    /// one, or the last one when the next is more than two months away).
    Deferred,
    /// A past verb stands right before the phrase in its clause ("assumed the throne in
    /// February", "had snubbed an election in January"): what it tells is over, so a month not
    /// yet reached, or a day more than a week ahead, is last year's (publication-date mode only).
    Completed,
    Unknown,
}

impl Tense {
    /// Whether the text is about a time still to come (future tense, a timetable, or a deferral
    /// to the coming weekday).
    pub fn looks_ahead(self) -> bool {
        matches!(self, Tense::Future | Tense::Scheduled | Tense::Deferred)
    }

    /// Whether the text is in the past tense (`Past` or the stricter `Completed`).
    pub fn is_past(self) -> bool {
        matches!(self, Tense::Past | Tense::Completed)
    }

    /// Whether the text looks ahead to a date months away too ("will open in March"), not only
    /// to the coming weekday (`Deferred` looks only that far).
    pub fn looks_months_ahead(self) -> bool {
        matches!(self, Tense::Future | Tense::Scheduled)
    }

    /// How an explanation names a forward-looking tense.
    pub fn ahead_reason(self) -> &'static str {
        match self {
            Tense::Scheduled => "a timetable in the present tense",
            Tense::Deferred => "put off until then",
            _ => "future tense",
        }
    }
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
const FUTURE_WORDS: &[&str] = &["will", "shall", "ll", "tomorrow", "upcoming", "would", "can"];
/// Of `FUTURE_WORDS`, those that look ahead only before the phrase: after it, "can" is mostly
/// another clause's ability ("Byrd, who turned 35 on Saturday, can receive…").
const FUTURE_ONLY_BEFORE: &[&str] = &["can"];
/// Words that say future when "to" follows: "set to resume", "plans to", "expected to", "planned
/// to leave on Thursday" (what was planned is still ahead, unless "had" says the plan is over).
const FUTURE_BEFORE_TO: &[&str] = &[
    "set",
    "due",
    "plans",
    "planning",
    "plan",
    "planned",
    "expected",
    "scheduled",
    "slated",
    "going",
    "intends",
    "intended",
    "hopes",
    // "is to resume trading Tuesday": an arrangement still ahead.
    "is",
    "are",
];
/// Of `FUTURE_BEFORE_TO`, the past forms of planning: after a time phrase they are the
/// planning that phrase dates.
const PAST_PLANS: &[&str] = &["planned", "intended"];
/// Of `FUTURE_BEFORE_TO`, the participles that also say future when "for" follows ("slated for
/// June 24"); after the others "for" makes them nouns ("vacation plans for the trip").
const FUTURE_BEFORE_FOR: &[&str] = &["set", "due", "planned", "scheduled", "slated"];
/// Verbs of happenings that keep a timetable: in the simple present with a date they state a
/// schedule ("markets reopen Tuesday", "the court hears the case Friday"). Base forms; the third
/// person ("reopens", "goes") is derived. Only verbs seldom used as nouns or for states: "vote"
/// would read "a close vote Tuesday" as a timetable, "hold" "began raising its stake in July, and
/// holds 14.6%" (TBAQ wsj_0570).
const SCHEDULE_VERBS: &[&str] = &[
    "reopen",
    "begin",
    "resume",
    "meet",
    "arrive",
    "leave",
    "depart",
    "travel",
    "fly",
    "sail",
    "testify",
    "appear",
    "expire",
    "convene",
    "reconvene",
    "adjourn",
    "go",
    "kick",
    "hear",
    "sit",
    "compete",
];
/// Schedule verbs that are also common nouns or adjectives ("a late start Friday", "an early end",
/// "the close of trading") or whose base form mostly follows another verb ("were to complete the
/// work and take a look Thursday"): only their third person ("starts", "takes") counts. "Host" is
/// left out: "hosts" is as often the plural noun ("told his French hosts Tuesday").
const SCHEDULE_VERBS_THIRD_PERSON_ONLY: &[&str] = &["open", "close", "start", "end", "face", "return", "play", "take"];
/// Words after which a schedule verb is not a present-tense verb: a determiner makes it a noun
/// ("the vote Tuesday"), "to" an infinitive whose time the verb before decides ("agreed to meet
/// Tuesday"), a form of "be" or "do" an adjective or a verb whose tense is elsewhere ("is open
/// Tuesday", "did not meet").
const NOT_BEFORE_SCHEDULE: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "s",
    "to",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "did",
    "didn",
    "do",
    "does",
    "doesn",
    "don",
    "not",
    "no",
    "every",
    "each",
    "next",
    "last",
    "first",
    "final",
    "official",
    "scheduled",
    "planned",
    "on",
    "of",
    "for",
    "in",
    "at",
    "with",
    "from",
    "after",
    "before",
    "by",
    "into",
    "about",
];
/// Words in "-ed" that are no past form, or seldom one in news ("preferred shares").
const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "bed",
    "red",
    "hundred",
    "indeed",
    "seed",
    "feed",
    "proceed",
    "exceed",
    "succeed",
    "shed",
    "bred",
    "preferred",
];

/// What a listed word says about tense. One word can say several things: "have" is a present form
/// and a tense-neutral auxiliary.
#[derive(Debug, Clone, Copy, Default)]
struct Roles {
    /// The tense the word signals on its own (from the first of `PRESENT_WORDS`, `PAST_WORDS`,
    /// `FUTURE_WORDS` that lists it).
    tense: Option<Tense>,
    /// Says future when "to" follows (`FUTURE_BEFORE_TO`).
    plan: bool,
    /// A modal or other future word (`FUTURE_WORDS`) that makes a participle after it future.
    modal: bool,
    /// Tense-neutral between a modal and its verb (`AUXILIARIES`).
    auxiliary: bool,
    /// The simple present of a schedule verb (`SCHEDULE_VERBS`).
    schedule: bool,
}

/// The roles of every listed word, keyed once so that a word costs one lookup.
fn roles_table() -> &'static WordTable<Roles> {
    static TABLE: std::sync::OnceLock<WordTable<Roles>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let third_only = SCHEDULE_VERBS_THIRD_PERSON_ONLY.iter().map(|verb| third_person(verb));
        let schedule = SCHEDULE_VERBS.iter().flat_map(|verb| [verb.to_string(), third_person(verb)]).chain(third_only);
        let listed = PRESENT_WORDS
            .iter()
            .chain(PAST_WORDS)
            .chain(FUTURE_WORDS)
            .chain(FUTURE_BEFORE_TO)
            .chain(AUXILIARIES)
            .map(|word| word.to_string())
            .chain(schedule)
            .collect::<Vec<_>>();
        WordTable::new(&listed.iter().map(|word| (word.as_str(), listed_roles(word))).collect::<Vec<_>>())
    })
}

/// The roles the word lists give `word` (lower case).
fn listed_roles(word: &str) -> Roles {
    let tense = [(PRESENT_WORDS, Tense::Present), (PAST_WORDS, Tense::Past), (FUTURE_WORDS, Tense::Future)]
        .into_iter()
        .find_map(|(words, tense)| words.contains(&word).then_some(tense));
    Roles {
        tense,
        plan: FUTURE_BEFORE_TO.contains(&word),
        modal: FUTURE_WORDS.contains(&word),
        auxiliary: AUXILIARIES.contains(&word),
        schedule: SCHEDULE_VERBS.iter().any(|verb| *verb == word || third_person(verb) == word)
            || SCHEDULE_VERBS_THIRD_PERSON_ONLY.iter().any(|verb| third_person(verb) == word),
    }
}

/// The third person singular of a base form: "reopens", "goes", "finishes".
fn third_person(verb: &str) -> String {
    let sibilant = ["s", "sh", "ch", "x", "z", "o"].iter().any(|end| verb.ends_with(end));
    [verb, if sibilant { "es" } else { "s" }].concat()
}

/// The roles of `word` (any case); none for unlisted words.
fn roles(word: &str) -> Roles {
    roles_table().get(word).unwrap_or_default()
}

/// "-ed" says past for verbs, not for names ("United States", "Ahmed") or the words in `NOT_PAST`.
fn past_by_suffix(word: &str) -> bool {
    let bytes = word.as_bytes();
    let ends_in_ed = bytes.len() > 4 && bytes[bytes.len() - 2..].eq_ignore_ascii_case(b"ed");
    ends_in_ed
        && bytes.len() <= 16
        && word.is_ascii()
        && !bytes[0].is_ascii_uppercase()
        && !NOT_PAST.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The tense signalled nearest to tokens `[first, end)` within tokens `[from, to)` (the sentence):
/// past for a month that names the period of figures after it; the tense a cue right before the
/// phrase gives ("effective", "as soon as", "until", with `Deferred` after a deferral verb);
/// else the nearest signal's, `Completed` when that is a past verb right before the phrase.
pub fn tense_near(tokens: &Tokens, first: usize, end: usize, from: usize, to: usize) -> Tense {
    let cue = if first > from { cue_at(tokens, first - 1) } else { None };
    let as_soon_as = || first >= from + 3 && tokens.is(first - 3, "as") && tokens.is(first - 2, "soon");
    if measures_a_period(tokens, end, to) {
        return Tense::Past;
    }
    match cue {
        // "as soon as Tuesday", "effective Feb. 1": the phrase names a time still to come.
        Some(Cue::Ahead) => Tense::Future,
        Some(Cue::As) if as_soon_as() => Tense::Future,
        // "by February", "until Tuesday", "through January" look ahead unless a past verb says
        // otherwise: "is not due until October" said in March is this October, not last.
        // A present perfect before it counts up to now: "has fallen 2% this year through Oct.
        // 19" is this October.
        Some(Cue::Until) if deferred_before(tokens, first, from) => match clause_tense(tokens, first, end, from, to) {
            // "will be delayed until March 1": the clause already looks months ahead.
            tense if tense.looks_months_ahead() => tense,
            _ => Tense::Deferred,
        },
        Some(Cue::Until) if perfect_before(tokens, first, from) => Tense::Past,
        Some(Cue::Until) => match clause_tense(tokens, first, end, from, to) {
            Tense::Past => Tense::Past,
            _ => Tense::Future,
        },
        _ => match clause_tense(tokens, first, end, from, to) {
            Tense::Past if completed_before(tokens, first, (from, to)) => Tense::Completed,
            tense => tense,
        },
    }
}

/// How many tokens before a time phrase the verb that makes it `Completed` may stand
/// ("approached Livingstone at a public function in February").
const COMPLETED_REACH: usize = 7;

/// Words before a past form that make it no finished happening: a passive or adjective in the
/// present ("is expected in December", "the case is heard in May"), or an infinitive.
const NOT_BEFORE_COMPLETED: &[&str] = &["is", "are", "am", "be", "being", "to", "s"];

/// Prepositions after which a phrase is the time of the verb before it ("ousted in June", "took
/// effect on Jan. 1", "has risen since January"). After others it is a target or describes a
/// noun ("an agreement for April 17", "the deadline of May 14", "can convert after December 11").
const COMPLETED_PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "since"];

/// Words that open another clause: between a verb and the phrase ("warned that a launch date
/// of April 12") the verb does not tell the phrase's time.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although", "if", "unless", "whether",
];

/// Words that make the verb right after them a condition, not a finished happening ("If the
/// government fell on Dec. 8").
const CONDITIONALS: &[&str] = &["if", "unless", "whether"];

/// Lower-case words that may follow a past verb ("killed him in", "assumed the", "ousted as");
/// any other lower-case word after an "-ed" form makes it an adjective before its noun ("most
/// industrialised nations", "preferred shares").
/// Determiners (`DETERMINERS`) may follow too.
const AFTER_A_VERB: &[&str] = &[
    "this", "these", "those", "him", "them", "it", "us", "me", "in", "on", "at", "by", "for", "to", "with", "from",
    "as", "into", "over", "after", "before", "during", "since", "up", "out", "down", "off", "back", "and", "more",
    "most", "all", "some", "two", "three",
];

/// Verbs of saying: what follows their object is what was said, in a tense of its own ("Officials
/// said a vote in January was likely").
const SAYING_VERBS: &[&str] =
    &["said", "told", "announced", "reported", "added", "stated", "claimed", "warned", "noted"];

/// Whether a past verb right before token `first` tells a finished happening at the phrase's
/// time (`Tense::Completed`): the nearest verb signal within `COMPLETED_REACH` tokens of its
/// clause is a past form, no clause opens between, no condition before it, the phrase follows it
/// directly or after one of `COMPLETED_PREPOSITIONS` (after a verb of saying, only with the
/// preposition right after it), and the form is no present passive ("is expected"), plan
/// ("planned", "supposed to"), or adjective ("government-backed faction").
fn completed_before(tokens: &Tokens, first: usize, (from, to): (usize, usize)) -> bool {
    let within = first.saturating_sub(COMPLETED_REACH).max(from);
    let opener_at = |i: usize| CLAUSE_OPENERS.iter().any(|w| tokens.is(i, w));
    let mut scan = (within..first)
        .rev()
        .take_while(|&i| !matches!(tokens.tokens[i].kind, TokenKind::Punct(c) if c != '-') && !opener_at(i));
    // The scan reads `COMPLETED_REACH` tokens before the phrase.
    let Some((verb, signal)) = scan.find_map(|i| word_signal(tokens, i, true).map(|tense| (i, tense))) else {
        return false;
    };
    let word = tokens.tokens[verb].text(tokens.text);
    let listed_past = PAST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) && !word.eq_ignore_ascii_case("ago");
    let preposition_at = |i: usize| COMPLETED_PREPOSITIONS.iter().any(|w| tokens.is(i, w));
    let right_after = verb + 1 == first || (verb + 1 < first && preposition_at(first - 1));
    // "said in an editorial on Monday" is the saying's time; "said a vote in January" is not.
    let saying_across = SAYING_VERBS.iter().any(|w| w.eq_ignore_ascii_case(word)) && !preposition_at(verb + 1);
    let conditional = (verb.saturating_sub(3).max(from)..verb).any(|i| CONDITIONALS.iter().any(|w| tokens.is(i, w)));
    let after_present = verb > 0 && NOT_BEFORE_COMPLETED.iter().any(|w| tokens.is(verb - 1, w));
    let planned = roles(word).plan || tokens.is(verb + 1, "to") || tokens.is(verb + 1, "for");
    // A past signal is a listed past or an "-ed" form, not after a modal ("would have closed").
    signal == Tense::Past
        && right_after
        && !saying_across
        && !conditional
        && !after_present
        && !planned
        && !describes_a_noun(tokens, verb, listed_past, (from, to))
}

/// Whether the past form at token `i` is an adjective: joined to a word before it by a hyphen
/// ("China-made", "government-backed"), or, for an "-ed" form (`listed`: an irregular past,
/// which "took office" shows may take a noun), followed by a lower-case word a verb is not
/// followed by (`AFTER_A_VERB`, or an "-ly" adverb), unless the part-of-speech model reads it as
/// its clause's finite verb (`read_as_past_verb`: "the king assumed total control in
/// February"). The model is asked only then: most past forms are told by their next word alone.
/// `sentence` is the token range of the sentence.
fn describes_a_noun(tokens: &Tokens, i: usize, listed: bool, sentence: (usize, usize)) -> bool {
    let hyphenated = i > 0 && tokens.tokens[i - 1].is_punct('-') && tokens.tokens[i].attached();
    if hyphenated {
        return true;
    }
    let next = tokens.tokens.get(i + 1).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(tokens.text));
    let noun_next = next.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !w.ends_with("ly")
            && !AFTER_A_VERB.iter().chain(DETERMINERS).any(|f| f.eq_ignore_ascii_case(w))
    });
    !listed && noun_next && !read_as_past_verb(tokens, i, sentence)
}

/// Penn Treebank tags of a noun that may be a verb's subject.
const NOUN_TAGS: &[&str] = &["NN", "NNS", "NNP", "NNPS"];

/// Tags before a noun that make it no subject: a possessive's "'s" ("the government's preferred
/// candidate"), a preposition's object, an infinitive's "to".
const NOT_BEFORE_A_SUBJECT: &[&str] = &["POS", "IN", "TO"];

/// Pronouns that are a subject only.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// How many tokens before a word the part-of-speech model reads to tag it (the tag of a word
/// depends on the words up to two after it and the tags before it).
const POS_WINDOW: usize = 8;

/// Whether the part-of-speech model (`crate::pos`) reads the word at token `i` as a finite past
/// verb, among the words of its sentence (`sentence`, a token range) from `POS_WINDOW` tokens
/// before it to two words after it, split as the model's treebank splits them: tagged `VBD`, or
/// `VBN` right after a subject (a noun that is no possessive's or preposition's, or a subject
/// pronoun: the model often reads "assumed" after "the king" as a participle). Not a participle
/// elsewhere ("most industrialised nations", which the model, trained on American web text,
/// takes for one). False when the model cannot be read.
fn read_as_past_verb(tokens: &Tokens, i: usize, (from, to): (usize, usize)) -> bool {
    let Some(model) = crate::pos::shipped() else { return false };
    let first = i.saturating_sub(POS_WINDOW).max(from);
    let last = (i + 3).min(to).min(tokens.tokens.len()).saturating_sub(1).max(i);
    let (Some(start), Some(end)) = (tokens.tokens.get(first), tokens.tokens.get(last)) else { return false };
    let (start, end, at) = (start.start as usize, end.end as usize, tokens.tokens[i].start as usize);
    let Some(text) = tokens.text.get(start..end) else { return false };
    let words = crate::pos::treebank_words(text);
    let Some(k) = words.iter().position(|(offset, _)| start + offset == at) else { return false };
    let texts: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let tags = crate::pos::tag(model, &texts);
    let tag_at = |k: Option<usize>| k.and_then(|k| tags.get(k)).copied().unwrap_or("");
    let subject = NOUN_TAGS.contains(&tag_at(k.checked_sub(1)))
        && !NOT_BEFORE_A_SUBJECT.contains(&tag_at(k.checked_sub(2)))
        || k.checked_sub(1).is_some_and(|p| SUBJECT_PRONOUNS.iter().any(|s| s.eq_ignore_ascii_case(texts[p])));
    match tag_at(Some(k)) {
        "VBD" => true,
        "VBN" => subject,
        _ => false,
    }
}

/// Verbs that put something off until a later time, in every form: what they defer "until
/// Tuesday" waits for a Tuesday after the deferring, whatever its tense ("postponed until Tuesday
/// morning any action", "has given the relatives until 9 a.m. Tuesday"): `Tense::Deferred`.
const DEFERRAL_VERBS: &[&str] = &[
    "postpone",
    "postpones",
    "postponed",
    "delay",
    "delays",
    "delayed",
    "defer",
    "defers",
    "deferred",
    "adjourn",
    "adjourns",
    "adjourned",
    "extend",
    "extends",
    "extended",
    "suspend",
    "suspends",
    "suspended",
    "give",
    "gives",
    "gave",
    "given",
    "grant",
    "grants",
    "granted",
];

/// How many words back from "until" a deferral verb may stand ("gave the Miami relatives until").
const DEFERRAL_REACH: usize = 5;

/// Whether the cue right before token `first` is "until" or "till" and a deferral verb
/// (`DEFERRAL_VERBS`) comes at most `DEFERRAL_REACH` words before it, with only words between
/// ("extended gains through Friday" is no deferral).
fn deferred_before(tokens: &Tokens, first: usize, from: usize) -> bool {
    let Some(cue) = first.checked_sub(1).filter(|&cue| tokens.is(cue, "until") || tokens.is(cue, "till")) else {
        return false;
    };
    let within = cue.saturating_sub(DEFERRAL_REACH).max(from);
    let deferral = |i: usize| DEFERRAL_VERBS.iter().any(|verb| tokens.is(i, verb));
    (within..cue).rev().take_while(|&i| tokens.tokens[i].kind == TokenKind::Word).any(deferral)
}

/// Nouns of figures that measure a period: "the November employment report", "October retail
/// sales", "March data". Such figures come out after their period, so the period named has
/// begun by the time of writing, whatever the tense ("will release the November jobs report",
/// written in December, is last month's).
const MEASURED_FIGURES: &[&str] = &[
    "employment",
    "unemployment",
    "jobless",
    "jobs",
    "payroll",
    "payrolls",
    "sales",
    "inflation",
    "output",
    "production",
    "exports",
    "imports",
    "figures",
    "data",
    "statistics",
    "prices",
    "CPI",
    "PPI",
    "GDP",
];

/// Words that may stand between the month and a noun of `MEASURED_FIGURES` ("October retail
/// sales", "March consumer prices"). Alone they make no figures ("the April trade fair", "the
/// January Consumer Electronics Show"), so one counts only with a figures noun after it.
const FIGURE_MODIFIERS: &[&str] =
    &["retail", "consumer", "producer", "housing", "industrial", "factory", "trade", "home"];

/// Whether a phrase ending in a month name (token `end - 1`) stands right before a noun of
/// figures (`MEASURED_FIGURES`), or before one modifier and such a noun: it names the period
/// they measure, already begun, so it reads as past. A weekday is left alone ("will watch the
/// Friday jobs report" is this Friday's).
fn measures_a_period(tokens: &Tokens, end: usize, to: usize) -> bool {
    let month_last = end
        .checked_sub(1)
        .and_then(|i| tokens.lex.get(i))
        .is_some_and(|id| id.meanings().iter().any(|lex| matches!(lex, Lex::Month(_) | Lex::MonthAbbr(_))));
    let figures_at = |i: usize| i < to && MEASURED_FIGURES.iter().any(|noun| tokens.is(i, noun));
    let modifier_at = |i: usize| i < to && FIGURE_MODIFIERS.iter().any(|word| tokens.is(i, word));
    month_last && (figures_at(end) || (modifier_at(end) && figures_at(end + 1)))
}

/// How far back from a time phrase its clause's present perfect is looked for.
const PERFECT_REACH: usize = 12;

/// Whether "has"/"have" and a past participle ("has fallen", "have not risen") come before
/// token `first` within `PERFECT_REACH` tokens of its clause (from token `from`), with no
/// modal before them or between them and the phrase ("will have risen", "have risen and
/// will stay high through June" are ahead).
fn perfect_before(tokens: &Tokens, first: usize, from: usize) -> bool {
    let start = first.saturating_sub(PERFECT_REACH).max(from);
    let modal_at = |i: usize| roles(tokens.tokens[i].text(tokens.text)).modal;
    (start..first).rev().take_while(|&i| !modal_at(i)).any(|i| {
        let have = tokens.is(i, "has") || tokens.is(i, "have");
        let modal_before = i > 0 && modal_at(i - 1);
        let participle = (i + 1..(i + 3).min(first)).any(|j| {
            let word = tokens.tokens[j].text(tokens.text);
            past_by_suffix(word) || PAST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) || word.ends_with("en")
        });
        have && !modal_before && participle
    })
}

/// What the word right before a date says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// `FUTURE_CUES`: the date is ahead.
    Ahead,
    /// `UNTIL_CUES`: the date is ahead when the clause has no tense of its own.
    Until,
    /// The last word of "as soon as".
    As,
}

/// Words right before a date that put it ahead: "effective Feb. 1", "payable Jan. 2".
const FUTURE_CUES: &[&str] = &["effective", "payable"];
/// Words right before a date that put it ahead when the clause has no tense of its own.
const UNTIL_CUES: &[&str] = &["by", "until", "till", "through"];

/// The cue token `i` gives the date right after it.
fn cue_at(tokens: &Tokens, i: usize) -> Option<Cue> {
    static TABLE: std::sync::OnceLock<WordTable<Cue>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let ahead = FUTURE_CUES.iter().map(|w| (*w, Cue::Ahead));
        let until = UNTIL_CUES.iter().map(|w| (*w, Cue::Until));
        WordTable::new(&ahead.chain(until).chain([("as", Cue::As)]).collect::<Vec<_>>())
    });
    table.get(tokens.tokens.get(i)?.text(tokens.text))
}

/// The tense of the nearest verb-like signal on either side of tokens `[first, end)`, at most 15
/// tokens away; on a tie the signal before the phrase wins. Tokens are read nearest first, so
/// the scan stops at the first signal. Inside a quotation, its marks end the reading: a quote
/// has a tense of its own, so "said" after ``'…will leave at 4 a.m. Thursday,'' Castro said``
/// does not make Thursday past.
fn clause_tense(tokens: &Tokens, first: usize, end: usize, from: usize, to: usize) -> Tense {
    let quoted = inside_quotation(tokens, first, end, from, to);
    let (mut before_open, mut after_open) = (true, true);
    for distance in 1..=15 {
        let before = first.checked_sub(distance).filter(|i| *i >= from && before_open);
        let after = Some(end + distance - 1).filter(|i| *i < to && after_open);
        if before.is_none() && after.is_none() {
            break;
        }
        if let Some(tense) = before.into_iter().chain(after).find_map(|i| word_signal(tokens, i, i < first)) {
            return tense;
        }
        before_open &= !(quoted && before.is_some_and(|i| is_quotation_mark(tokens, i)));
        after_open &= !(quoted && after.is_some_and(|i| is_quotation_mark(tokens, i)));
    }
    Tense::Unknown
}

/// Whether tokens `[first, end)` stand inside a quotation of sentence `[from, to)`: an odd
/// number of quotation marks before them, or none before and an odd number after (a quote that
/// opened in an earlier sentence: ``We will go on Sunday,'' he added``). A mark written as two
/// tokens (``` `` ``` or `''`) counts once.
fn inside_quotation(tokens: &Tokens, first: usize, end: usize, from: usize, to: usize) -> bool {
    let marks = |range: std::ops::Range<usize>| {
        range.filter(|&i| is_quotation_mark(tokens, i) && !(i > 0 && is_quotation_mark(tokens, i - 1))).count()
    };
    let before = marks(from..first);
    before % 2 == 1 || (before == 0 && marks(end..to) % 2 == 1)
}

/// Whether token `i` is a quotation mark: `"` (the tokenizer writes curly double quotes so too)
/// or one of two apostrophes in a row (`''` and ``` `` ```, as wire copy writes quotes; the
/// tokenizer writes a backtick as an apostrophe). A lone apostrophe is an elision or a
/// possessive ("Castro's"), not a quote.
fn is_quotation_mark(tokens: &Tokens, i: usize) -> bool {
    let Some(token) = tokens.tokens.get(i) else { return false };
    let apostrophe_at = |j: usize| tokens.tokens.get(j).is_some_and(|t| t.is_punct('\''));
    match token.kind {
        TokenKind::Punct('"') => true,
        TokenKind::Punct('\'') => {
            let paired_before = i > 0 && apostrophe_at(i - 1) && token.attached();
            let paired_after = apostrophe_at(i + 1) && tokens.tokens.get(i + 1).is_some_and(|t| t.attached());
            paired_before || paired_after
        }
        _ => false,
    }
}

/// Words that are tense-neutral between a modal and its verb ("will be named", "would not have",
/// "would still be held", "will probably be signed").
const AUXILIARIES: &[&str] = &[
    "be",
    "been",
    "have",
    "not",
    "also",
    "then",
    "soon",
    "still",
    "probably",
    "likely",
    "only",
    "now",
    "never",
    "again",
    "first",
    "finally",
    "eventually",
    "formally",
    "officially",
    "definitely",
    "certainly",
];

/// Most words a modal may stand before the participle it makes future ("would probably not be
/// held").
const MODAL_REACH: usize = 4;

/// The tense token `i` signals, reading its neighbours for "’ll", "plans to", "had been set to"
/// and "will be named". `before_phrase`: the token comes before the time phrase, so a plan
/// made in the past ("planned to leave on Thursday") is about the phrase's time; after it ("On
/// Friday, the government planned to pay") the phrase dates the planning.
fn word_signal(tokens: &Tokens, i: usize, before_phrase: bool) -> Option<Tense> {
    let token = tokens.tokens.get(i)?;
    if token.kind != TokenKind::Word {
        return None;
    }
    let word = token.text(tokens.text);
    // "’ll" after an apostrophe.
    if word.eq_ignore_ascii_case("ll") {
        return (i > 0 && tokens.tokens[i - 1].is_punct('\'')).then_some(Tense::Future);
    }
    let found = roles(word);
    if !before_phrase && FUTURE_ONLY_BEFORE.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    // "set to resume", "slated for June 24", "due Friday", "not due until October": a plan.
    let for_plan = || tokens.is(i + 1, "for") && FUTURE_BEFORE_FOR.iter().any(|w| w.eq_ignore_ascii_case(word));
    let plan = found.plan && (tokens.is(i + 1, "to") || for_plan() || word.eq_ignore_ascii_case("due"));
    if plan {
        // "had been scheduled to expire Friday": a plan in the past perfect is over.
        let pluperfect = (1..=2).any(|back| i >= back && tokens.is(i - back, "had"));
        let planning_dated = !before_phrase && PAST_PLANS.iter().any(|w| w.eq_ignore_ascii_case(word));
        return Some(if pluperfect || planning_dated { Tense::Past } else { Tense::Future });
    }
    let tense = match found.tense {
        Some(tense) => tense,
        None if found.schedule => return scheduled(tokens, i),
        None if past_by_suffix(word) && !after_a_determiner(tokens, i) => Tense::Past,
        None => return None,
    };
    // "will be named", "would be traveling": a modal just before a participle makes it future.
    if tense == Tense::Past || tense == Tense::Present {
        let roles_at = |j: usize| tokens.tokens.get(j).map_or_else(Roles::default, |t| roles(t.text(tokens.text)));
        // After the phrase, "can" is another clause's ability ("The [March] rules can be amended").
        let ability = |j: usize| {
            !before_phrase
                && FUTURE_ONLY_BEFORE
                    .iter()
                    .any(|w| tokens.tokens.get(j).is_some_and(|t| t.text(tokens.text).eq_ignore_ascii_case(w)))
        };
        for back in 1..=MODAL_REACH {
            let Some(j) = i.checked_sub(back) else { break };
            let before = roles_at(j);
            if before.modal && !ability(j) {
                return Some(Tense::Future);
            }
            if !before.auxiliary {
                break;
            }
        }
    }
    Some(tense)
}

/// Determiners after which an "-ed" word describes the noun that follows ("a still unspecified
/// date", "the recently passed legislation") instead of telling what happened. "That" is left out:
/// it also opens a relative clause ("the plant that closed in March").
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "every", "each"];

/// Adverbs that may stand between a determiner and an "-ed" word describing a noun ("a still
/// unspecified date", "the recently passed law"). A list, not "-ly": "the rally ended", "the
/// family moved" end in "-ly" too.
const DESCRIBING_ADVERBS: &[&str] = &[
    "still",
    "newly",
    "recently",
    "previously",
    "widely",
    "largely",
    "partly",
    "fully",
    "highly",
    "long",
    "much",
    "hotly",
    "eagerly",
    "already",
    "once",
    "often",
    "hastily",
    "jointly",
    "officially",
    "formally",
    "specially",
];

/// Whether token `i` follows a determiner, directly or across one adverb ("a still unspecified").
fn after_a_determiner(tokens: &Tokens, i: usize) -> bool {
    let determiner_at = |j: usize| DETERMINERS.iter().any(|d| tokens.is(j, d));
    let adverb_at = |j: usize| DESCRIBING_ADVERBS.iter().any(|a| tokens.is(j, a));
    (i >= 1 && determiner_at(i - 1)) || (i >= 2 && adverb_at(i - 1) && determiner_at(i - 2))
}

/// Token `i`, a schedule verb's simple present, says scheduled unless the word before makes it
/// a noun, an infinitive or a form whose tense lies elsewhere (`NOT_BEFORE_SCHEDULE`); then it
/// says nothing and the reading goes on. A modal before it says future ("will meet").
fn scheduled(tokens: &Tokens, i: usize) -> Option<Tense> {
    static BLOCKERS: std::sync::OnceLock<WordTable<()>> = std::sync::OnceLock::new();
    let blockers =
        BLOCKERS.get_or_init(|| WordTable::new(&NOT_BEFORE_SCHEDULE.iter().map(|w| (*w, ())).collect::<Vec<_>>()));
    let Some(before) = i.checked_sub(1).and_then(|j| tokens.tokens.get(j)) else { return Some(Tense::Scheduled) };
    let word = before.text(tokens.text);
    if before.kind == TokenKind::Word && roles(word).modal {
        return Some(Tense::Future);
    }
    let blocked = before.kind == TokenKind::Word && blockers.get(word).is_some();
    (!blocked).then_some(Tense::Scheduled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, phrase: &str) -> Tense {
        let tokens = Tokens::new(text);
        let start = text.find(phrase).unwrap();
        let first = tokens.tokens.iter().position(|t| t.start as usize == start).unwrap();
        let end = tokens.tokens.iter().position(|t| t.end as usize == start + phrase.len()).unwrap() + 1;
        tense_near(&tokens, first, end, 0, tokens.tokens.len())
    }

    #[test]
    fn reads_the_nearest_signal() {
        assert_eq!(tense_of("The minister will visit on Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The minister visited on Friday.", "Friday"), Tense::Completed);
        // Regression (issue #10 §4): plans and "until" after a present verb look ahead.
        assert_eq!(tense_of("Talks are set for Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The release, slated for June 24, was announced.", "June 24"), Tense::Future);
        assert_eq!(tense_of("The report is not due until October.", "October"), Tense::Future);
        assert_eq!(tense_of("The report is due Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The payment had been due Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("They waited until Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("Friday.", "Friday"), Tense::Unknown);
        assert_eq!(tense_of("He would fly to the United States Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Trading may resume as soon as Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The fund had fallen by March.", "March"), Tense::Past);
        // Regression (TBAQ wsj_0918, APW19981205.0374): an "-ed" word after a determiner
        // describes a noun, and "can" looks ahead.
        assert_eq!(tense_of("It would be paid on a still unspecified date in January.", "January"), Tense::Future);
        assert_eq!(tense_of("The bank unveils a newly redesigned card in January.", "January"), Tense::Unknown);
        assert_eq!(tense_of("They can take part in the summit in April.", "April"), Tense::Future);
        assert_eq!(tense_of("Byrd, who turned 35 on Saturday, can receive more.", "Saturday"), Tense::Completed);
        assert_eq!(tense_of("They sold the plant that closed in March.", "March"), Tense::Completed);
        assert_eq!(tense_of("The rally ended in March.", "March"), Tense::Completed);
        // Regression (TBAQ wsj_0768): a present perfect counts up to now, and "says" after a
        // comma is another clause.
        assert_eq!(
            tense_of("The fund has fallen 2.08% this year through Oct. 19, Lipper says.", "Oct. 19"),
            Tense::Past
        );
        assert_eq!(tense_of("Prices have risen since May and will stay high through June.", "June"), Tense::Future);
        assert_eq!(tense_of("By then it will have risen through June.", "June"), Tense::Future);
        // Regression (TBAQ wsj_0810): "is to resume" is an arrangement still ahead.
        assert_eq!(
            tense_of("It is traded in London and is to resume trading in Paris Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(tense_of("The store is open Tuesday.", "Tuesday"), Tense::Present);
        assert_eq!(tense_of("The offer had been due to expire Friday.", "Friday"), Tense::Past);
        // Regression (TBAQ APW19980930.0425): what was planned is still ahead.
        assert_eq!(tense_of("The team planned to leave Nairobi on Thursday.", "Thursday"), Tense::Future);
        assert_eq!(tense_of("The team had planned to leave on Thursday.", "Thursday"), Tense::Past);
        assert_eq!(tense_of("On Friday, the government planned to pay the claims.", "Friday"), Tense::Past);
        // Regression (TBAQ APW199980817.1193): "plans for" is a noun, not a plan for that day.
        assert_eq!(
            tense_of("On Friday, when she set aside vacation plans for the trip, the ban was lifted.", "Friday"),
            Tense::Past
        );
    }

    /// Issue #10 §4: "markets reopen Tuesday" states a timetable, so it looks ahead.
    #[test]
    fn a_timetable_in_the_present_looks_ahead() {
        assert_eq!(tense_of("Markets reopen Tuesday.", "Tuesday"), Tense::Scheduled);
        assert_eq!(tense_of("The trial resumes on Monday.", "Monday"), Tense::Scheduled);
        assert_eq!(tense_of("The team goes to Boston Friday.", "Friday"), Tense::Scheduled);
        assert_eq!(tense_of("Markets will reopen Tuesday.", "Tuesday"), Tense::Future);
        // Past forms, nouns, infinitives and adjectives are not timetables.
        assert_eq!(tense_of("Markets reopened Tuesday.", "Tuesday"), Tense::Completed);
        assert_eq!(tense_of("They agreed to meet Tuesday.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("After the vote Tuesday, he left.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("The store is open Tuesday.", "Tuesday"), Tense::Present);
        assert_eq!(tense_of("The match got off to a late start Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("The tournament starts on Sunday.", "Sunday"), Tense::Scheduled);
        assert_eq!(tense_of("Police did not return Tuesday.", "Tuesday"), Tense::Past);
        assert!(Tense::Scheduled.looks_ahead() && !Tense::Present.looks_ahead());
    }

    /// Regression (TBAQ APW20000405.0276): "said" outside a quote gave its past tense to a
    /// Thursday inside it ("will leave at 4 a.m. Thursday").
    #[test]
    fn a_quotation_keeps_its_own_tense() {
        let quoted = "``He will leave at 4 in the morning (4 a.m. Thursday),'' Castro said.";
        assert_eq!(tense_of(quoted, "Thursday"), Tense::Future);
        assert_eq!(tense_of("\"The Thursday meeting,\" he said.", "Thursday"), Tense::Unknown);
        assert_eq!(tense_of("\"We met Thursday,\" he said.", "Thursday"), Tense::Completed);
        assert_eq!(tense_of("Castro's team left Thursday.", "Thursday"), Tense::Completed);
        let continued = "We will go back to present our laws on Sunday,'' he added.";
        assert_eq!(tense_of(continued, "Sunday"), Tense::Future, "the quote opened a sentence before");
        // Outside the quote, the words either side are read as before.
        let after_quote = "\"A government is likely before parliament resumes\" on Monday, he told reporters.";
        assert_eq!(tense_of(after_quote, "Monday"), Tense::Scheduled);
        assert_eq!(tense_of("The team's Thursday plan was dropped.", "Thursday"), Tense::Past);
    }

    /// Regression (TBAQ NYT20000330.0406, APW20000403.0057): what is put off until a weekday
    /// waits for a weekday still ahead, whatever the tense of the putting off.
    #[test]
    fn a_deferral_until_a_day_looks_ahead() {
        let postponed = "Officials postponed until Tuesday morning any action on the case.";
        assert_eq!(tense_of(postponed, "Tuesday morning"), Tense::Deferred);
        let given = "The service has given the Miami relatives until 9 a.m. Tuesday to sign.";
        assert_eq!(tense_of(given, "9 a.m. Tuesday"), Tense::Deferred);
        assert_eq!(tense_of("The judge adjourned the hearing until Monday.", "Monday"), Tense::Deferred);
        assert!(Tense::Deferred.looks_ahead() && !Tense::Deferred.looks_months_ahead());
        // A future clause stays future; "through" is no deferral.
        assert_eq!(tense_of("The summit will be delayed until March 1.", "March 1"), Tense::Future);
        assert_eq!(tense_of("Stocks extended gains through Friday.", "Friday"), Tense::Past);
        // Not a deferral: waiting, staying, or a deferral verb in another clause.
        assert_eq!(tense_of("They waited until Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("The talks were delayed, and he stayed until Friday.", "Friday"), Tense::Past);
    }

    /// Regression (silver, an analyst in December 2006): "will be front-and-center, especially
    /// Friday's November employment report" made it November 2007.
    #[test]
    fn figures_measure_a_period_already_begun() {
        let report = "Releases will matter, especially Friday's November employment report.";
        assert_eq!(tense_of(report, "November"), Tense::Past);
        assert_eq!(tense_of("The agency will publish October retail sales.", "October"), Tense::Past);
        assert_eq!(tense_of("The agency will publish its figures in October.", "October"), Tense::Future);
        assert_eq!(tense_of("Traders will watch the Friday jobs report.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Buyers will attend the April trade fair.", "April"), Tense::Future);
        assert_eq!(tense_of("Fans will visit the January Consumer Electronics Show.", "January"), Tense::Future);
    }

    /// A past verb right before the phrase tells a finished happening; a present passive, a plan
    /// or a verb further off leaves the plain past.
    #[test]
    fn a_past_verb_right_before_the_phrase_is_completed() {
        assert_eq!(tense_of("The king assumed the throne in February.", "February"), Tense::Completed);
        // "-ed" before a lower-case noun may be an adjective ("most industrialised nations in
        // January", below): the part-of-speech model tells a verb and its object apart.
        assert_eq!(tense_of("The king assumed total control in February.", "February"), Tense::Completed);
        // A participle after a possessive describes the noun after it, whatever the model says.
        assert_eq!(tense_of("The board backed the government's preferred candidate in March.", "March"), Tense::Past);
        assert_eq!(tense_of("Sunni Arabs had snubbed an election in January.", "January"), Tense::Completed);
        assert_eq!(tense_of("Closing, which is expected in December, was set.", "December"), Tense::Past);
        assert_eq!(tense_of("The accession was planned for early March.", "early March"), Tense::Future);
        assert_eq!(
            tense_of("Dealers placed orders in the morning to start trading for November.", "November"),
            Tense::Past
        );
        // Regression (silver): another clause, a target, a condition or an adjective is no
        // finished happening at the phrase's time.
        assert_eq!(
            tense_of("Vranitzky warned that a launch date of April 12 was optimistic.", "April 12"),
            Tense::Past
        );
        assert_eq!(tense_of("They had almost reached an agreement for April 17.", "April 17"), Tense::Past);
        assert_eq!(tense_of("If the government fell on Dec. 8, a vote would follow.", "Dec. 8"), Tense::Past);
        assert_eq!(tense_of("Germany leads the most industrialised nations on January 1.", "January 1"), Tense::Past);
        assert_eq!(tense_of("It shipped China-made Christmas presents.", "Christmas"), Tense::Past);
        assert_eq!(tense_of("Cases had risen by 80 percent since January.", "January"), Tense::Completed);
        assert_eq!(tense_of("Hamas took office in January.", "January"), Tense::Completed);
        // A present passive, another clause, and what a verb of saying reports are not completed.
        assert_eq!(tense_of("The case is heard in May.", "May"), Tense::Past);
        assert_eq!(tense_of("Officials warned that talks in January failed.", "January"), Tense::Past);
        assert_eq!(tense_of("Officials said a vote in January was likely.", "January"), Tense::Past);
        assert_eq!(tense_of("The paper said in an editorial on Monday that it was over.", "Monday"), Tense::Completed);
        let approached = "He approached Livingstone at a public function in February.";
        assert_eq!(tense_of(approached, "February"), Tense::Completed);
        // Regression (TBAQ NYT20000105.0325): "the" is no preposition of the giving's time.
        assert_eq!(tense_of("Meissner gave no reason for the Jan. 14 deadline.", "Jan. 14"), Tense::Past);
        assert!(Tense::Completed.is_past() && !Tense::Completed.looks_ahead());
    }

    #[test]
    fn reads_cues_right_before_the_phrase() {
        assert_eq!(tense_of("The cut is effective Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Send it by Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("They met as Friday began.", "Friday"), Tense::Past);
        assert_eq!(tense_of("Results came in as soon as Friday.", "Friday"), Tense::Future);
    }

    #[test]
    fn words_keep_every_role() {
        let have = roles("Have");
        assert_eq!(have.tense, Some(Tense::Present));
        assert!(have.auxiliary && !have.modal);
        assert!(roles("will").modal && roles("planning").plan);
        assert_eq!(roles("Ahmed").tense, None);
        assert!(past_by_suffix("visited") && !past_by_suffix("Ahmed") && !past_by_suffix("proceed"));
    }
}
