//! PDF articles (text PDFs: news print-outs, court filings): the text layer of every page, read
//! by pdf-extract, with a blank line after each page so that a page's end is a sentence's end.
//! Running headers and footers (a line at the top or bottom of most pages, the same but for its
//! numbers) and page numbers are left out. A PDF without a text layer (a scan) is refused with
//! "OCR it first", not read as an empty article.

use std::collections::HashMap;

/// Lines at each end of a page that may be a running header, footer or page number.
const EDGE_LINES: usize = 2;

/// True when `bytes` start like a PDF (the `%PDF-` marker may follow up to 1 KB of junk).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// The text of a PDF's pages; `Err` says, for a user, why there is none.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    use super::contained::{run_for, Ended};
    let owned = bytes.to_vec();
    let limit = time_limit(bytes.len());
    let pages = match run_for(limit, move || pages_of(&owned)) {
        Ended::Finished(read) => read?,
        Ended::Panicked => return Err("the PDF is damaged or uses a feature the PDF reader does not handle".into()),
        Ended::TimedOut => {
            return Err(format!(
                "reading the PDF took longer than {} s; it may be damaged or crafted. Export its text another way \
                 (e.g. pdftotext) and open that",
                limit.as_secs()
            ))
        }
    };
    if pages.is_empty() {
        return Err("the PDF has no pages".to_string());
    }
    let text = join_pages(&pages);
    if text.trim().is_empty() {
        return Err(format!(
            "the PDF has no text layer ({} page{} of images: a scan?); OCR it first (e.g. with ocrmypdf) and open the result",
            pages.len(),
            if pages.len() == 1 { "" } else { "s" }
        ));
    }
    Ok(text)
}

/// How many page-tree levels above a page may hold what it inherits (real files have a few).
const MAX_PAGE_TREE_DEPTH: usize = 256;

/// The text of each page, in order, as pdf-extract reads it page by page, after checking that
/// no page's chain of /Parent nodes loops or runs deeper than `MAX_PAGE_TREE_DEPTH` (pdf-extract
/// follows it recursively for inherited resources and would overflow the stack).
fn pages_of(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| describe(&e.into()))?;
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty password only to set permissions.
        doc.decrypt("").map_err(|e| describe(&e.into()))?;
    }
    let pages = doc.get_pages();
    for (number, id) in &pages {
        if !page_tree_ends(&doc, *id) {
            return Err(format!("the PDF is damaged: the page tree above page {number} loops or is too deep"));
        }
    }
    let mut texts = Vec::with_capacity(pages.len());
    for number in pages.keys() {
        let mut text = String::new();
        let read = pdf_extract::output_doc_page(&doc, &mut pdf_extract::PlainTextOutput::new(&mut text), *number);
        // As pdf-extract's own page loop: the pages up to the first it cannot read.
        if read.is_err() {
            break;
        }
        texts.push(text);
    }
    Ok(texts)
}

/// Whether the chain of /Parent nodes above object `page` ends within `MAX_PAGE_TREE_DEPTH`
/// steps without coming back to a node it passed.
fn page_tree_ends(doc: &lopdf::Document, page: lopdf::ObjectId) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut node = Some(page);
    while let Some(id) = node {
        if !seen.insert(id) || seen.len() > MAX_PAGE_TREE_DEPTH {
            return false;
        }
        node = doc.get_dictionary(id).ok().and_then(|d| d.get(b"Parent").ok()).and_then(|p| p.as_reference().ok());
    }
    true
}

/// How long a PDF of `bytes` may take to read: 20 s, and 2 s more per MB (the reader takes well
/// under a second per MB of ordinary PDF).
fn time_limit(bytes: usize) -> std::time::Duration {
    std::time::Duration::from_secs(20 + 2 * (bytes / 1_000_000) as u64)
}

/// A user's reading of the reader's error.
fn describe(error: &pdf_extract::OutputError) -> String {
    let detail = error.to_string();
    // "encrypt" also matches "decrypt".
    if detail.to_ascii_lowercase().contains("crypt") {
        format!("the PDF is encrypted and cannot be read without its password ({detail})")
    } else {
        format!("the PDF cannot be read: {detail}")
    }
}

/// The pages' lines without their running headers, footers and page numbers, a blank line
/// between pages and no run of blank lines.
fn join_pages(pages: &[String]) -> String {
    let pages: Vec<Vec<&str>> = pages.iter().map(|page| page.lines().map(str::trim).collect()).collect();
    let running = running_lines(&pages);
    let mut out = String::new();
    for page in &pages {
        let edges = edge_indices(page);
        let mut page_text = String::new();
        let mut blank = false;
        for (index, line) in page.iter().enumerate() {
            let dropped =
                edges.contains(&index) && (is_page_number(line) || running.contains_key(shape(line).as_str()));
            if dropped {
                continue;
            }
            if line.is_empty() {
                blank = !page_text.is_empty();
                continue;
            }
            if !page_text.is_empty() {
                page_text.push_str(if blank { "\n\n" } else { "\n" });
            }
            blank = false;
            page_text.push_str(line);
        }
        if !page_text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&page_text);
        }
    }
    out
}

/// The indices of the first and last `EDGE_LINES` non-empty lines of a page.
fn edge_indices(page: &[&str]) -> Vec<usize> {
    let filled: Vec<usize> = page.iter().enumerate().filter(|(_, l)| !l.is_empty()).map(|(i, _)| i).collect();
    let head = filled.iter().take(EDGE_LINES);
    let tail = filled.iter().rev().take(EDGE_LINES);
    head.chain(tail).copied().collect()
}

/// A line's shape: lower case, digits as `#`, spaces collapsed ("Page 3 of 12" → "page # of #").
fn shape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_digit = false;
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            last_digit = false;
        }
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !last_digit {
                    out.push('#');
                }
                last_digit = true;
            } else {
                out.extend(c.to_lowercase());
                last_digit = false;
            }
        }
    }
    out
}

/// Edge-line shapes seen on at least two pages and on at least half of them: running headers
/// and footers. A one-page PDF has none.
fn running_lines(pages: &[Vec<&str>]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut shapes: Vec<String> = edge_indices(page).into_iter().map(|i| shape(page[i])).collect();
        shapes.sort();
        shapes.dedup();
        for shape in shapes {
            *seen.entry(shape).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    seen.retain(|_, count| *count >= needed);
    seen
}

/// "3", "Page 3", "page 3 of 12", "- 3 -", "3 / 12", "3 of 12".
fn is_page_number(line: &str) -> bool {
    matches!(shape(line).as_str(), "#" | "page #" | "page # of #" | "- # -" | "# / #" | "#/#" | "# of #" | "p. #")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_left_out() {
        let text = join_pages(&pages(&[
            "\n\nCourt of Appeal - Case 12\n\nThe hearing began on Monday.\nIt ran late.\n 1",
            "Court of Appeal - Case 12\nJudgment was given on 3 May 2021.\n\n\nThe appeal failed.\nPage 2 of 3",
            "Court of Appeal - Case 12\nCosts follow.\n- 3 -",
        ]));
        assert_eq!(
            text,
            "The hearing began on Monday.\nIt ran late.\n\nJudgment was given on 3 May 2021.\n\nThe appeal failed.\n\nCosts follow."
        );
    }

    #[test]
    fn a_single_page_keeps_its_first_line() {
        let text = join_pages(&pages(&["Fire at the mill\nCrews came on Tuesday.\n7"]));
        assert_eq!(text, "Fire at the mill\nCrews came on Tuesday.");
    }

    #[test]
    fn shapes_ignore_numbers_and_case() {
        assert_eq!(shape("  Page 12  of 40 "), "page # of #");
        // A bare number at a page's edge is a page number, whatever its size.
        assert!(is_page_number("Page 3 of 12") && is_page_number("- 4 -") && is_page_number("212"));
        assert!(!is_page_number("June 2023") && !is_page_number("Page one"));
        assert!(looks_like_pdf(b"%PDF-1.7\n") && looks_like_pdf(b"\xef\xbb\xbf%PDF-1.4") && !looks_like_pdf(b"PDF"));
    }

    #[test]
    fn damaged_and_textless_files_say_why() {
        let message = extract(b"%PDF-1.4\nthis is not a PDF body").unwrap_err();
        assert!(message.contains("PDF"), "{message}");
    }
}
