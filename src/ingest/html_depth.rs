//! Bounds how deep hostile HTML nests before the parser sees it. For every start tag, html5ever's
//! tree builder looks through the stack of open elements, so 100,000 nested `<div>`s cost it
//! quadratic time (34 s); no real page nests more than a few hundred levels. `bound_depth` counts
//! open elements in one pass and, only when a page goes deeper than [`MAX_DEPTH`], drops the tags
//! below that depth (their text stays) so the parser's work per byte stays bounded.

/// Deepest nesting of elements handed to the parser.
pub const MAX_DEPTH: usize = 1_000;

/// A page whose deepest tags were dropped, and how many were.
#[derive(Debug)]
pub struct Flattened {
    pub html: String,
    pub dropped: usize,
}

/// `None` when `html` nests at most `MAX_DEPTH` levels (the page is parsed as written), else the
/// page without the tags below that depth.
pub fn bound_depth(html: &str) -> Option<Flattened> {
    let deepest = scan(html, None);
    if deepest <= MAX_DEPTH {
        return None;
    }
    let mut out = Output { html: String::with_capacity(html.len()), dropped: 0 };
    scan(html, Some(&mut out));
    Some(Flattened { html: out.html, dropped: out.dropped })
}

/// Where the flattened page is being written.
struct Output {
    html: String,
    dropped: usize,
}

/// Elements that never hold content, or that usually close themselves in real pages (`<p>`,
/// `<li>` without an end tag), so they do not count as a level.
fn opens_level(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
    )
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp" | "noembed" | "noframes" | "plaintext")
}

/// One pass over `html`: returns the deepest nesting seen; with `out`, copies the page there
/// without the tags that sit deeper than `MAX_DEPTH` (each replaced by a space).
fn scan(html: &str, mut out: Option<&mut Output>) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut copied = 0usize;
    let mut at = 0usize;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let open = at + offset;
        let tag = read_tag(html, open);
        at = tag.end;
        let drop = match tag.kind {
            TagKind::Start { opens_level: true } => {
                depth += 1;
                deepest = deepest.max(depth);
                depth > MAX_DEPTH
            }
            TagKind::End { closes_level: true } => {
                let dropped = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
                dropped
            }
            _ => false,
        };
        if let (true, Some(out)) = (drop, out.as_deref_mut()) {
            out.html.push_str(&html[copied..open]);
            out.html.push(' ');
            out.dropped += 1;
            copied = tag.end;
        }
    }
    if let Some(out) = out {
        out.html.push_str(&html[copied..]);
    }
    deepest
}

#[derive(Debug, PartialEq)]
enum TagKind {
    Start {
        opens_level: bool,
    },
    End {
        closes_level: bool,
    },
    /// A comment, doctype, processing instruction, a start tag with raw text content (skipped
    /// with it), or a `<` that opens no tag.
    Other,
}

/// A tag starting at `open` (a `<`) and the byte after it (and after its raw text content).
struct Tag {
    kind: TagKind,
    end: usize,
}

fn read_tag(html: &str, open: usize) -> Tag {
    let bytes = html.as_bytes();
    let rest = &html[open..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(html.len(), |p| open + 4 + p + 3);
        return Tag { kind: TagKind::Other, end };
    }
    let closing = bytes.get(open + 1) == Some(&b'/');
    let name_start = open + 1 + usize::from(closing);
    let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let starts_with_letter = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
    if !starts_with_letter {
        let is_markup = matches!(bytes.get(open + 1), Some(b'!' | b'?'));
        let end = if is_markup { tag_end(bytes, open + 1) } else { open + 1 };
        return Tag { kind: TagKind::Other, end };
    }
    let name = html[name_start..name_start + name_len].to_ascii_lowercase();
    let end = tag_end(bytes, name_start + name_len);
    if closing {
        return Tag { kind: TagKind::End { closes_level: opens_level(&name) }, end };
    }
    if is_raw_text(&name) {
        return Tag { kind: TagKind::Other, end: raw_text_end(html, end, &name) };
    }
    let self_closing = end >= 2 && bytes[end - 2] == b'/';
    Tag { kind: TagKind::Start { opens_level: opens_level(&name) && !self_closing }, end }
}

/// The byte after the `>` that ends the tag whose attributes start at `from` (quoted attribute
/// values may hold `>`), or the end of the page.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (offset, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'>') => return from + offset + 1,
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            _ => {}
        }
    }
    bytes.len()
}

/// The byte after the end tag `</name>` that closes raw text starting at `from`, or the end.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = bytes[at..].windows(2).position(|w| w == b"</") {
        let start = at + offset + 2;
        let candidate = bytes.get(start..start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return tag_end(bytes, start + name.len());
        }
        at = start;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_as_written() {
        let html = "<html><body><div><p>One<p>Two<br><img src=x><div class=\"a>b\">deep</div></div></body></html>";
        assert!(bound_depth(html).is_none());
        assert_eq!(scan(html, None), 4);
    }

    #[test]
    fn tags_below_the_limit_are_dropped_and_their_text_kept() {
        let n = MAX_DEPTH + 500;
        let html = "<div>".repeat(n) + "The vote was on Tuesday." + &"</div>".repeat(n);
        let flat = bound_depth(&html).expect("too deep");
        assert_eq!(flat.dropped, 1000);
        assert!(flat.html.contains("The vote was on Tuesday."));
        assert_eq!(scan(&flat.html, None), MAX_DEPTH);
    }

    #[test]
    fn scripts_comments_and_self_closing_tags_do_not_count() {
        let html = "<script>var s = '<div><div><div>';</script><!-- <div><div> --><div/><?php <div> ?><a>x</a>";
        assert_eq!(scan(html, None), 1);
        assert_eq!(scan("<SCRIPT>'<div>'</Script ><div>", None), 1);
        assert_eq!(scan("a < b and <3 <", None), 0);
    }
}
