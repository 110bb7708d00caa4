//! Ingest of every supported format from small fixture files: the text a user sees, titles,
//! DCTs, warnings, and the files that must be refused with a clear message.

use chronoscope::ingest::{self, SourceFormat};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name)
}

fn error_of(name: &str) -> String {
    match ingest::load(&fixture(name)) {
        Ok(doc) => panic!("{name} should be refused, got text {:?}", doc.text),
        Err(e) => e.to_string(),
    }
}

#[test]
fn plain_text_keeps_everything_and_takes_the_first_line_as_title() {
    let doc = ingest::load(&fixture("article.txt")).unwrap();
    assert_eq!(doc.format, SourceFormat::Text);
    assert_eq!(doc.title, "Harbour bridge reopens after repairs");
    assert_eq!(doc.text, std::fs::read_to_string(fixture("article.txt")).unwrap());
    assert!(doc.warnings.is_empty());
    assert_eq!(doc.dct, None);
}

#[test]
fn markdown_drops_markup_but_keeps_the_words() {
    let doc = ingest::load(&fixture("article.md")).unwrap();
    assert_eq!(doc.format, SourceFormat::Markdown);
    assert_eq!(doc.title, "Harbour bridge reopens");
    assert_eq!(
        doc.text,
        "Harbour bridge reopens\n\nThe bridge reopened on Tuesday, according to the city council.\n\n\
         Repairs took three weeks.\nTraffic resumed at 6 a.m.\n"
    );
}

#[test]
fn html_keeps_the_article_only() {
    let doc = ingest::load(&fixture("article.html")).unwrap();
    assert_eq!(doc.format, SourceFormat::Html);
    assert_eq!(doc.title, "Bridge reopens | Example News");
    assert_eq!(
        doc.text,
        "Harbour bridge reopens\n\nThe harbour bridge reopened on Tuesday after three weeks of repairs.\n\n\
         Engineers said the work finished early.\nTraffic resumed at 6 a.m."
    );
    for furniture in ["script text", "color", "Home", "Copyright", "Read more", "JavaScript"] {
        assert!(!doc.text.contains(furniture), "{furniture:?} leaked into {:?}", doc.text);
    }
}

#[test]
fn malformed_html_is_read_leniently() {
    let doc = ingest::load(&fixture("malformed.html")).unwrap();
    assert_eq!(doc.text, "Storm hits the coast\n\nFerries stopped on Monday");
    assert_eq!(doc.title, "malformed");
}

#[test]
fn timeml_text_is_the_exact_text_element_with_entities_decoded() {
    let doc = ingest::load(&fixture("snippet.tml")).unwrap();
    assert_eq!(doc.format, SourceFormat::TimeMl);
    assert_eq!(doc.title, "Smith & Sons results");
    assert_eq!(doc.dct.as_deref(), Some("2021-03-04"));
    assert_eq!(
        doc.text,
        "\nSmith & Sons reported results yesterday <unaudited>.\n\n\
         Profits rose for about three years in Zürich & Genève, \"a record\".\n"
    );
}

#[test]
fn timeml_gold_offsets_are_code_points_into_the_text() {
    let path = fixture("snippet.tml");
    let bytes = std::fs::read(&path).unwrap();
    let (doc, gold) = ingest::parse_timeml_gold(&path, &bytes).unwrap();
    assert_eq!(gold.len(), 2);
    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    // "\nSmith & Sons reported results " is 31 code points: the decoded &amp; counts as one.
    assert_eq!((gold[0].start, gold[0].end), (31, 40));
    assert_eq!(slice(gold[0].start, gold[0].end), "yesterday");
    assert_eq!(gold[0].tid, "t1");
    assert_eq!(gold[0].value, "2021-03-03");
    assert_eq!(gold[0].timex_type, chronoscope::timex::TimexType::Date);
    assert_eq!(gold[1].text, "about three years");
    assert_eq!(slice(gold[1].start, gold[1].end), "about three years");
    assert_eq!(gold[1].modifier.as_deref(), Some("APPROX"));
    assert_eq!(gold[1].timex_type, chronoscope::timex::TimexType::Duration);
}

#[test]
fn malformed_timeml_says_what_is_wrong() {
    let message = error_of("broken.tml");
    assert!(message.contains("broken.tml") && message.contains("malformed TimeML"), "{message}");
}

#[test]
fn bom_is_dropped_and_crlf_normalised() {
    let doc = ingest::load(&fixture("crlf_bom.txt")).unwrap();
    assert_eq!(doc.text, "Title with BOM\n\nLine one.\nLine two.\n");
    assert_eq!(doc.title, "Title with BOM");
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let doc = ingest::load(&fixture("invalid_utf8.txt")).unwrap();
    // Mostly UTF-8 (three good accented letters) with two bad bytes: replaced, not re-decoded.
    assert_eq!(doc.text, "Café prices rose on Monday.\nThe \u{FFFD}\u{FFFD} index fell in Zürich and Genève.\n");
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0].contains("2 invalid byte sequences"), "{:?}", doc.warnings);
}

#[test]
fn binary_and_empty_files_are_refused() {
    assert!(error_of("binary.txt").contains("looks like a binary file"));
    assert!(error_of("empty.txt").contains("file is empty"));
}

#[test]
fn an_html_page_without_visible_text_is_refused() {
    let page =
        b"<html><head><title>Only a title</title><script>var x = 1;</script></head><body><nav>Home</nav></body></html>";
    let err = ingest::from_bytes(Path::new("blank.html"), page).unwrap_err();
    assert!(err.message.contains("no visible text"), "{}", err.message);
}

#[test]
fn oversized_input_is_refused_with_its_size() {
    let big = vec![b'a'; 50 * 1024 * 1024 + 1];
    let message = ingest::from_bytes(Path::new("big.txt"), &big).unwrap_err().to_string();
    assert!(message.contains("too large") && message.contains("50.0 MB"), "{message}");
}

#[test]
fn unknown_extensions_are_sniffed() {
    let page = ingest::load(&fixture("page.dat")).unwrap();
    assert_eq!(page.format, SourceFormat::Html);
    assert_eq!(page.text, "Sniffed as HTML.");
    assert_eq!(page.title, "Sniffed page");
    let notes = ingest::load(&fixture("notes.log")).unwrap();
    assert_eq!(notes.format, SourceFormat::Text);
    assert_eq!(notes.title, "Plain notes");
}

#[test]
fn long_first_line_is_not_a_title() {
    let text = format!("{}\n\nMore.", "word ".repeat(40));
    let doc = ingest::from_bytes(Path::new("/x/long-story.txt"), text.as_bytes()).unwrap();
    assert_eq!(doc.title, "long-story");
}

#[test]
fn missing_file_and_directory_are_errors() {
    assert!(ingest::load(&fixture("no-such-file.txt")).unwrap_err().to_string().contains("cannot read"));
    assert!(ingest::load(&fixture("")).unwrap_err().to_string().contains("directory"));
}

/// Issue #9 §4: a byline's date is the document's publication date when the file states none;
/// relative words resolve against it, and the byline itself is not an event.
#[test]
fn a_byline_date_becomes_the_publication_date_and_is_not_an_event() {
    let text =
        "Bridge reopens\nValley Times, Tuesday 17 September 2019\n\nThe bridge reopened yesterday after repairs.\n";
    let doc = ingest::from_bytes(Path::new("bridge.txt"), text.as_bytes()).unwrap();
    assert_eq!(doc.dct.as_deref(), Some("2019-09-17"));
    let anchor = chrono::NaiveDate::from_ymd_opt(2019, 9, 1).unwrap();
    let timeline =
        chronoscope::pipeline::build_timeline(&[doc], &chronoscope::pipeline::Settings { anchor, dct: None });
    assert_eq!(timeline.documents[0].dct_source.as_deref(), Some("byline"));
    let yesterday = timeline.mentions.iter().find(|m| m.text == "yesterday").unwrap();
    assert_eq!(yesterday.value, "2019-09-16", "{}", yesterday.explanation);
    assert!(timeline.events.iter().all(|e| !e.sentence.text.contains("Valley Times")), "the byline is not an event");
    assert_eq!(timeline.events.len(), 1);
}

/// The bundled Word statement (issue #11, inputs): the body's paragraphs, each ending a sentence;
/// the title from the document's properties; the publication date from the dateline; nothing of
/// the running header or footer.
#[test]
fn word_documents_give_their_body_and_leave_out_header_and_footer() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/dunmore-foods-statement.docx");
    let doc = ingest::load(&path).unwrap();
    assert_eq!(doc.format, SourceFormat::Word);
    assert_eq!(doc.title, "Dunmore Foods statement on the Canal Street fire");
    assert_eq!(doc.dct.as_deref(), Some("2023-06-14"));
    assert!(doc.text.starts_with("Dunmore Foods statement on the Canal Street fire\n\nMarrowby, 14 June 2023\n\n"));
    assert!(!doc.text.contains("Printed") && !doc.text.contains("press office"), "{}", doc.text);
    let sentences = chronoscope::text::sentences::split(&doc.text);
    assert!(
        sentences.iter().any(|s| &doc.text[s.start..s.end] == "Marrowby, 14 June 2023"),
        "a paragraph ends a sentence"
    );
    // The same bytes under another name are still found to be a Word file; damaged ones are refused.
    let bytes = std::fs::read(&path).unwrap();
    let sniffed = ingest::from_bytes(Path::new("statement"), &bytes).unwrap();
    assert_eq!(sniffed.format, SourceFormat::Word);
    let message = ingest::from_bytes(Path::new("broken.docx"), &bytes[..bytes.len() / 2]).unwrap_err().to_string();
    assert!(message.contains("broken.docx") && message.contains("zip"), "{message}");
    let message = ingest::from_bytes(Path::new("old.docx"), b"\xd0\xcf\x11\xe0 an old .doc").unwrap_err().to_string();
    assert!(message.contains("not a Word document"), "{message}");
}

/// A PDF of `objects` (numbered from 1, the first the catalog) with a correct cross-reference
/// table.
fn pdf_of(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (number, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", number + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

/// A content stream object drawing `content`.
fn stream(content: &str) -> String {
    format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len())
}

/// A one-page PDF whose page draws `content` (a content stream), with a correct cross-reference
/// table.
fn one_page_pdf(content: &str) -> Vec<u8> {
    pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
        stream(content),
    ])
}

/// Regression (found by the ingest_pdf fuzz target): a page whose /Parent chain loops sent
/// pdf-extract's search for inherited resources round the loop for ever, a stack overflow that
/// killed the process (or, optimised into a loop, a core spinning past the time limit). It is
/// refused at once; a page that inherits its MediaBox and fonts from its parent is still read.
#[test]
fn a_pdf_page_tree_that_loops_is_refused_and_inheritance_still_reads() {
    let text = "BT /F1 12 Tf 72 720 Td (Hello world on Monday) Tj ET";
    let looping = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_string(),
        stream(text),
    ]);
    let started = std::time::Instant::now();
    let message = ingest::from_bytes(Path::new("loop.pdf"), &looping).unwrap_err().to_string();
    assert!(message.contains("page tree above page 1 loops"), "{message}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "it was not refused at once");
    let inherited = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_string(),
        stream(text),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ]);
    let doc = ingest::from_bytes(Path::new("inherited.pdf"), &inherited).unwrap();
    assert_eq!(doc.text.trim(), "Hello world on Monday");
}

/// The bundled PDF minutes (issue #11, inputs): each page's text, a page's end ending a sentence,
/// without the running header or the page numbers; a scan without a text layer is refused with
/// what to do about it.
#[test]
fn pdf_pages_give_their_text_without_running_header_and_page_numbers() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/marrowby-council-minutes.pdf");
    let doc = ingest::load(&path).unwrap();
    assert_eq!(doc.format, SourceFormat::Pdf);
    assert!(doc.text.starts_with("Minutes of the extraordinary meeting"), "{}", doc.text);
    assert!(!doc.text.contains("County Council") && !doc.text.contains("Page 1"), "{}", doc.text);
    assert!(doc.text.contains("after the fumes cleared.\n\n2. What the council will do"), "pages end sentences");
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(ingest::from_bytes(Path::new("minutes"), &bytes).unwrap().format, SourceFormat::Pdf);
    let scan = one_page_pdf("q 100 0 0 100 0 0 cm Q");
    let message = ingest::from_bytes(Path::new("scan.pdf"), &scan).unwrap_err().to_string();
    assert!(message.contains("no text layer") && message.contains("OCR it first"), "{message}");
    let message = ingest::from_bytes(Path::new("cut.pdf"), &bytes[..200]).unwrap_err().to_string();
    assert!(message.starts_with("cut.pdf: the PDF"), "{message}");
}

/// The bundled reader's e-mail (issue #11, inputs): the quoted-printable body decoded, the
/// encoded subject as the title, the Date header (in the sender's time) as the publication date.
#[test]
fn an_email_gives_its_body_subject_and_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/reader-tip.eml");
    let doc = ingest::load(&path).unwrap();
    assert_eq!(doc.format, SourceFormat::Email);
    assert_eq!(doc.title, "Canal Street – ammonia smell this morning");
    assert_eq!(doc.dct.as_deref(), Some("2023-06-14T07:42"));
    assert!(doc.byline.is_none(), "the date is the file's own, not a dateline's");
    assert!(doc
        .text
        .contains("The smell of ammonia was still strong this morning, and police kept the road closed until 7 a.m."));
    assert!(doc.text.contains("My neighbour’s son works at the store") && !doc.text.contains("\r"), "{}", doc.text);
    assert!(!doc.text.contains("newsdesk@"), "headers are not article text");
}
