//! Text layout: breaking text into lines that fit a width (pure; used by the panic
//! screen and available to add-ins).

/// Splits `text` into lines of at most `max` characters: at `\n`, else at the last
/// space that fits, else in the middle of a word. Spaces at a break are dropped.
///
/// ```
/// let lines: Vec<_> = prizm::display::layout::wrap("panicked at src/main.rs:3:5", 12).collect();
/// assert_eq!(lines, ["panicked at", "src/main.rs:", "3:5"]);
/// ```
pub fn wrap(text: &str, max: usize) -> Wrap<'_> {
    Wrap {
        rest: Some(text),
        max: max.max(1),
    }
}

/// The lines of [`wrap`].
#[derive(Clone, Debug)]
pub struct Wrap<'a> {
    rest: Option<&'a str>,
    max: usize,
}

impl<'a> Iterator for Wrap<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        // Byte offset after `max` characters (or the end).
        let limit = rest
            .char_indices()
            .nth(self.max)
            .map_or(rest.len(), |(i, _)| i);
        if let Some(nl) = rest[..limit].find('\n') {
            self.rest = Some(&rest[nl + 1..]);
            return Some(&rest[..nl]);
        }
        if limit == rest.len() {
            self.rest = None;
            return Some(rest);
        }
        // The break falls at `limit`: a space there, or the last space before it.
        let (line, next) = if rest[limit..].starts_with([' ', '\n']) {
            (&rest[..limit], &rest[limit + 1..])
        } else if let Some(sp) = rest[..limit].rfind(' ').filter(|&sp| sp > 0) {
            (&rest[..sp], &rest[sp + 1..])
        } else {
            (&rest[..limit], &rest[limit..])
        };
        self.rest = Some(next.trim_start_matches(' '));
        Some(line.trim_end_matches(' '))
    }
}

/// Number of lines [`wrap`] gives.
pub fn line_count(text: &str, max: usize) -> usize {
    wrap(text, max).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    fn w(t: &str, n: usize) -> Vec<&str> {
        wrap(t, n).collect()
    }

    #[test]
    fn short_text_is_one_line() {
        assert_eq!(w("hello", 10), ["hello"]);
        assert_eq!(w("", 10), [""]);
    }

    #[test]
    fn breaks_at_spaces_and_newlines() {
        assert_eq!(w("one two three", 7), ["one two", "three"]);
        assert_eq!(w("one two three", 8), ["one two", "three"]);
        assert_eq!(w("a\nb c", 10), ["a", "b c"]);
        assert_eq!(w("a\n", 10), ["a", ""]);
        assert_eq!(w("one   two", 4), ["one", "two"]);
    }

    #[test]
    fn splits_long_words() {
        assert_eq!(w("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(w("abcdef", 3), ["abc", "def"]);
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(w("ééééé", 2), ["éé", "éé", "é"]);
    }

    #[test]
    fn every_line_fits_and_nothing_is_lost() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..500 {
            let mut s = std::string::String::new();
            for _ in 0..(seed % 80) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(match seed % 10 {
                    0 | 1 => ' ',
                    2 => '\n',
                    3 => 'é',
                    _ => 'x',
                });
            }
            let max = 1 + (seed % 20) as usize;
            let lines = w(&s, max);
            for l in &lines {
                assert!(l.chars().count() <= max, "{l:?} > {max}");
            }
            let strip = |t: &str| {
                t.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<std::string::String>()
            };
            assert_eq!(strip(&lines.concat()), strip(&s));
        }
    }
}
