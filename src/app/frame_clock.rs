//! [`FrameClock`]: paces a frame loop at a target rate and measures the rate reached
//! and the frames dropped (the arithmetic is pure and runs on the PC; on the calculator
//! [`FrameClock::wait`] reads the clock and sleeps).

/// Frames the measured rate is averaged over.
const WINDOW: usize = 16;

/// A frame loop's clock: frame `n` is due `n / fps` seconds after the first.
///
/// Call [`frame_done`](FrameClock::frame_done) (or, on the calculator,
/// [`wait`](FrameClock::wait)) once per frame, after drawing: it says how long to sleep
/// until the next frame is due. A frame that ends later than its successor's due time
/// has made the loop miss frame slots: those are counted as dropped and skipped, so the
/// loop catches up without running frames back to back. Deadlines are kept exact in
/// ms from the start (no drift from rounding 1000 / fps).
///
/// ```
/// use prizm::app::FrameClock;
///
/// let mut clock = FrameClock::new(30);
/// assert_eq!(clock.frame_done(0), 33); // frame 1 is due at 33.3 ms
/// assert_eq!(clock.frame_done(40), 26); // frame 2 at 66.6 ms
/// // Late: slot 3 (100 ms) is dropped, slot 4 (133 ms) is due, the next frame starts.
/// assert_eq!(clock.frame_done(150), 0);
/// assert_eq!(clock.dropped(), 1);
/// assert_eq!(clock.frame_done(160), 6); // slot 5 at 166.6 ms
/// ```
#[derive(Clone, Debug)]
pub struct FrameClock {
    fps: u32,
    /// The time of the first frame's end, in ms (wrapping clock).
    start_ms: Option<u32>,
    /// The next frame slot, counted from the start.
    slot: u64,
    dropped: u32,
    frames: u32,
    /// End times of the last [`WINDOW`] frames, in ms.
    ends: [u32; WINDOW],
}

impl FrameClock {
    /// A clock for `fps` frames per second (at least 1).
    pub const fn new(fps: u32) -> Self {
        FrameClock {
            fps: if fps == 0 { 1 } else { fps },
            start_ms: None,
            slot: 0,
            dropped: 0,
            frames: 0,
            ends: [0; WINDOW],
        }
    }

    /// The target rate, in frames per second.
    pub const fn target_fps(&self) -> u32 {
        self.fps
    }

    /// Records that a frame ended at `now_ms` (any wrapping ms clock); returns the ms to
    /// wait before the next frame starts.
    pub fn frame_done(&mut self, now_ms: u32) -> u32 {
        self.ends[self.frames as usize % WINDOW] = now_ms;
        self.frames = self.frames.wrapping_add(1);
        let Some(start) = self.start_ms else {
            // The first frame's end starts the clock: frame 1 is due one period later.
            self.start_ms = Some(now_ms);
            self.slot = 2;
            return self.due(1);
        };
        let elapsed = now_ms.wrapping_sub(start);
        // Due times the loop has passed by whole periods are dropped: the next frame
        // waits for the last slot that is not over yet (at once if it is due).
        let mut next = self.slot;
        while self.due(next + 1) <= elapsed {
            next += 1;
            self.dropped = self.dropped.wrapping_add(1);
        }
        let wait = self.due(next).saturating_sub(elapsed);
        self.slot = next + 1;
        if next >= u64::from(self.fps) * 3600 {
            // Rebase every hour so that the ms clock's wrap (49 days) never matters.
            self.start_ms = Some(start.wrapping_add(self.due(next)));
            self.slot = 1;
        }
        wait
    }

    /// The rate measured over the last frames, in frames per second (0 until two
    /// frames ended).
    pub fn fps(&self) -> u32 {
        (self.fps_x10() + 5) / 10
    }

    /// The measured rate in tenths of a frame per second.
    pub fn fps_x10(&self) -> u32 {
        let n = (self.frames as usize).min(WINDOW);
        if n < 2 {
            return 0;
        }
        let last = (self.frames as usize + WINDOW - 1) % WINDOW;
        let first = (self.frames as usize + WINDOW - n) % WINDOW;
        let span = self.ends[last].wrapping_sub(self.ends[first]);
        if span == 0 {
            return 0;
        }
        ((n as u64 - 1) * 10_000 / u64::from(span)) as u32
    }

    /// Frame slots missed since the start because frames took too long.
    pub const fn dropped(&self) -> u32 {
        self.dropped
    }

    /// Frames ended since the start.
    pub const fn frames(&self) -> u32 {
        self.frames
    }

    /// Ms from the start to slot `n`'s due time.
    fn due(&self, n: u64) -> u32 {
        (n * 1000 / u64::from(self.fps)) as u32
    }

    /// Ends the frame: reads the clock and sleeps until the next frame is due
    /// (calculator only).
    #[cfg(any(doc, prizm))]
    #[cfg_attr(doc, doc(cfg(prizm)))]
    pub fn wait(&mut self) {
        let now = crate::time::Instant::now().as_millis_wrapping();
        let ms = self.frame_done(now);
        if ms > 0 {
            crate::time::sleep_ms(ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_deadlines_without_drift() {
        let mut c = FrameClock::new(30);
        let mut now = 1000u32;
        let mut total_wait = 0;
        // Frames that take 5 ms each, for 300 frames (10 s).
        for _ in 0..300 {
            now += 5;
            let w = c.frame_done(now);
            total_wait += w;
            now += w;
        }
        // The first frame ends at 1005, the clock's start; after the 300th the loop
        // waits for slot 300, due exactly 10 s after the start.
        assert_eq!(now, 1005 + 10_000);
        assert_eq!(c.dropped(), 0);
        assert!(total_wait > 0);
        assert_eq!(c.fps(), 30);
    }

    #[test]
    fn slow_frames_drop_slots_and_measure_the_rate() {
        let mut c = FrameClock::new(50); // 20 ms slots
        let mut now = 0u32;
        let mut waited = 0;
        for _ in 0..40 {
            now += 30; // every frame takes 30 ms, longer than a slot
            let w = c.frame_done(now);
            waited += w;
            now += w;
        }
        // Only the first frame waits; the others run back to back, 30 ms apart, and
        // the 39 after the first cover 1170 ms: 58 slots, of which 39 ran.
        assert_eq!(waited, 20);
        assert_eq!(c.dropped(), 58 - 39);
        assert_eq!(c.fps_x10(), 333);
        assert_eq!(c.fps(), 33);
    }

    #[test]
    fn wraps_with_the_ms_clock() {
        let mut c = FrameClock::new(10);
        let mut now = u32::MAX - 150;
        for _ in 0..10 {
            now = now.wrapping_add(10);
            now = now.wrapping_add(c.frame_done(now));
        }
        assert_eq!(c.dropped(), 0);
        assert_eq!(c.fps(), 10);
    }
}
