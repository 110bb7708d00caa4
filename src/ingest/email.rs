//! E-mail (.eml) articles: a tip, a press release or an article forwarded as a message. The text
//! is the message's first text body (MIME parts, transfer encodings and charsets decoded by
//! mail-parser; an HTML-only message is read as an HTML page), the title its subject, and the
//! publication date its `Date` header, in the sender's own time.

use super::WholeFile;
use mail_parser::{Message, MessageParser};

/// Reads a message; `Err` says, for a user, why it cannot be read. The `dct` is the `Date`
/// header as a TIMEX3 value (`YYYY-MM-DDTHH:MM`), when it is a real date.
pub fn extract(bytes: &[u8]) -> Result<WholeFile, String> {
    super::contained::run(|| read_message(bytes))
        .unwrap_or_else(|| Err("the e-mail is damaged: its structure could not be read".to_string()))
}

fn read_message(bytes: &[u8]) -> Result<WholeFile, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .filter(|m| m.date().is_some() || m.subject().is_some() || m.from().is_some())
        .ok_or_else(|| "not an e-mail message: no Date, Subject or From header".to_string())?;
    let mut warnings = Vec::new();
    let text = body_text(&message, &mut warnings)
        .ok_or_else(|| "the e-mail has no text to read (only attachments?)".to_string())?;
    let title = message.subject().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty());
    let dct = message.date().and_then(|date| {
        let value = format!("{:04}-{:02}-{:02}T{:02}:{:02}", date.year, date.month, date.day, date.hour, date.minute);
        crate::resolve::parse_dct(&value).map(|_| value)
    });
    if dct.is_none() && message.date().is_some() {
        warnings
            .push("the e-mail's Date header is not a real date; it is not used as the publication date".to_string());
    }
    Ok(WholeFile { text, title, dct, warnings })
}

/// The first plain-text body; else the first HTML body read as a page (scripts, styles and
/// navigation left out, as for an .html file).
fn body_text(message: &Message<'_>, warnings: &mut Vec<String>) -> Option<String> {
    let plain = message.text_body.first().and_then(|&part| {
        let part = message.parts.get(part as usize)?;
        part.is_text().then(|| part.text_contents()).flatten().filter(|_| !part.is_text_html())
    });
    if let Some(text) = plain.filter(|t| !t.trim().is_empty()) {
        return Some(crate::ingest::decode::normalize_newlines(text.to_string()));
    }
    let html = message.body_html(0)?;
    let page = crate::ingest::html::extract(&html);
    warnings.extend(page.warnings);
    let text = crate::ingest::decode::normalize_newlines(page.text);
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_printable_message_gives_its_body_subject_and_date() {
        let raw = concat!(
            "From: Reader <reader@example.org>\r\n",
            "To: desk@example.org\r\n",
            "Subject: =?utf-8?Q?Smoke_over_Canal_Street?=\r\n",
            "Date: Wed, 14 Jun 2023 08:15:00 +0100\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\n",
            "\r\n",
            "The road=E2=80=99s still closed this morning, and it was closed all of Tues=\r\n",
            "day too.\r\n",
        );
        let mail = extract(raw.as_bytes()).unwrap();
        assert_eq!(mail.text, "The road’s still closed this morning, and it was closed all of Tuesday too.\n");
        assert_eq!(mail.title.as_deref(), Some("Smoke over Canal Street"));
        assert_eq!(mail.dct.as_deref(), Some("2023-06-14T08:15"));
    }

    #[test]
    fn an_html_only_message_is_read_as_a_page() {
        let raw = concat!(
            "Subject: Notice\r\nDate: Thu, 15 Jun 2023 10:00:00 +0000\r\n",
            "Content-Type: text/html; charset=utf-8\r\n\r\n",
            "<html><body><nav>Menu</nav><p>The inquiry opens on Monday.</p><script>x()</script></body></html>\r\n",
        );
        let mail = extract(raw.as_bytes()).unwrap();
        assert_eq!(mail.text.trim(), "The inquiry opens on Monday.");
    }

    #[test]
    fn text_that_is_no_message_is_refused() {
        let message = extract(b"Just a note about Tuesday.").unwrap_err();
        assert!(message.contains("not an e-mail message"), "{message}");
    }
}
