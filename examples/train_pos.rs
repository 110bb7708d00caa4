//! Trains the part-of-speech model Chronoscope ships (`assets/pos/en_ewt.pos`) from the English
//! Web Treebank of Universal Dependencies and prints its accuracy on the treebank's dev set.
//! Run: cargo run --release --example train_pos -- ../shared/corpora/ud-ewt assets/pos/en_ewt.pos

use chronoscope::pos::{read_conllu, train};
use std::path::PathBuf;
use std::time::Instant;

/// Passes over the training sentences.
const PASSES: usize = 8;
/// Weights of less than this many hundredths are left out of the shipped model.
const KEEP: i16 = 10;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next().map(PathBuf::from), args.next().map(PathBuf::from)) else {
        return Err("usage: train_pos UD_EWT_DIR OUT_MODEL".to_string());
    };
    let training = read_conllu(&dir.join("en_ewt-ud-train.conllu"))?;
    let dev = read_conllu(&dir.join("en_ewt-ud-dev.conllu"))?;
    let started = Instant::now();
    let model = train::train(&training, PASSES, KEEP);
    println!(
        "trained on {} sentences in {:.1} s: {} features, {} tags",
        training.len(),
        started.elapsed().as_secs_f64(),
        model.len(),
        model.tags().len()
    );
    let started = Instant::now();
    let accuracy = train::accuracy(&model, &dev);
    let words: usize = dev.iter().map(Vec::len).sum();
    let seconds = started.elapsed().as_secs_f64();
    println!("dev accuracy {:.2}% over {words} words ({:.0} words/s)", accuracy * 100.0, words as f64 / seconds);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
