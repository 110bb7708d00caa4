//! Bytes → text: size limit, binary detection, BOMs, UTF-8 decoding with replacement of invalid
//! bytes (counted for a warning) and line-ending normalisation. Format readers only see clean
//! `\n`-terminated Unicode text.

/// Largest file we accept (50 MiB): larger inputs are almost certainly not articles.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// How many leading bytes are inspected to decide whether a file is binary.
const SNIFF_BYTES: usize = 8 * 1024;

/// Decoded text plus the warnings decoding produced.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes `bytes` as text; `Err` carries the message for an `IngestError`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        check_not_binary(rest)?;
        utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, false, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, true, &mut warnings)
    } else {
        check_not_binary(bytes)?;
        utf8_lossy(bytes, &mut warnings)
    };
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err("file is empty (no text besides whitespace)".to_string());
    }
    Ok(Decoded { text, warnings })
}

/// The message for a file over [`MAX_BYTES`].
pub fn too_large(len: u64) -> String {
    format!(
        "file is too large ({:.1} MB; the limit is {} MB)",
        len as f64 / (1024.0 * 1024.0),
        MAX_BYTES / (1024 * 1024)
    )
}

/// Refuses files whose first bytes contain NUL or are mostly control characters.
fn check_not_binary(bytes: &[u8]) -> Result<(), String> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err("looks like a binary file (contains NUL bytes), not text".to_string());
    }
    let control =
        head.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    if !head.is_empty() && control * 10 > head.len() * 3 {
        return Err(format!(
            "looks like a binary file ({control} of the first {} bytes are control characters)",
            head.len()
        ));
    }
    Ok(())
}

/// UTF-8 with every invalid sequence replaced by U+FFFD; the count goes into a warning.
fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut invalid = 0usize;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    invalid += 1;
                    text.push('\u{FFFD}');
                }
            }
            warnings.push(format!(
                "the file is not valid UTF-8: {invalid} invalid byte sequence{} replaced by \u{FFFD}",
                if invalid == 1 { " was" } else { "s were" }
            ));
            text
        }
    }
}

/// UTF-16 (after its BOM), unpaired surrogates replaced and counted.
fn utf16(bytes: &[u8], big_endian: bool, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        if big_endian {
            u16::from_be_bytes([pair[0], pair[1]])
        } else {
            u16::from_le_bytes([pair[0], pair[1]])
        }
    });
    let mut invalid = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                invalid += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if invalid > 0 || bytes.len() % 2 == 1 {
        warnings.push(format!(
            "the UTF-16 file is damaged: {} invalid unit{} replaced by \u{FFFD}",
            invalid + bytes.len() % 2,
            if invalid + bytes.len() % 2 == 1 { " was" } else { "s were" }
        ));
    }
    text
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalize_newlines(text: String) -> String {
    if !text.as_bytes().contains(&b'\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(pos) = rest.find('\r') {
        out.push_str(&rest[..pos]);
        out.push('\n');
        rest = &rest[pos + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_newlines_normalised() {
        let decoded = decode(b"\xEF\xBB\xBFa\r\nb\rc\n").unwrap();
        assert_eq!(decoded.text, "a\nb\nc\n");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn invalid_bytes_are_counted() {
        let decoded = decode(b"caf\xE9 and \xFF\xFE here").unwrap();
        assert_eq!(decoded.text, "caf\u{FFFD} and \u{FFFD}\u{FFFD} here");
        assert!(decoded.warnings[0].contains("3 invalid byte sequences"), "{:?}", decoded.warnings);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi there".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Hi there");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(decode(b"PK\x03\x04\x00\x00abc").unwrap_err().contains("binary"));
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']).unwrap_err().contains("binary"));
        assert!(decode(b"  \n\t \r\n").unwrap_err().contains("empty"));
        assert!(decode(b"").unwrap_err().contains("empty"));
    }

    #[test]
    fn too_large_names_the_size() {
        let message = too_large(60 * 1024 * 1024);
        assert!(message.contains("60.0 MB"), "{message}");
    }
}
