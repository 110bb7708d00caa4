//! The tagger's model: a weight per feature and tag, averaged over training, stored compactly
//! (weights in hundredths, in 16 bits; small weights left out) in a
//! little binary format of its own: `CHPOS1`, the tag count and names (a length byte each), the
//! feature count (u32), then each feature in ascending order (u64) with its weight count (a
//! byte) and weights (a tag byte and an i16 each), all little-endian.

use super::features::Feature;
use std::collections::HashMap;

const MAGIC: &[u8] = b"CHPOS1";

/// A feature's weights: each tag's (index, weight in hundredths).
pub type Weights = Box<[(u8, i16)]>;

/// Weights per feature, flat: the features sorted, and each one's weights at
/// `entries[starts[k]..starts[k + 1]]`. Read from its bytes with no allocation per feature.
pub struct Model {
    tags: Vec<String>,
    features: Vec<Feature>,
    starts: Vec<u32>,
    entries: Vec<(u8, i16)>,
}

impl Model {
    pub fn new(tags: Vec<String>, weights: HashMap<Feature, Weights>) -> Self {
        let mut sorted: Vec<(Feature, Weights)> = weights.into_iter().collect();
        sorted.sort_unstable_by_key(|(f, _)| *f);
        let mut model = Model { tags, features: Vec::new(), starts: vec![0], entries: Vec::new() };
        for (feature, row) in sorted {
            model.push(feature, &row);
        }
        model
    }

    /// Adds the weights of `feature`, which sorts after every feature so far.
    fn push(&mut self, feature: Feature, row: &[(u8, i16)]) {
        self.features.push(feature);
        self.entries.extend_from_slice(row);
        self.starts.push(u32::try_from(self.entries.len()).unwrap_or(u32::MAX));
    }

    /// The weights of `feature`, if the model has any.
    fn weights(&self, feature: Feature) -> Option<&[(u8, i16)]> {
        let k = self.features.binary_search(&feature).ok()?;
        let (from, to) = (*self.starts.get(k)? as usize, *self.starts.get(k + 1)? as usize);
        self.entries.get(from..to)
    }

    pub fn tag_name(&self, tag: u8) -> &str {
        self.tags.get(usize::from(tag)).map_or("", String::as_str)
    }

    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// How many features the model weighs.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// The best tag for `features` (the lowest index on a tie).
    pub fn predict(&self, features: &[Feature]) -> u8 {
        let mut scores = vec![0i32; self.tags.len()];
        for weights in features.iter().filter_map(|f| self.weights(*f)) {
            for &(tag, weight) in weights.iter() {
                if let Some(score) = scores.get_mut(usize::from(tag)) {
                    *score += i32::from(weight);
                }
            }
        }
        let best = scores.iter().enumerate().max_by(|(i, a), (j, b)| a.cmp(b).then(j.cmp(i))).map_or(0, |(i, _)| i);
        u8::try_from(best).unwrap_or(0)
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(u8::try_from(self.tags.len()).unwrap_or(u8::MAX));
        for tag in &self.tags {
            out.push(u8::try_from(tag.len()).unwrap_or(u8::MAX));
            out.extend(tag.bytes().take(usize::from(u8::MAX)));
        }
        out.extend(u32::try_from(self.features.len()).unwrap_or(u32::MAX).to_le_bytes());
        for feature in &self.features {
            let weights = self.weights(*feature).unwrap_or_default();
            out.extend(feature.to_le_bytes());
            out.push(u8::try_from(weights.len()).unwrap_or(u8::MAX));
            for &(tag, weight) in weights.iter().take(usize::from(u8::MAX)) {
                out.push(tag);
                out.extend(weight.to_le_bytes());
            }
        }
        out
    }

    /// A model read from its file format, or why it could not be.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut reader = Reader { bytes, at: 0 };
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
        let count = u32::from_le_bytes(reader.array()?) as usize;
        // Each feature takes at least 9 bytes: a count beyond what is left is a broken file.
        if count > bytes.len() / 9 {
            return Err(format!("{count} features in {} bytes", bytes.len()));
        }
        let mut model = Model {
            tags,
            features: Vec::with_capacity(count),
            starts: Vec::with_capacity(count + 1),
            entries: Vec::new(),
        };
        model.starts.push(0);
        let mut row = Vec::new();
        for _ in 0..count {
            let feature = u64::from_le_bytes(reader.array()?);
            if model.features.last().is_some_and(|last| *last >= feature) {
                return Err("features out of order".to_string());
            }
            row.clear();
            for _ in 0..reader.byte()? {
                let tag = reader.byte()?;
                if tag >= tag_count {
                    return Err(format!("a weight for tag {tag} of {tag_count}"));
                }
                row.push((tag, i16::from_le_bytes(reader.array()?)));
            }
            model.push(feature, &row);
        }
        if reader.at != bytes.len() {
            return Err("bytes after the model's end".to_string());
        }
        Ok(model)
    }
}

/// Reads a model's bytes in order, never past their end.
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
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Model::from_bytes(b"not a model").is_err());
    }
}
