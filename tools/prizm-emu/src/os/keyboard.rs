//! Keyboard calls. Keys come from the context's [`super::KeySource`] (the harness plays
//! a key script).
//!
//! - GetKey puts VRAM on the display (one frame), then takes the next key. SHIFT and
//!   ALPHA are modifiers as on the calculator: SHIFT+EXIT gives QUIT, SHIFT+MENU SETUP,
//!   SHIFT+AC powers off (recorded as an event; the run goes on), ALPHA+key gives the
//!   letter on that key. MENU ends the run ([`crate::Outcome::Menu`]) unless
//!   DisableGetkeyToMainFunctionReturn was called, in which case GetKey returns
//!   KEY_CTRL_MENU. Returns 1 for a control code (>= 30000), 0 for a character.
//! - GetKeyWait_OS: type 0 waits, type 2 waits up to `timeout` s (returns 2 on timeout;
//!   with `timeout` 0 it polls), type 1 polls (returns 0 with no key). Column/row are
//!   the OS's matrix position: column = code / 10 and row = code % 10 + 1 for the
//!   PRGM_GetKey code (which counts rows from 0): F-keys are row 0x0A, EXIT (4, 8), EXE (3, 2), AC/ON (1, 1), as in
//!   WikiPrizm's keycode reference and the SDK's `prizm::keyboard::Key::matrix`;
//!   *keycode gets 0. MENU with `menu`=0 in a waiting call ends the run like GetKey.
//! - PRGM_GetKey_OS polls: byte 1 gets the column, byte 2 the row in its high nibble.
//!
//! Each polling call lets [`POLL_MS`] ms of emulated time pass.

use super::Take;
use super::keymap::{KEYS, Key};
use super::{CallResult, Ctx, Entry, Event, Halt};
use crate::machine::model::CLOCK_HZ;
use crate::machine::model::ms_to_cycles;
use prizm_abi::os_calls::calls;

/// Emulated time a polling key call takes, in ms.
pub const POLL_MS: u64 = 1;
const KEY_CTRL_MENU: u32 = 30003;

/// Keyboard state.
#[derive(Clone, Debug, Default)]
pub struct KeyboardState {
    /// SHIFT is pending.
    pub shift: bool,
    /// ALPHA is pending.
    pub alpha: bool,
    /// MENU in GetKey is locked (DisableGetkeyToMainFunctionReturn).
    pub menu_locked: bool,
    /// Bkey flag word (Bkey_SetAllFlags/GetAllFlags).
    pub flags: u16,
    /// The quit handler (SetQuitHandler), called when MENU leaves the add-in.
    pub quit_handler: Option<u32>,
}

/// The keyboard calls.
pub const CALLS: &[Entry] = &[
    (calls::GetKey, get_key),
    (calls::GetKeyWait_OS, get_key_wait_os),
    (calls::PRGM_GetKey_OS, prgm_get_key_os),
    (calls::Keyboard_PutKeycode, keyboard_put_keycode),
    (calls::Bkey_ClrAllFlags, bkey_clr_all_flags),
    (calls::Bkey_GetAllFlags, bkey_get_all_flags),
    (calls::Bkey_SetAllFlags, bkey_set_all_flags),
    (
        calls::EnableGetkeyToMainFunctionReturn,
        enable_getkey_to_main,
    ),
    (
        calls::DisableGetkeyToMainFunctionReturn,
        disable_getkey_to_main,
    ),
    (
        calls::GetGetkeyToMainFunctionReturnFlag,
        get_getkey_to_main_flag,
    ),
    (calls::SetQuitHandler, set_quit_handler),
    (calls::Bkey_SetFlag, bkey_set_flag),
];

fn bkey_set_flag(e: &mut Ctx) -> CallResult {
    e.os.keyboard.flags |= e.arg(0)? as u16;
    Ok(0)
}

/// Takes the next key for a blocking call, letting emulated time pass; `Ok(None)` when
/// `timeout` (cycles) passed first; `Err(Idle)` when the script is exhausted.
pub fn take_key(e: &mut Ctx, timeout: Option<u64>) -> Result<Option<Key>, Halt> {
    let now = e.cpu.now();
    match e.keys.take(now, timeout) {
        Take::Key { key, advance } => {
            e.idle(advance);
            Ok(Some(key))
        }
        Take::Timeout { advance } => {
            e.idle(advance);
            Ok(None)
        }
        Take::Exhausted => Err(Halt::Idle),
    }
}

/// The key held now, as polling sees it.
fn poll_key(e: &mut Ctx) -> Result<Option<Key>, Halt> {
    let now = e.cpu.now();
    let k = e.keys.poll(now).map_err(|_| Halt::Idle)?;
    e.idle(ms_to_cycles(POLL_MS));
    Ok(k)
}

fn letter_on(matrix: u8) -> Option<u16> {
    KEYS.iter()
        .find(|k| k.alpha && k.matrix == matrix)
        .map(|k| k.getkey)
}

fn get_key(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    e.present(0, super::display::H - 1);
    loop {
        let k = take_key(e, None)?.ok_or(Halt::Idle)?;
        let kb = &mut e.os.keyboard;
        match k.name {
            "SHIFT" => {
                kb.shift = !kb.shift;
                kb.alpha = false;
                continue;
            }
            "ALPHA" => {
                kb.alpha = !kb.alpha;
                kb.shift = false;
                continue;
            }
            _ => {}
        }
        let shift = std::mem::take(&mut kb.shift);
        let alpha = std::mem::take(&mut kb.alpha);
        let code: u32 = if shift {
            match k.name {
                "AC" => {
                    let at = e.cpu.now();
                    e.os.events.push(Event::PowerOff { at });
                    continue;
                }
                "EXIT" => 30029,
                "MENU" => 30037,
                "OPTN" => 30059,
                "LEFT" => 30062,
                "RIGHT" => 30063,
                _ => k.getkey as u32,
            }
        } else if alpha && !k.alpha {
            letter_on(k.matrix).unwrap_or(k.getkey) as u32
        } else {
            k.getkey as u32
        };
        if code == KEY_CTRL_MENU && !e.os.keyboard.menu_locked {
            return Err(Halt::Menu);
        }
        e.wr32(p, code)?;
        return Ok((code >= 30000) as u32);
    }
}

fn get_key_wait_os(e: &mut Ctx) -> CallResult {
    let (pcol, prow, kind, timeout) = (e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?);
    let menu = e.arg(4)?;
    let pkey = e.arg(5)?;
    let key = match kind {
        0 => take_key(e, None)?,
        // A timeout of 0 s: "times out if no key is pressed within the period"
        // (WikiPrizm, GetKeyWait_OS), i.e. reports the key held now, which stays held
        // for a PRGM_GetKey right after (gbl08ma's utilities, src/homeGUI.cpp, calls
        // the two in a row).
        2 if timeout == 0 => poll_key(e)?,
        2 => take_key(e, Some(timeout as u64 * CLOCK_HZ))?,
        _ => poll_key(e)?,
    };
    let Some(k) = key else {
        return Ok(if kind == 2 { 2 } else { 0 });
    };
    if k.name == "MENU" && menu == 0 && kind != 1 && !e.os.keyboard.menu_locked {
        return Err(Halt::Menu);
    }
    if pcol != 0 {
        e.wr32(pcol, (k.matrix / 10) as u32)?;
    }
    if prow != 0 {
        // PRGM_GetKey's row is the matrix row decremented by 1.
        e.wr32(prow, (k.matrix % 10) as u32 + 1)?;
    }
    if pkey != 0 {
        e.wr16(pkey, 0)?;
    }
    Ok(1)
}

fn prgm_get_key_os(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    let k = poll_key(e)?;
    let mut buf = [0u8; 12];
    if let Some(k) = k.filter(|k| k.matrix >= 10) {
        buf[1] = k.matrix / 10;
        buf[2] = (k.matrix % 10) << 4;
    }
    e.wr_bytes(p, &buf)?;
    Ok(0)
}

/// Keyboard_PutKeycode(x, y, keycode): the next key call gets `keycode`.
fn keyboard_put_keycode(e: &mut Ctx) -> CallResult {
    let code = e.arg(2)? as u16;
    let key = KEYS
        .iter()
        .find(|k| k.getkey == code)
        .copied()
        .unwrap_or(Key {
            name: "(put)",
            matrix: 0,
            getkey: code,
            alpha: false,
        });
    e.keys.push_front(key);
    Ok(0)
}

fn bkey_clr_all_flags(e: &mut Ctx) -> CallResult {
    e.os.keyboard.shift = false;
    e.os.keyboard.alpha = false;
    e.os.keyboard.flags = 0;
    Ok(0)
}

fn bkey_get_all_flags(e: &mut Ctx) -> CallResult {
    Ok(e.os.keyboard.flags as u32)
}

fn bkey_set_all_flags(e: &mut Ctx) -> CallResult {
    e.os.keyboard.flags = e.arg(0)? as u16;
    Ok(0)
}

fn enable_getkey_to_main(e: &mut Ctx) -> CallResult {
    e.os.keyboard.menu_locked = false;
    Ok(0)
}

fn disable_getkey_to_main(e: &mut Ctx) -> CallResult {
    e.os.keyboard.menu_locked = true;
    Ok(0)
}

fn get_getkey_to_main_flag(e: &mut Ctx) -> CallResult {
    Ok(!e.os.keyboard.menu_locked as u32)
}

/// SetQuitHandler(handler): remembered; MENU leaving the add-in calls it (as choosing
/// another app from the Main Menu does), then the run ends.
fn set_quit_handler(e: &mut Ctx) -> CallResult {
    let handler = e.arg(0)?;
    e.os.keyboard.quit_handler = (handler != 0).then_some(handler);
    Ok(0)
}
