//! A cursor over the tokens of one text, with the small parsers rules are written in: words,
//! punctuation, numbers, amounts, years, month names. Every method either consumes what it
//! matched and returns it, or leaves the cursor where it was.

use super::lexicon::{Lex, LexId};
use super::sem::{Amount, Unit};
use crate::text::tokens::{Token, TokenKind};
use crate::text::word_key::LowerWord;
use std::cell::Cell;

#[derive(Clone)]
pub struct Cursor<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lex: &'a [LexId],
    pub i: usize,
    /// A TIMEX3 mod a rule found inside its own phrase ("the late 1970s").
    pub modifier: Option<&'static str>,
    /// The last amount parsed over these tokens, shared by every cursor of one `Tokens`.
    amounts: &'a AmountMemo,
}

/// The last `Cursor::amount` parse: several rules ("two days", "two days ago", "two days later",
/// "two-day") read the same amount at the same token, one after another, so remembering the last
/// one spares the repeats.
#[derive(Default)]
pub struct AmountMemo(Cell<Option<RememberedAmount>>);

/// Start token, and the amount parsed there with the token after it (or none).
type RememberedAmount = (usize, Option<(Amount, usize)>);

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], lex: &'a [LexId], amounts: &'a AmountMemo, i: usize) -> Self {
        Cursor { text, tokens, lex, i, modifier: None, amounts }
    }

    pub fn token(&self) -> Option<&'a Token> {
        self.tokens.get(self.i)
    }

    pub fn token_at(&self, offset: isize) -> Option<&'a Token> {
        let index = self.i as isize + offset;
        if index < 0 {
            return None;
        }
        self.tokens.get(index as usize)
    }

    pub fn str_at(&self, offset: isize) -> &'a str {
        self.token_at(offset).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// The token at `offset`, lower-cased without allocating ("" past either end).
    pub fn lower_at(&self, offset: isize) -> LowerWord {
        LowerWord::new(self.str_at(offset))
    }

    pub fn current(&self) -> &'a str {
        self.str_at(0)
    }

    pub fn meanings(&self) -> &'static [Lex] {
        self.lex.get(self.i).map_or(&[], |id| id.meanings())
    }

    pub fn is(&self, word: &str) -> bool {
        self.token().is_some_and(|t| t.kind == TokenKind::Word && t.text(self.text).eq_ignore_ascii_case(word))
    }

    pub fn is_at(&self, offset: isize, word: &str) -> bool {
        self.token_at(offset).is_some_and(|t| t.kind == TokenKind::Word && t.text(self.text).eq_ignore_ascii_case(word))
    }

    /// The current token starts with an upper-case letter.
    pub fn capitalised(&self) -> bool {
        self.current().chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub fn word(&mut self, word: &str) -> bool {
        if self.is(word) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Consumes one of `words`, returning which.
    pub fn one_of(&mut self, words: &[&'static str]) -> Option<&'static str> {
        let found = words.iter().copied().find(|w| self.is(w))?;
        self.i += 1;
        Some(found)
    }

    /// Consumes a sequence of words, all or nothing.
    pub fn words(&mut self, words: &[&str]) -> bool {
        let save = self.i;
        for w in words {
            if !self.word(w) {
                self.i = save;
                return false;
            }
        }
        true
    }

    pub fn punct(&mut self, c: char) -> bool {
        if self.token().is_some_and(|t| t.is_punct(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Consumes the punctuation `c` only when it touches the previous token ("Sept." not "Sept .").
    pub fn attached_punct(&mut self, c: char) -> bool {
        if self.token().is_some_and(|t| t.is_punct(c) && t.attached()) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    pub fn hyphen(&mut self) -> bool {
        self.token().is_some_and(|t| t.attached()) && self.punct('-')
    }

    /// Consumes the current word when one of its meanings maps to `Some`.
    pub fn lex<T>(&mut self, f: impl Fn(Lex) -> Option<T>) -> Option<T> {
        let found = self.meanings().iter().copied().find_map(f)?;
        self.i += 1;
        Some(found)
    }

    pub fn peek_lex<T>(&self, f: impl Fn(Lex) -> Option<T>) -> Option<T> {
        self.meanings().iter().copied().find_map(f)
    }

    /// A run of digits as a whole number; refuses digits glued to a preceding '.' or ',' ("a .38
    /// pistol", "1,440").
    pub fn digits(&mut self) -> Option<(u32, usize)> {
        let token = self.token()?;
        if token.kind != TokenKind::Number || token.end - token.start > 9 {
            return None;
        }
        if token.attached() {
            if let Some(prev) = self.token_at(-1) {
                if prev.is_punct('.') || prev.is_punct(',') || prev.is_punct('$') || prev.kind == TokenKind::Word {
                    return None;
                }
            }
        }
        // "1,440" or "3.5": a number that continues is not a plain whole number.
        if let (Some(sep), Some(next)) = (self.token_at(1), self.token_at(2)) {
            if (sep.is_punct(',') || sep.is_punct('.'))
                && sep.attached()
                && next.attached()
                && next.kind == TokenKind::Number
                && sep.is_punct(',')
            {
                return None;
            }
        }
        // At most nine ASCII digits (checked above), so this cannot overflow.
        let digits = &self.text.as_bytes()[token.range()];
        let value = digits.iter().fold(0u32, |value, d| value * 10 + u32::from(d - b'0'));
        self.i += 1;
        Some((value, digits.len()))
    }

    /// A whole number written in digits within `range`, with an optional ordinal suffix.
    pub fn number_in(&mut self, low: u32, high: u32) -> Option<u32> {
        let save = self.i;
        let (value, _) = self.digits()?;
        if value < low || value > high {
            self.i = save;
            return None;
        }
        // An ordinal suffix ("22nd") belongs to the number.
        if self.token().is_some_and(|t| t.attached() && t.kind == TokenKind::Word) {
            self.one_of(&["st", "nd", "rd", "th"]);
        }
        Some(value)
    }

    /// A day of the month: "22", "22nd", "twenty-second" is not supported.
    pub fn day_of_month(&mut self) -> Option<u32> {
        let save = self.i;
        let token = self.token()?;
        if token.kind == TokenKind::Number && token.end - token.start > 2 {
            return None;
        }
        let day = self.number_in(1, 31)?;
        // "22:30" or "22.5" is not a day.
        if self.token().is_some_and(|t| (t.is_punct(':') || t.is_punct('.')) && t.attached())
            && self.token_at(1).is_some_and(|t| t.kind == TokenKind::Number && t.attached())
        {
            self.i = save;
            return None;
        }
        Some(day)
    }

    /// A four-digit year in `[1000, 2199]`, or an apostrophe year "'98" (→ 1998).
    pub fn year(&mut self) -> Option<i32> {
        let save = self.i;
        if self.punct('\'') {
            if let Some(token) = self.token() {
                if token.kind == TokenKind::Number && token.end - token.start == 2 && token.attached() {
                    let yy: i32 = token.text(self.text).parse().ok()?;
                    self.i += 1;
                    return Some(if yy < 30 { 2000 + yy } else { 1900 + yy });
                }
            }
            self.i = save;
            return None;
        }
        let token = self.token()?;
        if token.kind != TokenKind::Number || token.end - token.start != 4 {
            return None;
        }
        let (value, _) = self.digits()?;
        if !(1000..=2199).contains(&value) {
            self.i = save;
            return None;
        }
        Some(value as i32)
    }

    /// A month name or abbreviation ("Sept." consumes its period). `strict` refuses lower-case
    /// "may"/"march" and every lower-case abbreviation.
    pub fn month(&mut self) -> Option<u32> {
        let save = self.i;
        let capital = self.capitalised();
        if let Some(month) = self.lex(|l| if let Lex::Month(m) = l { Some(m) } else { None }) {
            if !capital && (month == 5 || month == 3) {
                self.i = save;
                return None;
            }
            return Some(month);
        }
        if capital {
            if let Some(month) = self.lex(|l| if let Lex::MonthAbbr(m) = l { Some(m) } else { None }) {
                self.attached_punct('.');
                return Some(month);
            }
        }
        None
    }

    /// A count: digits ("24", "1.5"), number words ("twenty four", "twenty-four", "a", "an"),
    /// or an unspecified one ("several", "a few", "a couple of" → 2).
    pub fn amount(&mut self) -> Option<Amount> {
        let start = self.i;
        let parsed = match self.amounts.0.get() {
            Some((at, parsed)) if at == start => parsed,
            _ => {
                let parsed = self.parse_amount().map(|amount| (amount, self.i));
                self.amounts.0.set(Some((start, parsed)));
                parsed
            }
        };
        let (amount, end) = parsed?;
        self.i = end;
        Some(amount)
    }

    fn parse_amount(&mut self) -> Option<Amount> {
        if self.token()?.kind == TokenKind::Number {
            return self.digit_amount();
        }
        let save = self.i;
        if self.words(&["a", "couple", "of"]) || self.words(&["a", "couple"]) {
            return Some(Amount::Exact(2.0));
        }
        if self.words(&["a", "few"]) || self.one_of(&["several", "few", "many", "some"]).is_some() {
            return Some(Amount::Unknown);
        }
        if self.one_of(&["a", "an", "one"]).is_some() {
            if self.word("half") {
                return Some(Amount::Exact(0.5));
            }
            return Some(Amount::Exact(1.0));
        }
        if let Some(tens) = self.lex(|l| if let Lex::Tens(t) = l { Some(t) } else { None }) {
            let after_tens = self.i;
            self.hyphen();
            if let Some(units) = self.lex(|l| match l {
                Lex::Number(n) if (1.0..10.0).contains(&n) => Some(n),
                _ => None,
            }) {
                return Some(Amount::Exact(tens + units));
            }
            self.i = after_tens;
            return Some(Amount::Exact(tens));
        }
        if let Some(n) = self.lex(|l| match l {
            Lex::Number(n) if n >= 1.0 => Some(n),
            _ => None,
        }) {
            if n < 10.0 && self.is("hundred") {
                self.i += 1;
                return Some(Amount::Exact(n * 100.0));
            }
            if n < 100.0 && self.is("thousand") {
                self.i += 1;
                return Some(Amount::Exact(n * 1000.0));
            }
            return Some(Amount::Exact(n));
        }
        self.i = save;
        None
    }

    /// An amount written in digits: "24", "1.5", "2 1/2".
    fn digit_amount(&mut self) -> Option<Amount> {
        let (whole, _) = self.digits()?;
        if self.token().is_some_and(|t| t.is_punct('.') && t.attached())
            && self.token_at(1).is_some_and(|t| t.kind == TokenKind::Number && t.attached())
        {
            let fraction = format!("{whole}.{}", self.str_at(1));
            if let Ok(value) = fraction.parse::<f64>() {
                self.i += 2;
                return Some(Amount::Exact(value));
            }
        }
        // "2 1/2 years".
        if self.token().is_some_and(|t| !t.attached() && t.kind == TokenKind::Number)
            && self.current() == "1"
            && self.token_at(1).is_some_and(|t| t.is_punct('/') && t.attached())
            && self.token_at(2).is_some_and(|t| t.attached() && t.text(self.text) == "2")
        {
            self.i += 3;
            return Some(Amount::Exact(f64::from(whole) + 0.5));
        }
        Some(Amount::Exact(f64::from(whole)))
    }

    /// A unit word, singular or plural, with whether it was plural.
    pub fn unit(&mut self) -> Option<(Unit, bool)> {
        self.lex(|l| match l {
            Lex::Unit(u) => Some((u, false)),
            Lex::UnitPlural(u) => Some((u, true)),
            _ => None,
        })
    }

    pub fn weekday(&mut self) -> Option<u32> {
        if !self.capitalised() {
            return None;
        }
        let day = self.lex(|l| if let Lex::Weekday(d) = l { Some(d) } else { None })?;
        Some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Tokens;

    #[test]
    fn remembered_amounts_belong_to_their_token() {
        let tokens = Tokens::new("two days and 3.5 weeks and a few years");
        let amount_at = |i: usize| {
            let mut c = tokens.cursor(i);
            c.amount().map(|amount| (amount, c.i))
        };
        let two = Some((Amount::Exact(2.0), 1));
        assert_eq!(amount_at(0), two);
        assert_eq!(amount_at(0), two, "asked twice at the same token");
        assert_eq!(amount_at(3), Some((Amount::Exact(3.5), 6)));
        assert_eq!(amount_at(1), None, "'days' is no amount");
        assert_eq!(amount_at(0), two, "back at the first token after others");
        assert_eq!(amount_at(8), Some((Amount::Unknown, 10)));
    }
}
