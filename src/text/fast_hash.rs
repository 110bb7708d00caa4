//! Hash maps for the story layer's many short keys (words, ids, block keys): aHash instead of
//! the standard SipHash, which was a tenth of the story layer's time. The keys are still secret
//! per process (seeded once from the standard library's random state), so a hostile article
//! cannot pick words that collide. Nothing may depend on these maps' iteration order.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

/// An aHash state whose seeds are drawn once per process.
#[derive(Clone)]
pub struct FastState(ahash::RandomState);

impl Default for FastState {
    fn default() -> Self {
        static SEEDS: OnceLock<[u64; 4]> = OnceLock::new();
        let seeds = SEEDS.get_or_init(|| {
            let random = RandomState::new();
            [1u64, 2, 3, 4].map(|n| random.hash_one(n))
        });
        FastState(ahash::RandomState::with_seeds(seeds[0], seeds[1], seeds[2], seeds[3]))
    }
}

impl BuildHasher for FastState {
    type Hasher = ahash::AHasher;

    fn build_hasher(&self) -> Self::Hasher {
        self.0.build_hasher()
    }
}

pub type FastMap<K, V> = HashMap<K, V, FastState>;
pub type FastSet<K> = HashSet<K, FastState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_behave_as_maps_and_states_agree_within_a_process() {
        let mut map: FastMap<&str, u32> = FastMap::default();
        map.insert("attack", 1);
        map.insert("arrest", 2);
        assert_eq!(map.get("attack"), Some(&1));
        assert_eq!(map.len(), 2);
        let (a, b) = (FastState::default(), FastState::default());
        assert_eq!(a.hash_one("Masood"), b.hash_one("Masood"));
    }
}
