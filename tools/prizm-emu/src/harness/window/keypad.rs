//! The on-screen keypad: the calculator's 50 keys below the screen, in the calculator's
//! order (F-keys, the SHIFT/OPTN/VARS/MENU block with the arrows, the function rows,
//! the number block), each a button to click. Coordinates are in panel pixels (before
//! the window's scale).

use crate::machine::devices::lcd::{PANEL_HEIGHT, PANEL_WIDTH};

/// Height of one keypad row.
pub const ROW_H: u32 = 14;
/// Top of the keypad (below the panel and a gap).
pub const TOP: u32 = PANEL_HEIGHT + 4;

/// The rows: (key name as in key scripts, label).
pub const ROWS: &[&[(&str, &str)]] = &[
    &[
        ("F1", "F1"),
        ("F2", "F2"),
        ("F3", "F3"),
        ("F4", "F4"),
        ("F5", "F5"),
        ("F6", "F6"),
    ],
    &[
        ("SHIFT", "SHIFT"),
        ("OPTN", "OPTN"),
        ("VARS", "VARS"),
        ("MENU", "MENU"),
        ("UP", "UP"),
        ("DOWN", "DOWN"),
    ],
    &[
        ("ALPHA", "ALPHA"),
        ("SQUARE", "x^2"),
        ("POW", "^"),
        ("EXIT", "EXIT"),
        ("LEFT", "LEFT"),
        ("RIGHT", "RIGHT"),
    ],
    &[
        ("XTT", "X,T"),
        ("LOG", "log"),
        ("LN", "ln"),
        ("SIN", "sin"),
        ("COS", "cos"),
        ("TAN", "tan"),
    ],
    &[
        ("FRAC", "a b/c"),
        ("FD", "F<>D"),
        ("LPAR", "("),
        ("RPAR", ")"),
        ("COMMA", ","),
        ("STORE", "->"),
    ],
    &[
        ("7", "7"),
        ("8", "8"),
        ("9", "9"),
        ("DEL", "DEL"),
        ("AC", "AC/ON"),
    ],
    &[
        ("4", "4"),
        ("5", "5"),
        ("6", "6"),
        ("MUL", "x"),
        ("DIV", "/"),
    ],
    &[
        ("1", "1"),
        ("2", "2"),
        ("3", "3"),
        ("PLUS", "+"),
        ("MINUS", "-"),
    ],
    &[
        ("0", "0"),
        ("DOT", "."),
        ("EXP", "x10^"),
        ("NEG", "(-)"),
        ("EXE", "EXE"),
    ],
];

/// Height of the keypad.
pub const HEIGHT: u32 = ROWS.len() as u32 * ROW_H;

/// A button: its key name, label and rectangle (x, y, width, height).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Button {
    /// Key name (key scripts' spelling).
    pub key: &'static str,
    /// Text shown.
    pub label: &'static str,
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub w: u32,
    /// Height.
    pub h: u32,
}

/// Every button, row by row.
pub fn buttons() -> Vec<Button> {
    let mut out = Vec::new();
    for (r, row) in ROWS.iter().enumerate() {
        let n = row.len() as u32;
        for (i, &(key, label)) in row.iter().enumerate() {
            let x0 = PANEL_WIDTH * i as u32 / n;
            let x1 = PANEL_WIDTH * (i as u32 + 1) / n;
            out.push(Button {
                key,
                label,
                x: x0 + 1,
                y: TOP + r as u32 * ROW_H + 1,
                w: x1 - x0 - 2,
                h: ROW_H - 2,
            });
        }
    }
    out
}

/// The button at panel point (`x`, `y`).
pub fn hit(x: u32, y: u32) -> Option<Button> {
    buttons()
        .into_iter()
        .find(|b| x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::os::keymap::key_by_name;

    #[test]
    fn every_key_once_and_labels_fit() {
        let all = buttons();
        assert_eq!(all.len(), 50);
        for b in &all {
            assert!(key_by_name(b.key).is_some(), "{}", b.key);
            assert!(b.label.len() as u32 * 8 <= b.w, "{}", b.label);
            assert_eq!(all.iter().filter(|o| o.key == b.key).count(), 1);
        }
        assert_eq!(hit(2, TOP + 2).unwrap().key, "F1");
        assert_eq!(hit(PANEL_WIDTH - 2, TOP + HEIGHT - 2).unwrap().key, "EXE");
        assert_eq!(hit(10, 10), None);
    }
}
