//! HTML reader: the visible article text only. Page furniture (script, style, nav, header, footer,
//! aside, forms, hidden elements, and blocks whose class / id says cookie, share, related, ad, ...)
//! is dropped; `<article>` or `<main>` is preferred when present;
//! block elements become paragraph breaks. Parsing is lenient (html5ever via `scraper`), so
//! malformed markup never fails.

use scraper::{ElementRef, Html, Node};

/// Visible text and title of an HTML page.
#[derive(Debug)]
pub struct HtmlText {
    pub text: String,
    pub title: Option<String>,
}

/// Elements whose whole subtree is never visible article text.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "noscript"
            | "form"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "select"
            | "textarea"
            | "head"
            | "object"
            | "canvas"
            | "dialog"
            | "menu"
    )
}

/// Class / id words that mark page furniture inside the article container (cookie banners,
/// share bars, related links, ads). Matched as whole words of the attribute, so "ad" does not
/// match "headline".
const BOILERPLATE: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "newsletter",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "subscribe",
    "subscription",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "paywall",
    "outbrain",
    "taboola",
];

fn is_boilerplate(class: Option<&str>, id: Option<&str>) -> bool {
    [class, id].into_iter().flatten().any(|attr| {
        attr.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| BOILERPLATE.iter().any(|b| b.eq_ignore_ascii_case(word)))
    })
}

/// How much of a break an element forces around itself: 2 = paragraph, 1 = line.
fn break_for(name: &str) -> u8 {
    match name {
        "p" | "div" | "section" | "article" | "main" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
        | "ul" | "ol" | "dl" | "table" | "figure" | "figcaption" | "pre" | "hr" | "address" | "details" | "summary"
        | "body" | "fieldset" | "center" | "caption" => 2,
        "li" | "tr" | "dt" | "dd" | "br" | "td" | "th" => 1,
        _ => 0,
    }
}

/// Extracts the visible article text and the title.
pub fn extract(html: &str) -> HtmlText {
    let document = Html::parse_document(html);
    let root = document.root_element();
    let mut title = None;
    let mut first_h1 = None;
    let mut body = None;
    let mut main = None;
    let mut best_article: Option<(usize, ElementRef<'_>)> = None;
    for element in root.descendent_elements() {
        match element.value().name() {
            "title" if title.is_none() => title = non_empty(collapse(&element.text().collect::<String>())),
            "h1" if first_h1.is_none() => first_h1 = non_empty(collapse(&element.text().collect::<String>())),
            "body" if body.is_none() => body = Some(element),
            "main" if main.is_none() => main = Some(element),
            "article" => {
                let len: usize = element.text().map(|t| t.trim().len()).sum();
                if best_article.is_none_or(|(best, _)| len > best) {
                    best_article = Some((len, element));
                }
            }
            _ => {}
        }
    }
    let container = best_article.filter(|(len, _)| *len > 0).map(|(_, e)| e).or(main).or(body).unwrap_or(root);
    let mut text = container_text(container);
    if text.trim().is_empty() && container != root {
        text = container_text(root);
    }
    HtmlText { text, title: title.or(first_h1) }
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

enum Step<'a> {
    Enter(ElementRef<'a>),
    Leave(&'a str),
    Text(&'a str),
}

/// Builds text with collapsed whitespace and explicit line / paragraph breaks.
struct Builder {
    out: String,
    pending_space: bool,
    pending_break: u8,
    pre_depth: usize,
}

impl Builder {
    fn text(&mut self, s: &str) {
        let mut run_start: Option<usize> = None;
        for (i, c) in s.char_indices() {
            let separator = if self.pre_depth > 0 { c != ' ' && c.is_whitespace() } else { c.is_whitespace() };
            if !separator {
                run_start.get_or_insert(i);
                continue;
            }
            if let Some(start) = run_start.take() {
                self.emit(&s[start..i]);
            }
            if self.pre_depth > 0 && c == '\n' {
                self.pending_break = self.pending_break.max(1);
                self.pending_space = false;
            } else {
                self.pending_space = true;
            }
        }
        if let Some(start) = run_start {
            self.emit(&s[start..]);
        }
    }

    /// Appends a run of visible characters after the pending separator.
    fn emit(&mut self, run: &str) {
        if !self.out.is_empty() {
            match self.pending_break {
                2 => self.out.push_str("\n\n"),
                1 => self.out.push('\n'),
                _ if self.pending_space => self.out.push(' '),
                _ => {}
            }
        }
        self.pending_break = 0;
        self.pending_space = false;
        self.out.push_str(run);
    }

    fn block(&mut self, strength: u8) {
        self.pending_break = self.pending_break.max(strength);
    }
}

/// The text of the chosen container without boilerplate blocks, unless dropping them would lose
/// most of the text (then a class word such as "comments-enabled" marked the story itself).
fn container_text(container: ElementRef<'_>) -> String {
    let (filtered, dropped) = visible_text(container, true);
    if dropped > filtered.trim().len() {
        visible_text(container, false).0
    } else {
        filtered
    }
}

/// Visible text under `element` (iterative, so deeply nested markup cannot overflow the stack);
/// `skip_boilerplate` also drops blocks whose class / id marks them as page furniture, and the
/// second value is how much text (bytes) those blocks held.
fn visible_text(element: ElementRef<'_>, skip_boilerplate: bool) -> (String, usize) {
    let mut dropped = 0usize;
    let mut builder = Builder { out: String::new(), pending_space: false, pending_break: 0, pre_depth: 0 };
    let mut stack = vec![Step::Enter(element)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(el) => {
                let value = el.value();
                let name = value.name();
                if is_dropped(name) || value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
                    continue;
                }
                if skip_boilerplate && el != element && is_boilerplate(value.attr("class"), value.attr("id")) {
                    dropped += el.text().map(|t| t.trim().len()).sum::<usize>();
                    continue;
                }
                if name == "img" {
                    continue;
                }
                builder.block(break_for(name));
                if name == "pre" {
                    builder.pre_depth += 1;
                }
                stack.push(Step::Leave(name));
                for child in el.children().rev() {
                    match child.value() {
                        Node::Text(text) => stack.push(Step::Text(text)),
                        Node::Element(_) => {
                            if let Some(child) = ElementRef::wrap(child) {
                                stack.push(Step::Enter(child));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Step::Leave(name) => {
                builder.block(break_for(name));
                if name == "pre" {
                    builder.pre_depth = builder.pre_depth.saturating_sub(1);
                }
            }
            Step::Text(text) => builder.text(text),
        }
    }
    (builder.out, dropped)
}

/// True when `text` looks like HTML (used to sniff unknown extensions).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head")
        || (head.starts_with('<') && (head.contains("<p>") || head.contains("<div")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_drops_furniture() {
        let html = "<html><head><title>T  one</title><style>p{}</style></head><body>\
            <nav>Home | News</nav><article><h1>Head</h1><p>First <b>bold</b>\n  para.</p>\
            <script>var x;</script><p>Second.</p></article><footer>(c)</footer></body></html>";
        let got = extract(html);
        assert_eq!(got.text, "Head\n\nFirst bold para.\n\nSecond.");
        assert_eq!(got.title.as_deref(), Some("T one"));
    }

    #[test]
    fn boilerplate_blocks_inside_the_article_are_dropped() {
        let html = "<article class=\"story\"><p class=\"headline lead\">Floods hit the town.</p>\
            <div class=\"share-bar\">Share on X</div><div id=\"cookie-consent\">We use cookies</div>\
            <aside>More</aside><div class=\"ad-slot\">Buy now</div><p>Water receded on Friday.</p></article>";
        assert_eq!(extract(html).text, "Floods hit the town.\n\nWater receded on Friday.");
    }

    #[test]
    fn a_story_wrapper_with_a_boilerplate_class_is_kept() {
        let html = "<article><div class=\"body comments-enabled\"><p>The long story text is here.</p>\
            <p>It goes on for a while.</p></div><div class=\"share\">Share</div></article>";
        assert_eq!(extract(html).text, "The long story text is here.\n\nIt goes on for a while.\n\nShare");
    }

    #[test]
    fn malformed_html_is_read() {
        let got = extract("<p>Unclosed <b>bold <i>text<p>Next</div></span>");
        assert_eq!(got.text, "Unclosed bold text\n\nNext");
        assert_eq!(got.title, None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
        assert_eq!(extract(&html).text, "deep");
        assert_eq!(extract("<pre>a  b\n\tc</pre>").text, "a  b\nc");
    }
}
