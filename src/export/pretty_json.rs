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
        // While the cores render one batch, this thread writes the one before: writing a big
        // file is copying into the page cache, a tenth of an `extract` run, and would otherwise
        // leave the cores idle.
        let mut written: Option<Vec<io::Result<Vec<u8>>>> = None;
        for (batch_index, batch_items) in items.chunks(batch).enumerate() {
            let rendered = std::thread::scope(|scope| {
                let rendering = scope.spawn(|| render_batch(batch_items, batch_index == 0));
                let wrote = written.take().map_or(Ok(()), |previous| write_rendered(&mut self.out, previous));
                let rendered = rendering.join().map_err(|_| io::Error::other("rendering the JSON failed"))?;
                wrote.map(|()| rendered)
            })?;
            written = Some(rendered);
        }
        if let Some(last) = written {
            write_rendered(&mut self.out, last)?;
        }
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

/// One batch of an array's items rendered on every core, chunk by chunk, in order.
fn render_batch<T: Serialize + Sync>(items: &[T], first_batch: bool) -> Vec<io::Result<Vec<u8>>> {
    items
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(chunk_index, chunk)| render_chunk(chunk, first_batch && chunk_index == 0))
        .collect()
}

/// Writes a rendered batch's chunks in order; the first that failed to render stops it.
fn write_rendered(out: &mut impl Write, rendered: Vec<io::Result<Vec<u8>>>) -> io::Result<()> {
    for text in rendered {
        out.write_all(&text?)?;
    }
    Ok(())
}

/// The items of one chunk as array elements, each on its own line, indented two levels: the
/// chunk as the array of a one-field object, pretty-printed by serde_json, which puts its items
/// exactly there, with the object's opening and closing cut off. (Indenting each item's text
/// afterwards copied every byte again, line by line: a third of writing a large timeline.)
fn render_chunk<T: Serialize>(chunk: &[T], first_of_array: bool) -> io::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Holder<'a, T> {
        k: &'a [T],
    }
    const OPEN: &[u8] = b"{\n  \"k\": [";
    const CLOSE: &[u8] = b"\n  ]\n}";
    let mut text = Vec::with_capacity(chunk.len() * 256 + OPEN.len() + CLOSE.len() + 1);
    if !first_of_array {
        text.push(b',');
    }
    let start = text.len();
    serde_json::to_writer_pretty(&mut text, &Holder { k: chunk }).map_err(io::Error::from)?;
    let framed =
        text.len() >= start + OPEN.len() + CLOSE.len() && text[start..].starts_with(OPEN) && text.ends_with(CLOSE);
    if chunk.is_empty() || !framed {
        return Err(io::Error::other("a chunk of an array did not render as expected"));
    }
    text.truncate(text.len() - CLOSE.len());
    text.drain(start..start + OPEN.len());
    Ok(text)
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

    #[test]
    fn an_object_without_fields_is_empty_braces() {
        let object = ObjectWriter::new(Vec::new()).unwrap();
        assert_eq!(object.finish().unwrap(), b"{}");
    }
}
