//! The extraction pipeline for a set of documents: sentences → tagger → resolver → events, under
//! stable document ids derived from each document's text.

use crate::events;
use crate::ingest::{byline, Document};
use crate::resolve::{self, ReferenceMode};
use crate::story::per_document;
use crate::tagger;
use crate::text::blocks::{self, Block};
use crate::text::offsets::CharOffsets;
use crate::text::sentences;
use crate::text::SentenceSpan;
use crate::timeline::{DocId, DocumentInfo, Event, Mention, Timeline};
use chrono::NaiveDate;

/// What the user chose for a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The story's day zero.
    pub anchor: NaiveDate,
    /// Publication time forced for every document (`--dct`), overriding what the files say.
    pub dct: Option<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub info: DocumentInfo,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub claims: Vec<crate::story::claims::Claim>,
    /// Whether the story's day zero placed anything (`Extraction::uses_anchor`).
    pub uses_anchor: bool,
}

/// One document through sentences, tagger, resolver and events: everything but the story
/// layer's reading (`extract_document` adds it). Keeps what that reading needs.
pub struct Extraction {
    pub info: DocumentInfo,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub offsets: CharOffsets,
    pub sentences: Vec<SentenceSpan>,
    /// The blocks of sentences its tokens are made for, one at a time (`text::blocks`).
    pub blocks: Vec<Block>,
    /// The date the text speaks from: its publication date, else the story's day zero.
    pub reference: NaiveDate,
    /// Whether the story's day zero placed anything: always without a publication date, else
    /// when a phrase points at an event the text does not date ("after the attack"). A document
    /// that does not use it extracts the same under any day zero.
    pub uses_anchor: bool,
    /// The happenings the text dates only by a count to a day it names ("on Monday, two days
    /// after the vote"), for the story layer to show as implied events.
    pub counted: Vec<resolve::counted::CountedFrom>,
}

/// Runs the whole pipeline on one document; `doc_id` becomes the prefix of every id.
pub fn extract_document(doc: &Document, doc_id: &str, settings: &Settings) -> DocumentResult {
    extract_document_in_blocks(doc, doc_id, settings, blocks::BLOCK_BYTES)
}

/// `extract_document` with its tokens made for blocks of about `block_bytes` (`text::blocks`):
/// the result is the same for any size.
fn extract_document_in_blocks(doc: &Document, doc_id: &str, settings: &Settings, block_bytes: usize) -> DocumentResult {
    // One id for all the document's records, made once.
    let shared: DocId = doc_id.into();
    let extraction = extract_events_in_blocks(doc, &shared, settings, block_bytes);
    let text = per_document::DocumentText {
        id: &shared,
        text: &doc.text,
        offsets: &extraction.offsets,
        sentences: &extraction.sentences,
        breaks: &doc.breaks,
        blocks: &extraction.blocks,
    };
    let (claims, implied) = per_document::read(&text, &extraction.mentions, &extraction.events, extraction.reference);
    let counted = per_document::counted_events(&text, &extraction.mentions, &extraction.counted);
    let Extraction { info, mut mentions, mut events, uses_anchor, .. } = extraction;
    events.reserve_exact(implied.len() + counted.len());
    events.extend(implied);
    events.extend(counted);
    // In text order (the order every front end and export shows, `session::merge::sort`): a
    // window that loads the articles then has nothing to sort, nor a story to assemble again.
    events.sort_by_cached_key(|e| (e.sentence.start, e.start, e.id.clone()));
    // Kept until the story joins every document: without the slack of their growth.
    mentions.shrink_to_fit();
    events.shrink_to_fit();
    let mut claims = claims;
    claims.shrink_to_fit();
    DocumentResult { info, mentions, events, claims, uses_anchor }
}

/// Sentences, tagger, resolver and events for one document, without the story layer.
pub fn extract_events(doc: &Document, doc_id: &str, settings: &Settings) -> Extraction {
    extract_events_in_blocks(doc, &doc_id.into(), settings, blocks::BLOCK_BYTES)
}

fn extract_events_in_blocks(doc: &Document, doc_id: &DocId, settings: &Settings, block_bytes: usize) -> Extraction {
    let offsets = CharOffsets::new(&doc.text);
    let sentences = sentences::split_at_breaks(&doc.text, &doc.breaks);
    let mut warnings = doc.warnings.clone();
    let dct = settings.dct.clone().or_else(|| doc.dct.clone());
    let dct_source = match (&settings.dct, &doc.dct, &doc.byline) {
        (Some(_), _, _) => Some("cli"),
        (None, Some(_), Some(_)) => Some("byline"),
        (None, Some(_), None) => Some("file"),
        (None, None, _) => None,
    };
    let mode = reference_mode(dct.as_deref(), settings.anchor, &mut warnings);
    let blocks = blocks::of(&doc.text, &sentences, block_bytes);
    let resolver = resolve::DocumentResolver::new(doc_id, &offsets, &sentences, &mode);
    let resolve::Resolved { mentions, uses_anchor, counted, happenings } = tag_and_resolve(doc, &blocks, resolver);
    // A byline or dateline beside the file's own date: wire copy is often dated the day after
    // it was filed ("WASHINGTON, March 12 (Xinhua) --" in a story of 13 March).
    let dateline = match (&doc.byline, &settings.dct, &mode) {
        (None, None, ReferenceMode::DocumentDate { dct, .. }) => byline::filed(&doc.text, dct.date()),
        _ => None,
    };
    // The byline's date says when the article appeared, not when something happened.
    let byline_chars = match (doc.byline.as_ref().or(dateline.as_ref()), &settings.dct) {
        (Some(byline), None) => Some(offsets.char_at(byline.start)..offsets.char_at(byline.end)),
        _ => None,
    };
    let mut events = events::extract(doc_id, &doc.text, &offsets, &sentences, &mentions, byline_chars);
    // Ages, counts and anniversaries speak from the publication date, else from day zero.
    let (reference, published) = match &mode {
        ReferenceMode::DocumentDate { dct, .. } => {
            let filed = dateline.as_ref().and_then(|b| b.value.get(..10)?.parse::<NaiveDate>().ok());
            (dct.date(), Some(events::context::ReportDay::new(dct.date(), filed)))
        }
        ReferenceMode::Story { anchor } => (*anchor, None),
    };
    // Sentences that report a happening without a time phrase of their own, placed by context.
    let context = events::context::Context {
        doc_id,
        text: &doc.text,
        offsets: &offsets,
        sentences: &sentences,
        mentions: &mentions,
        events: &events,
        happenings: &happenings,
        published,
    };
    let placed = events::context::place(&context);
    events.reserve_exact(placed.len());
    events.extend(placed);
    let info = DocumentInfo {
        id: doc_id.to_string(),
        path: doc.path.display().to_string(),
        title: doc.title.clone(),
        dct,
        dct_source: dct_source.map(str::to_string),
        chars: offsets.len_chars(),
        warnings,
    };
    Extraction { info, mentions, events, offsets, sentences, blocks, reference, uses_anchor, counted }
}

/// The time phrases of `doc`, tagged and resolved a block of sentences at a time (a long text's
/// tokens are never all held at once), and whether the story's day zero placed any. The tagger
/// reads each block with some text around it (`blocks::with_context`) and keeps what starts in it.
fn tag_and_resolve<'a>(
    doc: &'a Document,
    blocks: &[Block],
    mut resolver: resolve::DocumentResolver<'a>,
) -> resolve::Resolved {
    for block in blocks {
        let (tokens, raw) = tag_block(doc, block);
        resolver.resolve_block(&tokens, &raw);
    }
    resolver.finish_with_happenings()
}

/// The tokens the tagger reads for `block` of `doc` (`blocks::with_context`) and the raw time
/// phrases that start in the block.
fn tag_block<'d>(doc: &'d Document, block: &Block) -> (tagger::Tokens<'d>, Vec<tagger::RawMention>) {
    let read = blocks::with_context(&doc.text, &block.bytes);
    let tokens = tagger::Tokens::in_block(&doc.text, &doc.breaks, read);
    let mut raw = tagger::tag_tokens(&tokens);
    raw.retain(|m| block.bytes.contains(&m.start));
    (tokens, raw)
}

/// The raw time phrases of `doc` as extraction tags them (cut at the source's sentence breaks, a
/// block of sentences at a time), one block's at a time, for readers that need only the tagger:
/// tagging a long text whole held tokens four times its size.
pub fn raw_mentions_by_block(doc: &Document) -> impl Iterator<Item = Vec<tagger::RawMention>> + '_ {
    let sentences = sentences::split_at_breaks(&doc.text, &doc.breaks);
    blocks::of(&doc.text, &sentences, blocks::BLOCK_BYTES).into_iter().map(move |block| tag_block(doc, &block).1)
}

/// How a document's phrases resolve: against its publication date `dct` when that is a date
/// (a warning says so when it is not), else against the story's day zero.
fn reference_mode(dct: Option<&str>, anchor: NaiveDate, warnings: &mut Vec<String>) -> ReferenceMode {
    let Some(value) = dct else { return ReferenceMode::Story { anchor } };
    match resolve::parse_dct(value) {
        Some(dct) => ReferenceMode::DocumentDate { dct, anchor },
        None => {
            warnings
                .push(format!("publication date {value:?} is not a date; resolving against the story anchor {anchor}"));
            ReferenceMode::Story { anchor }
        }
    }
}

/// A document's stable id, derived from what it is: `d` and the first 8 hex digits of the FNV-1a
/// hash of its text. The same article gets the same id in every run, whatever its place in the
/// list or its path; a project keeps the id it first gave a document even when the file changes.
pub fn document_id(text: &str) -> String {
    format!("d{:08x}", content_hash(text) >> 32)
}

/// FNV-1a (64 bit) of `text`: stable across platforms and Rust versions, unlike `DefaultHasher`.
pub fn content_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// `id`, or `id-2`, `id-3`, ... : the first of them `taken` does not hold (two copies of one
/// article, or a hash collision, still get distinct ids).
pub fn unique_id(id: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&id) {
        return id;
    }
    (2..).map(|n| format!("{id}-{n}")).find(|candidate| !taken(candidate)).unwrap_or(id)
}

/// Stable ids for `docs` (`document_id`, made unique in the given order).
pub fn document_ids(docs: &[Document]) -> Vec<String> {
    use rayon::prelude::*;
    // Hashing the texts is the work, done on every core; making the ids unique is in order.
    let hashed: Vec<String> = docs.par_iter().map(|doc| document_id(&doc.text)).collect();
    let mut taken = std::collections::HashSet::with_capacity(docs.len());
    let mut ids = Vec::with_capacity(docs.len());
    for id in hashed {
        let id = unique_id(id, |candidate| taken.contains(candidate));
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

/// Extracts every document into one timeline, each under its stable id (`document_ids`).
pub fn build_timeline(docs: &[Document], settings: &Settings) -> Timeline {
    let ids = document_ids(docs);
    let sources: Vec<(&str, &Document)> = ids.iter().map(String::as_str).zip(docs).collect();
    build_timeline_of(&sources, settings)
}

/// Extracts documents whose ids are already known (a project's), in the given order. Each
/// document is extracted on its own (on every core, `rayon`); the results are joined in the
/// given order, so the timeline is the same whatever the number of threads.
pub fn build_timeline_of(sources: &[(&str, &Document)], settings: &Settings) -> Timeline {
    join(extract_all(sources, settings), settings.anchor)
}

/// Told of each document as its extraction ends, from whichever thread extracted it (a
/// progress bar's tick); `&|| {}` when nobody watches.
pub type Observer<'a> = &'a (dyn Fn() + Sync);

/// Every document extracted on its own, on every core, the results in the given order.
pub fn extract_all(sources: &[(&str, &Document)], settings: &Settings) -> Vec<DocumentResult> {
    extract_all_observed(sources, settings, &|| {})
}

/// `extract_all`, telling `observer` of each document done.
pub fn extract_all_observed(
    sources: &[(&str, &Document)],
    settings: &Settings,
    observer: Observer<'_>,
) -> Vec<DocumentResult> {
    use rayon::prelude::*;
    sources
        .par_iter()
        .map(|(id, doc)| {
            let result = extract_document(doc, id, settings);
            observer();
            result
        })
        .collect()
}

/// `extract_all_observed` for `docs` under `ids`, letting go of each document's text as soon as
/// it is extracted (when nothing will read the texts again): while the last documents are read,
/// the first ones no longer hold their text.
pub fn extract_all_releasing_texts(
    ids: &[String],
    docs: &mut [Document],
    settings: &Settings,
    observer: Observer<'_>,
) -> Vec<DocumentResult> {
    use rayon::prelude::*;
    docs.par_iter_mut()
        .zip(ids.par_iter())
        .map(|(doc, id)| {
            let result = extract_document(doc, id, settings);
            doc.text = String::new();
            observer();
            result
        })
        .collect()
}

/// One timeline of per-document results (in their order), joined by the story layer.
pub fn join(results: Vec<DocumentResult>, anchor: NaiveDate) -> Timeline {
    let mut timeline = Timeline::empty(anchor);
    // Each vector grows once, to its full size (growing by doubling copied it again and again
    // and left up to half of it unused).
    let mentions = results.iter().map(|r| r.mentions.len()).sum();
    let events = results.iter().map(|r| r.events.len()).sum();
    let claims = results.iter().map(|r| r.claims.len()).sum();
    timeline.documents.reserve_exact(results.len());
    for result in results {
        timeline.documents.push(result.info);
        append(&mut timeline.mentions, result.mentions, mentions);
        append(&mut timeline.events, result.events, events);
        append(&mut timeline.claims, result.claims, claims);
    }
    // Each document's records already share its id (`extract_document_in_blocks`).
    crate::story::assemble(&mut timeline);
    timeline
}

/// What an extraction under one day zero leaves for another (inferring day zero extracts the
/// documents once under a provisional day).
pub enum Reusable {
    /// The timeline itself: nothing in it depends on the day zero.
    Timeline(Box<Timeline>),
    /// Each document's result when the day zero did not place anything in it, in the order of
    /// the sources; `None` for one it did, which is extracted again.
    Documents(Vec<Option<DocumentResult>>),
}

/// `build_timeline_of`, taking from `reusable` (extracted from the same `sources` under another
/// day zero and no `--dct`) what does not depend on the day zero.
pub fn build_timeline_reusing(sources: &[(&str, &Document)], settings: &Settings, reusable: Reusable) -> Timeline {
    use rayon::prelude::*;
    match reusable {
        Reusable::Timeline(mut timeline) => {
            timeline.anchor = settings.anchor;
            *timeline
        }
        Reusable::Documents(results) => {
            let again: Vec<DocumentResult> = results
                .into_par_iter()
                .zip(sources.par_iter())
                .map(|(result, (id, doc))| result.unwrap_or_else(|| extract_document(doc, id, settings)))
                .collect();
            join(again, settings.anchor)
        }
    }
}

/// `build_timeline_reusing` for documents whose texts inferring day zero let go of
/// (`infer_anchor_releasing_texts`): each document extracted again is read again from its file,
/// extracted and let go of, so no more than one text per core is held. A file that no longer
/// reads as it first did (its text, by the 32 bits of its hash its id holds, its publication
/// date, title or sentence breaks) is an error: the results would not be its own, and day zero
/// was inferred from what it said before.
pub fn build_timeline_reading_again(
    ids: &[String],
    docs: &[Document],
    settings: &Settings,
    reusable: Reusable,
    observer: Observer<'_>,
) -> Result<Timeline, String> {
    use rayon::prelude::*;
    let results = match reusable {
        Reusable::Timeline(mut timeline) => {
            timeline.anchor = settings.anchor;
            return Ok(*timeline);
        }
        Reusable::Documents(results) => results,
    };
    let again: Result<Vec<DocumentResult>, String> = results
        .into_par_iter()
        .zip(docs.par_iter().zip(ids.par_iter()))
        .map(|(result, (doc, id))| match result {
            Some(result) => Ok(result),
            None => {
                let text = crate::ingest::load(&doc.path).map_err(|e| format!("reading again: {e}"))?;
                let same = is_id_of(id, &text.text)
                    && text.dct == doc.dct
                    && text.title == doc.title
                    && text.breaks == doc.breaks;
                if !same {
                    return Err(format!("{} changed while it was being read; run again", doc.path.display()));
                }
                let result = extract_document(&text, id, settings);
                observer();
                Ok(result)
            }
        })
        .collect();
    Ok(join(again?, settings.anchor))
}

/// Whether `id` is the one `document_ids` gives `text` (its `document_id`, or that made unique).
fn is_id_of(id: &str, text: &str) -> bool {
    let first = document_id(text);
    id.strip_prefix(first.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
}

/// Moves `items` to the end of `all`, which ends up holding `total` items: the first
/// document's vector is taken as it is (one document is never copied) and given room for all;
/// a long document's are moved in on every core (on one, a tenth of the story layer's time on
/// 20 MB), a short one's on this thread (handing each of 2,452 news articles to the pool cost
/// more than moving it: on two cores the join took longer than on one).
fn append<T: Send>(all: &mut Vec<T>, items: Vec<T>, total: usize) {
    use rayon::prelude::*;
    /// Items below which moving them costs less than sharing the work.
    const SHARED_FROM: usize = 16_384;
    if all.is_empty() {
        *all = items;
        all.reserve_exact(total.saturating_sub(all.len()));
    } else if items.len() >= SHARED_FROM {
        all.par_extend(items);
    } else {
        all.extend(items);
    }
}

/// A story anchor (day zero) for when the user gave none, and why: the day of the story's main
/// event (`story::day_zero`), else the first publication date or full date written.
pub fn infer_anchor(docs: &[Document]) -> Option<(NaiveDate, String)> {
    crate::story::day_zero::infer(docs)
}

/// `infer_anchor` for documents under known ids, and what its extraction leaves for the
/// timeline under that day zero (`build_timeline_reusing`): the documents need not be
/// extracted twice. `observer` is told of each document extracted.
pub fn infer_anchor_keeping(
    sources: &[(&str, &Document)],
    observer: Observer<'_>,
) -> Option<(NaiveDate, String, Reusable)> {
    crate::story::day_zero::infer_keeping(sources, observer)
}

/// `infer_anchor_keeping` for `docs` under `ids`, letting go of each text once it is read
/// (`story::day_zero::infer_releasing_texts`).
pub fn infer_anchor_releasing_texts(
    ids: &[String],
    docs: &mut [Document],
    observer: Observer<'_>,
) -> Option<(NaiveDate, String, Reusable)> {
    crate::story::day_zero::infer_releasing_texts(ids, docs, observer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Document {
        Document::plain_text(path, text)
    }

    /// Tokens are made and held one block of sentences at a time (memory on long texts): the
    /// blocks must change nothing, whatever their size, across discourse, named events, claims
    /// and implied events that cross them, and rules that read the words before a sentence.
    #[test]
    fn extraction_is_the_same_in_blocks_of_any_size() {
        let articles = [
            include_str!("../assets/examples/marrowby-courier-fire.txt"),
            include_str!("../assets/examples/valley-ledger-aftermath.md"),
        ];
        // A month that is one because of the word before it, across a paragraph break.
        let text = [articles[0], "The council approved the plan in\n\nAugust.", articles[1]].join("\n\n").repeat(3);
        let settings =
            Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: Some("2017-03-23".into()) };
        let doc = doc("long.txt", &text);
        let whole = extract_document_in_blocks(&doc, "d1", &settings, usize::MAX);
        assert!(whole.mentions.len() > 30 && whole.events.len() > 30 && !whole.claims.is_empty());
        for size in [1, 300, 4096] {
            let sentences = sentences::split_at_breaks(&doc.text, &doc.breaks);
            assert!(blocks::of(&doc.text, &sentences, size).len() > text.len() / (size + 2000), "blocks of {size}");
            let blocked = extract_document_in_blocks(&doc, "d1", &settings, size);
            assert_eq!(format!("{:?}", blocked.mentions), format!("{:?}", whole.mentions), "blocks of {size}");
            assert_eq!(format!("{:?}", blocked.events), format!("{:?}", whole.events), "blocks of {size}");
            assert_eq!(format!("{:?}", blocked.claims), format!("{:?}", whole.claims), "blocks of {size}");
        }
    }

    #[test]
    fn releasing_texts_extracts_the_same_and_lets_each_text_go() {
        let mut docs = vec![doc("a.txt", "The bridge closed on Thursday."), doc("b.txt", "Crews worked on Friday.")];
        let settings = Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
        let ids = document_ids(&docs);
        let sources: Vec<(&str, &Document)> = ids.iter().map(String::as_str).zip(&docs).collect();
        let kept = format!("{:?}", extract_all(&sources, &settings));
        let released = extract_all_releasing_texts(&ids, &mut docs, &settings, &|| {});
        assert_eq!(format!("{released:?}"), kept);
        assert!(docs.iter().all(|d| d.text.is_empty()));
    }

    /// Regression: ids were positions (`d1`, `d2`), so a document that failed to load shifted the
    /// ids of every later one and edits landed on the wrong article.
    #[test]
    fn document_ids_do_not_depend_on_order_or_path() {
        let a = doc("a.txt", "The bridge closed on Thursday.");
        let b = doc("b.txt", "Crews worked on Friday.");
        let moved = doc("elsewhere/b-copy.txt", "Crews worked on Friday.");
        let forward = document_ids(&[a.clone(), b.clone()]);
        let backward = document_ids(&[b.clone(), a.clone()]);
        assert_eq!(forward[0], backward[1]);
        assert_eq!(forward[1], backward[0]);
        assert_eq!(document_ids(std::slice::from_ref(&moved))[0], forward[1]);
        assert_eq!(forward[0], "d".to_string() + &format!("{:08x}", content_hash(&a.text) >> 32));
    }

    /// Regression (issue #10 §4): a TimeML text of back-to-back `<s>` elements was one sentence,
    /// and "737sJune 13 , 2005" hid the date inside one token.
    #[test]
    fn timeml_sentence_elements_are_sentences_and_split_glued_words() {
        let xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2005-06-14\"/></DCT><TEXT>\
                   <s>The airline ordered ten Boeing 737s</s><s>June 13 , 2005</s>\
                   <s>Irish officials said the order was signed on Monday.</s></TEXT></TimeML>";
        let doc = crate::ingest::from_bytes(std::path::Path::new("glued.tml"), xml.as_bytes()).unwrap();
        assert_eq!(doc.breaks.len(), 2);
        let result = extract_document(&doc, "d1", &Settings { anchor: NaiveDate::MIN, dct: None });
        let values: Vec<(&str, &str)> = result.mentions.iter().map(|m| (m.text.as_str(), m.value.as_str())).collect();
        assert!(values.contains(&("June 13 , 2005", "2005-06-13")), "{values:?}");
        assert!(values.contains(&("Monday", "2005-06-13")), "{values:?}");
        let sentences: std::collections::BTreeSet<usize> = result.events.iter().map(|e| e.sentence.start).collect();
        assert!(sentences.len() >= 2, "the date line and the last sentence are sentences of their own");
    }

    /// Regression (issue #10 §4): a DCT written "03-02-2009" was refused, so "Monday" resolved
    /// against day zero; the dateline that agrees with one reading of it now gives the date.
    #[test]
    fn an_ambiguous_dct_is_read_as_the_dateline_confirms() {
        let xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"03-02-2009\"/></DCT><TEXT>\n\
                   WASHINGTON, March 2, 2009 (AP) - The Senate voted on Friday.\n</TEXT></TimeML>";
        let doc = crate::ingest::from_bytes(std::path::Path::new("ambiguous.tml"), xml.as_bytes()).unwrap();
        assert_eq!(doc.dct.as_deref(), Some("2009-03-02"));
        assert!(doc.warnings.iter().any(|w| w.contains("03-02-2009")), "{:?}", doc.warnings);
        let result = extract_document(&doc, "d1", &Settings { anchor: NaiveDate::MIN, dct: None });
        let values: Vec<(&str, &str)> = result.mentions.iter().map(|m| (m.text.as_str(), m.value.as_str())).collect();
        assert!(values.contains(&("Friday", "2009-02-27")), "{values:?}");
        let dateline = result.mentions.iter().find(|m| m.text == "March 2, 2009").map(|m| m.id.clone());
        let dates_an_event = |id: &crate::timeline::SmolStr| result.events.iter().any(|e| e.mentions.contains(id));
        assert!(!dateline.as_ref().is_some_and(dates_an_event), "the dateline's date is not an event");
    }

    /// Regression (issue #10 §4): in news mode "a day before the announcement" counted from the
    /// anchor as if the announcement were on it; the text dates the announcement with its verb.
    #[test]
    fn a_phrase_counts_from_the_event_its_verb_dated() {
        let mut doc =
            doc("merger.txt", "The merger was announced on March 5. A day before the announcement, shares rose.");
        doc.dct = Some("2007-03-14".into());
        let result = extract_document(&doc, "d1", &Settings { anchor: NaiveDate::MIN, dct: None });
        let before = result.mentions.iter().find(|m| m.text == "A day").unwrap();
        let start = before.interval.map(|i| i.start.date());
        assert_eq!(start, NaiveDate::from_ymd_opt(2007, 3, 4), "{}", before.explanation);
        assert!(before.explanation.contains("dated Mon 5 Mar 2007 by \"March 5\""), "{}", before.explanation);
    }

    #[test]
    fn identical_articles_get_distinct_ids() {
        let a = doc("a.txt", "The bridge closed on Thursday.");
        let ids = document_ids(&[a.clone(), a.clone(), a]);
        assert_eq!(ids[1], format!("{}-2", ids[0]));
        assert_eq!(ids[2], format!("{}-3", ids[0]));
    }

    #[test]
    fn fnv_hash_matches_the_published_test_vectors() {
        assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    fn dated(path: &str, text: &str, dct: &str) -> Document {
        let mut d = doc(path, text);
        d.dct = Some(dct.into());
        d
    }

    /// The day zero places a phrase of a dated article only when it points at an event the text
    /// does not date; an article without a date always speaks from it.
    #[test]
    fn a_document_says_whether_the_day_zero_placed_anything() {
        let settings = Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
        let uses = |d: &Document| extract_document(d, "d1", &settings).uses_anchor;
        assert!(!uses(&dated("a.txt", "Police arrested two men on Monday.", "2017-03-24")));
        assert!(uses(&dated("b.txt", "Two days after the attack, police arrested two men.", "2017-03-24")));
        assert!(!uses(&dated(
            "c.txt",
            "The attack came on March 22. Two days after the attack, police arrested two men.",
            "2017-03-24"
        )));
        assert!(uses(&doc("d.txt", "Police arrested two men on Monday.")));
    }

    /// What the day zero inference extracted, reused under another day zero, is the timeline
    /// extracted afresh under it: the articles that used the day zero are extracted again.
    #[test]
    fn a_reused_extraction_is_the_fresh_one() {
        let docs = [
            dated("a.txt", "Police arrested two men on Monday.", "2017-03-24"),
            dated("b.txt", "Two days after the attack, police arrested two men.", "2017-03-24"),
            doc("c.txt", "The bridge reopened on Thursday, a week after the fire."),
        ];
        let ids = document_ids(&docs);
        let sources: Vec<(&str, &Document)> = ids.iter().map(String::as_str).zip(&docs).collect();
        let before = Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 1).unwrap(), dct: None };
        let after = Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
        let results = extract_all(&sources, &before);
        assert_eq!(results.iter().map(|r| r.uses_anchor).collect::<Vec<_>>(), [false, true, true]);
        let kept = results.into_iter().map(|r| (!r.uses_anchor).then_some(r)).collect();
        let reused = build_timeline_reusing(&sources, &after, Reusable::Documents(kept));
        let fresh = build_timeline(&docs, &after);
        assert_eq!(crate::export::json::to_string(&reused), crate::export::json::to_string(&fresh));
        let moved = |t: &Timeline| t.events.iter().find(|e| *e.doc == *ids[1]).map(|e| e.start.date());
        assert_eq!(moved(&reused), NaiveDate::from_ymd_opt(2017, 3, 24), "two days after the attack of the day zero");
    }
}
