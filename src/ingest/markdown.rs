//! Markdown reader: keeps the visible text and strips markup sparingly — heading hashes, block
//! quote and list markers, emphasis markers, inline code ticks, link and image URLs (`[text](url)`
//! → `text`), fence lines and link reference definitions. Everything else stays as written.

/// Visible text of a Markdown document (line structure kept).
pub fn extract(markdown: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut in_fence = false;
    for line in markdown.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            lines.push(String::new());
        } else if in_fence {
            lines.push(line.to_string());
        } else if is_rule(trimmed) || is_reference_definition(trimmed) {
            lines.push(String::new());
        } else {
            lines.push(strip_inline(strip_block_markers(trimmed)));
        }
    }
    lines.join("\n")
}

/// `---`, `***`, `___`, `===` (also setext heading underlines).
fn is_rule(line: &str) -> bool {
    let line = line.trim_end();
    let Some(first) = line.chars().next() else { return false };
    matches!(first, '-' | '*' | '_' | '=')
        && line.chars().filter(|&c| c == first).count() >= 3
        && line.chars().all(|c| c == first || c == ' ')
}

/// `[id]: http://...`
fn is_reference_definition(line: &str) -> bool {
    if !line.starts_with('[') {
        return false;
    }
    match line.find("]:") {
        Some(pos) => !line[1..pos].contains('[') && !line[pos + 2..].trim().contains(' '),
        None => false,
    }
}

/// Drops heading hashes, block quote `>` and list bullets / numbers at the start of a line.
fn strip_block_markers(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.trim_start();
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && (line.len() == hashes || line.as_bytes()[hashes] == b' ') {
        line = line[hashes..].trim();
        return line.trim_end_matches('#').trim_end();
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return rest.trim_start();
        }
    }
    line
}

/// Links, images, emphasis and code ticks inside one line.
fn strip_inline(line: &str) -> String {
    if !line.contains(['[', '<', '`', '*', '_', '~']) {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let image = c == '!' && chars.get(i + 1) == Some(&'[');
        if c == '[' || image {
            let open = if image { i + 1 } else { i };
            if let Some((label_end, after)) = link_end(&chars, open) {
                let label: String = chars[open + 1..label_end].iter().collect();
                out.push_str(&strip_inline(&label));
                i = after;
                continue;
            }
        }
        if c == '<' {
            if let Some(len) = autolink_len(&chars[i..]) {
                out.extend(&chars[i + 1..i + len - 1]);
                i += len;
                continue;
            }
        }
        if c == '`' {
            i += 1;
            continue;
        }
        if matches!(c, '*' | '_' | '~') {
            let run = chars[i..].iter().take_while(|&&x| x == c).count();
            let before = if i == 0 { None } else { Some(chars[i - 1]) };
            let after = chars.get(i + run).copied();
            let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
            let space = |x: Option<char>| x.is_none_or(|x| x.is_whitespace());
            let is_marker = match c {
                '_' => !((word(before) && word(after)) || (space(before) && space(after))),
                '~' => run == 2 && !(space(before) && space(after)),
                _ => !(space(before) && space(after)),
            };
            if is_marker {
                i += run;
                continue;
            }
            out.extend(&chars[i..i + run]);
            i += run;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// For a `[` at `open`: the index of the matching `]` and where the link ends (after `(url)`,
/// `[ref]` or the `]` of a bare `[text]` that is followed by either).
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (k, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    match chars.get(close + 1) {
        Some('(') => {
            let end = chars[close + 2..].iter().position(|&c| c == ')')?;
            Some((close, close + 2 + end + 1))
        }
        Some('[') => {
            let end = chars[close + 2..].iter().position(|&c| c == ']')?;
            Some((close, close + 2 + end + 1))
        }
        _ => None,
    }
}

/// Length of `<scheme://...>` or `<user@host>` at the start of `chars`.
fn autolink_len(chars: &[char]) -> Option<usize> {
    let end = chars.iter().position(|&c| c == '>')?;
    let inner: String = chars[1..end].iter().collect();
    let is_link = (inner.contains("://") || (inner.contains('@') && !inner.starts_with('@')))
        && !inner.contains(char::is_whitespace);
    is_link.then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_keeps_text() {
        let md = "# The *big* day\n\nOn **Monday**, see [the report](http://x.org/a_b) and ![chart](c.png).\n\n- item `code`\n> quoted\n";
        assert_eq!(extract(md), "The big day\n\nOn Monday, see the report and chart.\n\nitem code\nquoted\n");
    }

    #[test]
    fn keeps_intraword_underscores_and_arithmetic() {
        assert_eq!(strip_inline("snake_case and 2 * 3"), "snake_case and 2 * 3");
        assert_eq!(strip_inline("_it_ and __bold__"), "it and bold");
    }

    #[test]
    fn drops_fences_rules_and_definitions() {
        let md = "Title\n=====\n```\nlet x = [a](b);\n```\n[id]: http://example.com\nText\n";
        assert_eq!(extract(md), "Title\n\n\nlet x = [a](b);\n\n\nText\n");
    }
}
