//! `chronoscope eval --events` end to end (issue #10 §1): a TimeML file whose TLINKs date three
//! sentences' events; the report counts which of them get an event and on which day, and lists
//! the sentence that gets none.

use std::process::Command;

const GOLD: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>harbour</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-20" temporalFunction="false" functionInDocument="CREATION_TIME">1998-01-20</TIMEX3></DCT>
<TEXT>
Police <EVENT eid="e1" class="OCCURRENCE">arrested</EVENT> two men at the harbour on <TIMEX3 tid="t1" type="DATE" value="1998-01-18">Sunday</TIMEX3>.

The men <EVENT eid="e2" class="STATE">are</EVENT> brothers from the town.

Customs officers later <EVENT eid="e3" class="OCCURRENCE">searched</EVENT> their boat in the dock.

The harbour will stay closed for repairs, the mayor <EVENT eid="e4" class="REPORTING">said</EVENT>.
</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei2" eventID="e2" tense="PRESENT" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei3" eventID="e3" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei4" eventID="e4" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei4" relatedToTime="t0"/>
</TimeML>
"#;

#[test]
fn eval_events_scores_sentences_the_tlinks_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.tml");
    std::fs::write(&path, GOLD).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .args(["eval", "--events", "--errors"])
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}\n{}", String::from_utf8_lossy(&out.stderr));
    // Compared with single spaces: the table's column widths are not what is tested.
    let report = report.split_whitespace().collect::<Vec<_>>().join(" ");
    // The state ("are brothers") dates no sentence: three sentences report a dated event.
    assert!(report.contains("1 document, 3 sentences report an event the gold dates"), "{report}");
    // The arrest by its phrase, the statement by the publication date; the search (no time
    // phrase, no paragraph time, not a lede) gets none.
    assert!(report.contains("every event 2/3 66.7 2/2 100.0"), "{report}");
    assert!(report.contains("phrase-dated events only 1/3 33.3 1/1 100.0"), "{report}");
    assert!(report.contains("right in 2/3"), "publication-date baseline: {report}");
    assert!(report.contains("MISS gold [1998-01-20] got [] | Customs officers later searched"), "{report}");
}
