//! `examples/blocks`, built for the calculator, plays in prizm-emu: a game of more than
//! 20 emulated seconds, played by [`player`] through key scripts, at 30 frames per
//! emulated second or more on the fx-CG50 and the fx-CG20; EXIT pausing it; the
//! game-over box and its score; the high score saved in storage memory, kept across a
//! restart, and reset (not crashed on) when damaged; MENU going to the OS.
//!
//! The game's rules are tested on the PC (`cargo test -p blocks`); here the checks read
//! what the add-in shows: the well's cells and the next piece (pixels), the pause and
//! game-over boxes (the OS's `PrintXY` text), the saved file `BLOCKS.sav` (layout in
//! `examples/blocks/src/save.rs`), and the emulator's frame count and emulated clock.
//! Screenshots go to `target/test-screenshots/blocks-*.png`, the played game's
//! recording to `blocks-game.gif` there.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[path = "emu_blocks/player.rs"]
mod player;

use player::Well;
use prizm_emu::Model;
use prizm_emu::harness::window::record::{HEADLESS_STEP, Recorder, run_recorded};
use prizm_test::{Addin, Built, Options, Outcome};

/// The saved file's name and layout: "BLK1", the high score and its complement, both
/// little-endian u32.
const SAVE: &str = "BLOCKS.sav";

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| prizm_test::build(repo_root().join("examples/blocks/Cargo.toml")))
}

/// A new, empty storage folder `target/emu-blocks/<name>`.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("emu-blocks").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts the add-in on storage folder `dir`: it shows its title and polls the keys.
fn boot(dir: &Path) -> Addin {
    boot_model(dir, Model::Cg50)
}

/// [`boot`] on another calculator.
fn boot_model(dir: &Path, model: Model) -> Addin {
    let emu = Addin::start_with(
        built(),
        Options {
            storage: Some(dir.to_path_buf()),
            model,
            ..Options::default()
        },
    );
    assert_eq!(*emu.outcome(), Outcome::Idle, "start-up");
    emu
}

/// Plays `script`; the add-in must still be running afterwards.
fn play(emu: &mut Addin, script: &str) {
    let o = emu.keys(script);
    assert_eq!(
        o,
        Outcome::Idle,
        "after `{script}`: {:?}",
        emu.panic_message()
    );
}

/// Like [`play`], recording the screen into `gif` as the game runs (prizm-emu's
/// headless recorder, the one of `prizm-emu run --gif`).
fn play_recorded(emu: &mut Addin, gif: &mut Recorder, script: &str) {
    for item in script.split(',').map(str::trim) {
        match item.strip_prefix("wait:") {
            Some(ms) => emu
                .emulator_mut()
                .wait_ms(ms.trim_end_matches("ms").parse().unwrap()),
            None => emu.emulator_mut().press(item).unwrap(),
        }
    }
    let budget = Options::default().max_instructions;
    let o = run_recorded(emu.emulator_mut(), gif, HEADLESS_STEP, budget).unwrap();
    assert_eq!(o, Outcome::Idle, "after `{script}`");
    play(emu, ""); // the outcome, as `Addin` reports it
}

fn shot(emu: &Addin, name: &str) {
    emu.save_screenshot(
        repo_root()
            .join("target/test-screenshots")
            .join(format!("blocks-{name}.png")),
    );
}

/// `PrintXY` text row `row`, without the game's picture around it (cells that hold no
/// text read as `?` or spaces).
fn text(emu: &Addin, row: usize) -> String {
    emu.text_row(row)
        .trim_matches(|c| c == '?' || c == ' ')
        .to_string()
}

/// The number after `label` on text row `row`.
fn number_on_row(emu: &Addin, row: usize, label: &str) -> u32 {
    let t = text(emu, row);
    let rest = t
        .strip_prefix(label)
        .unwrap_or_else(|| panic!("row {row} is `{t}`, not `{label} N`"));
    rest.trim()
        .parse()
        .unwrap_or_else(|_| panic!("row {row}: `{t}`"))
}

/// The high score in the saved file, checked whole.
fn saved_high(dir: &Path) -> Option<u32> {
    let b = std::fs::read(dir.join(SAVE)).ok()?;
    assert_eq!(b.len(), 12, "{b:?}");
    assert_eq!(&b[..4], b"BLK1");
    let high = u32::from_le_bytes(b[4..8].try_into().unwrap());
    let check = u32::from_le_bytes(b[8..12].try_into().unwrap());
    assert_eq!(check, !high, "the complement");
    Some(high)
}

fn save_bytes(high: u32) -> Vec<u8> {
    let mut b = b"BLK1".to_vec();
    b.extend(high.to_le_bytes());
    b.extend((!high).to_le_bytes());
    b
}

/// Frames put on the display, emulated seconds and instructions so far.
fn clock(emu: &Addin) -> (u64, f64, u64) {
    let e = emu.emulator();
    (e.frames(), e.emulated_seconds(), e.cpu.icount)
}

/// Pieces placed across the well: moves then a hard drop (EXE), with time to fall.
const PLACEMENTS: [&str; 8] = [
    "LEFT,LEFT,LEFT,LEFT,EXE",
    "RIGHT,RIGHT,RIGHT,RIGHT,EXE",
    "UP,LEFT,LEFT,wait:400ms,EXE",
    "UP,RIGHT,RIGHT,wait:400ms,EXE",
    "DOWN,DOWN,DOWN,LEFT,EXE",
    "wait:1000ms,EXE",
    "ALPHA,RIGHT,wait:600ms,EXE",
    "SHIFT,SHIFT,LEFT,EXE",
];

/// Hard drops (with whatever was placed before) until the game-over box shows.
fn drop_until_over(emu: &mut Addin) {
    for _ in 0..60 {
        if text(emu, 2) == "GAME OVER" {
            return;
        }
        play(emu, "EXE");
    }
    panic!("never over: {:?}", emu.text_rows());
}

/// Starts a game from the title and plays it to the end; returns the score shown.
fn whole_game(emu: &mut Addin, placements: usize) -> u32 {
    play(emu, "EXE");
    for p in PLACEMENTS.iter().cycle().take(placements) {
        play(emu, p);
        if text(emu, 2) == "GAME OVER" {
            break;
        }
    }
    drop_until_over(emu);
    number_on_row(emu, 3, "SCORE")
}

/// Points for 0..=4 rows at once, times the level (README, "Controls").
const LINE_POINTS: [u32; 5] = [0, 100, 300, 500, 800];

/// Pauses (EXIT) and reads the score the pause box shows; checks that nothing moves for
/// 2 s; resumes (EXE).
fn paused_score(emu: &mut Addin, gif: &mut Recorder, screenshot: Option<&str>) -> u32 {
    play_recorded(emu, gif, "EXIT");
    assert_eq!(text(emu, 3), "PAUSED");
    let score = number_on_row(emu, 4, "SCORE");
    if let Some(name) = screenshot {
        shot(emu, name);
    }
    let still = emu.screen().to_vec();
    play_recorded(emu, gif, "wait:2000ms");
    assert!(emu.screen() == &still[..], "the paused game moved");
    play_recorded(emu, gif, "EXE");
    assert_ne!(text(emu, 3), "PAUSED");
    assert!(emu.screen() != &still[..], "not redrawn after the pause");
    score
}

/// A game of more than 20 emulated seconds played by [`player`]: after each piece the
/// well on the screen is the one the rules predict; the score (read when paused) is
/// the rows' points plus at most 2 per row of hard drop; the frame rate; the game-over
/// box; the saved high score.
#[test]
fn played_game_runs_at_30_fps_pauses_and_saves_the_high_score() {
    played_game(Model::Cg50, "");
}

/// The same game on the fx-CG20: half the CPU clock, a display update twice as long.
#[test]
fn played_game_on_the_fx_cg20_runs_at_30_fps_too() {
    played_game(Model::Cg20, "cg20-");
}

/// The game of the two tests above on `model`; screenshots and the GIF named with `tag`.
fn played_game(model: Model, tag: &str) {
    let dir = fresh_dir(&format!("{tag}game"));
    let mut emu = boot_model(&dir, model);
    shot(&emu, &format!("{tag}title"));
    assert_eq!(saved_high(&dir), None, "nothing saved yet");
    // Nothing of the title is PrintXY text.
    assert!(emu.text_rows().iter().all(|r| !r.contains("GAME")));

    // The game is recorded as an animation: target/test-screenshots/blocks-game.gif.
    let gif_path = repo_root().join(format!("target/test-screenshots/blocks-{tag}game.gif"));
    let mut gif = Recorder::start(&gif_path).unwrap();
    play_recorded(&mut emu, &mut gif, "EXE");
    let (f0, t0, i0) = clock(&emu);
    let mut well = Well::default();
    let mut current = player::falling(&emu).expect("the first piece at the top");
    let (mut placed, mut lines, mut line_points, mut max_drop_points) = (0, 0, 0, 0);
    while clock(&emu).1 - t0 < 21.0 {
        let next = player::next(&emu).expect("a next piece");
        let (rot, x) = well
            .choose(current)
            .unwrap_or_else(|| panic!("nowhere to go: {well:?}"));
        play_recorded(&mut emu, &mut gif, &player::keys(current, rot, x));
        let y = well.landing(current, rot, x);
        // Dropped from the top row at most.
        max_drop_points += 2 * (y - 1) as u32;
        let cleared = well.place(current, rot, x, y);
        line_points += LINE_POINTS[cleared as usize] * (1 + lines / 10);
        lines += cleared;
        placed += 1;
        assert_ne!(text(&emu, 2), "GAME OVER", "over after {placed} pieces");
        // The well below the new piece's rows, as predicted.
        assert_eq!(
            player::shown(&emu, 6),
            player::rows_from(&well, 6),
            "the well after piece {placed}"
        );
        current = next;
        if placed == 8 {
            shot(&emu, &format!("{tag}playing"));
            let score = paused_score(&mut emu, &mut gif, Some(&format!("{tag}paused")));
            assert!(score >= line_points && score <= line_points + max_drop_points);
        }
    }
    let (f1, t1, i1) = clock(&emu);
    let fps = (f1 - f0) as f64 / (t1 - t0);
    eprintln!(
        "blocks on the {model:?}: {} frames in {:.2} emulated s: {fps:.1} frames per emulated second, \
         {} instructions per frame ({placed} pieces, {lines} rows)",
        f1 - f0,
        t1 - t0,
        (i1 - i0) / (f1 - f0)
    );
    assert!(t1 - t0 >= 20.0);
    assert!(fps >= 30.0, "{fps:.1} frames per emulated second");
    assert!(lines > 0, "rows were cleared ({placed} pieces)");
    let score = paused_score(&mut emu, &mut gif, None);
    assert!(
        score >= line_points && score <= line_points + max_drop_points,
        "score {score}: {line_points} for rows, drops at most {max_drop_points}"
    );

    // Hard drops in the middle until the stack reaches the top.
    drop_until_over(&mut emu);
    play_recorded(&mut emu, &mut gif, "wait:1000ms");
    let frames = gif.finish(emu.emulator().cpu.now()).unwrap();
    assert!(
        frames > 30,
        "{frames} GIF frames: the recording shows the game moving"
    );
    shot(&emu, &format!("{tag}over"));
    let end = number_on_row(&emu, 3, "SCORE");
    assert!(end > score, "the last drops scored");
    assert_eq!(number_on_row(&emu, 4, "BEST"), end);
    assert_eq!(text(&emu, 5), "NEW BEST!");
    assert_eq!(saved_high(&dir), Some(end));
    // EXIT goes back to the title; EXE there starts a new game.
    play(&mut emu, "EXIT");
    assert_eq!(text(&emu, 2), "", "the title has no box");
    play(&mut emu, "EXE,wait:500ms,EXIT");
    assert_eq!(text(&emu, 3), "PAUSED");
}

/// The high score is read back after a restart; a worse game leaves it; a damaged file
/// counts as no high score, without a crash, and is replaced by the next one.
#[test]
fn high_score_survives_a_restart_and_a_damaged_file_resets_it() {
    let dir = fresh_dir("restart");
    std::fs::write(dir.join(SAVE), save_bytes(999_999)).unwrap();
    let mut emu = boot(&dir);
    let score = whole_game(&mut emu, 4);
    assert!(score > 0 && score < 999_999);
    assert_eq!(number_on_row(&emu, 4, "BEST"), 999_999, "read back");
    assert_eq!(text(&emu, 5), "", "no new best");
    assert_eq!(saved_high(&dir), Some(999_999), "not rewritten");

    let damaged: [&[u8]; 5] = [
        b"",
        b"BLK",
        &[0xFF; 12],
        b"BLK1\x10\x00\x00\x00\x00\x00\x00\x00",
        &[b'B'; 4000],
    ];
    for (i, bad) in damaged.iter().enumerate() {
        let dir = fresh_dir(&format!("damaged-{i}"));
        std::fs::write(dir.join(SAVE), bad).unwrap();
        let mut emu = boot(&dir);
        let score = whole_game(&mut emu, 2);
        assert_eq!(number_on_row(&emu, 4, "BEST"), score, "damaged file {i}");
        assert_eq!(text(&emu, 5), "NEW BEST!");
        assert_eq!(saved_high(&dir), Some(score), "damaged file {i} replaced");
    }
}

/// MENU goes to the OS from the title and from a game.
#[test]
fn menu_goes_to_the_os() {
    let mut emu = boot(&fresh_dir("menu-title"));
    assert_eq!(emu.keys("MENU"), Outcome::Menu);
    let mut emu = boot(&fresh_dir("menu-game"));
    play(&mut emu, "EXE,LEFT,wait:1000ms");
    assert_eq!(emu.keys("MENU"), Outcome::Menu);
}
