//! The tagger's model: a weight per feature and tag, averaged over training, stored compactly
//! (weights in hundredths, in 16 bits; small weights left out) in a little binary format of its
//! own that is read where it lies, with no copy: `CHPOS2`, the tag count and names (a length
//! byte each), the feature count and the weight count (u32 each), then three arrays: the
//! features in ascending order (u64 each), where each feature's weights start (u32 each, one
//! more than the features) and the weights (a tag byte and an i16 each), all little-endian.
//! The shipped model is part of the binary; reading it in place keeps only the pages lookups
//! touch in memory, instead of a parsed copy beside the bytes (6 MB of a 20 MB run's peak).

use super::features::Feature;
use std::borrow::Cow;
use std::collections::HashMap;

const MAGIC: &[u8] = b"CHPOS2";

/// A feature's weights: each tag's (index, weight in hundredths).
pub type Weights = Box<[(u8, i16)]>;

/// Bytes per feature, per start and per weight in the arrays.
const FEATURE_BYTES: usize = 8;
const START_BYTES: usize = 4;
const WEIGHT_BYTES: usize = 3;

/// A model over its bytes: the tags, and where the three arrays lie in `bytes`.
pub struct Model {
    bytes: Cow<'static, [u8]>,
    tags: Vec<String>,
    features: usize,
    features_at: usize,
    starts_at: usize,
    weights_at: usize,
    weight_count: usize,
}

impl Model {
    pub fn new(tags: Vec<String>, weights: HashMap<Feature, Weights>) -> Self {
        let mut sorted: Vec<(Feature, Weights)> = weights.into_iter().collect();
        sorted.sort_unstable_by_key(|(f, _)| *f);
        let bytes = encode(&tags, &sorted);
        // What `encode` wrote always reads back.
        Model::read(Cow::Owned(bytes)).unwrap_or_else(|_| Model::empty(tags))
    }

    fn empty(tags: Vec<String>) -> Self {
        Model {
            bytes: Cow::Borrowed(&[]),
            tags,
            features: 0,
            features_at: 0,
            starts_at: 0,
            weights_at: 0,
            weight_count: 0,
        }
    }

    /// The model in the binary (`include_bytes!`), read in place.
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, String> {
        Model::read(Cow::Borrowed(bytes))
    }

    /// A model read from a copy of `bytes`, or why it could not be.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        Model::read(Cow::Owned(bytes.to_vec()))
    }

    /// Reads the header and checks that the arrays fill the rest exactly; the arrays themselves
    /// are read only by lookups, each bounds-checked (a broken array gives wrong tags, never a
    /// panic, and the shipped model is checked whole by a test).
    fn read(bytes: Cow<'static, [u8]>) -> Result<Model, String> {
        let mut reader = Reader { bytes: &bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err("not a Chronoscope part-of-speech model".to_string());
        }
        let tag_count = reader.byte()?;
        let mut tags = Vec::with_capacity(usize::from(tag_count));
        for _ in 0..tag_count {
            let len = reader.byte()?;
            let name = std::str::from_utf8(reader.take(usize::from(len))?).map_err(|e| e.to_string())?;
            tags.push(name.to_string());
        }
        let features = u32::from_le_bytes(reader.array()?) as usize;
        let weight_count = u32::from_le_bytes(reader.array()?) as usize;
        let features_at = reader.at;
        // Checked: a hostile header cannot wrap the offsets round (on 32-bit targets).
        let offsets = || {
            let starts_at = features_at.checked_add(features.checked_mul(FEATURE_BYTES)?)?;
            let weights_at = starts_at.checked_add(features.checked_add(1)?.checked_mul(START_BYTES)?)?;
            Some((starts_at, weights_at, weights_at.checked_add(weight_count.checked_mul(WEIGHT_BYTES)?)?))
        };
        let (starts_at, weights_at, end) = offsets().ok_or("the model's counts overflow")?;
        if end != bytes.len() {
            return Err(format!("{features} features and {weight_count} weights do not fill {} bytes", bytes.len()));
        }
        Ok(Model { bytes, tags, features, features_at, starts_at, weights_at, weight_count })
    }

    fn feature_at(&self, k: usize) -> Option<Feature> {
        let at = self.features_at + k * FEATURE_BYTES;
        Some(u64::from_le_bytes(self.bytes.get(at..at + FEATURE_BYTES)?.try_into().ok()?))
    }

    fn start_at(&self, k: usize) -> Option<usize> {
        let at = self.starts_at + k * START_BYTES;
        Some(u32::from_le_bytes(self.bytes.get(at..at + START_BYTES)?.try_into().ok()?) as usize)
    }

    /// The weights of `feature` (as bytes: a tag and an i16 each), if the model has any.
    fn weights(&self, feature: Feature) -> Option<&[u8]> {
        let (mut low, mut high) = (0, self.features);
        while low < high {
            let mid = low + (high - low) / 2;
            match self.feature_at(mid)?.cmp(&feature) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => {
                    let (from, to) = (self.start_at(mid)?, self.start_at(mid + 1)?);
                    if from > to || to > self.weight_count {
                        return None;
                    }
                    let at = self.weights_at;
                    return self.bytes.get(at + from * WEIGHT_BYTES..at + to * WEIGHT_BYTES);
                }
            }
        }
        None
    }

    pub fn tag_name(&self, tag: u8) -> &str {
        self.tags.get(usize::from(tag)).map_or("", String::as_str)
    }

    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// How many features the model weighs.
    pub fn len(&self) -> usize {
        self.features
    }

    pub fn is_empty(&self) -> bool {
        self.features == 0
    }

    /// The best tag for `features` (the lowest index on a tie).
    pub fn predict(&self, features: &[Feature]) -> u8 {
        let mut scores = vec![0i32; self.tags.len()];
        for weights in features.iter().filter_map(|f| self.weights(*f)) {
            for weight in weights.chunks_exact(WEIGHT_BYTES) {
                if let Some(score) = scores.get_mut(usize::from(weight[0])) {
                    *score += i32::from(i16::from_le_bytes([weight[1], weight[2]]));
                }
            }
        }
        let best = scores.iter().enumerate().max_by(|(i, a), (j, b)| a.cmp(b).then(j.cmp(i))).map_or(0, |(i, _)| i);
        u8::try_from(best).unwrap_or(0)
    }

    /// The tag `feature` alone favours: the one with its largest weight, when that weight is
    /// above zero (a tag with no stored weight has zero). `None` when no tag is favoured,
    /// including when the model kept no weights for the feature (the perceptron stores weights
    /// only where training corrected it, and small ones are dropped).
    pub fn favoured_by(&self, feature: Feature) -> Option<u8> {
        let weights = self.weights(feature)?;
        let best =
            weights.chunks_exact(WEIGHT_BYTES).max_by_key(|w| (i16::from_le_bytes([w[1], w[2]]), u8::MAX - w[0]))?;
        (i16::from_le_bytes([best[1], best[2]]) > 0).then_some(best[0])
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// Whether the features ascend, every feature's weights lie in order inside the weight
    /// array and every weight names a tag: what lookups take on trust.
    pub fn is_well_formed(&self) -> bool {
        let ascending = (1..self.features).all(|k| self.feature_at(k - 1) < self.feature_at(k));
        let starts = (0..=self.features).map(|k| self.start_at(k)).collect::<Option<Vec<usize>>>();
        let in_order =
            starts.is_some_and(|s| s.windows(2).all(|w| w[0] <= w[1]) && s.last() == Some(&self.weight_count));
        let tags = self.bytes.get(self.weights_at..).unwrap_or_default();
        let named = tags.chunks_exact(WEIGHT_BYTES).all(|w| usize::from(w[0]) < self.tags.len());
        ascending && in_order && named
    }
}

/// The file format of `tags` and the weights of `sorted` features (ascending). Counts are
/// clamped to what the format holds: 255 tags of up to 255 bytes (a treebank has 50), and
/// u32 counts (a model has some hundreds of thousands).
fn encode(tags: &[String], sorted: &[(Feature, Weights)]) -> Vec<u8> {
    let tags = &tags[..tags.len().min(usize::from(u8::MAX))];
    let weight_count: usize = sorted.iter().map(|(_, w)| w.len()).sum();
    let mut out = MAGIC.to_vec();
    out.push(u8::try_from(tags.len()).unwrap_or(u8::MAX));
    for tag in tags {
        let name = &tag.as_bytes()[..tag.len().min(usize::from(u8::MAX))];
        out.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        out.extend(name);
    }
    out.extend(u32::try_from(sorted.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend(u32::try_from(weight_count).unwrap_or(u32::MAX).to_le_bytes());
    for (feature, _) in sorted {
        out.extend(feature.to_le_bytes());
    }
    let mut start = 0usize;
    out.extend(0u32.to_le_bytes());
    for (_, weights) in sorted {
        start += weights.len();
        out.extend(u32::try_from(start).unwrap_or(u32::MAX).to_le_bytes());
    }
    for (_, weights) in sorted {
        for &(tag, weight) in weights.iter() {
            out.push(tag);
            out.extend(weight.to_le_bytes());
        }
    }
    out
}

/// Reads a model's header bytes in order, never past their end.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or("the model ends early")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        self.take(N)?.try_into().map_err(|_| "the model ends early".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_reads_back_what_it_wrote_and_refuses_broken_bytes() {
        let mut weights = HashMap::new();
        weights.insert(7u64, vec![(0u8, 120i16), (1, -40)].into_boxed_slice());
        weights.insert(9u64, vec![(1u8, 300i16)].into_boxed_slice());
        let model = Model::new(vec!["NN".into(), "VBD".into()], weights);
        let bytes = model.to_bytes();
        let read = Model::from_bytes(&bytes).unwrap();
        assert_eq!(read.tags(), model.tags());
        assert_eq!(read.predict(&[7]), 0);
        assert_eq!(read.predict(&[7, 9]), 1);
        assert_eq!(read.predict(&[]), 0);
        assert!(read.is_well_formed());
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Model::from_bytes(b"not a model").is_err());
        // Broken arrays read without a panic, and the check tells them.
        let mut shuffled = bytes.clone();
        let last = shuffled.len() - 1;
        shuffled[last - 2] = 200; // a weight for tag 200 of 2
        let broken = Model::from_bytes(&shuffled).unwrap();
        assert!(!broken.is_well_formed());
        assert_eq!(broken.predict(&[7, 9]), 0);
    }
}
