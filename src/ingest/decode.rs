//! Bytes → text: size limit, binary detection (of the bytes, and of the characters of UTF-16
//! files), BOMs, UTF-8 decoding, legacy single-byte text decoded as Windows-1252 (with
//! `encoding_rs`), replacement of the invalid bytes of damaged UTF-8 (counted for a warning) and
//! line-ending normalisation. Format readers only see clean `\n`-terminated Unicode text.

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
        utf16(rest, false, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, true, &mut warnings)?
    } else {
        check_not_binary(bytes)?;
        utf8_or_legacy(bytes, &mut warnings)
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

/// Text without a BOM: UTF-8 when it is valid; when it is not, the legacy encoding the file
/// declares (an HTML `<meta charset>` or an XML declaration), else, when its invalid sequences
/// look like a single-byte encoding (`Utf8Damage::looks_single_byte`), Windows-1252, with a
/// warning; else UTF-8 with the invalid sequences replaced (`utf8_lossy`).
fn utf8_or_legacy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let single_byte = Utf8Damage::of(bytes).looks_single_byte();
    // A declaration is followed only where the bytes agree that they are no UTF-8: pages often
    // declare ISO-8859-1 and hold UTF-8 with a stray byte.
    if let Some(encoding) = declared_legacy_encoding(bytes).filter(|_| single_byte) {
        let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
        warnings.push(format!("decoded as {}, the encoding the file declares (not valid UTF-8)", encoding.name()));
        return text.into_owned();
    }
    if single_byte {
        // WHATWG's windows-1252 maps every byte to a character, so this never fails.
        let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        warnings.push(
            "decoded as Windows-1252 (not valid UTF-8); if accented letters or quotes look wrong, save the file as UTF-8"
                .to_string(),
        );
        return text.into_owned();
    }
    utf8_lossy(bytes, warnings)
}

/// How many leading bytes may hold an encoding declaration (HTML's prescan reads as many).
const DECLARATION_BYTES: usize = 1024;

/// The encoding the first bytes of a file declare in markup, when it is a legacy one
/// `encoding_rs` knows: the first `charset=` inside a `<meta …>` tag (`<meta
/// charset="iso-8859-7">`, `content="text/html; charset=windows-1252"`) or the `encoding=` of an
/// `<?xml …?>` declaration, whichever comes first. "charset=" in running text declares nothing.
/// UTF-8 and UTF-16 declarations are not legacy ones (the bytes already failed as UTF-8, and
/// UTF-16 without a BOM is not what an ASCII declaration can be).
fn declared_legacy_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(open) = find(&lower[at..], b"<").map(|k| at + k) {
        let tag_end = find(&lower[open..], b">").map_or(lower.len(), |k| open + k);
        let tag = &lower[open..tag_end];
        let key: &[u8] = if tag.starts_with(b"<meta") {
            b"charset="
        } else if tag.starts_with(b"<?xml") {
            b"encoding="
        } else {
            at = open + 1;
            continue;
        };
        let Some(value_at) = find(tag, key).map(|k| open + k + key.len()) else {
            at = tag_end;
            continue;
        };
        return legacy_encoding_named(&head[value_at..tag_end]);
    }
    None
}

/// The legacy encoding whose label opens `value` (quoted or not), if `encoding_rs` knows it.
fn legacy_encoding_named(value: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
    let end = value.iter().position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'?') || b.is_ascii_whitespace());
    let encoding = encoding_rs::Encoding::for_label(&value[..end.unwrap_or(value.len())])?;
    // `output_encoding` is UTF-8 for UTF-16 and the replacement encoding.
    (encoding != encoding_rs::UTF_8 && encoding.output_encoding() == encoding).then_some(encoding)
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How a byte string breaks UTF-8.
#[derive(Debug, Default, PartialEq)]
struct Utf8Damage {
    /// Invalid sequences (as `<[u8]>::utf8_chunks` delimits them).
    invalid: usize,
    /// Invalid sequences of one byte: a byte 0x80-0xFF that starts no valid sequence, as every
    /// accented letter or curly quote of a single-byte encoding does amid ASCII.
    lone: usize,
    /// Valid characters of two or more bytes.
    multibyte: usize,
}

impl Utf8Damage {
    fn of(bytes: &[u8]) -> Self {
        let mut damage = Utf8Damage::default();
        for chunk in bytes.utf8_chunks() {
            damage.multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            match chunk.invalid().len() {
                0 => {}
                1 => {
                    damage.invalid += 1;
                    damage.lone += 1;
                }
                _ => damage.invalid += 1,
            }
        }
        damage
    }

    /// Text in a single-byte encoding rather than UTF-8 with a few bad bytes: most invalid
    /// sequences are lone bytes, and they outnumber the valid multi-byte characters (UTF-8 text
    /// that lost a few bytes still has more good non-ASCII characters than bad ones).
    fn looks_single_byte(&self) -> bool {
        self.lone * 2 > self.invalid && self.invalid > self.multibyte
    }
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

/// UTF-16 (after its BOM), unpaired surrogates replaced and counted. Refused as binary when its
/// first characters are not text (`check_utf16_not_binary`): a BOM alone proves nothing.
fn utf16(bytes: &[u8], big_endian: bool, warnings: &mut Vec<String>) -> Result<String, String> {
    let units = || {
        bytes.chunks_exact(2).map(|pair| {
            if big_endian {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        })
    };
    check_utf16_not_binary(units().take(SNIFF_BYTES / 2))?;
    let mut invalid = 0usize;
    let text: String = char::decode_utf16(units())
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
    Ok(text)
}

/// Refuses UTF-16 whose first characters (`head`, the first 8 KB) hold a NUL, or more than 1 in 20
/// characters that text does not have: control characters (other than tab, newline, carriage
/// return and form feed), unpaired surrogates, private-use characters and non-characters. Random
/// bytes after a BOM give about 13% of those; real text, none or a damaged unit or two.
fn check_utf16_not_binary(head: impl Iterator<Item = u16>) -> Result<(), String> {
    let (mut chars, mut odd) = (0usize, 0usize);
    for unit in char::decode_utf16(head) {
        chars += 1;
        match unit {
            Ok('\0') => return Err("looks like a binary file (UTF-16 with NUL characters), not text".to_string()),
            Ok(c) if is_odd_in_text(c) => odd += 1,
            Ok(_) => {}
            Err(_) => odd += 1,
        }
    }
    if odd * 20 > chars {
        return Err(format!(
            "looks like a binary file, not UTF-16 text ({odd} of its first {chars} characters are control \
             characters, unpaired surrogates, private-use characters or non-characters)"
        ));
    }
    Ok(())
}

/// A character text does not hold: C0 and C1 controls other than whitespace, DEL, private-use
/// characters of the Basic Multilingual Plane and non-characters.
fn is_odd_in_text(c: char) -> bool {
    let code = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}'))
        || (0xE000..=0xF8FF).contains(&code)
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
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
    fn invalid_bytes_of_mostly_utf8_text_are_replaced_and_counted() {
        let mut bytes = "Zoë, Zürich and Genève: ".as_bytes().to_vec();
        bytes.extend_from_slice(b"caf\xE9 \xFF\xFE");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Zoë, Zürich and Genève: caf\u{FFFD} \u{FFFD}\u{FFFD}");
        assert!(decoded.warnings[0].contains("3 invalid byte sequences"), "{:?}", decoded.warnings);
    }

    #[test]
    fn lone_high_bytes_amid_ascii_are_windows_1252() {
        let decoded = decode(b"caf\xE9 \x93quoted\x94 \x80 5").unwrap();
        assert_eq!(decoded.text, "café \u{201C}quoted\u{201D} € 5");
        assert!(decoded.warnings[0].contains("decoded as Windows-1252 (not valid UTF-8)"), "{:?}", decoded.warnings);
    }

    #[test]
    fn a_declared_legacy_encoding_is_read_as_declared() {
        // "Αθήνα" in ISO-8859-7: its lone high bytes would read as Windows-1252 letters.
        let greek = b"<html><head><meta charset=\"iso-8859-7\"></head><body><p>\xc1\xe8\xde\xed\xe1 on Monday.</p></body></html>";
        let decoded = decode(greek).unwrap();
        assert!(decoded.text.contains("Αθήνα on Monday"), "{}", decoded.text);
        assert!(decoded.warnings.iter().any(|w| w.contains("ISO-8859-7")), "{:?}", decoded.warnings);
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>caf\xe9</p>";
        assert!(decode(http_equiv).unwrap().text.contains("café"));
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><TimeML>caf\xe9</TimeML>";
        assert!(decode(xml).unwrap().text.contains("café"));
    }

    #[test]
    fn a_declaration_that_cannot_be_the_encoding_is_not_followed() {
        // UTF-8 declared but broken, UTF-16 declared in ASCII bytes: the bytes decide.
        let broken = decode(b"<meta charset=utf-8><p>caf\xe9 cr\xe8me</p>").unwrap();
        assert!(broken.text.contains("café crème"), "{}", broken.text);
        let utf16 = decode(b"<meta charset=utf-16><p>caf\xe9 cr\xe8me</p>").unwrap();
        assert!(utf16.text.contains("café crème"), "{}", utf16.text);
        // A declaration past the head is text, not a declaration.
        let mut late = vec![b'a'; DECLARATION_BYTES];
        late.extend_from_slice(b" <meta charset=iso-8859-7> \xe1");
        assert!(decode(&late).unwrap().text.ends_with('á'));
        // Nor is "charset=" in running text.
        let prose = decode(b"The page said charset=koi8-r, and the caf\xe9 was shut.").unwrap();
        assert!(prose.text.contains("café"), "{}", prose.text);
        // UTF-8 mislabelled as ISO-8859-1, with one stray byte, stays UTF-8.
        let mut stray = "<meta charset=\"iso-8859-1\"><p>The café on the Straße closed.</p>".as_bytes().to_vec();
        stray.push(0xff);
        assert!(decode(&stray).unwrap().text.contains("café on the Straße"), "the damage check keeps UTF-8");
    }

    #[test]
    fn truncated_utf8_sequences_are_not_taken_for_windows_1252() {
        // Two-byte invalid sequences (a cut three-byte character) are damage, not a legacy encoding.
        let damage = Utf8Damage::of(b"a \xE2\x80 b \xE2\x80 c");
        assert_eq!(damage, Utf8Damage { invalid: 2, lone: 0, multibyte: 0 });
        assert!(!damage.looks_single_byte());
    }

    #[test]
    fn utf16_control_characters_are_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "ab\u{1}\u{2}\u{3}\u{4}cd".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(decode(&bytes).unwrap_err().contains("binary"));
        let nul: Vec<u8> = [0xFE, 0xFF, 0, b'H', 0, 0, 0, b'i'].to_vec();
        assert!(decode(&nul).unwrap_err().contains("NUL"));
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
