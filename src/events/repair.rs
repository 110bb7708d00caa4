//! Repairs for labels that a clause cut leaves in a shape no journalist would publish
//! (issue #10 §3): the sentence's other time phrases and the words that only served them
//! ("ruled Zambia between 1992 and 2001" → "ruled Zambia"), a verb without its subject ("refused
//! to step down" → "Yadav refused to step down"), a pronoun for the noun phrase it stands for
//! ("when it hit treetops" → "the plane hit treetops"), a report without what was reported ("the
//! statistics office said" → "... said the Dutch economy grew ..."), a subordinate clause that
//! states what happened ("where six people died" → "Six people died", "whose mandate expires" →
//! "Ian Martin's mandate expires"), and, when a label still opens with a preposition or is
//! empty, the sentence's main clause instead.

use super::label::{flag, Word};

/// The words and clauses of one sentence, and which words lie inside a time phrase.
pub(super) struct Sentence<'a, 't> {
    pub ws: &'a [Word<'t>],
    /// Indices into `ws` where a clause starts.
    pub starts: &'a [usize],
    pub inside: &'a dyn Fn(usize) -> bool,
    /// Inside a time phrase that places something (a date or time, not a duration).
    pub dated: &'a dyn Fn(usize) -> bool,
    /// The document's text around the sentence (`label::text_near`), where a word capitalised
    /// inside a sentence shows it is a name; `None` where the caller has no text to offer.
    pub near: Option<&'t str>,
}

impl<'t> Sentence<'_, 't> {
    /// Whether `word` (capitalised) is written nowhere near the sentence with a capital inside a
    /// sentence (after a lower-case letter, a digit or a comma and a space): no sign that it is
    /// a name. `false` where there is no text to read.
    pub(super) fn never_capitalised_inside_a_sentence_near(&self, word: &str) -> bool {
        let Some(near) = self.near else { return false };
        !near.match_indices(word).any(|(at, _)| {
            let ends_word = near[at + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            let mut before = near[..at].chars().rev();
            let spaced = before.next() == Some(' ');
            let inside = before.next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == ',');
            ends_word && spaced && inside
        })
    }

    pub(super) fn clause_end(&self, clause: usize) -> usize {
        self.starts.get(clause + 1).copied().unwrap_or(self.ws.len())
    }

    pub(super) fn clause_of(&self, i: usize) -> usize {
        self.starts.iter().rposition(|&s| s <= i).unwrap_or(0)
    }

    pub(super) fn in_time_phrase(&self, w: &Word) -> bool {
        (self.inside)(w.start)
    }

    pub(super) fn in_date(&self, w: &Word) -> bool {
        (self.dated)(w.start)
    }

    /// Whether clause `clause` exists and opens with a comma or a dash (an aside's mark).
    pub(super) fn set_off(&self, clause: usize) -> bool {
        self.starts.get(clause).is_some_and(|&at| is_set_off_mark(&self.ws[at]))
    }

    /// The index of `w` among the sentence's words (they are in text order).
    pub(super) fn index_of(&self, w: &Word) -> Option<usize> {
        let at = self.ws.partition_point(|x| x.start < w.start);
        self.ws.get(at).filter(|x| x.start == w.start).map(|_| at)
    }

    /// The words of clause `clause` without its opening punctuation.
    pub(super) fn clause_words(&self, clause: usize) -> &[Word<'t>] {
        let words = &self.ws[self.starts[clause]..self.clause_end(clause)];
        let first = words.iter().position(|w| !w.has(flag::PUNCT)).unwrap_or(words.len());
        &words[first..]
    }
}

/// Words that cannot open a timeline entry: "Into a veritable tribunal", "Up from 14 percent".
const FRAGMENT_OPENERS: &[&str] = &[
    "into",
    "through",
    "with",
    "within",
    "against",
    "across",
    "via",
    "up",
    "most",
    "toward",
    "towards",
    "than",
    "possibly",
    "per",
    "among",
    "despite",
    "thanks",
    "according",
    "compared",
    "to",
];

/// Verb forms that open a clause whose subject was cut off: auxiliaries and common irregular
/// past forms (regular ones are told by "-ed").
const VERB_FORMS: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could", "may", "might", "shall",
    "should", "must", "did", "does", "became", "began", "won", "took", "made", "met", "left", "fell", "rose", "held",
    "sent", "gave", "came", "went", "ran", "saw", "found", "paid", "sold", "brought", "struck", "fled", "led", "shot",
    "broke", "spoke", "wrote", "grew", "kept", "stood", "lost", "said", "told", "says", "died", "fought", "bought",
    "caught", "sought", "taught", "thought", "built", "spent", "felt", "drew", "threw", "flew", "knew", "blew",
    "drove", "rode", "froze", "chose", "swore", "sank", "shook", "withdrew", "arose", "upheld", "withheld", "oversaw",
    "rebuilt", "dealt", "swept",
];

/// Words ending in "-ed" that are no past forms.
const NOT_PAST: &[&str] = &["need", "speed", "hundred", "indeed", "seed", "feed", "bed", "red", "shed", "bred"];

/// Words that only join two time phrases or qualify a list of them: "between 1992 and 2001",
/// "on Nov. 20 and Dec. 1 respectively".
const RANGE_OPENERS: &[&str] = &["between", "from"];
const RANGE_JOINERS: &[&str] = &["and", "to", "or", "through", "until", "-", "\u{2013}"];

pub(super) fn is(w: &Word, words: &[&str]) -> bool {
    let core = w.text.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\u{2013}');
    words.iter().any(|x| core.eq_ignore_ascii_case(x))
}

/// A verb form written in lower case: "refused", "was", "will", "said".
pub(super) fn is_verb(w: &Word) -> bool {
    if !w.text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let ends_in_ed = w.text.len() > 4 && w.text.ends_with("ed") && w.text.bytes().all(|b| b.is_ascii_lowercase());
    is(w, VERB_FORMS) || (ends_in_ed && !is(w, NOT_PAST))
}

/// Words after a time phrase that are not a noun it describes, beyond the flagged words (which
/// `is_described_noun` rules out), the determiners and the verb forms: pronouns, adverbs and
/// prepositions no flag marks ("in 2005 she", "on Monday alone", "in 2002 between").
#[rustfmt::skip]
const NOT_DESCRIBED_NOUNS: &[&str] = &[
    "nor", "our", "your", "she", "they", "you", "there", "been", "not", "alone", "only", "also", "again", "ago",
    "last", "next", "each", "every", "all", "both", "either", "local", "time", "than", "too", "yet", "still",
    "even", "just", "already", "now", "then", "under", "over", "against", "among", "despite", "without", "into",
    "onto", "upon", "across", "behind", "beyond", "near", "toward", "towards", "via", "per", "along", "off", "out",
    "down", "with", "onwards", "instead", "ahead", "between", "due", "regardless", "remains", "continues",
];
/// Words before the preposition that make the time phrase the verb's ("may in [the future]
/// lead") or open a clause with it ("and in [1982] repaid"): modals, "to" and conjunctions.
#[rustfmt::skip]
const BEFORE_VERBS: &[&str] = &[
    "will", "would", "may", "might", "can", "could", "should", "must", "to", "and", "or", "but", "then", "while",
    "when", "where", "as",
];
/// Number words, which count what follows rather than name it ("in [March] two months after").
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "some", "several", "many", "few",
];

/// Prepositions that lead a noun phrase a time phrase may describe ("in [January] elections",
/// "for [January] delivery", "ahead of [December 21] talks"). "On", "at", "by" and "between"
/// lead the time phrase itself far more often ("would on [Tuesday] give testimony").
const BEFORE_DESCRIBED_NOUNS: &[&str] = &["in", "for", "of", "during", "from", "despite", "amid"];

/// Whether the preposition `before` (after the word `head`) and the word `next` right after a
/// time phrase make it describe that noun ("trounced his party in [January] elections"): then
/// the preposition belongs to the noun and stays in the label. Not after a verb ("published in
/// [2004] photos" dates the publishing); `next` is not a verb, a participle ("-ing", "-ed"), a
/// number word or a function word (`NOT_DESCRIBED_NOUNS`).
pub(super) fn is_described_noun(head: Option<&Word>, before: Option<&Word>, next: Option<&Word>) -> bool {
    let Some(next) = next else { return false };
    let letters = next.text.trim_end_matches([',', ';', ':', '.']);
    let after_a_verb = head.is_none_or(|w| is_verb(w) || is(w, BEFORE_VERBS) || w.has(flag::CLAUSE | flag::PUNCT));
    !after_a_verb
        && before.is_some_and(|w| is(w, BEFORE_DESCRIBED_NOUNS))
        && next.flags == 0
        && letters.len() > 2
        && letters.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !["ly", "ing", "ed"].iter().any(|end| letters.ends_with(end))
        && !is_verb(next)
        && !is(next, NOT_DESCRIBED_NOUNS)
        && !is(next, DETERMINERS)
        && !is(next, VERB_FORMS)
        && !is(next, NUMBER_WORDS)
}

/// Participles whose complement is a date and nothing else ("a letter dated June 13", "a log
/// stamped that day"): without the date they say nothing.
pub(super) const DATING_PARTICIPLES: &[&str] = &["dated", "stamped", "postmarked", "timestamped", "datelined"];

/// The label's words without the sentence's other time phrases, the prepositions that led to
/// them (unless a noun after the phrase keeps its preposition, `is_described_noun`) and the
/// words that joined them ("between 1992 and 2001", "respectively").
pub(super) fn without_times<'t>(label: &[Word<'t>], sentence: &Sentence<'_, 't>) -> Vec<Word<'t>> {
    let mut out: Vec<Word<'t>> = Vec::with_capacity(label.len());
    let mut k = 0;
    while k < label.len() {
        if !sentence.in_date(&label[k]) {
            out.push(label[k]);
            k += 1;
            continue;
        }
        // "the quay over [the weekend]": "over" before a span is its preposition ("took over on
        // Monday" keeps it), as `lead_start` reads it.
        if out.last().is_some_and(|w| is(w, &["over"])) && is(&label[k], &["the"]) {
            out.pop();
        }
        while k < label.len() {
            let joins_next = is(&label[k], RANGE_JOINERS) && label.get(k + 1).is_some_and(|w| sentence.in_date(w));
            if !sentence.in_date(&label[k]) && !joins_next {
                break;
            }
            k += 1;
        }
        // "between 1921 and [1988]", "Earlier [that day]": the words that led to the cut phrase
        // go with it.
        let keeps_preposition = is_described_noun(out.len().checked_sub(2).map(|h| &out[h]), out.last(), label.get(k));
        while !keeps_preposition
            && out.last().is_some_and(|w| {
                w.has(flag::PREPOSITION) || is(w, RANGE_OPENERS) || is(w, RANGE_JOINERS) || is(w, &["earlier", "later"])
            })
        {
            out.pop();
        }
        // "a notice dated [June 13]": a participle that only gave the date goes with it.
        if out.last().is_some_and(|w| is(w, DATING_PARTICIPLES)) {
            out.pop();
        }
        // "[Tuesday's] move may have been motivated": a cut possessive that opened a noun phrase
        // leaves its article ("The move may …"), where a clause opens.
        let opens_clause = out.last().is_none_or(|w| w.has(flag::PUNCT | flag::CLAUSE | flag::REPORTING));
        let possessive_cut = k > 0 && is_possessive(&label[k - 1]);
        if let Some(noun) = label.get(k).filter(|w| possessive_cut && opens_clause && opens_lower_noun(w)) {
            out.push(Word { text: "the", flags: 0, start: noun.start, end: noun.start });
        }
    }
    out.retain(|w| !is(w, &["respectively"]));
    without_length_before_signal(&mut out, sentence);
    // What only led to a time phrase that was cut: "fought a lengthy war from 1980 to [1988]".
    while out.last().is_some_and(|w| w.has(flag::PREPOSITION) || is(w, RANGE_OPENERS) || is(w, RANGE_JOINERS)) {
        out.pop();
    }
    out
}

/// A word in lower case that may head a noun phrase: no verb form, no clause or function word.
fn opens_lower_noun(w: &Word) -> bool {
    w.text.starts_with(|c: char| c.is_ascii_lowercase())
        && !is_verb(w)
        && !w.has(flag::PUNCT | flag::CLAUSE | flag::PREPOSITION | flag::REPORTING)
        && !is(w, DETERMINERS)
}

/// Words after which a length of time is how long something went on ("lasted 12 hours before
/// rescuers came"), not how long after another event it happened.
const TAKING_A_LENGTH: &[&str] = &[
    "for",
    "lasted",
    "last",
    "lasts",
    "lasting",
    "took",
    "take",
    "takes",
    "taking",
    "spent",
    "spend",
    "waited",
    "wait",
    "continued",
    "stayed",
    "remained",
    "ran",
];

/// Words that only measured the length cut by `without_length_before_signal` ("just", "only
/// hours after").
#[rustfmt::skip]
const LENGTH_MEASURES: &[&str] = &[
    "just", "only", "around", "about", "nearly", "almost", "some", "barely", "roughly", "approximately", "exactly",
    "next", "last", "past", "first", "coming", "the", "a", "few", "several", "many",
];

/// `label` without the length of time it ends in when that length only said how long before or
/// after another event the label's happened, and the label was cut at the "after": "The incident
/// happened hours [after Gazza was sacked]" reads "The incident happened".
fn without_length_before_signal(label: &mut Vec<Word>, sentence: &Sentence) {
    let Some(last) = label.last() else { return };
    let next = sentence.index_of(last).and_then(|at| sentence.ws.get(at + 1));
    if !sentence.in_time_phrase(last) || !next.is_some_and(|w| w.has(flag::SIGNAL)) {
        return;
    }
    let length = label.iter().rev().take_while(|w| sentence.in_time_phrase(w)).count();
    let mut kept = label.len() - length;
    // "one to [two weeks]": the start of a range the phrase did not take.
    let numeric = |w: &Word| w.text.bytes().all(|b| b.is_ascii_digit()) || is(w, NUMBER_WORDS);
    if kept >= 2 && is(&label[kept - 1], RANGE_JOINERS) && numeric(&label[kept - 2]) {
        kept -= 2;
    }
    // "just [three days]", "lasted about [12 hours]": the words that measured the length go with
    // it, and the verb before them says whether something took that long.
    let measured_from = kept - label[..kept].iter().rev().take_while(|w| is(w, LENGTH_MEASURES)).count();
    if measured_from > 0 && !is(&label[measured_from - 1], TAKING_A_LENGTH) {
        label.truncate(measured_from);
    }
}

/// The first word a label shows (after the punctuation and noise `tidy` drops).
pub(super) fn opening<'a, 't>(label: &'a [Word<'t>]) -> Option<&'a Word<'t>> {
    label.iter().find(|w| !w.has(flag::PUNCT | flag::LEADING_NOISE))
}

/// A noun phrase a relative clause starting at word `at` is about: the clause just before it
/// when it is short and whole ("Former army leader Pinochet, who died"), else the names or the
/// determiner phrase it ends with ("... fighting Israel, which ended" → "Israel").
pub(super) fn antecedent<'t>(sentence: &Sentence<'_, 't>, at: usize) -> Vec<Word<'t>> {
    let mut clause = sentence.clause_of(at);
    // Skip clauses made of punctuation only (", which").
    while clause > 0 && sentence.clause_words(clause - 1).is_empty() {
        clause -= 1;
    }
    let Some(mut previous) = clause.checked_sub(1) else { return Vec::new() };
    // "Mendes, 80, passed control of the bakery": an age in apposition stands for the name before it.
    let is_age = |words: &[Word]| matches!(words, [age] if age.text.bytes().all(|b| b.is_ascii_digit()));
    while previous > 0 && is_age(sentence.clause_words(previous)) {
        previous -= 1;
    }
    let clause_words = |clause: usize| -> Vec<Word<'t>> {
        super::label::outside_asides(sentence.clause_words(clause))
            .filter(|w| !sentence.in_time_phrase(w))
            .copied()
            .collect()
    };
    let mut words = clause_words(previous);
    // "Ravel, ranked fifth, announced": a participle's clause is an aside, no noun phrase; the
    // noun phrase is the clause before it.
    if opens_participle_aside(&words) && sentence.ws.get(at).is_some_and(is_verb) {
        let Some(before) = previous.checked_sub(1) else { return Vec::new() };
        previous = before;
        words = clause_words(previous);
        // "An Asia-Pacific seminar on water management, organized by …, opened": the whole
        // noun phrase.
        let noun_phrase = !words.iter().any(|w| w.has(flag::CLAUSE | flag::PUNCT) || is_verb(w));
        if previous == 0 && noun_phrase && (1..=MAX_SUBJECT_WORDS).contains(&words.len()) {
            return words;
        }
    }
    // "George Moose, assistant Secretary of State for African Affairs, set the tone": a title in
    // apposition (it opens in lower case) stands for the name before it.
    // Only across a comma: a clause right after its noun ("Kyrgyzstan which tied") is that noun's.
    let after_comma = at > 0 && sentence.ws[at - 1].has(flag::PUNCT);
    let title =
        words.first().is_some_and(|w| w.text.starts_with(|c: char| c.is_lowercase()) && !w.has(flag::PREPOSITION));
    if title && after_comma && previous > 0 && !words.iter().any(|w| w.has(flag::CLAUSE) || is_verb(w)) {
        let name = sentence.clause_words(previous - 1);
        if (1..=4).contains(&name.len()) && name.iter().all(|w| w.text.starts_with(char::is_uppercase)) {
            return name.to_vec();
        }
    }
    let mut names = words.iter().rev().take_while(|w| w.text.starts_with(char::is_uppercase)).count();
    // "British Minister of State Ann Porter, who ...": the run after "Secretary of" or
    // "Minister of" ends the title first ("the election of Maria Luisa Costa" is all name).
    let after_title = names + 2 <= words.len()
        && is(&words[words.len() - names - 1], &["of"])
        && is(&words[words.len() - names - 2], &["secretary", "minister"]);
    if names >= 3 && after_title {
        names -= 1;
    }
    if names > 0 && names < words.len() && !is(&words[0], &["a", "an", "the"]) {
        // "seven less than Juventus, who entertain": the name the clause ends with.
        return words[words.len() - names..].to_vec();
    }
    if (1..=6).contains(&words.len()) && !words.iter().any(|w| w.has(flag::CLAUSE) || is_verb(w)) {
        // An appositive ("Ahmadinejad, a hardcore revolutionary who ..."): the name before it.
        if previous > 0 && is(&words[0], &["a", "an"]) {
            let name = sentence.clause_words(previous - 1);
            if (1..=4).contains(&name.len()) && name.iter().all(|w| w.text.starts_with(char::is_uppercase)) {
                return name.to_vec();
            }
        }
        return words;
    }
    if names > 0 {
        return words[words.len() - names..].to_vec();
    }
    // "costs associated with the potential Valley Federal Savings and Loan Association
    // acquisition, which was terminated": the noun phrase from its determiner, however long its
    // modifiers, while no verb, preposition or clause word stands between (TBAQ wsj_0124 read
    // "Those was terminated").
    // "those in Ukraine's Chernobyl plant, which": a demonstrative before a preposition stands
    // alone, so it opens no noun phrase.
    let determiner_at = |back: usize| {
        let k = words.len() - 1 - back;
        let pronoun = is(&words[k], &["this", "these", "those"])
            && words.get(k + 1).is_some_and(|next| next.has(flag::PREPOSITION) || is(next, LINKING));
        is_determiner(&words[k]) && !pronoun
    };
    let near = (0..words.len().min(5)).find(|&back| determiner_at(back));
    // Only before "which" or "who": "that" may open what was said ("to say that these conditions").
    // Nor after a conjunction: "toward an accord and which ends Sunday" is the conference's.
    let relative_pronoun = sentence.ws.get(at).is_some_and(|w| is(w, &["which", "who"]));
    let coordinated = words.last().is_some_and(|w| is(w, &["and", "or", "but"]));
    let far = || {
        if !relative_pronoun || coordinated {
            return None;
        }
        let breaks = |w: &Word| w.has(flag::PREPOSITION | flag::PUNCT | flag::CLAUSE) || is_verb(w) || is(w, LINKING);
        words
            .iter()
            .rev()
            .take(MAX_DETERMINED_NOUN_WORDS)
            .take_while(|w| is_determiner(w) || !breaks(w))
            .enumerate()
            .find_map(|(back, _)| determiner_at(back).then_some(back))
    };
    near.or_else(far).map_or_else(|| last_noun(&words), |back| words[words.len() - 1 - back..].to_vec())
}

/// Most words a noun phrase from its determiner to the clause after it may take ("the potential
/// Valley Federal Savings and Loan Association acquisition, which").
const MAX_DETERMINED_NOUN_WORDS: usize = 10;

/// Prepositions the word flags leave out that still end a noun phrase read backwards ("a
/// reference to Syria's rule, which": not "a reference to ...").
const LINKING: &[&str] =
    &["to", "with", "over", "into", "toward", "towards", "against", "after", "under", "between", "among", "than"];

fn is_determiner(word: &Word) -> bool {
    is(word, DETERMINERS)
}

/// Most words of a bare noun phrase `last_noun` takes ("Croat refugees").
const MAX_BARE_NOUN_WORDS: usize = 3;

/// The bare noun phrase `words` end with, after their last preposition ("the return of thousands
/// of Croat refugees" → "Croat refugees"); empty when they end otherwise, or are nothing else. A
/// phrase with a quantifier or a gerund ("of all time", "aimed at normalising relations") is
/// no noun a clause could be about on its own.
fn last_noun<'t>(words: &[Word<'t>]) -> Vec<Word<'t>> {
    let noun = words
        .iter()
        .rev()
        .take(MAX_BARE_NOUN_WORDS + 1)
        .take_while(|w| !w.has(flag::PREPOSITION | flag::PUNCT | flag::CLAUSE) && !is_verb(w))
        .count();
    let after_preposition = noun < words.len() && words[words.len() - noun - 1].has(flag::PREPOSITION);
    let phrase = &words[words.len() - noun..];
    if !(1..=MAX_BARE_NOUN_WORDS).contains(&noun)
        || !after_preposition
        || phrase.iter().any(|w| is(w, &["all", "each", "every"]))
    {
        return Vec::new();
    }
    // "normalising bilateral relations": the gerund's object is the noun.
    let gerund = phrase.len() > 1 && phrase[0].text.ends_with("ing");
    phrase[usize::from(gerund)..].to_vec()
}

/// The subject of the sentence's main clause: the words of the first clause that opens with no
/// preposition or clause word, up to its verb (or the whole clause when an appositive or a time
/// phrase cuts it off: "Yadav, a wily politician, Monday refused").
pub(super) fn sentence_subject<'t>(sentence: &Sentence<'_, 't>) -> Vec<Word<'t>> {
    for clause in 0..sentence.starts.len() {
        let words = sentence.clause_words(clause);
        let Some(first) = words.first() else { continue };
        // "a memo from the minister, written in his last days, revealed": a participle's aside.
        let aside_participle = is_lower_participle(first);
        let connective = is_lone_connective(words);
        if first.has(flag::PREPOSITION | flag::CLAUSE | flag::SIGNAL | flag::LEADING_NOISE)
            || is(first, FRAGMENT_OPENERS)
            || sentence.in_time_phrase(first)
            || aside_participle
            || connective
        {
            continue;
        }
        // "The commission's newly appointed representative to the north, Ana Ruiz, held talks":
        // a subject named again in a short appositive, the name.
        let named = appositive_name(sentence, clause);
        if !named.is_empty() {
            return named;
        }
        return clause_subject(sentence, words);
    }
    Vec::new()
}

/// Most words a subject may take.
const MAX_SUBJECT_WORDS: usize = 8;
/// Most words a subject cut off whole by an aside may take, when an article opens it.
const MAX_SET_OFF_SUBJECT_WORDS: usize = 11;

/// The subject `words` (a clause) open with: the words before its verb (or its date),
/// at most `MAX_SUBJECT_WORDS`; a longer one ends where a participle describing it begins
/// ("Some 50,000 Kurds calling for … were expected" → "Some 50,000 Kurds"), and one still
/// longer is the name it opens with (`leading_name`: "Dr Ana Lind of the Institute of …" →
/// "Dr Ana Lind"). Empty when there is none.
fn clause_subject<'t>(sentence: &Sentence<'_, 't>, words: &[Word<'t>]) -> Vec<Word<'t>> {
    // A length of time is part of the subject ("The 17-year-old Ando", "The two-day summit"); a
    // date ends it. So does a verb, but not a participle after a possessive or an article, which
    // describes the noun after it ("Russia's threatened cutting of gas supplies").
    let opens_noun =
        |w: &Word| is(w, &["the", "a", "an", "his", "her", "its", "their", "our", "my"]) || is_possessive(w);
    let mut describing = false;
    let mut length = words.len();
    for (k, w) in words.iter().enumerate() {
        // After a possessive or an article, and after a participle that follows one ("Russia's
        // threatened cutting"), a verb form is the noun's.
        let described = k > 0 && (opens_noun(&words[k - 1]) || describing);
        if sentence.in_date(w) || (is_verb(w) && !described) {
            length = k;
            break;
        }
        describing = is_verb(w) && described;
    }
    let mut subject: Vec<Word<'t>> = words[..length].to_vec();
    let whole = subject.len() == words.len();
    let leads_to_verb = length < words.len();
    if subject.len() > MAX_SUBJECT_WORDS && (whole || leads_to_verb) {
        let participle = subject.iter().position(|w| {
            w.text.len() > 4 && w.text.ends_with("ing") && w.text.bytes().all(|b| b.is_ascii_lowercase())
        });
        subject.truncate(participle.unwrap_or(subject.len()));
    }
    // "The five permanent members of the UN Security Council -- Britain, …": a noun phrase a
    // dash or comma cuts off whole may take a few more words than one that runs to its verb.
    let determined = subject.first().is_some_and(|w| is(w, DETERMINERS));
    let most = if whole && is_titled_name(&subject) {
        MAX_TITLED_NAME_WORDS
    } else if whole && determined {
        MAX_SET_OFF_SUBJECT_WORDS
    } else {
        MAX_SUBJECT_WORDS
    };
    if subject.len() > most && (whole || leads_to_verb) {
        // "Dr Yu-Ning Wong of the Fox Chase Cancer Center in Philadelphia": the name.
        return leading_name(&subject);
    }
    if (1..=most).contains(&subject.len()) && (whole || leads_to_verb) {
        subject
    } else {
        Vec::new()
    }
}

/// Words that count what follows them ("Many Iraqis", "Some Democrats").
const QUANTIFIERS: &[&str] = &["many", "some", "most", "several", "all", "both", "few", "other", "more", "no"];

/// Prepositions after which a long subject goes on to say where a named person is from.
const NAME_AFFILIATIONS: &[&str] = &["of", "at", "from", "with"];

/// The name a long subject opens with: two or more capitalised words (not an article) before
/// an affiliation ("Dr Ana Lind of the Institute …" → "Dr Ana Lind"); empty otherwise.
fn leading_name<'t>(subject: &[Word<'t>]) -> Vec<Word<'t>> {
    let capitalised = |w: &Word| w.text.starts_with(|c: char| c.is_uppercase()) && !is(w, &["the", "a", "an"]);
    // "Two Democrats from …", "Many Iraqis at …": a count of people, no name.
    if subject.first().is_some_and(|w| is(w, NUMBER_WORDS) || is(w, QUANTIFIERS)) {
        return Vec::new();
    }
    let name = subject.iter().take_while(|w| capitalised(w)).count();
    let affiliated = subject.get(name).is_some_and(|w| is(w, NAME_AFFILIATIONS));
    if name >= 2 && affiliated {
        subject[..name].to_vec()
    } else {
        Vec::new()
    }
}

/// Most words a name with its titles may take as a subject ("Vietnamese Deputy Prime Minister
/// and Foreign Minister Pham Gia Khiem").
pub(super) const MAX_TITLED_NAME_WORDS: usize = 14;

/// Small words a title or a name holds in lower case ("Minister of Trade and Industry").
const NAME_JOINERS: &[&str] = &["of", "and", "for", "the", "de", "del", "da", "van", "von", "al", "bin", "la", "le"];

/// Whether `words` are a name with its titles: capitalised words and the small words that join
/// them, ending in a capitalised word.
pub(super) fn is_titled_name(words: &[Word]) -> bool {
    let capitalised = |w: &Word| w.text.starts_with(|c: char| c.is_uppercase());
    words.last().is_some_and(capitalised) && words.iter().all(|w| capitalised(w) || is(w, NAME_JOINERS))
}

/// The subject of the clause after `clause` ("Founded in 1989, APEC is …" → "APEC"); empty
/// when there is none, or no verb follows it.
pub(super) fn next_clause_subject<'t>(sentence: &Sentence<'_, 't>, clause: usize) -> Vec<Word<'t>> {
    if clause + 1 >= sentence.starts.len() {
        return Vec::new();
    }
    let words = sentence.clause_words(clause + 1);
    let opens_well = words.first().is_some_and(|w| !w.has(flag::PREPOSITION | flag::CLAUSE | flag::SIGNAL));
    let subject = if opens_well { clause_subject(sentence, words) } else { Vec::new() };
    // Only words that lead to a verb are a subject: a clause without a known verb names none.
    if subject.len() < words.len() {
        subject
    } else {
        Vec::new()
    }
}

/// The name standing in apposition right after clause `clause` ("…, Ian Martin, held"): one to
/// four capitalised words between commas, with a verb right after them.
fn appositive_name<'t>(sentence: &Sentence<'_, 't>, clause: usize) -> Vec<Word<'t>> {
    let Some(next) = clause.checked_add(1).filter(|&c| c < sentence.starts.len()) else { return Vec::new() };
    let name = sentence.clause_words(next);
    let capitalised = (1..=4).contains(&name.len()) && name.iter().all(|w| w.text.starts_with(char::is_uppercase));
    let then_verb = sentence
        .starts
        .get(next + 1)
        .and_then(|&at| sentence.ws[at..].iter().find(|w| !w.has(flag::PUNCT)))
        .is_some_and(|w| is_verb(w) || sentence.in_time_phrase(w));
    if capitalised && then_verb {
        name.to_vec()
    } else {
        Vec::new()
    }
}

/// Whether the clause holding word `at` is an aside inside the subject, so that the verb after
/// it belongs to the subject before it: a relative clause ("OPEC, whose members produce a third
/// of the oil, decided"), a participle ("The speech, coming after months of silence, seemed")
/// or a clause opened by a clause word ("since his surgery in July").
pub(super) fn is_aside(sentence: &Sentence, at: usize) -> bool {
    let clause = sentence.clause_of(at);
    let words = sentence.clause_words(clause);
    words.first().is_some_and(|w| {
        w.has(flag::CLAUSE)
            || is(w, &["whose", "whom"])
            || (w.text.len() > 5 && w.text.ends_with("ing"))
            || describes_the_opening_subject(sentence, clause)
    })
}

/// Whether clause `clause` is a participle's aside right after the sentence's opening subject
/// ("The bridge, built in 1932, collapsed"): a lower-case participle, regular or one of
/// `IRREGULAR_PARTICIPLES` ("built", "held"), opening the second clause, set off by a comma.
/// (After an appositive those irregular forms are the subject's own verb: "Tshisekedi, …, made
/// it clear".)
pub(super) fn describes_the_opening_subject(sentence: &Sentence, clause: usize) -> bool {
    let lower_participle =
        |w: &Word| is_lower_participle(w) || (is(w, IRREGULAR_PARTICIPLES) && w.text.starts_with(char::is_lowercase));
    let opening = sentence.clause_words(0);
    clause == 1
        && sentence.set_off(1)
        && !opening.is_empty()
        && !opening.iter().any(|w| is_verb(w) || w.has(flag::CLAUSE | flag::PREPOSITION))
        && sentence.clause_words(1).first().is_some_and(|w| lower_participle(w) && !w.has(flag::REPORTING))
}

/// Reporting participles and their past forms: "…, he said, adding that …" is what he added.
const REPORTING_PARTICIPLES: &[(&str, &str)] = &[
    ("adding", "added"),
    ("saying", "said"),
    ("noting", "noted"),
    ("stressing", "stressed"),
    ("explaining", "explained"),
    ("warning", "warned"),
    ("insisting", "insisted"),
    ("arguing", "argued"),
    ("claiming", "claimed"),
    ("declaring", "declared"),
    ("announcing", "announced"),
    ("acknowledging", "acknowledged"),
];

/// Whether the verb of saying at `verb` opens an inverted report: after a quotation
/// ("…," explained Laporte) or, for "said", after any punctuation ("Prices will rise, said the
/// minister"); "Kamp, however, denied the accusation" is none.
fn inverted_report(ws: &[Word], verb: usize) -> bool {
    let quoted = |w: &Word| w.text.contains(['"', '\u{201d}']) || w.text.ends_with("''");
    let after_punct = verb > 0 && ws[verb - 1].has(flag::PUNCT);
    let after_quote = ws[verb.saturating_sub(2)..verb].iter().any(quoted);
    after_punct && (after_quote || is(&ws[verb], &["said", "says"]))
}

/// Most words the speaker of an inverted report takes ("said Spicer at …": "Spicer").
const INVERTED_SPEAKER_WORDS: usize = 5;

/// The speaker and the past form of the reporting participle `w` at index `at` of the sentence,
/// when a comma stands before it: "he said, adding" → ("he", "added"); "said Spicer at the
/// airport, adding" → ("Spicer", "added"); "Tshisekedi dismissed the parliament, saying" →
/// ("Tshisekedi", "said"). `None` for any other word, or when no speaker is found.
pub(super) fn reporting_participle<'t>(
    sentence: &Sentence<'_, 't>,
    at: usize,
) -> Option<(Vec<Word<'t>>, &'static str)> {
    let ws = sentence.ws;
    let w = ws.get(at)?;
    let past = REPORTING_PARTICIPLES.iter().find(|(ing, _)| w.text.eq_ignore_ascii_case(ing)).map(|(_, p)| *p)?;
    if let Some(speaker) = quoted_as_saying(sentence, at) {
        return Some((speaker, past));
    }
    let after_comma = at > 0 && (ws[at - 1].text == "," || ws[at - 1].text.ends_with(','));
    if !after_comma {
        return None;
    }
    let speaker = match ws[..at].iter().rposition(|w| w.has(flag::REPORTING)) {
        // "…," said Spicer at London's airport, adding": the words after the verb ("Kamp,
        // however, denied the accusation" is no inverted report).
        Some(verb) if inverted_report(ws, verb) => ws[verb + 1..at]
            .iter()
            .take_while(|w| !w.has(flag::PUNCT | flag::PREPOSITION | flag::CLAUSE))
            .take(INVERTED_SPEAKER_WORDS)
            .copied()
            .collect(),
        // "…," he said, adding": the words before the verb in its clause.
        Some(verb) if verb + 2 == at || (verb + 1 == at && ws[verb].text.ends_with(',')) => {
            let clause = sentence.starts.iter().rposition(|&s| s <= verb).unwrap_or(0);
            let from = sentence.starts[clause];
            ws[from..verb].iter().filter(|w| !w.has(flag::PUNCT)).copied().collect()
        }
        // "Kamp, however, denied the accusation, saying": the sentence's subject.
        _ => sentence_subject(sentence),
    };
    // "Nevertheless, …, adding": an adverb is no speaker.
    let adverb = |w: &Word| {
        let lower = w.text.to_ascii_lowercase();
        lower.ends_with("ly")
            || lower.ends_with("less")
            || is(w, &["however", "meanwhile", "moreover", "also", "still"])
    };
    let named = (1..=MAX_SUBJECT_WORDS).contains(&speaker.len())
        && !(speaker.len() == 1 && adverb(&speaker[0]))
        && !speaker.iter().any(|w| {
            w.has(flag::CLAUSE | flag::PUNCT)
                || sentence.in_time_phrase(w)
                || REPORTING_PARTICIPLES.iter().any(|(ing, _)| w.text.eq_ignore_ascii_case(ing))
        });
    named.then_some((speaker, past))
}

/// Most words between "quoted" and the "as" of "as saying".
const MAX_QUOTED_WORDS: usize = 10;

/// The one quoted when the reporting participle at word `at` follows "quoted … as" ("SAPA quoted
/// unnamed diplomats as saying" → "unnamed diplomats"; "Rajabu was quoted by local press as
/// saying" → the sentence's subject). `None` for any other shape or a speaker too long to be one.
fn quoted_as_saying<'t>(sentence: &Sentence<'_, 't>, at: usize) -> Option<Vec<Word<'t>>> {
    let ws = sentence.ws;
    // What was said follows; a report closing its sentence ("…, the agency quoted him as saying
    // on Monday") reads speaker first elsewhere (`with_what_was_reported`).
    // Past its time phrase ("as saying on Tuesday that …"), the words must open a clause, not an
    // occasion ("as saying on Tuesday after a cabinet meeting").
    let dating = |k: usize| {
        sentence.in_time_phrase(&ws[k])
            || (ws[k].has(flag::PREPOSITION) && ws.get(k + 1).is_some_and(|w| sentence.in_time_phrase(w)))
    };
    let quote_mark = |k: usize| matches!(ws[k].text, "\"" | "\u{201c}" | "``");
    let from = (at + 1..ws.len()).find(|&k| !dating(k) && !quote_mark(k)).unwrap_or(ws.len());
    let opens_clause = ws.get(from).is_some_and(|w| !w.has(flag::PUNCT | flag::PREPOSITION | flag::SIGNAL));
    let said = ws[from..].iter().filter(|w| !w.has(flag::PUNCT) && !sentence.in_time_phrase(w));
    if !opens_clause || said.count() < 3 {
        return None;
    }
    let as_at = at.checked_sub(1).filter(|&k| is(&ws[k], &["as"]))?;
    let quoted = (as_at.saturating_sub(MAX_QUOTED_WORDS + 1)..as_at).rev().find(|&k| is(&ws[k], &["quoted"]))?;
    let passive = quoted > 0 && is(&ws[quoted - 1], &["was", "were", "is", "are", "been"]);
    let speaker: Vec<Word<'t>> = if passive { sentence_subject(sentence) } else { ws[quoted + 1..as_at].to_vec() };
    let plain = !speaker.iter().any(|w| w.has(flag::PUNCT | flag::CLAUSE) || sentence.in_time_phrase(w));
    ((1..=MAX_SUBJECT_WORDS).contains(&speaker.len()) && plain).then_some(speaker)
}

/// The subject of a report that a clause at byte `at` completes: "Boeing announced that [it had
/// begun]" → "Boeing". The sentence must open with it: a capitalised subject, then a verb of
/// saying, then "that".
pub(super) fn reporting_subject<'t>(sentence: &Sentence<'_, 't>, at: usize) -> Vec<Word<'t>> {
    let ws = sentence.ws;
    let Some(verb) = ws.iter().position(|w| w.has(flag::REPORTING)) else { return Vec::new() };
    // The clause must open right after "that": in "residents said that the plane was cruising
    // when it hit treetops", "it" is the plane.
    // Time phrases ("said on Tuesday that on Friday it ...") and commas do not count.
    // A clause reported with no "that" opens at the pronoun ("said Friday it had withdrawn").
    let mut after_verb =
        ws.iter().skip(verb + 1).filter(|w| !w.has(flag::PUNCT | flag::PREPOSITION) && !sentence.in_time_phrase(w));
    let opens_clause = ws.iter().position(|w| w.start == at).is_some_and(|k| sentence.starts.contains(&k));
    let before_clause = match after_verb.next() {
        Some(that) if that.has(flag::THAT) => after_verb.next().is_some_and(|w| w.start == at),
        next => opens_clause && next.is_some_and(|w| w.start == at),
    };
    // "The Northern Grid Authority (NGA) said": the acronym in brackets names it again.
    let subject = without_bracketed(&ws[..verb]);
    let named = subject.first().is_some_and(|w| w.text.starts_with(char::is_uppercase))
        && (1..=5).contains(&subject.len())
        && !subject.iter().any(|w| w.has(flag::PUNCT | flag::CLAUSE) || sentence.in_time_phrase(w));
    // "he" or "she" stands for a person's name, not for "Bouteflika's office".
    let pronoun = ws.iter().find(|w| w.start == at);
    let personal = pronoun.is_some_and(|w| is(w, &["he", "she"]));
    let a_name = subject.iter().all(|w| w.text.starts_with(char::is_uppercase) && !w.text.contains(['\'', '’']));
    if before_clause && named && (!personal || a_name) {
        subject
    } else {
        Vec::new()
    }
}

/// `words` without one to three words in round brackets ("(NGA)"); as they are otherwise.
fn without_bracketed<'t>(words: &[Word<'t>]) -> Vec<Word<'t>> {
    let open = words.iter().position(|w| w.text == "(");
    let close = open.and_then(|o| words[o..].iter().position(|w| w.text == ")").map(|c| o + c));
    match (open, close) {
        (Some(o), Some(c)) if (2..=4).contains(&(c - o)) => words[..o].iter().chain(&words[c + 1..]).copied().collect(),
        _ => words.to_vec(),
    }
}

/// Most words the noun phrase a pronoun stands for may take ("the two-seater plane").
const MAX_ANTECEDENT_WORDS: usize = 5;

/// What "it" or "they" opening a clause stands for: the subject of the clause right before it,
/// a noun phrase opened by a determiner that agrees in number ("the plane was cruising when
/// [it] hit treetops" → "the plane"). Empty when there is no such subject.
pub(super) fn previous_clause_subject<'t>(sentence: &Sentence<'_, 't>, pronoun: &Word<'t>) -> Vec<Word<'t>> {
    let Some(at) = sentence.ws.iter().position(|w| w.start == pronoun.start) else { return Vec::new() };
    let Some(previous) = sentence.clause_of(at).checked_sub(1) else { return Vec::new() };
    let words = sentence.clause_words(previous);
    let words = &words[words.iter().position(|w| !w.has(flag::THAT | flag::CLAUSE)).unwrap_or(words.len())..];
    let subject: Vec<Word<'t>> = words.iter().take_while(|w| !is_verb(w) && !w.has(flag::PUNCT)).copied().collect();
    let leads_to_verb = words.get(subject.len()).is_some_and(is_verb);
    let Some(head) = subject.last() else { return Vec::new() };
    let plural = head.text.ends_with('s') && !head.text.ends_with("ss");
    let agrees = if pronoun.text.eq_ignore_ascii_case("it") { !plural } else { plural };
    let determined = subject.first().is_some_and(|w| is(w, DETERMINERS));
    if leads_to_verb && agrees && determined && subject.len() <= MAX_ANTECEDENT_WORDS {
        subject
    } else {
        Vec::new()
    }
}

/// What a report at the end of a sentence reported: the words before its clause ("OPEC oil
/// ministers agree ..., Algeria's energy minister said Thursday").
pub(super) fn reported_content<'t>(sentence: &Sentence<'_, 't>, clause_start: usize) -> Vec<Word<'t>> {
    what_was_said(&without_subject_aside(sentence, clause_start), sentence)
}

/// The words before word `end` without the asides set off right after a short opening subject,
/// when a verb follows them: "Michael Nkambule, just signing with the club, has said his return
/// …" → "Michael Nkambule has said his return …".
fn without_subject_aside<'t>(sentence: &Sentence<'_, 't>, end: usize) -> Vec<Word<'t>> {
    let ws = &sentence.ws[..end.min(sentence.ws.len())];
    let within = |c: usize| sentence.starts.get(c).is_some_and(|&start| start < ws.len());
    let Some(&second) = sentence.starts.get(1).filter(|_| within(1)) else { return ws.to_vec() };
    let subject = sentence.clause_words(0);
    let names_a_subject = subject.first().is_some_and(|w| w.text.starts_with(char::is_uppercase))
        && subject.len() <= MAX_SUBJECT_WORDS
        && !is_lone_connective(subject)
        && !subject.iter().any(|w| is_verb(w) || w.has(flag::CLAUSE | flag::PREPOSITION));
    // What it says of the subject ("Egypt's largest opposition group"): not the rest of a list
    // ("Yang Liwei, Fei Junlong and Nie Haisheng"), which opens with a name or "and".
    let opens_description =
        |w: &Word| (is_possessive(w) || !w.text.starts_with(char::is_uppercase)) && !is(w, &["and", "or"]);
    let describes = sentence.set_off(1) && sentence.clause_words(1).first().is_some_and(opens_description);
    // A quotation in the speaker's own voice stays word for word ("“I, the secretary general of
    // NATO, have been …”", "“Why, under the pretext …, have you come”"); one told in the
    // timeline's voice is cut like any sentence.
    let opening = &ws[..second];
    let quoted = opening.iter().any(|w| w.text.contains(['"', '\u{201c}', '\u{201d}']) || w.text.starts_with("``"));
    let own_voice = opening
        .iter()
        .filter_map(without_quote_marks)
        .any(|w| is(&w, &["i", "we", "you", "why", "what", "how", "who"]));
    if !(names_a_subject && describes) || (quoted && own_voice) {
        return ws.to_vec();
    }
    let verb_clause = (2..2 + MAX_ASIDES)
        .take_while(|&c| within(c) && sentence.set_off(c))
        .find(|&c| opens_with_verb(&without_times(sentence.clause_words(c), sentence)));
    let Some(verb_clause) = verb_clause else { return ws.to_vec() };
    let verb_start = sentence.starts[verb_clause];
    let verb_start = verb_start + ws[verb_start..].iter().take_while(|w| w.has(flag::PUNCT)).count();
    ws[..second].iter().chain(&ws[verb_start..]).copied().collect()
}

/// `words` as what was said: without quotation marks, time phrases, punctuation at either end,
/// or a conjunction opening it.
pub(super) fn what_was_said<'t>(words: &[Word<'t>], sentence: &Sentence<'_, 't>) -> Vec<Word<'t>> {
    let mut first = words.iter().position(|w| !w.has(flag::PUNCT)).unwrap_or(words.len());
    // "And the dam was being rebuilt, he said": the link to the sentence before is not said
    // ("So far" is no link).
    let degree = words.get(first).is_some_and(|w| is(w, &["so"]))
        && words.get(first + 1).is_some_and(|w| is(w, &["far", "much", "many", "long"]));
    if words.get(first).is_some_and(|w| is(w, &["and", "but", "so"])) && !degree && first + 1 < words.len() {
        first += 1;
    }
    let unquoted: Vec<Word<'t>> = words[first..].iter().filter_map(without_quote_marks).collect();
    let mut content = without_times(&unquoted, sentence);
    while content.last().is_some_and(|w| w.has(flag::PUNCT)) {
        content.pop();
    }
    content
}

/// A word without the quotation marks it stands for or opens with (typewriter quotes ``…''
/// included); `None` for a word that is only quotation marks.
pub(super) fn without_quote_marks<'t>(w: &Word<'t>) -> Option<Word<'t>> {
    let text = w.text.trim_start_matches('`');
    let only_marks = text.is_empty() || text.chars().all(|c| c == '\'') || is(w, &["\"", "\u{201c}", "\u{201d}"]);
    (!only_marks).then(|| Word { text, start: w.start + (w.text.len() - text.len()), ..*w })
}

/// Words that open a noun phrase: a reduced relative ("the delegation organized by ...") only
/// follows one, and the subject of a clause joined by "and" opens with one.
pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "this", "these", "those"];

/// Words that make a participle after them a passive verb of the clause ("was organized by").
const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "get", "got"];

/// Words before a verb that coordinate it with the participle ("stopped by the bakery and
/// arrested"): then the participle is a verb of the clause, not a description of its subject.
const COORDINATORS: &[&str] = &["and", "or", "then", "but"];

/// Words of a subject that the participle after it restricts rather than describes: without it
/// the subject means another thing ("the highest total conceded by England", "the number of
/// cases investigated by police", "the first satellite launched by China").
const RESTRICTED: &[&str] = &[
    "number",
    "amount",
    "total",
    "share",
    "proportion",
    "percentage",
    "rate",
    "most",
    "least",
    "first",
    "last",
    "only",
    "highest",
    "largest",
    "biggest",
    "lowest",
    "smallest",
    "best",
    "worst",
    "greatest",
    "longest",
    "oldest",
    "youngest",
    "fastest",
    "latest",
    "newest",
];

/// The label without a participle and its agent that describe the subject, when the label is
/// too long to show what the subject did ("The 28-member delegation jointly organized by the
/// Carter Center and the institute released its report on the runoff" → "The 28-member
/// delegation released its report on the runoff"). Only where the subject is a noun phrase (it
/// opens with a determiner and holds no verb, clause or punctuation), the participle restricts
/// nothing (`RESTRICTED`) and is no passive verb of its own ("was organized by"), and a verb of
/// the clause follows the agent, not coordinated with the participle ("and arrested") and not
/// an adjective of the agent ("newly elected").
pub(super) fn without_reduced_relative<'t>(label: Vec<Word<'t>>) -> Vec<Word<'t>> {
    let words = label.iter().filter(|w| !w.has(flag::PUNCT)).count();
    if words <= super::label::MAX_LABEL_WORDS || !label.first().is_some_and(|w| is(w, DETERMINERS)) {
        return label;
    }
    let Some(by) = label.iter().position(|w| is(w, &["by"])) else { return label };
    let participle = by.saturating_sub(1);
    let is_participle = |w: &Word| is_verb(w) && !is(w, VERB_FORMS) || is(w, IRREGULAR_PARTICIPLES);
    if participle < 2 || !is_participle(&label[participle]) {
        return label;
    }
    let from = if label[participle - 1].text.ends_with("ly") { participle - 1 } else { participle };
    let subject = &label[..from];
    let noun_phrase = subject.len() >= 2
        && !subject
            .iter()
            .any(|w| w.has(flag::PUNCT | flag::CLAUSE) || is_verb(w) || is(w, AUXILIARIES) || is(w, RESTRICTED));
    if !noun_phrase {
        return label;
    }
    let after_agent = by + 2;
    let Some(verb) = label.get(after_agent..).and_then(|rest| rest.iter().position(is_verb)).map(|k| k + after_agent)
    else {
        return label;
    };
    let before_verb = &label[verb - 1];
    let agent = &label[by + 1..verb];
    if agent.iter().any(|w| w.has(flag::PUNCT | flag::CLAUSE))
        || is(before_verb, COORDINATORS)
        || before_verb.text.ends_with("ly")
    {
        return label;
    }
    let mut kept = subject.to_vec();
    kept.extend_from_slice(&label[verb..]);
    kept
}

/// Past participles not written "-ed" that often describe a subject ("the talks held by ...").
const IRREGULAR_PARTICIPLES: &[&str] =
    &["held", "led", "made", "run", "sent", "built", "written", "taken", "given", "chosen", "known", "brought", "won"];

/// Irregular forms that are past participles and not simple past tenses ("written", "taken"),
/// and "put", "set", "shut", which right after a comma describe the noun before it ("the
/// building, put up in the 1990s").
const PARTICIPLES_AFTER_A_COMMA: &[&str] = &[
    "written",
    "taken",
    "given",
    "chosen",
    "known",
    "shown",
    "seen",
    "begun",
    "broken",
    "stolen",
    "put",
    "set",
    "shut",
    "driven",
    "spoken",
    "frozen",
    "drawn",
    "thrown",
    "sworn",
    "hidden",
    "shaken",
    "beaten",
    "proven",
    "forgotten",
    "unseen",
    "overtaken",
    "undertaken",
];

/// A past participle that, right after a comma, describes the noun before it: a lower-case verb
/// form in "-ed" or one of `PARTICIPLES_AFTER_A_COMMA` (not "made", "held", "won": after an
/// appositive those are the subject's own verb, "Tshisekedi, ..., made it clear").
pub(super) fn is_participle(w: &Word) -> bool {
    (is_verb(w) && w.text.ends_with("ed") && !is(w, NO_PASSIVE)) || is(w, PARTICIPLES_AFTER_A_COMMA)
}

/// Participles of news events and their past forms, for a participle's clause read as what its
/// subject did ("…, killing two soldiers" → "killed two soldiers"). A table: past forms cannot be
/// made by rule ("winning" → "won", "being" → "was"). Not those that are nouns of dates as often
/// ("beginning of February", "the year ending March 31", "the opening").
#[rustfmt::skip]
pub(super) const PARTICIPLE_PASTS: &[(&str, &str)] = &[
    ("being", "was"), ("having", "had"), ("winning", "won"), ("taking", "took"), ("leading", "led"),
    ("meeting", "met"), ("making", "made"), ("giving", "gave"), ("leaving", "left"), ("holding", "held"),
    ("bringing", "brought"), ("beating", "beat"), ("losing", "lost"),
    ("selling", "sold"), ("sending", "sent"), ("spending", "spent"), ("paying", "paid"), ("setting", "set"),
    ("hitting", "hit"), ("striking", "struck"), ("shooting", "shot"), ("building", "built"),
    ("breaking", "broke"), ("falling", "fell"), ("rising", "rose"), ("becoming", "became"),
    ("killing", "killed"), ("injuring", "injured"), ("wounding", "wounded"), ("arriving", "arrived"),
    ("visiting", "visited"), ("prompting", "prompted"), ("sparking", "sparked"), ("fearing", "feared"),
    ("raising", "raised"), ("pushing", "pushed"), ("forcing", "forced"),
    ("triggering", "triggered"), ("causing", "caused"), ("claiming", "claimed"), ("returning", "returned"),
    ("signing", "signed"), ("defeating", "defeated"), ("finishing", "finished"), ("scoring", "scored"),
    ("clinching", "clinched"), ("capturing", "captured"), ("securing", "secured"), ("joining", "joined"),
    ("reaching", "reached"), ("launching", "launched"), 
    ("attending", "attended"), ("completing", "completed"), ("destroying", "destroyed"),
    ("damaging", "damaged"), ("displacing", "displaced"),
];

/// The past form of the participle `w` (`PARTICIPLE_PASTS`), if it is one.
pub(super) fn past_of_participle(w: &Word) -> Option<&'static str> {
    PARTICIPLE_PASTS.iter().find(|(ing, _)| w.text.eq_ignore_ascii_case(ing)).map(|(_, past)| *past)
}

/// A participle in lower case: not the capitalised first word of a sentence.
fn is_lower_participle(w: &Word) -> bool {
    w.text.starts_with(char::is_lowercase) && is_participle(w)
}

/// Whether a clause's words open as a participle's aside: a lower-case participle and a word
/// that is no name ("ranked fifth", "written in his last days"; not "agreed Mustapha Cherif").
fn opens_participle_aside(words: &[Word]) -> bool {
    match words {
        [w, next, ..] => {
            let name = next.text.starts_with(char::is_uppercase);
            is_lower_participle(w) && !w.has(flag::REPORTING) && !name
        }
        _ => false,
    }
}

/// Words that open a sentence as a link to the one before, never as its subject.
pub(super) const CONNECTIVES: &[&str] = &[
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "instead",
    "still",
    "also",
    "additionally",
    "separately",
    "similarly",
    "likewise",
    "consequently",
    "accordingly",
    "therefore",
    "thus",
];

/// Words besides the prepositions that open a phrase before what was said ("said that aside
/// from the four arrested, they had no plans").
const PHRASE_OPENERS: &[&str] = &["aside", "apart", "besides", "unlike", "given", "regardless", "instead", "as"];

/// Most asides skipped between a reported subject and its verb.
const MAX_ASIDES: usize = 2;

/// A report whose label stops at the subject of what was said, cut off by an aside ("Police
/// said the bus, supposed to carry 26 people, carried 52 passengers" → "Police said the bus"),
/// gets the verb clause after the aside: "Police said the bus carried 52 passengers".
pub(super) fn with_verb_after_aside<'t>(label: &mut Vec<Word<'t>>, sentence: &Sentence<'_, 't>) {
    let Some(report) = label.iter().rposition(|w| w.has(flag::REPORTING)) else { return };
    let (speaker, said) = (&label[..report], &label[report + 1..]);
    // A speaker, the report, then (in the text's order, so not an inverted quotation) a noun
    // phrase with no verb: not "told the newspaper" (its object), "reported missing".
    let has_speaker = speaker.iter().find(|w| !w.has(flag::PUNCT)).is_some_and(|w| !w.has(flag::CLAUSE));
    let in_order = said.first().is_some_and(|w| w.start > label[report].start);
    // "the arrested four": an "-ed" word after a determiner describes a noun.
    let verb_at = |k: usize| is_verb(&said[k]) && !(k > 0 && is(&said[k - 1], DETERMINERS));
    let subject_only = said.len() <= MAX_SUBJECT_WORDS && !(0..said.len()).any(verb_at);
    let takes_object = is(&label[report], &["told", "tell", "tells", "telling"]);
    let noun_phrase = said.first().is_some_and(opens_noun_phrase);
    let opens_a_phrase = |w: &Word| w.has(flag::PREPOSITION) || is(w, PHRASE_OPENERS);
    if has_speaker && in_order && subject_only && said.first().is_some_and(opens_a_phrase) {
        with_said_after_its_opening_phrase(label, report, sentence);
        return;
    }
    if !(has_speaker && in_order && subject_only && !takes_object && noun_phrase) {
        return;
    }
    let Some(end) = said.last().and_then(|last| sentence.index_of(last)) else { return };
    let subject_clause = sentence.clause_of(end);
    // "said the latest move meant that …": what follows is the noun phrase's own clause.
    let next = subject_clause + 1;
    if sentence.starts.get(next).is_some()
        && !sentence.set_off(next)
        && sentence.clause_words(next).first().is_some_and(|w| w.has(flag::THAT))
    {
        return;
    }
    // "said the Chinese people, in accordance with laws, enjoy …": a present verb no word list
    // knows is read by the part-of-speech model, after the subject.
    let reads_as_verb = |c: usize| {
        let words = sentence.clause_words(c);
        opens_with_verb(words) || words.first().is_some_and(|first| tagged_as_finite_after(said, first, words.get(1)))
    };
    let verb_clauses: Vec<usize> = (subject_clause + 1..sentence.starts.len())
        .take(MAX_ASIDES + 2)
        .filter(|&c| sentence.set_off(c) && reads_as_verb(c))
        .collect();
    // "the aim of the mission, codenamed Alba, was peaceful", "the ferry, built to carry 300,
    // carried 700": a verb right after the subject, before another verb clause, opens a
    // participle's aside that describes the subject.
    let is_participle_aside = |clause: usize| {
        clause == subject_clause + 1
            && sentence.clause_words(clause).first().is_some_and(|w| w.text.starts_with(char::is_lowercase))
    };
    let verb = match verb_clauses.as_slice() {
        [aside, then, ..] if is_participle_aside(*aside) => *then,
        [first, ..] => *first,
        [] => return,
    };
    // An aside stands between ("reported 12,068 crimes, seized 239 kg of heroin" is a list).
    if verb == subject_clause + 1 {
        return;
    }
    label.extend(without_times(sentence.clause_words(verb), sentence));
}

/// Whether the part-of-speech model reads `word` (then `next`) as a finite verb when it follows
/// the noun phrase `subject` directly: "the Chinese people enjoy".
fn tagged_as_finite_after(subject: &[Word], word: &Word, next: Option<&Word>) -> bool {
    let Some(model) = crate::pos::shipped() else { return false };
    if !word.text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let mut words: Vec<&str> = subject.iter().filter(|w| !w.has(flag::PUNCT)).map(|w| w.text).collect();
    let at = words.len();
    words.push(word.text);
    words.extend(next.map(|w| w.text));
    crate::pos::tag(model, &words).get(at).is_some_and(|tag| matches!(*tag, "VBP" | "VBZ" | "VBD" | "MD"))
}

/// Most words of an adjunct between a report and its "that" ("said at that time that").
const MAX_ADJUNCT_BEFORE_THAT: usize = 5;

/// The speaker, report and subject of what was said before the verb at word `at`, when an
/// aside set off by commas stands between them: in "The board said the old crane, which had
/// stood since 1911, was dismantled", the verb "was dismantled" is the crane's, and the label
/// reads "The board said the old crane was dismantled", never "The board was dismantled". Empty
/// for any other shape.
pub(super) fn reported_subject_before<'t>(sentence: &Sentence<'_, 't>, at: usize) -> Vec<Word<'t>> {
    let ws = sentence.ws;
    let clause = sentence.clause_of(at);
    if clause == 0 || !is_set_off_mark(&ws[sentence.starts[clause]]) {
        return Vec::new();
    }
    let Some(report) = ws[..sentence.starts[clause]].iter().rposition(|w| w.has(flag::REPORTING)) else {
        return Vec::new();
    };
    // "said at that time that Berg, now in exile, would visit": an adjunct may stand before "that".
    let that = (report + 1..at.min(report + 1 + MAX_ADJUNCT_BEFORE_THAT))
        .take_while(|&i| !ws[i].has(flag::PUNCT))
        .filter(|&i| ws[i].has(flag::THAT))
        .last();
    let np_start = that.map_or(report + 1, |i| i + 1);
    let Some(np_end) = (np_start..at).find(|&i| is_set_off_mark(&ws[i])) else { return Vec::new() };
    // An aside stands between: "Police said the ferry, built in 1990, sank" dates the building
    // of the ferry with "built", which is no verb of what was said.
    if np_end == sentence.starts[clause] {
        return Vec::new();
    }
    let subject = without_times(&ws[np_start..np_end], sentence);
    let noun_phrase = subject.first().is_some_and(opens_noun_phrase)
        && subject.len() <= MAX_SUBJECT_WORDS
        && !subject.iter().any(|w| is_verb(w) || w.has(flag::CLAUSE | flag::PUNCT));
    let mut speaker: Vec<Word<'t>> = without_times(&ws[sentence.starts[sentence.clause_of(report)]..report], sentence)
        .into_iter()
        .filter(|w| !w.has(flag::PUNCT))
        .collect();
    if speaker.is_empty() {
        // "The official, speaking on condition of anonymity, said": the sentence's subject.
        speaker = sentence_subject(sentence).into_iter().filter(|w| w.start < ws[report].start).collect();
    }
    let speaks = speaker.first().is_some_and(|w| opens_noun_phrase(w) && !w.has(flag::CLAUSE | flag::PREPOSITION));
    if !(noun_phrase && speaks) {
        return Vec::new();
    }
    speaker.into_iter().chain([ws[report]]).chain(subject).collect()
}

/// A label whose report at `report` is followed only by a phrase of what was said ("He said in
/// return") gets, in place of the phrase, the clause after it when a comma parts them, it opens
/// with a subject and holds a verb: "He said Kazakhstan would import a number of products".
fn with_said_after_its_opening_phrase<'t>(label: &mut Vec<Word<'t>>, report: usize, sentence: &Sentence<'_, 't>) {
    let Some(end) = label.last().and_then(|last| sentence.index_of(last)) else { return };
    let next = sentence.clause_of(end) + 1;
    if !sentence.set_off(next) {
        return;
    }
    let words = sentence.clause_words(next);
    let opens = words.first().is_some_and(|w| opens_noun_phrase(w) && !is_verb(w));
    if opens && words.iter().any(is_verb) {
        label.truncate(report + 1);
        label.extend(without_times(words, sentence));
    }
}

/// Whether `w` can open the subject of what was said: a determiner, a pronoun, a number or a
/// capitalised word ("the blaze", "he", "47 delegations", "Wei").
fn opens_noun_phrase(w: &Word) -> bool {
    is(w, DETERMINERS)
        || is(w, SUBJECT_PRONOUNS)
        || is(w, &["it", "you", "our", "my", "your", "all", "some", "one", "two"])
        || w.text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// A comma or a dash: what sets an aside off.
fn is_set_off_mark(w: &Word) -> bool {
    matches!(w.text, "," | "--" | "\u{2014}")
}

/// Whether a clause is nothing but a connective ("However,"): no subject.
fn is_lone_connective(words: &[Word]) -> bool {
    matches!(words, [only] if is(only, CONNECTIVES))
}

/// Whether `words` open with a verb, or an adverb and a verb ("normally would remain").
fn opens_with_verb(words: &[Word]) -> bool {
    match words {
        [first, ..] if is_verb(first) => true,
        [adverb, verb, ..] => {
            let lower = adverb.text.starts_with(|c: char| c.is_lowercase());
            (lower && (adverb.text.ends_with("ly") || is(adverb, BEFORE_A_VERB))) && is_verb(verb)
        }
        _ => false,
    }
}

/// A possessive noun: "Russia's", "the ministers'".
pub(super) fn is_possessive(w: &Word) -> bool {
    w.text.ends_with("'s") || w.text.ends_with("\u{2019}s") || w.text.ends_with("s'")
}

/// Whether `words` open with an adverb before a verb ("also closed", "later voted"), not before
/// a participle that describes the noun after it ("newly declassified papers revealed").
pub(super) fn opens_with_adverb_before_verb(words: &[Word]) -> bool {
    let describes_a_noun = match words {
        [_, participle, noun, verb, ..] => {
            participle.text.ends_with("ed")
                && !noun.has(flag::PREPOSITION | flag::PUNCT)
                && !is(noun, DETERMINERS)
                && !is(noun, SUBJECT_PRONOUNS)
                && !is(noun, &["it", "you", "this", "that"])
                && is_verb(verb)
        }
        _ => false,
    };
    matches!(words, [adverb, _, ..] if !is_verb(adverb)) && opens_with_verb(words) && !describes_a_noun
}

/// Adverbs not in "-ly" that stand between a subject and its verb ("Zarqawi, the top militant
/// wanted in Iraq, also vowed …").
const BEFORE_A_VERB: &[&str] = &["also", "later", "then", "earlier", "again", "still", "soon", "often"];

/// Past forms of verbs that take no object, so never a passive participle: after a comma they
/// are the verb of the subject before it ("A second climber from the team, died Sunday").
const NO_PASSIVE: &[&str] = &["died", "arrived", "happened", "occurred", "existed", "emerged", "retired"];

/// The sentence's main clause without its time phrases: the label when the cut one reads as no
/// entry at all. The first clause that opens with neither a preposition nor a clause word and
/// holds a verb (a verbless first clause is the subject of a clause that opens with a verb after
/// an aside); failing that, a short report a "that" clause completes; failing that, the first
/// that opens well.
pub(super) fn main_clause<'t>(sentence: &Sentence<'_, 't>) -> Vec<Word<'t>> {
    let mut fallback = Vec::new();
    let mut short_report = Vec::new();
    let mut subject = Vec::new();
    let mut subject_clause = 0;
    let mut after_connective = false;
    for clause in 0..sentence.starts.len() {
        let kept = without_times(sentence.clause_words(clause), sentence);
        let Some(first) = kept.first() else { continue };
        // "A vehicle in the force that patrols the capital was damaged": a restrictive relative
        // clause right after a verbless subject, followed by the subject's own verb, belongs to it.
        let restrictive = clause == subject_clause + 1 && first.has(flag::RELATIVE) && !sentence.set_off(clause);
        if restrictive && !subject.is_empty() && holds_the_main_verb(&kept) {
            return std::mem::take(&mut subject).into_iter().chain(kept).collect();
        }
        let opens_badly = first.has(flag::PREPOSITION | flag::CLAUSE | flag::SIGNAL | flag::LEADING_NOISE)
            || is(first, FRAGMENT_OPENERS);
        if opens_badly {
            continue;
        }
        // "…, Lund promised that the town would …": a short report, completed by the "that"
        // clause after it (three words or more), when no longer clause holds a verb.
        let reports_what_follows = kept.last().is_some_and(|w| w.has(flag::REPORTING))
            && clause + 1 < sentence.starts.len()
            && matches!(sentence.clause_words(clause + 1), [that, said @ ..]
                if that.has(flag::THAT) && said.iter().filter(|w| !w.has(flag::PUNCT)).count() >= 3);
        // "However, Germany, the pact's main architect, has been": a connective is no subject.
        let connective = is_lone_connective(&kept);
        if connective {
            after_connective = true;
        }
        let subject_may_open = clause == 0 || (clause == 1 && after_connective);
        if subject_may_open
            && subject.is_empty()
            && !connective
            && !kept.iter().any(is_verb)
            && kept.len() <= MAX_SUBJECT_WORDS
        {
            // "Albania's deputy minister, Alfred Moisiu, told": the name.
            subject = appositive_name(sentence, clause);
            if subject.is_empty() {
                subject.clone_from(&kept);
            }
            subject_clause = clause;
        }
        // "The ferry terminal, which was the only link, was shut": the first verb opening a
        // clause after a verbless first clause is that clause's (its subject's); not one that
        // another verb-led clause set off by a comma follows ("Nikko, ranked third, announced",
        // "Ahly, considered by some as the best club, won").
        let aside = || {
            (clause + 1..sentence.starts.len())
                .find(|&c| sentence.set_off(c))
                .is_some_and(|c| opens_with_verb(sentence.clause_words(c)))
        };
        // Only asides set off by commas or dashes stand between them.
        let set_off = sentence.set_off(subject_clause + 1) && sentence.set_off(clause);
        if clause > subject_clause && opens_with_verb(&kept) && !subject.is_empty() && set_off && !aside() {
            return std::mem::take(&mut subject).into_iter().chain(kept).collect();
        }
        // "Zarqawi, the top militant wanted in Iraq, also vowed": a noun phrase set off right
        // after the subject says who it is, whatever verb form describes it; the verb after it
        // is the subject's.
        let apposition = clause == subject_clause + 1
            && !subject.is_empty()
            && sentence.set_off(clause)
            && (is(first, &["the", "a", "an"]) || is_possessive(first))
            && (clause + 1..sentence.starts.len())
                .take(MAX_ASIDES)
                .find(|&c| sentence.set_off(c))
                .is_some_and(|c| opens_with_verb(&without_times(sentence.clause_words(c), sentence)));
        if apposition {
            continue;
        }
        if kept.len() < 3 {
            if reports_what_follows && short_report.is_empty() {
                short_report = kept;
            }
            continue;
        }
        if kept.iter().any(is_verb) {
            return kept;
        }
        if fallback.is_empty() {
            fallback = kept;
        }
    }
    if short_report.is_empty() {
        fallback
    } else {
        short_report
    }
}

/// Finite verbs that open a main clause's predicate after a relative clause ("that patrols the
/// capital was damaged").
const FINITE_AFTER_RELATIVE: &[&str] = &["was", "were", "is", "are", "has", "have", "had", "will", "would"];

/// Words after a relative word that open its clause's own subject ("that we are about to sign
/// is"), so its first finite verb is its own.
const RELATIVE_SUBJECTS: &[&str] =
    &["the", "a", "an", "we", "they", "he", "she", "it", "i", "you", "his", "her", "its", "their", "our", "police"];

/// Whether the relative clause `relative` ("that patrols the capital was damaged") goes on past
/// its own verb to a verb of the clause it is part of. A relative that is its clause's subject
/// has its verb right after it (a past form, an auxiliary or a present "-s" in lower case:
/// "that patrols", "who have died", "that was built"), so a finite verb
/// (`FINITE_AFTER_RELATIVE`) or a past form after that verb group, and after a lexical verb's
/// object, is the main one ("that hired the divers paid the crews", "who have died are
/// thought"); a past form joined to an auxiliary, a determiner or a conjunction is not ("that
/// officials have evacuated", "who have lost their loved ones"). A relative with a subject of its own ("that we are about to sign
/// is", "stressing that ratings have been upgraded") needs a finite verb after its own verb
/// group. Never one joined by "and"/"or" to the relative's, nor a pronoun's own ("that spent
/// millions to welcome the guest it has ever hosted"). "that of" is a pronoun, no relative.
fn holds_the_main_verb(relative: &[Word]) -> bool {
    let Some(second) = relative.get(1) else { return false };
    if is(second, &["of"]) {
        return false;
    }
    let pronoun = |w: &Word| is(w, SUBJECT_PRONOUNS) || is(w, &["it", "you"]);
    let main = |k: usize| {
        is(&relative[k], FINITE_AFTER_RELATIVE)
            && !is(&relative[k - 1], &["and", "or", "that", "which", "who"])
            && !pronoun(&relative[k - 1])
    };
    let group_end =
        |from: usize| from + relative[from..].iter().take_while(|w| is_verb(w) || is(w, AUXILIARIES)).count();
    let lower = second.text.starts_with(char::is_lowercase);
    let present = lower && second.text.len() > 3 && second.text.ends_with('s') && !second.text.ends_with("ss");
    let auxiliary = is(second, AUXILIARIES);
    if lower && !is(second, RELATIVE_SUBJECTS) && (is_verb(second) || present || auxiliary) {
        let from = if auxiliary { group_end(1) } else { group_end(1).max(3) };
        let joined = |k: usize| {
            is(&relative[k - 1], &["and", "or", "to"])
                || is(&relative[k - 1], AUXILIARIES)
                || is(&relative[k - 1], DETERMINERS)
        };
        let told = relative.iter().enumerate().skip(from).find_map(|(k, w)| {
            if pronoun(w) {
                return Some(false);
            }
            // The sentence's last word keeps its full stop ("collapsed.").
            let word = Word { text: w.text.trim_end_matches('.'), ..*w };
            (main(k) || (is_verb(&word) && !word.text.ends_with("ing") && !joined(k))).then_some(true)
        });
        return told.unwrap_or(false);
    }
    let Some(own) = (1..relative.len()).find(|&k| is(&relative[k], FINITE_AFTER_RELATIVE) || is_verb(&relative[k]))
    else {
        return false;
    };
    (group_end(own) + 1..relative.len()).any(main)
}

/// Prepositions that open a relative clause about where, when or how ("under which", "during
/// which"): `without_leading_preposition`. Not "of" ("the launch of which is scheduled": the
/// clause is about the launch).
const RELATIVE_PREPOSITIONS: &[&str] =
    &["under", "in", "by", "during", "through", "for", "from", "at", "on", "with", "to", "after", "before"];

/// Pronouns that open a clause as its subject ("she said", "we need").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Words that end an opening prepositional phrase without starting its clause's subject: a
/// conjunction or a subordinator (an infinitive's "to" is told apart where it is read).
const PHRASE_ENDERS: &[&str] = &[
    "and", "but", "or", "unless", "if", "whether", "because", "when", "while", "though", "although", "that", "so",
    "than", "where", "as",
];

/// The pronoun subject after an opening prepositional phrase is looked for this many words
/// into the label (the phrase may run up to 13 words before it).
const OPENING_PHRASE_WORDS: usize = 14;

/// The label without the preposition and relative pronoun it opens with, when what is left
/// reads as an entry: "under which tariffs would be cut" → "tariffs would be cut"; and without
/// an opening prepositional phrase before a pronoun subject and its verb: "In an interview in
/// the daily Zeitung she said …" → "she said …" ("At least 13 people died" stays).
pub(super) fn without_leading_preposition(label: Vec<Word<'_>>) -> Vec<Word<'_>> {
    let Some(at) = label.iter().position(|w| !w.has(flag::PUNCT)) else { return label };
    let relative =
        is(&label[at], RELATIVE_PREPOSITIONS) && label.get(at + 1).is_some_and(|w| is(w, &["which", "whom"]));
    let clause = label.get(at + 2..).unwrap_or_default();
    if relative && reads_as_entry(clause) && clause.iter().any(is_verb) {
        return clause.to_vec();
    }
    let opening_phrase = is(&label[at], RELATIVE_PREPOSITIONS)
        && !label.get(at + 1).is_some_and(|w| is(w, &["least", "most", "which", "whom"]));
    // The phrase is nouns and their modifiers ending in a name ("…the daily Neue Osnabruecker
    // Zeitung she said"): a verb, a report or a joining word before the pronoun makes it a
    // clause of its own ("before the end of the quarter to show they are", "because he does
    // not believe"), and a pronoun right after a common noun opens a relative clause ("in an
    // interview he gave").
    let subject = (at + 2..label.len().min(at + OPENING_PHRASE_WORDS))
        .take_while(|&k| {
            // "to show" is an infinitive; "to Moscow", "to the mayor" a preposition.
            let infinitive = is(&label[k], &["to"])
                && label.get(k + 1).is_some_and(|w| {
                    w.text.starts_with(|c: char| c.is_lowercase()) && !is(w, &["the", "a", "an", "his", "her", "their"])
                });
            !is_verb(&label[k])
                && !label[k].has(flag::REPORTING | flag::CLAUSE)
                && !is(&label[k], PHRASE_ENDERS)
                && !infinitive
        })
        .find(|&k| {
            let after_a_name = label[k - 1].text.starts_with(|c: char| c.is_uppercase());
            after_a_name && is(&label[k], SUBJECT_PRONOUNS) && label.get(k + 1).is_some_and(is_verb)
        });
    match subject.map(|k| &label[k..]) {
        Some(clause) if opening_phrase && reads_as_entry(clause) => clause.to_vec(),
        _ => label,
    }
}

/// Subordinating words whose clause states on its own what happened ("a neighbourhood where six
/// members of a family died", "though scores were feared drowned"), unlike "if" or "whether".
/// Temporal ones ("since the party took power in March") state what happened at the time they
/// give.
const ASSERTING_SUBORDINATORS: &[&str] =
    &["where", "though", "although", "whereas", "since", "after", "before", "until", "once"];

/// Of `ASSERTING_SUBORDINATORS`, those that are prepositions too.
const TEMPORAL_SUBORDINATORS: &[&str] = &["since", "after", "before", "until", "once"];

/// The label without an opening subordinator whose clause states what happened, when what is
/// left reads as an entry: "where Mexican soldiers killed a trafficker" → "Mexican soldiers
/// killed a trafficker". A "where" about a place the sentence names says where: "…, in
/// Tumbuscatio".
pub(super) fn without_subordinator<'t>(label: Vec<Word<'t>>, sentence: &Sentence<'_, 't>) -> Vec<Word<'t>> {
    let Some(at) = label.iter().position(|w| !w.has(flag::PUNCT | flag::LEADING_NOISE)) else { return label };
    let opener = label[at];
    if !is(&opener, ASSERTING_SUBORDINATORS) {
        return label;
    }
    let mut rest = label[at + 1..].to_vec();
    if !reads_as_entry(&rest) || !rest.iter().any(is_verb) {
        return label;
    }
    // "since the financial crisis in 1997 and someone must …", "before moving to Deportivo":
    // a temporal word before a noun or a participle is a preposition; a clause it opens has a
    // verb of its own before any "and".
    let own_verb = rest.iter().take_while(|w| !is(w, &["and", "but", "or"])).any(is_verb);
    let opens_with_participle = opening(&rest).is_some_and(|w| w.text.ends_with("ing"));
    let first_of_rest = rest.iter().find(|w| !w.has(flag::PUNCT));
    let next_in_sentence =
        sentence.ws.iter().position(|w| w.start == opener.start).and_then(|k| sentence.ws.get(k + 1));
    let right_after = next_in_sentence.is_some_and(|next| first_of_rest.is_some_and(|w| w.start == next.start));
    if is(&opener, TEMPORAL_SUBORDINATORS) && (!own_verb || opens_with_participle) {
        return label;
    }
    // With its time phrase taken out the word was a preposition: the clause after it is the
    // sentence's own ("Even before [Sunday] three people had been killed"), unless a clause
    // word opens it ("before [Christmas] because …").
    let clause_word_next = first_of_rest.is_some_and(|w| w.has(flag::CLAUSE | flag::LEADING_NOISE));
    if is(&opener, TEMPORAL_SUBORDINATORS) && !right_after && clause_word_next {
        return label;
    }
    // "…in Washington": a label that already says where needs no second place.
    let says_where = rest.windows(2).any(|pair| pair[0].has(flag::PREPOSITION) && is_name(&pair[1]));
    if is(&opener, &["where"]) && !says_where {
        let place = sentence.ws.iter().position(|w| w.start == opener.start).map(|k| antecedent(sentence, k));
        if let Some(place) = place.filter(|p| (1..=4).contains(&p.len()) && p.iter().all(is_name)) {
            while rest.last().is_some_and(|w| w.has(flag::PUNCT)) {
                rest.pop();
            }
            if let Some(last) = rest.last_mut() {
                last.text = last.text.trim_end_matches(['.', ',', ';', ':']);
            }
            rest.push(Word { text: "in", flags: flag::PREPOSITION, ..opener });
            rest.extend(place);
        }
    }
    rest
}

/// A label opened by "whose" names what belongs to the noun before it: "…Ian Martin, whose
/// mandate expires" → "Ian Martin's mandate expires". Left as it is when that noun is not found.
pub(super) fn with_possessor<'t>(label: Vec<Word<'t>>, sentence: &Sentence<'_, 't>) -> Vec<Word<'t>> {
    let Some(at) = label.iter().position(|w| !w.has(flag::PUNCT | flag::LEADING_NOISE)) else { return label };
    let whose = label[at];
    if !is(&whose, &["whose"]) || label.len() < at + 3 {
        return label;
    }
    let Some(k) = sentence.ws.iter().position(|w| w.start == whose.start) else { return label };
    let owner = antecedent(sentence, k);
    // A plain noun phrase only: one with a preposition or a verb in it ("the death of the
    // former general", "a woman living locally") has its head somewhere this cannot tell.
    let plain = |w: &Word| !w.has(flag::PUNCT | flag::PREPOSITION) && !is_verb(w) && !w.text.ends_with("ing");
    if !(1..=6).contains(&owner.len()) || !owner.iter().all(plain) {
        return label;
    }
    // "the former hostages' names", "Ian Martin's mandate".
    let plural = owner.last().is_some_and(|w| w.text.ends_with('s') && w.text.starts_with(char::is_lowercase));
    let mut out = owner;
    out.push(Word { text: if plural { "'" } else { "'s" }, flags: 0, ..whose });
    out.extend_from_slice(&label[at + 1..]);
    out
}

/// A capitalised word that is not a sentence's opening function word: "Tumbuscatio", "Gaza".
pub(super) fn is_name(w: &Word) -> bool {
    w.text.starts_with(char::is_uppercase) && !is(w, &["the", "a", "an"])
}

/// Whether a label opens and reads as a timeline entry: not empty, not a lone word, not a
/// fragment that opens with a preposition or a hyphen.
pub(super) fn reads_as_entry(label: &[Word]) -> bool {
    // What the label shows: a bracketed aside is left out (`label::tidy`).
    let label: Vec<Word> = super::label::outside_asides(label).copied().collect();
    let label = label.as_slice();
    let Some(first) = opening(label) else { return false };
    let words = label.iter().filter(|w| !w.has(flag::PUNCT)).count();
    // "no later than": a comparison with what it compares cut off.
    let cut_comparison = label.iter().rev().find(|w| !w.has(flag::PUNCT)).is_some_and(|w| is(w, &["than"]));
    // "About 40 million euros had gone missing": a preposition before a number is a quantity.
    let quantity = is(first, &["about", "around", "over", "nearly", "almost", "some"])
        && label
            .iter()
            .filter(|w| !w.has(flag::PUNCT))
            .nth(1)
            .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
    words >= 2
        && !cut_comparison
        && (quantity || !first.has(flag::PREPOSITION | flag::SIGNAL))
        && !first.text.starts_with(['-', '\u{2013}'])
        && !is(first, FRAGMENT_OPENERS)
        && !is_framing_phrase(first, label)
}

/// "Looking ahead", "Speaking at a news conference", "Including the Bali bombing", "Due for
/// completion": a phrase of these words with no verb of its own frames what the sentence says
/// happened; it is not what happened. (Other participles often are: "Seizing power in 1973".)
fn is_framing_phrase(first: &Word, label: &[Word]) -> bool {
    is(first, FRAMING_WORDS) && !label.iter().any(is_verb)
}

/// Words that open a framing phrase (`is_framing_phrase`).
const FRAMING_WORDS: &[&str] = &[
    "saying",
    "looking",
    "speaking",
    "writing",
    "including",
    "citing",
    "turning",
    "alluding",
    "referring",
    "commenting",
    "adding",
    "noting",
    "quoting",
    "addressing",
    "due",
];
