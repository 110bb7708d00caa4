//! The tagger's word list: every word that can take part in a time phrase, with what it can mean.
//! A word may mean several things ("second" is a unit and an ordinal; "May" a month, a name, a
//! verb); rules and refiners choose by context. Adding a word is one line in `ENTRIES`.

use super::sem::{Part, Season, Unit, Vague};
use crate::text::word_key::{key, Shapes, WordTable, MAX_WORD_LEN};

/// One meaning of a word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    Month(u32),
    /// A month abbreviation ("Sept", "Aug"): usually followed by a period.
    MonthAbbr(u32),
    /// Monday = 1 ... Sunday = 7 (ISO).
    Weekday(u32),
    WeekdayPlural(u32),
    Unit(Unit),
    UnitPlural(Unit),
    Number(f64),
    /// Tens that combine with a following unit number ("twenty four").
    Tens(f64),
    Ordinal(u32),
    Part(Part),
    Season(Season),
    /// -1 "last/previous/past", 0 "this/current", +1 "next/coming/following".
    Shift(i32),
    /// "today" 0, "yesterday" -1, "tomorrow" +1.
    DayWord(i32),
    Vague(Vague),
    /// A TIMEX3 mod word that precedes a phrase: "early" → START.
    Modifier(&'static str),
    /// "ago", "later", "earlier", "before", "after", "hence".
    Direction(i32),
    /// "daily" → P1D.
    SetWord(&'static str),
    /// Words with no time meaning of their own that rules look for ("the", "of", "a").
    Glue,
}

/// (word, meanings). Lower case; abbreviations without their period.
const ENTRIES: &[(&str, &[Lex])] = &[
    ("january", &[Lex::Month(1)]),
    ("february", &[Lex::Month(2)]),
    ("march", &[Lex::Month(3)]),
    ("april", &[Lex::Month(4)]),
    ("may", &[Lex::Month(5)]),
    ("june", &[Lex::Month(6)]),
    ("july", &[Lex::Month(7)]),
    ("august", &[Lex::Month(8)]),
    ("september", &[Lex::Month(9)]),
    ("october", &[Lex::Month(10)]),
    ("november", &[Lex::Month(11)]),
    ("december", &[Lex::Month(12)]),
    ("jan", &[Lex::MonthAbbr(1)]),
    ("feb", &[Lex::MonthAbbr(2)]),
    ("mar", &[Lex::MonthAbbr(3)]),
    ("apr", &[Lex::MonthAbbr(4)]),
    ("jun", &[Lex::MonthAbbr(6)]),
    ("jul", &[Lex::MonthAbbr(7)]),
    ("aug", &[Lex::MonthAbbr(8)]),
    ("sep", &[Lex::MonthAbbr(9)]),
    ("sept", &[Lex::MonthAbbr(9)]),
    ("oct", &[Lex::MonthAbbr(10)]),
    ("nov", &[Lex::MonthAbbr(11)]),
    ("dec", &[Lex::MonthAbbr(12)]),
    ("monday", &[Lex::Weekday(1)]),
    ("tuesday", &[Lex::Weekday(2)]),
    ("wednesday", &[Lex::Weekday(3)]),
    ("thursday", &[Lex::Weekday(4)]),
    ("friday", &[Lex::Weekday(5)]),
    ("saturday", &[Lex::Weekday(6)]),
    ("sunday", &[Lex::Weekday(7)]),
    ("mondays", &[Lex::WeekdayPlural(1)]),
    ("tuesdays", &[Lex::WeekdayPlural(2)]),
    ("wednesdays", &[Lex::WeekdayPlural(3)]),
    ("thursdays", &[Lex::WeekdayPlural(4)]),
    ("fridays", &[Lex::WeekdayPlural(5)]),
    ("saturdays", &[Lex::WeekdayPlural(6)]),
    ("sundays", &[Lex::WeekdayPlural(7)]),
    ("second", &[Lex::Unit(Unit::Second), Lex::Ordinal(2)]),
    ("seconds", &[Lex::UnitPlural(Unit::Second)]),
    ("minute", &[Lex::Unit(Unit::Minute)]),
    ("minutes", &[Lex::UnitPlural(Unit::Minute)]),
    ("hour", &[Lex::Unit(Unit::Hour)]),
    ("hours", &[Lex::UnitPlural(Unit::Hour)]),
    ("day", &[Lex::Unit(Unit::Day)]),
    ("days", &[Lex::UnitPlural(Unit::Day)]),
    ("week", &[Lex::Unit(Unit::Week)]),
    ("weeks", &[Lex::UnitPlural(Unit::Week)]),
    ("weekend", &[Lex::Unit(Unit::Weekend)]),
    ("weekends", &[Lex::UnitPlural(Unit::Weekend)]),
    ("fortnight", &[Lex::Unit(Unit::Fortnight)]),
    ("month", &[Lex::Unit(Unit::Month)]),
    ("months", &[Lex::UnitPlural(Unit::Month)]),
    ("quarter", &[Lex::Unit(Unit::Quarter)]),
    ("quarters", &[Lex::UnitPlural(Unit::Quarter)]),
    ("half", &[Lex::Unit(Unit::Half), Lex::Number(0.5)]),
    ("year", &[Lex::Unit(Unit::Year)]),
    ("years", &[Lex::UnitPlural(Unit::Year)]),
    ("decade", &[Lex::Unit(Unit::Decade)]),
    ("decades", &[Lex::UnitPlural(Unit::Decade)]),
    ("century", &[Lex::Unit(Unit::Century)]),
    ("centuries", &[Lex::UnitPlural(Unit::Century)]),
    ("one", &[Lex::Number(1.0)]),
    ("two", &[Lex::Number(2.0)]),
    ("three", &[Lex::Number(3.0)]),
    ("four", &[Lex::Number(4.0)]),
    ("five", &[Lex::Number(5.0)]),
    ("six", &[Lex::Number(6.0)]),
    ("seven", &[Lex::Number(7.0)]),
    ("eight", &[Lex::Number(8.0)]),
    ("nine", &[Lex::Number(9.0)]),
    ("ten", &[Lex::Number(10.0)]),
    ("eleven", &[Lex::Number(11.0)]),
    ("twelve", &[Lex::Number(12.0)]),
    ("thirteen", &[Lex::Number(13.0)]),
    ("fourteen", &[Lex::Number(14.0)]),
    ("fifteen", &[Lex::Number(15.0)]),
    ("sixteen", &[Lex::Number(16.0)]),
    ("seventeen", &[Lex::Number(17.0)]),
    ("eighteen", &[Lex::Number(18.0)]),
    ("nineteen", &[Lex::Number(19.0)]),
    ("twenty", &[Lex::Tens(20.0)]),
    ("thirty", &[Lex::Tens(30.0)]),
    ("forty", &[Lex::Tens(40.0)]),
    ("fifty", &[Lex::Tens(50.0)]),
    ("sixty", &[Lex::Tens(60.0)]),
    ("seventy", &[Lex::Tens(70.0)]),
    ("eighty", &[Lex::Tens(80.0)]),
    ("ninety", &[Lex::Tens(90.0)]),
    ("hundred", &[Lex::Number(100.0)]),
    ("thousand", &[Lex::Number(1000.0)]),
    ("dozen", &[Lex::Number(12.0)]),
    ("first", &[Lex::Ordinal(1)]),
    ("third", &[Lex::Ordinal(3)]),
    ("fourth", &[Lex::Ordinal(4)]),
    ("fifth", &[Lex::Ordinal(5)]),
    ("sixth", &[Lex::Ordinal(6)]),
    ("seventh", &[Lex::Ordinal(7)]),
    ("eighth", &[Lex::Ordinal(8)]),
    ("ninth", &[Lex::Ordinal(9)]),
    ("tenth", &[Lex::Ordinal(10)]),
    ("eleventh", &[Lex::Ordinal(11)]),
    ("twelfth", &[Lex::Ordinal(12)]),
    ("nineteenth", &[Lex::Ordinal(19)]),
    ("twentieth", &[Lex::Ordinal(20)]),
    ("twenty-first", &[Lex::Ordinal(21)]),
    ("morning", &[Lex::Part(Part::Morning)]),
    ("mornings", &[Lex::Part(Part::Morning)]),
    ("noon", &[Lex::Part(Part::Midday)]),
    ("midday", &[Lex::Part(Part::Midday)]),
    ("afternoon", &[Lex::Part(Part::Afternoon)]),
    ("evening", &[Lex::Part(Part::Evening)]),
    ("night", &[Lex::Part(Part::Night)]),
    ("midnight", &[Lex::Glue]),
    ("overnight", &[Lex::Glue]),
    ("tonight", &[Lex::Glue]),
    ("daytime", &[Lex::Part(Part::Daytime)]),
    ("spring", &[Lex::Season(Season::Spring)]),
    ("summer", &[Lex::Season(Season::Summer)]),
    ("fall", &[Lex::Season(Season::Fall)]),
    ("autumn", &[Lex::Season(Season::Fall)]),
    ("winter", &[Lex::Season(Season::Winter)]),
    ("last", &[Lex::Shift(-1)]),
    ("previous", &[Lex::Shift(-1)]),
    ("past", &[Lex::Shift(-1), Lex::Vague(Vague::Past)]),
    ("this", &[Lex::Shift(0)]),
    ("current", &[Lex::Shift(0)]),
    ("next", &[Lex::Shift(1)]),
    ("coming", &[Lex::Shift(1)]),
    ("following", &[Lex::Shift(1)]),
    ("today", &[Lex::DayWord(0)]),
    ("yesterday", &[Lex::DayWord(-1)]),
    ("tomorrow", &[Lex::DayWord(1)]),
    ("now", &[Lex::Vague(Vague::Present)]),
    ("currently", &[Lex::Vague(Vague::Present)]),
    ("nowadays", &[Lex::Vague(Vague::Present)]),
    ("recently", &[Lex::Vague(Vague::Past)]),
    ("lately", &[Lex::Vague(Vague::Past)]),
    ("recent", &[Lex::Vague(Vague::Past)]),
    ("early", &[Lex::Modifier("START")]),
    ("earlier", &[Lex::Direction(-1)]),
    ("late", &[Lex::Modifier("END")]),
    ("later", &[Lex::Direction(1)]),
    ("mid", &[Lex::Modifier("MID")]),
    ("about", &[Lex::Modifier("APPROX")]),
    ("around", &[Lex::Modifier("APPROX")]),
    ("approximately", &[Lex::Modifier("APPROX")]),
    ("roughly", &[Lex::Modifier("APPROX")]),
    ("nearly", &[Lex::Modifier("EQUAL_OR_LESS")]),
    ("almost", &[Lex::Modifier("LESS_THAN")]),
    ("ago", &[Lex::Direction(-1)]),
    ("before", &[Lex::Direction(-1)]),
    ("after", &[Lex::Direction(1)]),
    ("hence", &[Lex::Direction(1)]),
    ("daily", &[Lex::SetWord("P1D")]),
    ("nightly", &[Lex::SetWord("P1D")]),
    ("weekly", &[Lex::SetWord("P1W")]),
    ("monthly", &[Lex::SetWord("P1M")]),
    ("quarterly", &[Lex::SetWord("P3M")]),
    ("annually", &[Lex::SetWord("P1Y")]),
    ("yearly", &[Lex::SetWord("P1Y")]),
    ("hourly", &[Lex::SetWord("PT1H")]),
    ("every", &[Lex::Glue]),
    ("each", &[Lex::Glue]),
    ("the", &[Lex::Glue]),
    ("a", &[Lex::Glue]),
    ("an", &[Lex::Glue]),
    ("that", &[Lex::Glue]),
    ("same", &[Lex::Glue]),
    ("more", &[Lex::Glue]),
    ("less", &[Lex::Glue]),
    ("least", &[Lex::Glue]),
    ("at", &[Lex::Glue]),
    ("end", &[Lex::Glue]),
    ("beginning", &[Lex::Glue]),
    ("start", &[Lex::Glue]),
    ("middle", &[Lex::Glue]),
    ("over", &[Lex::Glue]),
    ("latest", &[Lex::Glue]),
    ("period", &[Lex::Glue]),
    ("no", &[Lex::Glue]),
    ("future", &[Lex::Glue]),
    ("moment", &[Lex::Glue]),
    ("present", &[Lex::Glue]),
    ("full", &[Lex::Glue]),
    ("up", &[Lex::Glue]),
    ("under", &[Lex::Glue]),
    ("fiscal", &[Lex::Glue]),
    ("several", &[Lex::Glue]),
    ("few", &[Lex::Glue]),
    ("couple", &[Lex::Glue]),
    ("some", &[Lex::Glue]),
    ("year-earlier", &[Lex::Glue]),
    ("christmas", &[Lex::Glue]),
    ("thanksgiving", &[Lex::Glue]),
    ("halloween", &[Lex::Glue]),
    ("election", &[Lex::Glue]),
    ("labor", &[Lex::Glue]),
    ("memorial", &[Lex::Glue]),
    ("independence", &[Lex::Glue]),
    ("veterans", &[Lex::Glue]),
    ("post", &[Lex::Glue]),
    ("pre", &[Lex::Glue]),
    ("these", &[Lex::Glue]),
    ("those", &[Lex::Glue]),
    ("per", &[Lex::Glue]),
    ("times", &[Lex::Glue]),
    ("once", &[Lex::Glue]),
    ("twice", &[Lex::Glue]),
];

/// Longest word in `ENTRIES`, to skip lookups of longer words.
const LONGEST: usize = 16;
const _: () = assert!(LONGEST <= MAX_WORD_LEN);

/// A lexicon entry by number, as tokens store it: two bytes per token where the slice of its
/// meanings takes sixteen (the tagger keeps one per token of the document).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexId(u16);

const _: () = assert!(ENTRIES.len() < u16::MAX as usize);

impl LexId {
    /// A word outside the lexicon, or a token that is not a word.
    pub const NONE: LexId = LexId(0);

    /// What the entry's word can mean (nothing for `NONE`).
    pub fn meanings(self) -> &'static [Lex] {
        match self.0 {
            0 => &[],
            n => ENTRIES.get(usize::from(n) - 1).map_or(&[], |(_, meanings)| meanings),
        }
    }
}

/// The lexicon keyed by packed word, each entry with a payload the caller derives from its
/// meanings once (the tagger's token classes), plus the shape bits.
pub struct Index<T: Copy + 'static> {
    entries: WordTable<(LexId, T)>,
    shapes: Shapes,
}

impl<T: Copy + 'static> Index<T> {
    /// Indexes `ENTRIES`, computing `payload(word, meanings)` for each.
    pub fn new(payload: impl Fn(&str, &[Lex]) -> T) -> Self {
        let mut entries = Vec::with_capacity(ENTRIES.len());
        for (n, (word, meanings)) in ENTRIES.iter().enumerate() {
            let id = LexId(u16::try_from(n + 1).unwrap_or(0));
            entries.push((*word, (id, payload(word, meanings))));
        }
        let shapes = Shapes::of(ENTRIES.iter().map(|(word, _)| *word));
        Index { entries: WordTable::new(&entries), shapes }
    }

    /// Meanings of `word` (any case) and its payload; `None` when it plays no part in time phrases.
    pub fn get(&self, word: &str) -> Option<(&'static [Lex], T)> {
        self.get_bytes(word.as_bytes()).map(|(id, payload)| (id.meanings(), payload))
    }

    /// As `get`, for the bytes of a word.
    pub fn get_bytes(&self, bytes: &[u8]) -> Option<(LexId, T)> {
        if bytes.len() > LONGEST || !self.shapes.may_hold(bytes) {
            return None;
        }
        // Entries hold only letters and hyphens, so a key with any other byte finds nothing.
        self.entries.get_key(key(bytes)?)
    }
}

/// The tagger builds its own `Index` with token classes (`Tokens::new`); this plain one serves
/// other layers and tests that ask what a word means.
fn index() -> &'static Index<()> {
    static INDEX: std::sync::OnceLock<Index<()>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| Index::new(|_, _| ()))
}

/// Whether `word` (any case) names a time: a month, weekday, unit, part of day, season, day word
/// ("yesterday") and the like, not a number or a word that only glues phrases together.
pub fn is_time_word(word: &str) -> bool {
    let meanings = index().get(word).map_or(&[][..], |(meanings, _)| meanings);
    meanings.iter().any(|m| {
        matches!(
            m,
            Lex::Month(_)
                | Lex::MonthAbbr(_)
                | Lex::Weekday(_)
                | Lex::WeekdayPlural(_)
                | Lex::Unit(_)
                | Lex::UnitPlural(_)
                | Lex::Part(_)
                | Lex::Season(_)
                | Lex::DayWord(_)
                | Lex::SetWord(_)
        )
    })
}

/// Meanings of `word` (any case), empty when it plays no part in time phrases.
#[cfg(test)]
pub fn lookup(word: &str) -> &'static [Lex] {
    index().get(word).map_or(&[], |(meanings, _)| meanings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_any_case() {
        assert_eq!(lookup("THURSDAY"), &[Lex::Weekday(4)]);
        assert!(lookup("Thursdayish").is_empty());
        assert!(lookup("café").is_empty());
    }

    #[test]
    fn words_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (word, _) in ENTRIES {
            assert!(seen.insert(*word), "{word} listed twice");
        }
    }
}
