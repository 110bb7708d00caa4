//! What a time phrase means before calendar arithmetic: the tagger's output vocabulary and the
//! resolver's input. Every variant names one way a phrase can point at time.

/// Calendar units that phrases count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// Parts of the day with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Midday => "MI",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
            Part::Daytime => "DT",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::Morning => "morning",
            Part::Midday => "midday",
            Part::Afternoon => "afternoon",
            Part::Evening => "evening",
            Part::Night => "night",
            Part::Daytime => "daytime",
        }
    }

    /// Clock hours the part covers, `[start, end)`, end may pass midnight (night ends at 30 = 06:00).
    pub fn hours(self) -> (u32, u32) {
        match self {
            Part::Morning => (6, 12),
            Part::Midday => (11, 14),
            Part::Afternoon => (12, 18),
            Part::Evening => (18, 22),
            Part::Night => (21, 30),
            Part::Daytime => (6, 18),
        }
    }

    /// The parts a day is stepped through when an event is moved part by part, in order.
    pub const DAY_CYCLE: [Part; 4] = [Part::Morning, Part::Afternoon, Part::Evening, Part::Night];

    /// This part of `day`, `[start, end)` (a night ends the next morning).
    pub fn interval_on(self, day: chrono::NaiveDate) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
        let (from, to) = self.hours();
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        (midnight + chrono::Duration::hours(from.into()), midnight + chrono::Duration::hours(to.into()))
    }

    /// The part of a day `[start, end)` is exactly, and that day.
    pub fn of_interval(start: chrono::NaiveDateTime, end: chrono::NaiveDateTime) -> Option<(Part, chrono::NaiveDate)> {
        const ALL: [Part; 6] =
            [Part::Morning, Part::Midday, Part::Afternoon, Part::Evening, Part::Night, Part::Daytime];
        let day = start.date();
        ALL.into_iter().find(|part| part.interval_on(day) == (start, end)).map(|part| (part, day))
    }

    /// The part of the day cycle the moment `t` falls in, and the day that part belongs to: the
    /// small hours belong to the night before.
    pub fn containing(t: chrono::NaiveDateTime) -> (Part, chrono::NaiveDate) {
        use chrono::Timelike;
        let day = t.date();
        match t.hour() {
            0..=5 => (Part::Night, day.pred_opt().unwrap_or(day)),
            6..=11 => (Part::Morning, day),
            12..=17 => (Part::Afternoon, day),
            18..=20 => (Part::Evening, day),
            _ => (Part::Night, day),
        }
    }

    /// `units` steps of the day cycle from this part of `day`: the part and day reached. Parts
    /// outside the cycle (midday, daytime) keep their part and move by whole days (four steps).
    pub fn step(self, day: chrono::NaiveDate, units: i64) -> Option<(Part, chrono::NaiveDate)> {
        let (part, days) = match Part::DAY_CYCLE.iter().position(|p| *p == self) {
            Some(index) => {
                let reached = index as i64 + units;
                (Part::DAY_CYCLE[reached.rem_euclid(4) as usize], reached.div_euclid(4))
            }
            None => (self, (units as f64 / 4.0).round() as i64),
        };
        Some((part, day.checked_add_signed(chrono::Duration::try_days(days)?)?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A public holiday, by how its date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// The same month and day every year: Christmas (12-25), Independence Day (07-04).
    Fixed { month: u32, day: u32 },
    /// The `nth` given weekday (ISO 1 = Monday) of a month, `nth` -1 for the last: Thanksgiving
    /// (4th Thursday of November), Memorial Day (last Monday of May).
    NthWeekday { month: u32, weekday: u32, nth: i32 },
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
}

/// PAST_REF, PRESENT_REF, FUTURE_REF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vague {
    Past,
    Present,
    Future,
}

/// How many units: an exact number or an unspecified one ("months", "several years").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Exact(f64),
    Unknown,
}

/// What a phrase means, still relative to whatever the resolver picks as reference.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date with some parts given: "March 22, 2017", "March 22", "December 2003", "2013".
    Calendar {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// "the 1990s": `decade` is the year divided by ten (199).
    Decade {
        decade: i32,
    },
    /// "the 20th century": `century` is the first two digits (19).
    Century {
        century: i32,
    },
    /// "the fourth quarter of 2016", "third-quarter" (year from the reference).
    Quarter {
        quarter: u32,
        year: Option<i32>,
    },
    /// "the first half of 2016".
    Half {
        half: u32,
        year: Option<i32>,
    },
    /// A month, quarter, half or the period the text is at, in a year given by a number or by a
    /// shift from the reference year: "June last year", "this year's third quarter", "the 1988
    /// period", "next year's first quarter", "the second half of next year".
    InYear {
        base: Box<Sem>,
        year: Option<i32>,
        shift: i32,
    },
    /// A month, day or season without a year, coordinated with a phrase that names one: the
    /// year is written once for both ("between September and October of 2007", "in June or July
    /// last year", "March 3 and 4, 2009"). `from` is the phrase that gives the year.
    SharedYear {
        base: Box<Sem>,
        from: Box<Sem>,
    },
    /// "summer", "the winter of 2010", "last fall".
    SeasonOf {
        season: Season,
        year: Option<i32>,
        shift: Option<i32>,
    },
    /// "Thursday", "last Friday", "next Tuesday" (`shift` -1/0/+1 when a word says which one).
    Weekday {
        weekday: u32,
        shift: Option<i32>,
    },
    /// "the following Monday", "the previous Friday": the first such weekday after (`direction`
    /// 1) or before (-1) the day the discourse is at.
    WeekdayFrom {
        weekday: u32,
        direction: i32,
    },
    /// "Thanksgiving Day", "last Christmas" (`shift` -1/+1 when a word says which one).
    HolidayOf {
        holiday: Holiday,
        shift: Option<i32>,
    },
    /// "today" (0), "yesterday" (-1), "tomorrow" (+1).
    DayOffset {
        days: i32,
    },
    /// A named month relative to the reference: "last November", "this March".
    MonthShift {
        month: u32,
        shift: i32,
    },
    /// The unit containing the reference, shifted: "last week" (-1), "this year" (0), "next month".
    UnitShift {
        unit: Unit,
        shift: i32,
    },
    /// Counted back from the speech time: "two weeks ago".
    Ago {
        amount: Amount,
        unit: Unit,
    },
    /// Counted from the time the discourse is at: "two days later", "a year earlier", "the next day".
    Relative {
        amount: Amount,
        unit: Unit,
        direction: i32,
    },
    /// The unit the discourse is at: "that day", "the year", "the same day", "the quarter".
    SameUnit {
        unit: Unit,
    },
    /// A part of a day given by `base`: "Thursday morning", "this evening", "the morning after".
    PartOf {
        base: Box<Sem>,
        part: Part,
    },
    /// A clock time, on the day given by `base` when the phrase names one ("10 p.m. Wednesday").
    Clock {
        hour: u32,
        minute: u32,
        base: Option<Box<Sem>>,
    },
    Vague(Vague),
    /// A length of time: "24 hours", "a minute", "months", "52-year".
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// A recurrence, already in TIMEX3 form: "P1D", "XXXX-WXX-7", "XXXX-03-22".
    Set {
        value: String,
    },
}
