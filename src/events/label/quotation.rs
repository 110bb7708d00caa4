//! A quotation in the speaker's own voice kept word for word in its label
//! (`Felix said: “I'm humbled to be chosen”`): reported without its marks it would read as the
//! label's own voice.

use super::sentence_words::{flag, word_flags};

/// Words by which a quotation speaks as its speaker or to its listener: reported without its
/// quotation marks it would read as the label's own voice ("Abe said I would like to…").
const SPEAKING_PRONOUNS: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'd", "we'll", "us", "our",
    "ours", "you", "you're", "you've", "you'd", "you'll", "your", "yours",
];

/// A label of a sentence opening with `quote` (`opening_quotation`), when the quotation speaks
/// in the speaker's own voice (a `SPEAKING_PRONOUNS` word), keeps it quoted, word for word:
/// "\"I'm humbled, truly,\" Felix said" reads `Felix said: “I'm humbled, truly”`, not "Felix said
/// I'm humbled truly". Other labels are returned as they are.
pub(super) fn with_speaking_quotation_kept(label: String, quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // Written as a pronoun is ("we", "We", "I"), not as a name ("US").
    let speaking = |w: &&str| {
        let w = bare(w);
        let as_pronoun = w.chars().skip(1).all(|c| !c.is_uppercase());
        as_pronoun && SPEAKING_PRONOUNS.contains(&w.replace('\u{2019}', "'").to_lowercase().as_str())
    };
    if words.len() < 2 || !words.iter().any(speaking) {
        return label;
    }
    // Where what was said starts in the label: the quotation's first two words, after a word
    // (ASCII lower case keeps every byte where it was).
    let head = format!(" {} {}", bare(words[0]), bare(words[1])).to_ascii_lowercase();
    let Some(at) = label.to_ascii_lowercase().find(&head) else { return label };
    let (speaker, said) = label.split_at(at);
    // As long as the label had it: cut where the label was cut.
    let cut = said.ends_with('\u{2026}');
    let kept = if cut { said.split_whitespace().count().min(words.len()) } else { words.len() };
    let mut quoted = words[..kept].join(" ");
    let end = quoted.trim_end_matches([',', ';', ':', ' ']).len();
    quoted.truncate(end);
    if cut {
        quoted = quoted.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string() + "\u{2026}";
    }
    let speaker = speaker.trim_end_matches([',', ':', ' ']);
    format!("{speaker}: \u{201c}{quoted}\u{201d}")
}

/// The quotation a sentence opens with, without its marks, when what follows its closing mark
/// names who said it (", Felix said", "\" said his wife"): the words of that speaker.
pub(super) fn opening_quotation(sentence: &str) -> Option<&str> {
    let rest = sentence.trim_start();
    let inner = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\u{201c}'))?;
    let end = inner.find(['"', '\u{201d}'])?;
    let (quote, after) = (&inner[..end], &inner[end..]);
    let after = after.trim_start_matches(['"', '\u{201d}']);
    // "…," the mayor said; "…" Burns said; "…" said his wife.
    let reports_soon = || {
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        after.split_whitespace().take(4).any(|w| word_flags(&bare(w)) & flag::REPORTING != 0)
    };
    let said_then =
        quote.trim_end().ends_with([',', '?', '!']) || after.trim_start().starts_with(',') || reports_soon();
    said_then.then_some(quote)
}
