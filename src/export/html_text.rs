//! Text inside the HTML the exports write (the report page, and TimelineJS slides, which
//! TimelineJS renders as HTML): the characters that could start markup or end an attribute value
//! written as entities.

/// `&`, `<`, `>` and quotes written as HTML entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            super::escape("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O'Neil &amp; co&lt;/a&gt;"
        );
    }
}
