//! HTML reader: the visible article text only. Page furniture (script, style, nav, header, footer,
//! aside, forms, hidden elements, and blocks whose class / id says cookie, share, related, ad, ...)
//! is dropped; `<article>` or `<main>` is preferred when present;
//! block elements become paragraph breaks. Parsing is lenient (html5ever via `scraper`), so
//! malformed markup never fails.

use super::html_depth;
use scraper::{ElementRef, Html, Node};

/// Visible text and title of an HTML page, and what a user should know about reading it.
#[derive(Debug)]
pub struct HtmlText {
    pub text: String,
    pub title: Option<String>,
    pub warnings: Vec<String>,
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
    let mut warnings = Vec::new();
    let flattened = html_depth::bound_depth(html);
    if let Some(flat) = &flattened {
        warnings.push(format!(
            "the page nests its markup more than {} levels deep; {} tags below that depth were ignored (their text is kept)",
            html_depth::MAX_DEPTH,
            flat.dropped
        ));
    }
    let document = Html::parse_document(flattened.as_ref().map_or(html, |flat| flat.html.as_str()));
    let root = document.root_element();
    let landmarks = Landmarks::find(root);
    let container = landmarks.article.or(landmarks.main).or(landmarks.body).unwrap_or(root);
    let mut text = container_text(container);
    if text.trim().is_empty() && container != root {
        text = container_text(root);
    }
    HtmlText { text, title: landmarks.title.or(landmarks.first_h1), warnings }
}

/// The elements that decide what the article is and what it is called.
struct Landmarks<'a> {
    title: Option<String>,
    first_h1: Option<String>,
    body: Option<ElementRef<'a>>,
    main: Option<ElementRef<'a>>,
    /// The `<article>` with the most text. Only outermost articles are measured: a nested one's
    /// text is part of its parent's, so it can never hold more, and measuring every level of
    /// 40,000 nested articles was quadratic.
    article: Option<ElementRef<'a>>,
}

impl<'a> Landmarks<'a> {
    fn find(root: ElementRef<'a>) -> Self {
        let mut found = Landmarks { title: None, first_h1: None, body: None, main: None, article: None };
        let mut best_article_len = 0usize;
        // (element, inside an article): an explicit stack, so deep markup cannot overflow.
        let mut stack = vec![(root, false)];
        while let Some((element, in_article)) = stack.pop() {
            let mut in_article = in_article;
            match element.value().name() {
                "title" if found.title.is_none() => found.title = non_empty(collapse(&element_text(element))),
                "h1" if found.first_h1.is_none() => found.first_h1 = non_empty(collapse(&element_text(element))),
                "body" if found.body.is_none() => found.body = Some(element),
                "main" if found.main.is_none() => found.main = Some(element),
                "article" if !in_article => {
                    in_article = true;
                    let len: usize = element.text().map(|t| t.trim().len()).sum();
                    if len > best_article_len {
                        best_article_len = len;
                        found.article = Some(element);
                    }
                }
                _ => {}
            }
            let children: Vec<ElementRef<'a>> = element.children().filter_map(ElementRef::wrap).collect();
            stack.extend(children.into_iter().rev().map(|child| (child, in_article)));
        }
        found
    }
}

fn element_text(element: ElementRef<'_>) -> String {
    element.text().collect()
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

    /// Regression: every nested `<article>` was measured over its whole subtree (40,000 nested
    /// articles: 10 s).
    #[test]
    fn the_outermost_article_is_chosen_without_measuring_nested_ones() {
        let n = html_depth::MAX_DEPTH - 100;
        let html = "<html><body><p>Menu</p>".to_string()
            + &"<article><p>Part on Monday.</p>".repeat(n)
            + &"</article>".repeat(n)
            + "</body></html>";
        let page = extract(&html);
        assert!(page.text.starts_with("Part on Monday."), "{:?}", &page.text[..40]);
        assert!(!page.text.contains("Menu"));
        assert!(page.warnings.is_empty());
    }

    /// Regression: 100,000 nested `<div>`s took html5ever 34 s (quadratic in the depth).
    #[test]
    fn markup_nested_too_deep_is_flattened_with_a_warning() {
        let n = 20_000;
        let html = "<div>".repeat(n) + "The vote was on Tuesday." + &"</div>".repeat(n);
        let page = extract(&html);
        assert_eq!(page.text, "The vote was on Tuesday.");
        assert_eq!(page.warnings.len(), 1, "{:?}", page.warnings);
        assert!(page.warnings[0].contains("levels deep"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
        assert_eq!(extract(&html).text, "deep");
        assert_eq!(extract("<pre>a  b\n\tc</pre>").text, "a  b\nc");
    }
}
