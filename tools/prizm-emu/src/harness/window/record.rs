//! Recording the screen as an animated GIF (the `gif` crate, which writes frame by frame
//! without knowing their number in advance, unlike APNG). Each displayed frame is kept
//! for the emulated time until the next one, so the animation plays at the
//! calculator's speed whatever the window's (fast-forward included). Frames with at
//! most 256 colours (most add-ins' screens) keep their exact colours; others are
//! quantized.

use super::draw::rgb;
use crate::harness::emulator::{Emulator, Outcome, Status};
use crate::machine::devices::lcd::{LCD_HEIGHT, LCD_WIDTH};
use crate::machine::model::CLOCK_HZ;
use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// GIF delays are in hundredths of a second; viewers slow down delays below 2.
const MIN_DELAY_CS: u64 = 2;

/// An animation being recorded.
pub struct Recorder {
    path: PathBuf,
    encoder: gif::Encoder<BufWriter<File>>,
    /// The last frame, not written yet: its pixels and when it was shown (cs).
    pending: Option<(Vec<u16>, u64)>,
    frames: u32,
}

/// Emulated cycles in hundredths of a second.
fn centis(cycles: u64) -> u64 {
    cycles / (CLOCK_HZ / 100)
}

impl Recorder {
    /// Starts recording into `path`.
    pub fn start(path: &Path) -> std::io::Result<Recorder> {
        let file = BufWriter::new(File::create(path)?);
        let mut encoder = gif::Encoder::new(file, LCD_WIDTH as u16, LCD_HEIGHT as u16, &[])
            .map_err(std::io::Error::other)?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(std::io::Error::other)?;
        Ok(Recorder {
            path: path.to_owned(),
            encoder,
            pending: None,
            frames: 0,
        })
    }

    /// Where it records.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Frames written so far.
    pub fn frames(&self) -> u32 {
        self.frames
    }

    /// The screen shown at emulated cycle `now`.
    pub fn frame(&mut self, screen: &[u16], now: u64) -> std::io::Result<()> {
        let at = centis(now);
        match self.pending.take() {
            Some((pixels, since)) if pixels == screen => self.pending = Some((pixels, since)),
            // Less than a GIF frame later: it replaces the one pending.
            Some((_, since)) if at < since + MIN_DELAY_CS => {
                self.pending = Some((screen.to_vec(), since))
            }
            Some((pixels, since)) => {
                self.write(&pixels, at - since)?;
                self.pending = Some((screen.to_vec(), at));
            }
            None => self.pending = Some((screen.to_vec(), at)),
        }
        Ok(())
    }

    /// Ends the animation at emulated cycle `now`; returns the number of frames.
    pub fn finish(mut self, now: u64) -> std::io::Result<u32> {
        if let Some((pixels, since)) = self.pending.take() {
            let delay = centis(now).saturating_sub(since).max(MIN_DELAY_CS);
            self.write(&pixels, delay)?;
        }
        let mut file = self.encoder.into_inner().map_err(std::io::Error::other)?;
        std::io::Write::flush(&mut file)?;
        Ok(self.frames)
    }

    fn write(&mut self, screen: &[u16], delay_cs: u64) -> std::io::Result<()> {
        let (w, h) = (LCD_WIDTH as u16, LCD_HEIGHT as u16);
        let mut frame = match exact_palette(screen) {
            Some((palette, indices)) => {
                gif::Frame::from_palette_pixels(w, h, indices, palette, None)
            }
            None => {
                let rgb: Vec<u8> = screen
                    .iter()
                    .flat_map(|&p| {
                        let c = rgb(p);
                        [(c >> 16) as u8, (c >> 8) as u8, c as u8]
                    })
                    .collect();
                gif::Frame::from_rgb_speed(w, h, &rgb, 10)
            }
        };
        frame.delay = delay_cs.min(u16::MAX as u64) as u16;
        self.encoder
            .write_frame(&frame)
            .map_err(std::io::Error::other)?;
        self.frames += 1;
        Ok(())
    }
}

/// Emulated time between two looks at the screen in a headless recording
/// ([`run_recorded`], `prizm-emu run --gif`): 1/50 s, so that frames of add-ins at up
/// to 50 frames per second are all seen.
pub const HEADLESS_STEP: u64 = CLOCK_HZ / 50;

/// Runs `emu` as [`Emulator::run_until_idle`] does (until the add-in ends or idles, at
/// most `budget` instructions in all), handing the displayed screen to `rec` every
/// `step` ticks of emulated time; returns how the run ended. Without a window: the
/// `--gif` of `prizm-emu run`, and tests that record a game.
pub fn run_recorded(
    emu: &mut Emulator,
    rec: &mut Recorder,
    step: u64,
    budget: u64,
) -> std::io::Result<Outcome> {
    loop {
        let left = budget.saturating_sub(emu.cpu.icount);
        if left == 0 {
            return Ok(Outcome::Timeout);
        }
        let status = emu.run_until(left, emu.cpu.now() + step.max(1));
        rec.frame(emu.screen_rgb565(), emu.cpu.now())?;
        if let Status::Done(o) = status {
            return Ok(o);
        }
    }
}

/// The palette (RGB triples) and indices of a screen with at most 256 colours.
fn exact_palette(screen: &[u16]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut index: HashMap<u16, u8> = HashMap::new();
    let mut palette = Vec::new();
    let mut out = Vec::with_capacity(screen.len());
    for &p in screen {
        let i = match index.get(&p) {
            Some(&i) => i,
            None => {
                let i = u8::try_from(index.len()).ok()?;
                index.insert(p, i);
                let c = rgb(p);
                palette.extend_from_slice(&[(c >> 16) as u8, (c >> 8) as u8, c as u8]);
                i
            }
        };
        out.push(i);
    }
    Some((palette, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_frames_with_emulated_delays() {
        let dir = std::env::temp_dir().join(format!("prizm-emu-rec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.gif");
        let mut r = Recorder::start(&path).unwrap();
        let white = vec![0xFFFF; LCD_WIDTH * LCD_HEIGHT];
        let mut red = white.clone();
        red[..1000].fill(0xF800);
        let cs = CLOCK_HZ / 100;
        r.frame(&white, 0).unwrap();
        r.frame(&white, 5 * cs).unwrap(); // the same: no new frame
        r.frame(&red, 10 * cs).unwrap();
        r.frame(&white, 11 * cs).unwrap(); // too soon: replaces red
        r.frame(&red, 50 * cs).unwrap();
        assert_eq!(r.finish(60 * cs).unwrap(), 3);
        let mut opts = gif::DecodeOptions::new();
        opts.set_color_output(gif::ColorOutput::RGBA);
        let mut d = opts.read_info(File::open(&path).unwrap()).unwrap();
        let mut got = Vec::new();
        while let Some(f) = d.read_next_frame().unwrap() {
            got.push((f.delay, f.buffer[1]));
        }
        assert_eq!(got, [(10, 255), (40, 255), (10, 0)]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
