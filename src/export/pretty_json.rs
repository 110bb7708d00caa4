//! Pretty JSON of a top-level object whose long arrays are rendered on every core: byte for byte
//! what `serde_json::to_writer_pretty` writes (two-space indent), streamed in bounded batches so
//! that neither the whole text nor a copy of the data is held. JSON strings escape their line
//! breaks, so every raw `\n` the pretty printer emits is layout, and indenting a rendered value
//! one level deeper is inserting spaces after each of them.

use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Items rendered together by one task.
const CHUNK: usize = 256;
/// Chunks rendered per batch and per thread: enough to keep every core busy, few enough that a
/// batch's text stays small.
const CHUNKS_PER_THREAD: usize = 4;

/// Writes `{`, then fields one by one, then `}`: the caller gives the fields in order.
pub struct ObjectWriter<W: Write> {
    out: W,
    fields: usize,
}

impl<W: Write> ObjectWriter<W> {
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(b"{")?;
        Ok(ObjectWriter { out, fields: 0 })
    }

    /// A field whose value is small: rendered on this thread.
    pub fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        render_indented(&mut self.out, value, b"  ")
    }

    /// A field whose value is an array, its items rendered in parallel batches.
    pub fn array<T: Serialize + Sync>(&mut self, key: &str, items: &[T]) -> io::Result<()> {
        self.key(key)?;
        if items.is_empty() {
            return self.out.write_all(b"[]");
        }
        self.out.write_all(b"[")?;
        let batch = CHUNK * CHUNKS_PER_THREAD * rayon::current_num_threads().max(1);
        let spare = Spare::default();
        // One thread renders batch after batch on every core while this one writes them: writing
        // a big file is copying into the page cache, a tenth of an `extract` run. Taking turns
        // (render a batch, then write it while the next renders) left the cores idle whenever a
        // write outlasted a render.
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(BATCHES_AHEAD);
            let spare = &spare;
            let renderer = scope.spawn(move || {
                for (batch_index, batch_items) in items.chunks(batch).enumerate() {
                    // A closed channel means the writing failed, and says so itself.
                    if send.send(render_batch(batch_items, batch_index == 0, spare)).is_err() {
                        return;
                    }
                }
            });
            for rendered in receive {
                write_rendered(&mut self.out, rendered, spare)?;
            }
            renderer.join().map_err(|_| io::Error::other("rendering the JSON failed"))
        })?;
        self.out.write_all(b"\n  ]")
    }

    /// Closes the object and gives the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(if self.fields == 0 { b"}" } else { b"\n}" })?;
        Ok(self.out)
    }

    fn key(&mut self, key: &str) -> io::Result<()> {
        self.out.write_all(if self.fields == 0 { b"\n  " } else { b",\n  " })?;
        self.fields += 1;
        serde_json::to_writer(&mut self.out, key).map_err(io::Error::from)?;
        self.out.write_all(b": ")
    }
}

/// Rendered batches the renderer may be ahead of the writer.
const BATCHES_AHEAD: usize = 2;

/// Buffers the writer has emptied, for the renderer to fill again: a chunk's text is a few
/// hundred kilobytes, and a fresh one for every chunk is fresh pages for the kernel to map.
#[derive(Default)]
struct Spare(std::sync::Mutex<Vec<Vec<u8>>>);

impl Spare {
    /// Buffers kept at most: every chunk in flight (`BATCHES_AHEAD` batches and the one being
    /// rendered and written) on a machine of a few cores.
    const MAX: usize = 64;

    fn take(&self) -> Vec<u8> {
        self.0.lock().ok().and_then(|mut spare| spare.pop()).unwrap_or_default()
    }

    fn give(&self, mut buffer: Vec<u8>) {
        buffer.clear();
        if let Ok(mut spare) = self.0.lock() {
            if spare.len() < Self::MAX {
                spare.push(buffer);
            }
        }
    }
}

/// One batch of an array's items rendered on every core, chunk by chunk, in order.
fn render_batch<T: Serialize + Sync>(items: &[T], first_batch: bool, spare: &Spare) -> Vec<io::Result<Rendered>> {
    items
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(chunk_index, chunk)| render_chunk(chunk, first_batch && chunk_index == 0, spare.take()))
        .collect()
}

/// Writes a rendered batch's chunks in order, handing each buffer back; the first that failed to
/// render stops it.
fn write_rendered(out: &mut impl Write, rendered: Vec<io::Result<Rendered>>, spare: &Spare) -> io::Result<()> {
    for chunk in rendered {
        let Rendered { text, from } = chunk?;
        out.write_all(text.get(from..).unwrap_or_default())?;
        spare.give(text);
    }
    Ok(())
}

/// The items of one chunk as array elements, each on its own line, indented two levels: the
/// chunk as the array of a one-field object, pretty-printed by serde_json, which puts its items
/// exactly there; the object's closing is cut off, and its opening is skipped when written, its
/// last byte turned into the comma that follows the previous chunk. (Indenting each item's text
/// afterwards copied every byte again, line by line: a third of writing a large timeline.)
fn render_chunk<T: Serialize>(chunk: &[T], first_of_array: bool, mut text: Vec<u8>) -> io::Result<Rendered> {
    #[derive(Serialize)]
    struct Holder<'a, T> {
        k: &'a [T],
    }
    const OPEN: &[u8] = b"{\n  \"k\": [";
    const CLOSE: &[u8] = b"\n  ]\n}";
    text.clear();
    text.reserve(chunk.len() * 256 + OPEN.len() + CLOSE.len());
    serde_json::to_writer_pretty(&mut text, &Holder { k: chunk }).map_err(io::Error::from)?;
    let framed = text.len() >= OPEN.len() + CLOSE.len() && text.starts_with(OPEN) && text.ends_with(CLOSE);
    if chunk.is_empty() || !framed {
        return Err(io::Error::other("a chunk of an array did not render as expected"));
    }
    text.truncate(text.len() - CLOSE.len());
    let from = if first_of_array {
        OPEN.len()
    } else {
        text[OPEN.len() - 1] = b',';
        OPEN.len() - 1
    };
    Ok(Rendered { text, from })
}

/// A chunk's text: the bytes of `text` from `from` on.
struct Rendered {
    text: Vec<u8>,
    from: usize,
}

/// `value` as pretty JSON, every line after its first indented by `indent`.
fn render_indented<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T, indent: &[u8]) -> io::Result<()> {
    let mut indented = Indented { out, indent };
    serde_json::to_writer_pretty(&mut indented, value).map_err(io::Error::from)
}

/// A writer that inserts `indent` after every line break written through it.
struct Indented<'a> {
    out: &'a mut dyn Write,
    indent: &'a [u8],
}

impl Write for Indented<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while let Some(at) = bytes.iter().position(|&b| b == b'\n') {
            self.out.write_all(&bytes[..=at])?;
            self.out.write_all(self.indent)?;
            bytes = &bytes[at + 1..];
        }
        self.out.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Item {
        name: String,
        tags: Vec<&'static str>,
        nested: Option<Box<Item>>,
        empty: Vec<u8>,
    }

    #[derive(Serialize)]
    struct Whole<'a> {
        format: &'static str,
        version: u32,
        missing: Option<u8>,
        nothing: &'a [Item],
        items: &'a [Item],
    }

    fn item(n: usize) -> Item {
        let inner = Item { name: format!("inner \"{n}\"\nline"), tags: vec![], nested: None, empty: vec![] };
        Item {
            name: format!("item {n}"),
            tags: vec!["a", "b\\c"],
            nested: n.is_multiple_of(3).then(|| Box::new(inner)),
            empty: vec![],
        }
    }

    fn ours(whole: &Whole) -> Vec<u8> {
        let mut object = ObjectWriter::new(Vec::new()).unwrap();
        object.field("format", whole.format).unwrap();
        object.field("version", &whole.version).unwrap();
        object.field("missing", &whole.missing).unwrap();
        object.array("nothing", whole.nothing).unwrap();
        object.array("items", whole.items).unwrap();
        object.finish().unwrap()
    }

    /// The oracle: serde_json's own pretty printer, on arrays shorter and longer than a batch
    /// and strings holding escaped line breaks.
    #[test]
    fn writes_what_serde_json_pretty_writes() {
        for count in [0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK * CHUNKS_PER_THREAD + 7] {
            let items: Vec<Item> = (0..count).map(item).collect();
            let whole = Whole { format: "test", version: 2, missing: None, nothing: &[], items: &items };
            let expected = serde_json::to_vec_pretty(&whole).unwrap();
            assert_eq!(String::from_utf8(ours(&whole)).unwrap(), String::from_utf8(expected).unwrap(), "{count} items");
        }
    }

    /// A writer that fails once it holds `limit` bytes.
    struct FailsAfter {
        written: usize,
        limit: usize,
    }

    impl Write for FailsAfter {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.written + bytes.len() > self.limit {
                return Err(io::Error::other("disk full"));
            }
            self.written += bytes.len();
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A write that fails part way through a long array ends it with that error, while the
    /// renderer is still batches ahead: it stops instead of waiting on a writer that is gone.
    #[test]
    fn a_failed_write_stops_the_array_with_its_error() {
        let items: Vec<Item> = (0..20 * CHUNK * CHUNKS_PER_THREAD).map(item).collect();
        for limit in [5, 20_000, 400_000] {
            let mut object = ObjectWriter::new(FailsAfter { written: 0, limit }).unwrap();
            let error = object.array("items", &items).expect_err("the writer fails");
            assert_eq!(error.to_string(), "disk full", "limit {limit}");
        }
    }

    #[test]
    fn an_object_without_fields_is_empty_braces() {
        let object = ObjectWriter::new(Vec::new()).unwrap();
        assert_eq!(object.finish().unwrap(), b"{}");
    }
}
