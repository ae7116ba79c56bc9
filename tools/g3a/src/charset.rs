//! Casio's character set, as the calculator shows header text: decoding it for display.
//!
//! The fx-CG uses the character table of the fx-9860G (the community calls it
//! FONTCHARACTER). Bytes 0x20 to 0x7E are ASCII; 0x7F, 0xE5, 0xE6, 0xE7, 0xF7 and 0xF9 lead
//! two-byte characters. The ranges decoded here follow the table of the Cahute project
//! (`chars/chars.toml`, described at <https://cahuteproject.org/topics/text-encodings.html>):
//! 0xE5 and 0xE6 hold the upper- and lower-case accented Latin letters in the order of
//! Latin-1, then Greek and Cyrillic letters; 0xE590 to 0xE592 are `¡`, `¿` and `€`.
//! Everything else is shown as an escape such as `\xE6\x9B`.

/// The lead bytes of two-byte characters.
const LEADERS: [u8; 6] = [0x7F, 0xE5, 0xE6, 0xE7, 0xF7, 0xF9];

/// Text in Casio's character set, decoded for display: ASCII as is, the two-byte
/// characters that have a Unicode equivalent as that character, anything else (control
/// bytes, unknown characters, a lead byte without its second byte) as `\xNN` escapes.
///
/// ```
/// assert_eq!(g3a::decode_casio(b"Conversi\xE6\x14n"), "Conversión");
/// assert_eq!(g3a::decode_casio(b"\xE5\x47 = 1"), "Θ = 1");
/// assert_eq!(g3a::decode_casio(b"a\x07\xF7\x10\xE6"), r"a\x07\xF7\x10\xE6");
/// ```
pub fn decode_casio(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (_, unit) in characters(bytes) {
        match *unit {
            [b] if (0x20..=0x7E).contains(&b) => out.push(char::from(b)),
            [lead, code] => match two_byte(lead, code) {
                Some(c) => out.push(c),
                None => out.push_str(&format!("\\x{lead:02X}\\x{code:02X}")),
            },
            _ => out.extend(unit.iter().map(|b| format!("\\x{b:02X}"))),
        }
    }
    out
}

/// The characters of `bytes`, each with its offset: two bytes for a lead byte followed by
/// another byte, one byte otherwise.
pub(crate) fn characters(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i;
        let b = *bytes.get(start)?;
        i += if LEADERS.contains(&b) && start + 1 < bytes.len() {
            2
        } else {
            1
        };
        Some((start, &bytes[start..i]))
    })
}

/// Whether `bytes` is plain printable ASCII (what the writer writes).
pub(crate) fn is_plain_ascii(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| (0x20..=0x7E).contains(b))
}

/// The Unicode character of the two-byte Casio character `lead`, `code`, if it is one of
/// the letters and signs decoded here.
fn two_byte(lead: u8, code: u8) -> Option<char> {
    let upper = match lead {
        0xE5 => true,
        0xE6 => false,
        _ => return None,
    };
    let latin1 = if upper { 0xC0 } else { 0xE0 };
    let greek = if upper { 0x391 } else { 0x3B1 };
    let cyrillic = if upper { 0x410 } else { 0x430 };
    let scalar: u32 = match code {
        // À..Ö / à..ö, then Ø..Þ / ø..þ (Latin-1 puts × and ÷ between them).
        0x01..=0x17 => latin1 + u32::from(code) - 0x01,
        0x18..=0x1E => latin1 + u32::from(code),
        0x1F if !upper => 0xDF,
        // Α..Ρ / α..ρ; Greek has no upper-case final sigma, so capitals skip U+03A2.
        0x40..=0x50 => greek + u32::from(code) - 0x40,
        0x51 => greek + 0x12,
        0x52 if !upper => 0x3C2,
        0x53..=0x58 => greek + u32::from(code) - 0x53 + 0x13,
        // А..Е, Ё, Ж..Э, Ю, Я (and the lower-case letters).
        0x60..=0x65 => cyrillic + u32::from(code) - 0x60,
        0x66 => {
            if upper {
                0x401
            } else {
                0x451
            }
        }
        0x67..=0x7E => cyrillic + u32::from(code) - 0x67 + 6,
        0x80 | 0x81 => cyrillic + u32::from(code) - 0x80 + 0x1E,
        0x90 if upper => 0xA1,
        0x91 if upper => 0xBF,
        0x92 if upper => 0x20AC,
        _ => return None,
    };
    char::from_u32(scalar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_follow_latin1() {
        assert_eq!(decode_casio(b"\xE5\x01\xE5\x17\xE5\x18\xE5\x1E"), "ÀÖØÞ");
        assert_eq!(
            decode_casio(b"\xE6\x01\xE6\x17\xE6\x18\xE6\x1E\xE6\x1F"),
            "àöøþß"
        );
        assert_eq!(decode_casio(b"Espa\xE6\x12ol"), "Español");
        assert_eq!(decode_casio(b"\xE5\x08a \xE6\x0At\xE6\x0A"), "Ça été");
    }

    #[test]
    fn greek_and_cyrillic_letters() {
        assert_eq!(decode_casio(b"\xE5\x40\xE5\x50\xE5\x51\xE5\x58"), "ΑΡΣΩ");
        assert_eq!(
            decode_casio(b"\xE6\x40\xE6\x4F\xE6\x51\xE6\x52\xE6\x58"),
            "απσςω"
        );
        assert_eq!(decode_casio(b"\xE5\x60\xE5\x66\xE5\x67\xE5\x81"), "АЁЖЯ");
        assert_eq!(decode_casio(b"\xE6\x60\xE6\x66\xE6\x7E\xE6\x80"), "аёэю");
        assert_eq!(decode_casio(b"\xE5\x90\xE5\x91\xE5\x92"), "¡¿€");
    }

    #[test]
    fn unknown_characters_are_escaped() {
        // Gaps in the table, other lead bytes, control bytes, lone bytes >= 0x80.
        assert_eq!(decode_casio(b"\xE5\x1F\xE5\x52"), r"\xE5\x1F\xE5\x52");
        assert_eq!(decode_casio(b"\x7F\x40\xE7\x01"), r"\x7F\x40\xE7\x01");
        assert_eq!(decode_casio(b"\x01\x86x"), r"\x01\x86x");
        assert_eq!(decode_casio(b"ab\xE5"), r"ab\xE5");
        assert_eq!(decode_casio(b""), "");
    }

    #[test]
    fn characters_pair_lead_bytes() {
        let units: Vec<(usize, &[u8])> = characters(b"a\xE6\x14\x01\xE5").collect();
        assert_eq!(
            units,
            [(0, &b"a"[..]), (1, b"\xE6\x14"), (3, b"\x01"), (4, b"\xE5")]
        );
    }

    #[test]
    fn plain_ascii() {
        assert!(is_plain_ascii(b"Hello, world ~"));
        assert!(!is_plain_ascii(b"Conversi\xE6\x14n"));
        assert!(!is_plain_ascii(b"tab\there"));
        assert!(!is_plain_ascii(b"\x7F"));
    }
}
