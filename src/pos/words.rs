//! Text split into words as the treebank the model learned from splits it: at whitespace, with
//! opening and closing punctuation as words of their own and a clitic apart from its host
//! ("government's" → "government" "'s", "don't" → "do" "n't"), but "U.S." and "3.5" whole. The
//! resolver's own tokens split all of these, which the model never saw.

/// Punctuation that opens a word and is a word of its own.
const OPENING: &[char] = &['(', '[', '{', '"', '\'', '\u{201c}', '\u{2018}'];
/// Punctuation that closes a word and is a word of its own.
const CLOSING: &[char] = &[',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '\u{201d}', '\u{2019}', '.'];
/// Endings split from their host as words of their own.
const CLITICS: &[&str] =
    &["n't", "n\u{2019}t", "'s", "\u{2019}s", "'re", "'ve", "'ll", "'d", "'m", "\u{2019}re", "\u{2019}ll"];

/// The words of `text`, each with its byte offset in `text`.
pub fn treebank_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in text.split_whitespace() {
        let start = text[at..].find(chunk).map_or(at, |k| at + k);
        at = start + chunk.len();
        split_chunk(chunk, start, &mut out);
    }
    out
}

/// Splits one whitespace-free `chunk` (at byte `start`) into words, into `out`.
fn split_chunk<'t>(chunk: &'t str, start: usize, out: &mut Vec<(usize, &'t str)>) {
    let mut word = chunk;
    let mut offset = start;
    while let Some(c) = word.chars().next().filter(|c| OPENING.contains(c) && word.len() > c.len_utf8()) {
        out.push((offset, &word[..c.len_utf8()]));
        offset += c.len_utf8();
        word = &word[c.len_utf8()..];
    }
    let mut closing = Vec::new();
    while let Some(c) = word.chars().next_back().filter(|c| CLOSING.contains(c) && word.len() > c.len_utf8()) {
        // "U.S.": a full stop after a dotted abbreviation is part of it.
        if c == '.' && word[..word.len() - 1].contains('.') {
            break;
        }
        let cut = word.len() - c.len_utf8();
        closing.push((offset + cut, &word[cut..]));
        word = &word[..cut];
    }
    let clitic = CLITICS.iter().find_map(|c| {
        let cut = word.len().checked_sub(c.len()).filter(|&cut| cut > 0)?;
        word.get(cut..).filter(|end| end.eq_ignore_ascii_case(c)).map(|_| cut)
    });
    match clitic {
        Some(cut) => out.extend([(offset, &word[..cut]), (offset + cut, &word[cut..])]),
        None => out.push((offset, word)),
    }
    out.extend(closing.into_iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        treebank_words(text).into_iter().map(|(_, w)| w).collect()
    }

    #[test]
    fn words_split_as_the_treebank_splits_them() {
        assert_eq!(
            words("The government's plan, (U.S.) don't."),
            ["The", "government", "'s", "plan", ",", "(", "U.S.", ")", "do", "n't", "."]
        );
        assert_eq!(words("It rose 3.5% in “May”"), ["It", "rose", "3.5%", "in", "“", "May", "”"]);
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words("' . “"), ["'", ".", "“"]);
        let text = "a  café's b";
        for (at, w) in treebank_words(text) {
            assert_eq!(&text[at..at + w.len()], w);
        }
    }
}
