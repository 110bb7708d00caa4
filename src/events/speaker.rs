//! Who "it" is in a statement that opens "It said ..." (issue #10 §3): wire copy names an
//! organisation once ("The health ministry said on Monday that ...") and goes on with "It
//! added that ...". A label that opens with "It" and a verb of saying takes the organisation
//! that spoke last, a few sentences back at most; without one it stays as written.

/// Verbs of saying a speaker comes before in a label.
const SAYING: &[&str] = &["said", "says", "added", "reported", "announced", "stated", "told", "noted", "warned"];

/// Head nouns of an organisation or a document that can be "it".
const ORGANISATIONS: &[&str] = &[
    "agency",
    "ministry",
    "report",
    "statement",
    "company",
    "government",
    "office",
    "newspaper",
    "committee",
    "council",
    "bank",
    "court",
    "commission",
    "department",
    "survey",
    "study",
    "organization",
    "organisation",
    "group",
    "party",
    "union",
    "institute",
    "association",
    "authority",
    "board",
    "embassy",
    "network",
    "service",
    "radio",
    "television",
    "daily",
    "firm",
    "army",
    "military",
    "administration",
    "bureau",
    "center",
    "centre",
    "federation",
    "foundation",
    "fund",
    "parliament",
    "cabinet",
    "council",
    "team",
    "club",
    "website",
    "paper",
    "document",
    "letter",
    "communique",
    "xinhua",
    "kcna",
    "ap",
    "afp",
    "reuters",
];

/// How many sentences after it a speaker may still be "it".
const REACH: usize = 3;

/// Most words a speaker may have.
const MAX_SPEAKER_WORDS: usize = 8;

/// The organisation that spoke last in a document, and in which sentence.
#[derive(Default)]
pub struct LastSpeaker {
    last: Option<(String, usize)>,
}

impl LastSpeaker {
    /// Takes in the label of an event of sentence `index`: when it opens with an organisation
    /// and a verb of saying ("The health ministry said ..."), that organisation spoke last.
    pub fn hear(&mut self, label: &str, index: usize) {
        if let Some(speaker) = organisation_speaking(label) {
            self.last = Some((speaker.to_string(), index));
        }
    }

    /// `label` with an opening "It" before a verb of saying replaced by the organisation that
    /// spoke last, when it spoke at most `REACH` sentences before sentence `index`.
    pub fn resolve(&self, label: &str, index: usize) -> Option<String> {
        let rest = label.strip_prefix("It ")?;
        let verb = rest.split(' ').next()?;
        let (speaker, at) = self.last.as_ref()?;
        (SAYING.contains(&verb) && index > *at && index - at <= REACH).then(|| format!("{speaker} {rest}"))
    }
}

/// The words before the first verb of saying in `label`, when they name an organisation: at
/// most `MAX_SPEAKER_WORDS`, opening with a capital, ending with a listed head noun or a name
/// in capitals ("The official Xinhua news agency", "KCNA").
fn organisation_speaking(label: &str) -> Option<&str> {
    // Runs for every event's label: it reads at most the speaker's words and allocates nothing.
    let mut end = 0;
    let mut head = "";
    for (k, word) in label.split(' ').take(MAX_SPEAKER_WORDS + 1).enumerate() {
        if SAYING.contains(&word) {
            let opens_with_name = label.starts_with(char::is_uppercase) && !label.starts_with("It ");
            let head = head.trim_matches(|c: char| !c.is_alphanumeric());
            let organisation = ORGANISATIONS.iter().any(|o| o.eq_ignore_ascii_case(head));
            return (k > 0 && opens_with_name && organisation).then(|| &label[..end]);
        }
        end += if k == 0 { word.len() } else { word.len() + 1 };
        head = word;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_the_organisation_that_spoke_last_nearby() {
        let mut speaker = LastSpeaker::default();
        speaker.hear("The health ministry said two more cases were confirmed", 4);
        assert_eq!(
            speaker.resolve("It said the patients were in hospital", 5).as_deref(),
            Some("The health ministry said the patients were in hospital")
        );
        assert_eq!(
            speaker.resolve("It added the patients were in hospital", 7).as_deref(),
            Some("The health ministry added the patients were in hospital")
        );
        assert_eq!(speaker.resolve("It said the patients were in hospital", 8), None, "too far back");
        assert_eq!(speaker.resolve("It was raining", 5), None, "no verb of saying");
    }

    #[test]
    fn a_person_or_a_pronoun_is_no_organisation() {
        let mut speaker = LastSpeaker::default();
        speaker.hear("Prime Minister Ana Ortiz said the border would reopen", 1);
        speaker.hear("He said the border would reopen", 2);
        assert_eq!(speaker.resolve("It said the border would reopen", 3), None);
    }
}
