//! Training the tagger: the averaged perceptron (Collins 2002) over tagged sentences, greedy
//! left to right as the tagger reads, several passes in a fixed shuffled order (so a model is
//! the same from run to run), then each weight averaged over every step of training.

use super::conllu::TaggedSentence;
use super::features::{Context, Feature};
use super::model::Model;
use std::collections::HashMap;

/// A weight while training: its value, its sum over the steps so far, and the step it last
/// changed at (the sum is brought up to date lazily).
#[derive(Clone, Copy, Default)]
struct Weight {
    value: f64,
    total: f64,
    since: u64,
}

/// The averaged perceptron being trained.
struct Perceptron {
    tags: Vec<String>,
    weights: HashMap<Feature, Vec<(u8, Weight)>>,
    step: u64,
}

impl Perceptron {
    fn scores(&self, features: &[Feature]) -> Vec<f64> {
        let mut scores = vec![0.0; self.tags.len()];
        for row in features.iter().filter_map(|f| self.weights.get(f)) {
            for (tag, weight) in row {
                scores[usize::from(*tag)] += weight.value;
            }
        }
        scores
    }

    fn predict(&self, features: &[Feature]) -> u8 {
        let scores = self.scores(features);
        let best =
            scores.iter().enumerate().max_by(|(i, a), (j, b)| a.total_cmp(b).then(j.cmp(i))).map_or(0, |(i, _)| i);
        u8::try_from(best).unwrap_or(0)
    }

    /// One training step: when `guess` is not `truth`, moves the weights of `features` towards
    /// the truth.
    fn update(&mut self, truth: u8, guess: u8, features: &[Feature]) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step;
        for feature in features {
            let row = self.weights.entry(*feature).or_default();
            for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
                let at = match row.iter().position(|(t, _)| *t == tag) {
                    Some(at) => at,
                    None => {
                        row.push((tag, Weight { since: step, ..Weight::default() }));
                        row.len() - 1
                    }
                };
                let weight = &mut row[at].1;
                weight.total += (step - weight.since) as f64 * weight.value;
                weight.since = step;
                weight.value += delta;
            }
        }
    }

    /// The averaged model, weights in hundredths; weights under `keep` (in hundredths) dropped.
    fn averaged(self, keep: i16) -> Model {
        let step = self.step.max(1);
        let mut weights = HashMap::new();
        for (feature, row) in self.weights {
            let averaged: Vec<(u8, i16)> = row
                .into_iter()
                .map(|(tag, w)| {
                    let total = w.total + (step - w.since) as f64 * w.value;
                    // Symmetric, so that a weight's size is its absolute value.
                    let limit = f64::from(i16::MAX);
                    let hundredths = (total / step as f64 * 100.0).round().clamp(-limit, limit);
                    (tag, hundredths as i16)
                })
                .filter(|(_, w)| w.unsigned_abs() >= keep.unsigned_abs())
                .collect();
            if !averaged.is_empty() {
                weights.insert(feature, averaged.into_boxed_slice());
            }
        }
        Model::new(self.tags, weights)
    }
}

/// A model trained on `sentences` in `passes` passes, keeping weights of at least `keep`
/// hundredths.
pub fn train(sentences: &[TaggedSentence], passes: usize, keep: i16) -> Model {
    let mut tags: Vec<String> = sentences.iter().flatten().map(|(_, tag)| tag.clone()).collect();
    tags.sort_unstable();
    tags.dedup();
    tags.truncate(usize::from(u8::MAX));
    let index: HashMap<&str, u8> =
        tags.iter().enumerate().map(|(i, t)| (t.as_str(), u8::try_from(i).unwrap_or(u8::MAX))).collect();
    let mut perceptron = Perceptron { tags: tags.clone(), weights: HashMap::new(), step: 0 };
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed: u64 = 0x5eed;
    let mut features = Vec::new();
    for _ in 0..passes {
        shuffle(&mut order, &mut seed);
        for &s in &order {
            let sentence = &sentences[s];
            let words: Vec<&str> = sentence.iter().map(|(w, _)| w.as_str()).collect();
            let context = Context::new(&words);
            let mut guessed: Vec<u8> = Vec::with_capacity(words.len());
            for (i, (_, truth)) in sentence.iter().enumerate() {
                let previous = |back: usize| i.checked_sub(back).map(|k| tags[usize::from(guessed[k])].as_str());
                features.clear();
                context.features(i, previous(1), previous(2), &mut features);
                let guess = perceptron.predict(&features);
                let truth = index.get(truth.as_str()).copied().unwrap_or(0);
                perceptron.update(truth, guess, &features);
                guessed.push(guess);
            }
        }
    }
    perceptron.averaged(keep)
}

/// The share of words of `sentences` that `model` tags as they are tagged.
pub fn accuracy(model: &Model, sentences: &[TaggedSentence]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for sentence in sentences {
        let words: Vec<&str> = sentence.iter().map(|(w, _)| w.as_str()).collect();
        for (tag, (_, truth)) in super::tag(model, &words).into_iter().zip(sentence) {
            right += usize::from(tag == truth);
            all += 1;
        }
    }
    right as f64 / all.max(1) as f64
}

/// Fisher-Yates with a small linear congruential generator: the same order for the same seed.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let j = (*seed >> 33) as usize % (i + 1);
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(words: &str) -> TaggedSentence {
        words
            .split(' ')
            .map(|pair| {
                let (w, t) = pair.split_once('/').unwrap();
                (w.to_string(), t.to_string())
            })
            .collect()
    }

    #[test]
    fn training_learns_a_small_language_and_is_the_same_every_time() {
        let data: Vec<TaggedSentence> = [
            "the/DT armed/JJ men/NNS fled/VBD ./.",
            "police/NNS arrested/VBD the/DT men/NNS ./.",
            "the/DT men/NNS were/VBD arrested/VBN ./.",
            "the/DT police/NNS armed/VBD the/DT guards/NNS ./.",
        ]
        .iter()
        .map(|s| sentence(s))
        .collect();
        let model = train(&data, 8, 0);
        assert!(accuracy(&model, &data) > 0.9, "{}", accuracy(&model, &data));
        assert_eq!(train(&data, 8, 0).to_bytes(), model.to_bytes());
        assert_eq!(super::super::tag(&model, &["the", "armed", "men", "fled", "."])[1], "JJ");
    }
}
