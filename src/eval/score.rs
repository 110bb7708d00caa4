//! The TempEval-3 style scorer for one document: entities are compared by the tokens they cover;
//! strict = identical token sets, relaxed = overlapping token sets (one-to-one, greedy: identical
//! extents first, then largest overlap); type and value are checked on relaxed matches.

use super::tokens::Tokens;
use crate::ingest::GoldTimex;
use crate::timeline::Mention;
use crate::timex::TimexType;

/// A TIMEX3 to compare: code point offsets into the document text, half-open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub timex_type: TimexType,
    pub value: String,
}

impl From<&GoldTimex> for Entity {
    fn from(g: &GoldTimex) -> Self {
        Entity { start: g.start, end: g.end, text: g.text.clone(), timex_type: g.timex_type, value: g.value.clone() }
    }
}

impl From<&Mention> for Entity {
    fn from(m: &Mention) -> Self {
        Entity {
            start: m.start,
            end: m.end,
            text: m.text.to_string(),
            timex_type: m.timex_type,
            value: m.value.to_string(),
        }
    }
}

/// Raw counts; every score is computed from these so documents can be summed (micro average).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    /// Matched pairs with identical token sets.
    pub strict: usize,
    /// Matched pairs with overlapping token sets (includes the strict ones).
    pub relaxed: usize,
    /// Relaxed matches whose type agrees.
    pub type_ok: usize,
    /// Relaxed matches whose value agrees.
    pub value_ok: usize,
}

/// Precision, recall and F1, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn prf(tp: usize, system: usize, gold: usize) -> Prf {
    let precision = ratio(tp, system);
    let recall = ratio(tp, gold);
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Prf { precision, recall, f1 }
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.type_ok += other.type_ok;
        self.value_ok += other.value_ok;
    }

    pub fn strict(&self) -> Prf {
        prf(self.strict, self.system, self.gold)
    }

    pub fn relaxed(&self) -> Prf {
        prf(self.relaxed, self.system, self.gold)
    }

    /// Type accuracy over relaxed matches × relaxed F1 (the TempEval-3 attribute F1).
    pub fn type_f1(&self) -> f64 {
        ratio(self.type_ok, self.relaxed) * self.relaxed().f1
    }

    /// Value accuracy over relaxed matches × relaxed F1 (the TempEval-3 attribute F1).
    pub fn value_f1(&self) -> f64 {
        ratio(self.value_ok, self.relaxed) * self.relaxed().f1
    }
}

/// Counts for one TIMEX3 type: gold entities of the type and how many were found (relaxed) with
/// the right value, system entities of the type and how many matched a gold entity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeCounts {
    pub gold: usize,
    pub gold_found: usize,
    pub value_ok: usize,
    pub system: usize,
    pub system_matched: usize,
}

impl TypeCounts {
    pub fn add(&mut self, other: &TypeCounts) {
        self.gold += other.gold;
        self.gold_found += other.gold_found;
        self.value_ok += other.value_ok;
        self.system += other.system;
        self.system_matched += other.system_matched;
    }

    /// Relaxed recall over gold entities of this type.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    /// Relaxed precision over system entities of this type.
    pub fn precision(&self) -> f64 {
        ratio(self.system_matched, self.system)
    }

    /// Value accuracy over the found gold entities of this type.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_ok, self.gold_found)
    }
}

/// The four types in a fixed order, for `DocScore::by_type`.
pub const TYPES: [TimexType; 4] = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set];

fn type_index(t: TimexType) -> usize {
    match t {
        TimexType::Date => 0,
        TimexType::Time => 1,
        TimexType::Duration => 2,
        TimexType::Set => 3,
    }
}

/// What went wrong with one entity or pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorKind {
    /// A gold entity no system entity overlaps.
    Missed,
    /// A system entity no gold entity overlaps.
    Spurious,
    /// Overlapping but not identical extents.
    Extent,
    WrongType,
    WrongValue,
}

impl ErrorKind {
    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::Missed => "MISSED",
            ErrorKind::Spurious => "SPURIOUS",
            ErrorKind::Extent => "EXTENT",
            ErrorKind::WrongType => "TYPE",
            ErrorKind::WrongValue => "VALUE",
        }
    }
}

/// One error, with the gold and/or system entity involved.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreError {
    pub kind: ErrorKind,
    pub gold: Option<Entity>,
    pub system: Option<Entity>,
}

impl ScoreError {
    /// Text position used to order errors.
    fn position(&self) -> usize {
        self.gold.as_ref().or(self.system.as_ref()).map_or(0, |e| e.start)
    }
}

/// Scores of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocScore {
    pub name: String,
    pub counts: Counts,
    /// Per TIMEX3 type, in the order of [`TYPES`].
    pub by_type: [TypeCounts; 4],
    /// In text order.
    pub errors: Vec<ScoreError>,
}

/// Compares `system` to `gold` over `text` (code point offsets).
pub fn score_document(name: &str, text: &str, gold: &[Entity], system: &[Entity]) -> DocScore {
    let tokens = Tokens::new(text);
    let gold_cover: Vec<_> = gold.iter().map(|e| tokens.cover(e.start, e.end)).collect();
    let system_cover: Vec<_> = system.iter().map(|e| tokens.cover(e.start, e.end)).collect();
    let mut gold_match: Vec<Option<usize>> = vec![None; gold.len()];
    let mut system_taken = vec![false; system.len()];
    // Pass 1: identical token sets, so an exact match is never stolen by a mere overlap.
    for (g, cover) in gold_cover.iter().enumerate() {
        let Some(cover) = cover else { continue };
        if let Some(s) = (0..system.len()).find(|&s| !system_taken[s] && system_cover[s] == Some(*cover)) {
            gold_match[g] = Some(s);
            system_taken[s] = true;
        }
    }
    // Pass 2: overlaps, largest overlap first (ties: earliest system entity).
    for (g, cover) in gold_cover.iter().enumerate() {
        let Some((g_lo, g_hi)) = *cover else { continue };
        if gold_match[g].is_some() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for s in 0..system.len() {
            let Some((s_lo, s_hi)) = system_cover[s] else { continue };
            if system_taken[s] {
                continue;
            }
            let overlap = g_hi.min(s_hi).saturating_sub(g_lo.max(s_lo));
            if overlap > 0 && best.is_none_or(|(_, b)| overlap > b) {
                best = Some((s, overlap));
            }
        }
        if let Some((s, _)) = best {
            gold_match[g] = Some(s);
            system_taken[s] = true;
        }
    }
    let mut counts = Counts { gold: gold.len(), system: system.len(), ..Counts::default() };
    let mut by_type = [TypeCounts::default(); 4];
    let mut errors = Vec::new();
    for (g, matched) in gold_match.iter().enumerate() {
        let gold_entity = &gold[g];
        let kind = &mut by_type[type_index(gold_entity.timex_type)];
        kind.gold += 1;
        if let Some(s) = *matched {
            kind.gold_found += 1;
            kind.value_ok += usize::from(gold_entity.value == system[s].value);
        }
        let Some(s) = *matched else {
            errors.push(ScoreError { kind: ErrorKind::Missed, gold: Some(gold_entity.clone()), system: None });
            continue;
        };
        let system_entity = &system[s];
        counts.relaxed += 1;
        let pair = |kind| ScoreError { kind, gold: Some(gold_entity.clone()), system: Some(system_entity.clone()) };
        if gold_cover[g] == system_cover[s] {
            counts.strict += 1;
        } else {
            errors.push(pair(ErrorKind::Extent));
        }
        if gold_entity.timex_type == system_entity.timex_type {
            counts.type_ok += 1;
        } else {
            errors.push(pair(ErrorKind::WrongType));
        }
        if gold_entity.value == system_entity.value {
            counts.value_ok += 1;
        } else {
            errors.push(pair(ErrorKind::WrongValue));
        }
    }
    for (s, taken) in system_taken.iter().enumerate() {
        let kind = &mut by_type[type_index(system[s].timex_type)];
        kind.system += 1;
        kind.system_matched += usize::from(*taken);
        if !taken {
            errors.push(ScoreError { kind: ErrorKind::Spurious, gold: None, system: Some(system[s].clone()) });
        }
    }
    errors.sort_by_key(|e| (e.position(), e.kind));
    DocScore { name: name.to_string(), counts, by_type, errors }
}
