//! Person names in a sentence, by a small table-driven heuristic: a run of capitalised words that
//! are not sentence starters, titles, months or places ("Defence Secretary Michael Fallon" →
//! "Michael Fallon"), or a lone word after a title or a kin word ("his wife Melissa"), or a word
//! of a full name seen earlier in the document ("Khalid Masood" → "Masood"). Used by the age
//! claims and the implied events, which say who was born or started.

use super::numbers::Tok;
use super::words::{self, NEVER_A_NAME};
use crate::text::fast_hash::FastSet as HashSet;

/// Starters, titles, months, places and organisations: capitalised words that are not names.
pub fn is_never_a_name(token: &Tok) -> bool {
    token.has(NEVER_A_NAME)
}

/// A person's name in a sentence: tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRun {
    pub first: usize,
    pub end: usize,
}

/// The name that starts at token `i` (names are in order and never overlap).
pub fn name_starting_at(names: &[NameRun], i: usize) -> Option<&NameRun> {
    names.binary_search_by_key(&i, |n| n.first).ok().and_then(|k| names.get(k))
}

/// The names that end at or before token `at`.
pub fn names_before(names: &[NameRun], at: usize) -> &[NameRun] {
    &names[..names.partition_point(|n| n.end <= at)]
}

/// Capitalised words that open sentences or clauses, never names.
pub(super) const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "his",
    "her",
    "their",
    "we",
    "i",
    "our",
    "its",
    "as",
    "so",
    "if",
    "for",
    "of",
    "to",
    "with",
    "by",
    "from",
    "since",
    "then",
    "yet",
    "also",
    "however",
    "meanwhile",
    "police",
    "authorities",
    "officials",
    "victims",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "several",
    "immediately",
    "therefore",
    "furthermore",
    "surveillance",
    "britain’s",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Titles before a name, stripped from it: "Defence Secretary Michael Fallon" → "Michael Fallon".
pub(super) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "prime",
    "minister",
    "secretary",
    "defence",
    "defense",
    "home",
    "foreign",
    "chancellor",
    "queen",
    "king",
    "prince",
    "princess",
    "officer",
    "constable",
    "pc",
    "sgt",
    "sergeant",
    "inspector",
    "detective",
    "chief",
    "superintendent",
    "commissioner",
    "mayor",
    "governor",
    "senator",
    "judge",
    "justice",
    "rev",
    "pope",
    "captain",
    "general",
    "colonel",
    "major",
    "lieutenant",
    "professor",
    "counterterrorism",
    "top",
];

/// Words before a single capitalised word that make it a name: "his wife Melissa".
pub(super) const RELATIONS: &[&str] =
    &["wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "partner", "fiancée", "fiance"];

/// Capitalised words of places, organisations, nationalities and days that are never in a name.
pub(super) const NOT_NAMES: &[&str] = &[
    "london",
    "britain",
    "british",
    "england",
    "english",
    "birmingham",
    "kent",
    "midlands",
    "west",
    "east",
    "north",
    "south",
    "utah",
    "europe",
    "european",
    "westminster",
    "parliament",
    "scotland",
    "yard",
    "street",
    "road",
    "bridge",
    "square",
    "house",
    "palace",
    "times",
    "news",
    "post",
    "agency",
    "service",
    "command",
    "council",
    "ministry",
    "department",
    "government",
    "university",
    "company",
    "group",
    "state",
    "states",
    "united",
    "kingdom",
    "america",
    "american",
    "france",
    "french",
    "china",
    "chinese",
    "germany",
    "ireland",
    "italy",
    "spain",
    "romania",
    "korea",
    "islamic",
    "isis",
    "fox",
    "amaq",
    "metropolitan",
    "ny",
    "new",
    "york",
    "washington",
    "paris",
    "berlin",
    "reuters",
    "associated",
    "press",
    "bbc",
    "cnn",
    "world",
    "city",
    "county",
    "river",
    "park",
    "hospital",
    "church",
    "mosque",
    "school",
    "college",
    "court",
    "airport",
    "station",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "protection",
    "diplomatic",
    "parliamentary",
    "and",
    "attacker",
    "identified",
    "valley",
    "county",
    "party",
    "club",
    "office",
    "centre",
    "center",
    "national",
    "international",
    "federal",
    "royal",
    "army",
    "navy",
    "force",
    "forces",
];

/// Remembers the words of full names seen so far in a document, so that a later "Masood" alone
/// is known to be a name.
#[derive(Debug, Default)]
pub struct NameMemory {
    known: HashSet<String>,
}

impl NameMemory {
    /// The person names of one sentence, remembering their words.
    pub fn read(&mut self, tokens: &[Tok]) -> Vec<NameRun> {
        let mut names = Vec::new();
        self.read_into(tokens, &mut names);
        names
    }

    /// As `read`, into `names` (cleared first), so that one buffer serves every sentence.
    pub fn read_into(&mut self, tokens: &[Tok], names: &mut Vec<NameRun>) {
        names.clear();
        let mut i = 0;
        while i < tokens.len() {
            let run_end = capitalised_run_end(tokens, i);
            if run_end == i {
                i += 1;
                continue;
            }
            if let Some(name) = self.name_in_run(tokens, i, run_end) {
                names.push(name);
            }
            i = run_end;
        }
        for name in names.iter().filter(|n| n.end - n.first >= 2) {
            for token in &tokens[name.first..name.end] {
                // A name is mostly repeated: its words are known already and need no new String.
                if !self.known.contains(token.lc()) {
                    self.known.insert(token.lc().to_string());
                }
            }
        }
    }

    fn name_in_run(&self, tokens: &[Tok], first: usize, end: usize) -> Option<NameRun> {
        let mut start = first;
        while start < end && tokens[start].has(words::TITLE) {
            start += 1;
        }
        let run = &tokens[start..end];
        if run.is_empty() || run.iter().any(|t| t.has(words::NOT_NAME)) {
            return None;
        }
        let titled = start > first;
        let related = first.checked_sub(1).is_some_and(|k| tokens[k].has(words::RELATION));
        let known = run.len() == 1 && self.known.contains(run[0].lc());
        (run.len() >= 2 || titled || related || known).then_some(NameRun { first: start, end })
    }
}

/// Where the run of capitalised, non-starter words from `i` ends (`i` when none starts there).
fn capitalised_run_end(tokens: &[Tok], i: usize) -> usize {
    let mut end = i;
    while let Some(token) = tokens.get(end) {
        let fits = token.capitalised() && !token.has(words::STARTER | words::MONTH);
        let glued = end > i && !token.space_before;
        if !fits || glued {
            break;
        }
        end += 1;
    }
    end
}

/// Month names and abbreviations: capitalised, never names, and never before a count.
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::numbers::sentence_tokens;

    #[test]
    fn names_strip_titles_and_skip_places() {
        let text = "Defence Secretary Michael Fallon spoke in London.";
        let tokens = sentence_tokens(text, 0, text.len());
        let names = NameMemory::default().read(&tokens);
        let got: Vec<&str> = names.iter().map(|n| &text[tokens[n.first].start..tokens[n.end - 1].end]).collect();
        assert_eq!(got, ["Michael Fallon"]);
    }

    fn names_in(text: &str) -> Vec<String> {
        let tokens = sentence_tokens(text, 0, text.len());
        let names = NameMemory::default().read(&tokens);
        names.iter().map(|n| text[tokens[n.first].start..tokens[n.end - 1].end].to_string()).collect()
    }

    #[test]
    fn names_are_not_starters_places_days_or_lone_words() {
        assert!(names_in("The Islamic State said on Wednesday that London Bridge was closed.").is_empty());
        assert!(names_in("Surveillance video caught Masood on the bridge.").is_empty(), "a lone unknown word");
        assert!(names_in("On Monday March winds hit New Scotland Yard.").is_empty());
        assert_eq!(names_in("Britain’s top counterterrorism officer, Mark Rowley, said"), ["Mark Rowley"]);
        assert_eq!(names_in("He was celebrating with his wife Melissa in Europe."), ["Melissa"]);
        assert_eq!(names_in("President Xi Jinping sent his condolences."), ["Xi Jinping"]);
    }

    #[test]
    fn a_full_name_makes_its_words_names_later() {
        let mut memory = NameMemory::default();
        let first = "Police named Khalid Masood.";
        memory.read(&sentence_tokens(first, 0, first.len()));
        let later = "Officers followed Masood home.";
        assert_eq!(memory.read(&sentence_tokens(later, 0, later.len())).len(), 1);
    }
}
