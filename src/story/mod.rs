//! The story layer: what many articles say about one story, joined. `merge` groups the events of
//! every document into story events, using the event families of `families`.

pub mod families;
pub mod merge;
