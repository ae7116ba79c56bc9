//! Scoring, levels and speed.

/// Points for clearing 1, 2, 3 or 4 rows at once, times the level.
pub const LINE_POINTS: [u32; 5] = [0, 100, 300, 500, 800];
/// Points per row of a soft drop.
pub const SOFT_DROP_POINTS: u32 = 1;
/// Points per row of a hard drop.
pub const HARD_DROP_POINTS: u32 = 2;
/// Rows to clear per level.
pub const LINES_PER_LEVEL: u32 = 10;
/// The highest level.
pub const MAX_LEVEL: u32 = 15;

/// Game-logic steps per second: one per RTC tick of the calculator (1/128 s).
pub const STEPS_PER_SECOND: u32 = 128;

/// Steps a piece takes to fall one row at each level (1..=15): 0.75 s at level 1,
/// 3/128 s at level 15.
const GRAVITY: [u16; MAX_LEVEL as usize] = [96, 80, 64, 52, 42, 34, 27, 21, 16, 12, 9, 7, 5, 4, 3];

/// Points for clearing `rows` rows (0..=4) at `level`.
pub fn line_points(rows: u32, level: u32) -> u32 {
    LINE_POINTS[rows.min(4) as usize] * level
}

/// The level after `lines` cleared rows: 1, then one more every [`LINES_PER_LEVEL`].
pub fn level_for(lines: u32) -> u32 {
    (1 + lines / LINES_PER_LEVEL).min(MAX_LEVEL)
}

/// Steps per row of fall at `level`.
pub fn gravity(level: u32) -> u16 {
    GRAVITY[(level.clamp(1, MAX_LEVEL) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_rows_at_once_pay_more() {
        assert_eq!(line_points(1, 1), 100);
        assert_eq!(line_points(4, 1), 800);
        assert_eq!(line_points(2, 3), 900);
        assert_eq!(line_points(0, 9), 0);
        for n in 1..4 {
            assert!(line_points(n + 1, 1) > line_points(n, 1) * (n + 1) / n);
        }
    }

    #[test]
    fn levels_and_speed() {
        assert_eq!(level_for(0), 1);
        assert_eq!(level_for(9), 1);
        assert_eq!(level_for(10), 2);
        assert_eq!(level_for(1000), MAX_LEVEL);
        assert_eq!(gravity(1), 96);
        assert_eq!(gravity(0), 96);
        assert_eq!(gravity(99), 3);
        for l in 1..MAX_LEVEL {
            assert!(gravity(l + 1) < gravity(l), "level {l}");
        }
    }
}
