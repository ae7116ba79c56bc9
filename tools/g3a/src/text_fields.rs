//! Reading the header's text fields as the calculator does, without refusing anything:
//! the decoded text, and findings for what the writer would not have written.

use crate::charset::{characters, decode_casio, is_plain_ascii};
use crate::error::Field;
use crate::finding::{Finding, FindingKind};
use crate::text::stored_text;

/// A text field, and what the writer puts in it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextRule {
    /// The field.
    pub field: Field,
    /// Its offset.
    pub at: usize,
    /// Its size in the file.
    pub room: usize,
    /// The longest text the writer writes (`room` when it may fill the field).
    pub max: usize,
    /// Whether the writer always writes some text.
    pub required: bool,
    /// What follows the field, for the finding when a text runs into it.
    pub next: &'static str,
}

/// Reads the text of `rule.field` from `file` (which holds it), decoded from Casio's
/// character set, and adds a finding for each thing the writer would have done otherwise:
/// an empty text, a text longer than `rule.max` or without its NUL, control bytes,
/// multi-byte characters, bytes after the NUL.
pub(crate) fn read_text(file: &[u8], rule: &TextRule, findings: &mut Vec<Finding>) -> String {
    let stored = stored_text(file, rule.at, rule.room);
    let bytes = stored.text;
    let text = decode_casio(bytes);
    let mut add = |offset: usize, kind: FindingKind, message: String| {
        findings.push(Finding::new(rule.field, offset, kind, message));
    };
    if bytes.is_empty() && rule.required {
        add(
            rule.at,
            FindingKind::Empty,
            format!(
                "empty (the writer writes 1 to {} characters here)",
                rule.max
            ),
        );
    }
    if bytes.len() > rule.max {
        if stored.terminated {
            add(
                rule.at,
                FindingKind::Long,
                format!(
                    "\"{text}\" is {} bytes long, more than the {} the writer writes; it \
                     still ends inside its {}-byte field",
                    bytes.len(),
                    rule.max,
                    rule.room
                ),
            );
        } else {
            add(
                rule.at,
                FindingKind::Unterminated,
                format!(
                    "\"{text}\" fills all {} bytes without a NUL: a reader looking for its \
                     end runs into {}",
                    rule.room, rule.next
                ),
            );
        }
    }
    let control = characters(bytes).find(|(_, c)| matches!(c, [b] if *b < 0x20));
    if let Some((i, c)) = control {
        add(
            rule.at + i,
            FindingKind::Characters,
            format!(
                "control byte {:#04x} at {:#06x} in \"{text}\"",
                c[0],
                rule.at + i
            ),
        );
    }
    if let Some(i) = bytes.iter().position(|&b| b >= 0x7F) {
        add(
            rule.at + i,
            FindingKind::NonAscii,
            format!(
                "Casio multi-byte characters, shown as \"{text}\" (bytes {})",
                bytes.escape_ascii()
            ),
        );
    }
    if let Some((offset, byte)) = stored.stray {
        add(
            offset,
            FindingKind::Padding,
            format!("byte {byte:#04x} at {offset:#06x} after the text's terminating NUL"),
        );
    }
    text
}

/// Findings about an internal name beyond [`read_text`]'s: an empty one (only `@`), one
/// without `@`, characters other than `A-Z`, `0-9` and `_` after it.
pub(crate) fn internal_name_findings(rule: &TextRule, name: &[u8], findings: &mut Vec<Finding>) {
    let mut add = |kind: FindingKind, message: String| {
        findings.push(Finding::new(rule.field, rule.at, kind, message));
    };
    let body = match name.split_first() {
        None => return, // already reported as empty
        Some((b'@', [])) => {
            add(
                FindingKind::Empty,
                "only '@': the name after it is empty".into(),
            );
            return;
        }
        Some((b'@', body)) => body,
        Some(_) => {
            add(
                FindingKind::Characters,
                format!(
                    "\"{}\" does not start with '@' as internal names do",
                    decode_casio(name)
                ),
            );
            name
        }
    };
    let mut odd: Vec<char> = characters(body)
        .filter_map(|(_, c)| match *c {
            [b] if (0x20..0x7F).contains(&b) => Some(b),
            _ => None, // control and multi-byte characters: read_text's findings
        })
        .filter(|b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_'))
        .map(char::from)
        .collect();
    odd.dedup();
    if !odd.is_empty() {
        add(
            FindingKind::Characters,
            format!(
                "\"{}\" has characters the writer does not write after '@' (only A-Z, 0-9 \
                 and _): {}",
                decode_casio(name),
                odd.iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        );
    }
}

/// Findings about the file name beyond [`read_text`]'s: a directory separator (mkg3a
/// keeps the `/` before the name), a name not ending in `.g3a`.
pub(crate) fn file_name_findings(rule: &TextRule, name: &[u8], findings: &mut Vec<Finding>) {
    if name.is_empty() {
        return;
    }
    let shown = decode_casio(name);
    if let Some(i) = name.iter().position(|&b| b == b'/' || b == b'\\') {
        findings.push(Finding::new(
            rule.field,
            rule.at + i,
            FindingKind::Characters,
            format!(
                "\"{shown}\" holds a '{}', which the writer never writes (mkg3a keeps the \
                 slash before the name)",
                char::from(name[i])
            ),
        ));
    }
    if !(is_plain_ascii(name) && name.to_ascii_lowercase().ends_with(b".g3a")) {
        findings.push(Finding::new(
            rule.field,
            rule.at,
            FindingKind::Characters,
            format!("\"{shown}\" does not end in .g3a"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: TextRule = TextRule {
        field: Field::ShortName,
        at: 2,
        room: 6,
        max: 4,
        required: true,
        next: "the next field",
    };

    fn read(bytes: &[u8]) -> (String, Vec<FindingKind>) {
        let mut file = vec![0xAA, 0xAA];
        file.extend_from_slice(bytes);
        file.resize(2 + 6, 0);
        let mut findings = Vec::new();
        let text = read_text(&file, &RULE, &mut findings);
        for f in &findings {
            assert!((2..8).contains(&f.offset()), "{f}");
            assert_eq!(f.field(), Field::ShortName);
        }
        (text, findings.iter().map(Finding::kind).collect())
    }

    #[test]
    fn plain_text_has_no_findings() {
        assert_eq!(read(b"abcd"), ("abcd".into(), vec![]));
    }

    #[test]
    fn each_kind_of_text_finding() {
        use FindingKind::*;
        assert_eq!(read(b""), ("".into(), vec![Empty]));
        assert_eq!(read(b"abcde"), ("abcde".into(), vec![Long]));
        assert_eq!(read(b"abcdef"), ("abcdef".into(), vec![Unterminated]));
        assert_eq!(read(b"a\x07"), (r"a\x07".into(), vec![Characters]));
        assert_eq!(read(b"\xE6\x14n"), ("ón".into(), vec![NonAscii]));
        assert_eq!(read(b"ab\0x"), ("ab".into(), vec![Padding]));
    }

    fn kinds(check: fn(&TextRule, &[u8], &mut Vec<Finding>), name: &[u8]) -> Vec<FindingKind> {
        let mut findings = Vec::new();
        check(&RULE, name, &mut findings);
        findings.iter().map(Finding::kind).collect()
    }

    #[test]
    fn internal_names() {
        use FindingKind::*;
        assert_eq!(kinds(internal_name_findings, b"@HELLO_1"), vec![]);
        assert_eq!(kinds(internal_name_findings, b""), vec![]);
        assert_eq!(kinds(internal_name_findings, b"@"), vec![Empty]);
        assert_eq!(kinds(internal_name_findings, b"HELLO"), vec![Characters]);
        assert_eq!(
            kinds(internal_name_findings, b"@SUPER-FX"),
            vec![Characters]
        );
        assert_eq!(
            kinds(internal_name_findings, b"hi"),
            vec![Characters, Characters]
        );
        // Multi-byte characters are read_text's finding, not this one's.
        assert_eq!(kinds(internal_name_findings, b"@\xE5\x01"), vec![]);
        assert_eq!(kinds(internal_name_findings, b"@A\xE6\x2D"), vec![]);
    }

    #[test]
    fn file_names() {
        use FindingKind::*;
        assert_eq!(kinds(file_name_findings, b"Hello.G3A"), vec![]);
        assert_eq!(kinds(file_name_findings, b""), vec![]);
        assert_eq!(kinds(file_name_findings, b"/hello.g3a"), vec![Characters]);
        assert_eq!(
            kinds(file_name_findings, b"a\\b.bin"),
            vec![Characters, Characters]
        );
    }
}
