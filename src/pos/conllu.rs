//! Reads a CoNLL-U treebank (Universal Dependencies) into sentences of words with their Penn
//! Treebank tags (the XPOS column); multiword tokens and empty nodes are left out, as the words
//! they stand for are listed on their own lines.

use std::path::Path;

/// A sentence: each word with its tag.
pub type TaggedSentence = Vec<(String, String)>;

/// The sentences of the CoNLL-U file at `path`, or why it could not be read.
pub fn read_conllu(path: &Path) -> Result<Vec<TaggedSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in text.trim_start_matches('\u{feff}').lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, form, _lemma, _upos, xpos, ..] = fields[..] else {
            return Err(format!("{}: a line without the CoNLL-U columns: {line:?}", path.display()));
        };
        if id.contains(['-', '.']) {
            continue;
        }
        current.push((form.to_string(), xpos.to_string()));
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}
