//! Finding a timeline's events, mentions, story events, claims and documents by id in constant time:
//! the position of each id, kept beside the timeline and checked on every use. The timeline's
//! vectors are public and edited in place, so positions can go stale; a position that no longer
//! holds its id, or an id that only a scan finds, rebuilds them. An answer is never stale, and
//! once the positions are built a lookup is one hash probe instead of a scan of every item.

use std::collections::HashMap;
use std::sync::RwLock;

/// The positions of one vector's ids.
#[derive(Default)]
pub struct Positions {
    by_id: RwLock<HashMap<Box<str>, usize>>,
}

impl Positions {
    /// Where the item with `id` is in `items` (the first, if several share it).
    pub fn position<T>(&self, items: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<usize> {
        self.position_listing(items, id, |item, visit| visit(id_of(item)))
    }

    /// Where the first item listing `key` is in `items`, where `keys` visits each key an item
    /// lists (an event's mentions, say): the same remembered positions, checked on every use.
    pub fn position_listing<T>(
        &self,
        items: &[T],
        key: &str,
        keys: impl Fn(&T, &mut dyn FnMut(&str)),
    ) -> Option<usize> {
        let lists = |item: &T| {
            let mut found = false;
            keys(item, &mut |k| found |= k == key);
            found
        };
        let known = self.by_id.read().ok().and_then(|by_id| by_id.get(key).copied());
        if let Some(at) = known.filter(|&at| items.get(at).is_some_and(lists)) {
            return Some(at);
        }
        // Not where the positions say, or not among them: scan, and when the scan finds it, the
        // positions are stale and are rebuilt.
        let found = items.iter().position(lists)?;
        if let Ok(mut by_id) = self.by_id.write() {
            by_id.clear();
            by_id.reserve(items.len());
            for (at, item) in items.iter().enumerate() {
                keys(item, &mut |k| {
                    by_id.entry(Box::from(k)).or_insert(at);
                });
            }
        }
        Some(found)
    }
}

/// The positions of a timeline's ids, one set per vector. A copy of a timeline starts with none
/// (they are rebuilt on first use), and two timelines compare equal whatever their positions.
#[derive(Default)]
pub struct TimelineIndex {
    pub events: Positions,
    pub mentions: Positions,
    pub stories: Positions,
    pub claims: Positions,
    pub documents: Positions,
    /// The event placed by each mention (the first listing it).
    pub events_by_mention: Positions,
}

impl Clone for TimelineIndex {
    fn clone(&self) -> Self {
        TimelineIndex::default()
    }
}

impl PartialEq for TimelineIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for TimelineIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TimelineIndex")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_the_vector_through_edits() {
        let positions = Positions::default();
        let mut items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(positions.position(&items, "b", String::as_str), Some(1));
        assert_eq!(positions.position(&items, "z", String::as_str), None);
        // Removed, inserted before, replaced in place: each answer is the vector's own.
        items.remove(0);
        assert_eq!(positions.position(&items, "b", String::as_str), Some(0));
        items.insert(0, "x".into());
        assert_eq!(positions.position(&items, "c", String::as_str), Some(2));
        items[1] = "y".into();
        assert_eq!(positions.position(&items, "b", String::as_str), None);
        assert_eq!(positions.position(&items, "y", String::as_str), Some(1));
        // Two items with one id: the first, as a scan finds it.
        items.push("x".into());
        assert_eq!(positions.position(&items, "x", String::as_str), Some(0));
    }

    /// Clicking a time phrase in the document pane found its event by scanning every event's
    /// mentions (issue #11: no linear search per click); the lookup by a listed key must still
    /// answer like that scan after edits.
    #[test]
    fn positions_by_listed_key_answer_like_a_scan() {
        let positions = Positions::default();
        let lists = |item: &Vec<&str>, visit: &mut dyn FnMut(&str)| item.iter().for_each(|k| visit(k));
        let mut items: Vec<Vec<&str>> = vec![vec!["m1", "m2"], vec!["m3"], vec!["m2", "m4"]];
        assert_eq!(positions.position_listing(&items, "m2", lists), Some(0), "the first item listing it");
        assert_eq!(positions.position_listing(&items, "m4", lists), Some(2));
        assert_eq!(positions.position_listing(&items, "m9", lists), None);
        items[0].retain(|k| *k != "m2");
        assert_eq!(positions.position_listing(&items, "m2", lists), Some(2), "no longer listed where remembered");
        items.insert(0, vec!["m5"]);
        assert_eq!(positions.position_listing(&items, "m3", lists), Some(2));
        assert_eq!(positions.position_listing(&items, "m5", lists), Some(0));
    }
}
