//! A small part-of-speech tagger for the places where word lists run out (issue #10 §2): is
//! "assumed" in "the king assumed total control in February" a finished happening or, like
//! "armed" in "the armed men", an adjective? An averaged perceptron (Collins 2002) over the
//! English Web Treebank's tags (Penn Treebank's, with a few of the web's: ADD, NFP, HYPH...),
//! trained on the treebank of Universal Dependencies (`assets/pos/README.md` says how, and
//! carries the data's attribution), read greedily left to right over words split as the
//! treebank splits them (`treebank_words`). The model ships as data (`assets/pos/en_ewt.pos`)
//! and is read once, on first use.

mod conllu;
mod features;
mod model;
#[doc(hidden)]
pub mod train;
mod words;

pub use conllu::read_conllu;
pub use model::Model;
pub use words::treebank_words;

use std::sync::OnceLock;

/// The shipped model, read on first use; `None` if it cannot be read (then callers keep their
/// word-list reading).
pub fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_static(include_bytes!("../../assets/pos/en_ewt.pos")).ok()).as_ref()
}

/// The tag the model's weights for `word` itself favour, neighbours aside ("italy": NNP);
/// `None` when they favour none (`Model::favoured_by`: a word never seen, or one its shape and
/// neighbours always tagged right, such as "exports").
pub fn word_tag<'m>(model: &'m Model, word: &str) -> Option<&'m str> {
    model.favoured_by(features::word_feature(word)).map(|t| model.tag_name(t))
}

/// The Penn Treebank tags of `words` (one sentence, tokens as written), by `model`.
pub fn tag<'m>(model: &'m Model, words: &[&str]) -> Vec<&'m str> {
    tag_indices(model, words).into_iter().map(|t| model.tag_name(t)).collect()
}

/// `tag`, as indices into the model's tags.
pub fn tag_indices(model: &Model, words: &[&str]) -> Vec<u8> {
    let context = features::Context::new(words);
    let mut tags: Vec<u8> = Vec::with_capacity(words.len());
    let mut found = Vec::new();
    for i in 0..words.len() {
        let previous = |back: usize| i.checked_sub(back).map(|k| model.tag_name(tags[k]));
        found.clear();
        context.features(i, previous(1), previous(2), &mut found);
        tags.push(model.predict(&found));
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads_and_tells_adjectives_from_verbs() {
        let model = shipped().expect("assets/pos/en_ewt.pos reads");
        assert!(model.len() > 10_000, "{} features", model.len());
        assert!(model.is_well_formed(), "the shipped model's arrays are in order");
        let tags = tag(model, &["The", "armed", "men", "fled", "the", "city", "."]);
        assert_eq!(tags, ["DT", "JJ", "NNS", "VBD", "DT", "NN", "."]);
        assert_eq!(tag(model, &[]), Vec::<&str>::new());
        assert_eq!(tag(model, &["\u{fffd}"]).len(), 1);
    }
}
