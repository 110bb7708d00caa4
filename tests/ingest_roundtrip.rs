//! TimeML export → TimeML ingest round trip: the same text and the same mention spans come back.

use chronoscope::export::timeml::to_timeml;
use chronoscope::ingest::{self, Document, SourceFormat};
use chronoscope::timeline::Mention;
use chronoscope::timex::TimexType;
use std::path::{Path, PathBuf};

fn mention(text: &str, phrase: &str, timex_type: TimexType, value: &str, modifier: Option<&str>) -> Mention {
    let byte = text.find(phrase).unwrap();
    let start = text[..byte].chars().count();
    let end = start + phrase.chars().count();
    Mention {
        id: format!("d1-m{start}").into(),
        doc: "d1".into(),
        text: phrase.into(),
        start,
        end,
        timex_type,
        value: value.into(),
        modifier: modifier.map(Box::from),
        interval: None,
        granularity: None,
        rule: "test".into(),
        explanation: "".into(),
        sentence: 0,
    }
}

#[test]
fn export_then_ingest_gives_the_same_text_and_spans() {
    let text = "Zoë’s café <b>re-opened</b> on Tuesday & “nearly two years” later, at 5 p.m.\n\n\
                AT&T said so last week.\n";
    let doc = Document {
        path: PathBuf::from("/stories/café story.txt"),
        title: "Zoë’s café".into(),
        text: text.into(),
        dct: None,
        byline: None,
        format: SourceFormat::Text,
        breaks: Vec::new(),
        warnings: Vec::new(),
    };
    let mentions = vec![
        mention(text, "Tuesday", TimexType::Date, "2023-06-13", None),
        mention(text, "nearly two years", TimexType::Duration, "P2Y", Some("LESS_THAN")),
        mention(text, "5 p.m.", TimexType::Time, "2023-06-13T17:00", None),
        mention(text, "last week", TimexType::Date, "2023-W23", None),
    ];
    let xml = to_timeml(&doc, &mentions, Some("2023-06-14"));
    let path = Path::new("/stories/café story.tml");
    let (back, gold) = ingest::parse_timeml_gold(path, xml.as_bytes()).unwrap();
    assert_eq!(back.text, text);
    assert_eq!(back.dct.as_deref(), Some("2023-06-14"));
    assert_eq!(back.title, "Zoë’s café");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(gold.len(), mentions.len());
    for (g, m) in gold.iter().zip(&mentions) {
        assert_eq!((g.start, g.end), (m.start, m.end), "{}", m.text);
        assert_eq!(g.text, m.text);
        assert_eq!(g.timex_type, m.timex_type);
        assert_eq!(g.value, m.value);
        assert_eq!(g.modifier.as_deref(), m.modifier.as_deref());
    }
    let loaded = ingest::from_bytes(path, xml.as_bytes()).unwrap();
    assert_eq!(loaded.text, text);
    assert_eq!(loaded.format, SourceFormat::TimeMl);
}
