//! The serial port (3-pin link port), with nothing connected to it: it opens and
//! closes, what the add-in sends leaves at once (kept in [`SerialState::sent`]), and
//! nothing ever arrives.
//!
//! Sources: libfxcg `include/fxcg/serial.h` (signatures, and under `_FXCG_MINICOMPAT`
//! the older names that say what each call does: Serial_PollRX is
//! GetReceivedBytesAvailable, Serial_PollTX GetFreeTransmitSpace, Serial_Write
//! BufferedTransmitNBytes...) and libfxcg `libc/stdio.c` (`serial_ensureopen`:
//! Serial_IsOpen() is 1 when the port is open, Serial_Open(mode) returns 0 on success,
//! mode `{0, 5, 0, 0, 0, 0}` is 9600 bps 8N1; `fwrite_serial`: the transmit buffer holds
//! 256 bytes, Serial_PollTX gives its free space). Reading calls (Serial_Read,
//! Serial_ReadSingle, Serial_Peek) are not provided: their result when nothing was
//! received is not documented, and Serial_PollRX tells add-ins that nothing was.

use super::{CallResult, Ctx, Entry};
use prizm_abi::os_calls::calls;

/// Size of the transmit buffer.
pub const TX_BUFFER: u32 = 256;

/// Serial port state.
#[derive(Clone, Debug, Default)]
pub struct SerialState {
    /// The port is open.
    pub open: bool,
    /// The 6-byte mode of the last Serial_Open.
    pub mode: [u8; 6],
    /// Every byte sent since the add-in started.
    pub sent: Vec<u8>,
}

/// The serial calls.
pub const CALLS: &[Entry] = &[
    (calls::Serial_Open, serial_open),
    (calls::Serial_Close, serial_close),
    (calls::Serial_IsOpen, serial_is_open),
    (calls::Serial_PollRX, serial_poll_rx),
    (calls::Serial_PollTX, serial_poll_tx),
    (calls::Serial_Write, serial_write),
    (calls::Serial_WriteSingle, serial_write_single),
    (calls::Serial_WriteUnbuffered, serial_write_single),
    (calls::Serial_ClearRX, serial_clear),
    (calls::Serial_ClearTX, serial_clear),
];

/// Serial_Open(u8 mode[6]) -> 0: opens the port (libfxcg `libc/stdio.c`: 0 on
/// success).
fn serial_open(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    let mode = e.rd_bytes(p, 6)?;
    e.os.serial.mode.copy_from_slice(&mode);
    e.os.serial.open = true;
    Ok(0)
}

/// Serial_Close(mode) -> 0: closes the port (libfxcg `include/fxcg/serial.h`; add-ins
/// pass 1). The return value is not documented (0).
fn serial_close(e: &mut Ctx) -> CallResult {
    e.os.serial.open = false;
    Ok(0)
}

/// Serial_IsOpen() -> 1 when open (libfxcg `libc/stdio.c` compares with 1); the
/// emulator returns 0 when closed.
fn serial_is_open(e: &mut Ctx) -> CallResult {
    Ok(e.os.serial.open as u32)
}

/// Serial_PollRX() -> bytes received and not read (GetReceivedBytesAvailable): none.
fn serial_poll_rx(_e: &mut Ctx) -> CallResult {
    Ok(0)
}

/// Serial_PollTX() -> free space in the transmit buffer (GetFreeTransmitSpace): all of
/// it, [`TX_BUFFER`] bytes, as what is written leaves at once.
fn serial_poll_tx(_e: &mut Ctx) -> CallResult {
    Ok(TX_BUFFER)
}

/// Serial_Write(buf, n) (BufferedTransmitNBytes): sends `n` bytes. The return value is
/// not documented (0).
fn serial_write(e: &mut Ctx) -> CallResult {
    let (p, n) = (e.arg(0)?, e.arg(1)?);
    let data = e.rd_bytes(p, n.min(TX_BUFFER) as usize)?;
    e.os.serial.sent.extend_from_slice(&data);
    Ok(0)
}

/// Serial_WriteSingle(c) / Serial_WriteUnbuffered(c) (BufferedTransmitOneByte,
/// DirectTransmitOneByte): sends one byte. The return value is not documented (0).
fn serial_write_single(e: &mut Ctx) -> CallResult {
    let c = e.arg(0)? as u8;
    e.os.serial.sent.push(c);
    Ok(0)
}

/// Serial_ClearRX() / Serial_ClearTX() (ClearReceiveBuffer, ClearTransmitBuffer): both
/// buffers are always empty here. The return value is not documented (0).
fn serial_clear(_e: &mut Ctx) -> CallResult {
    Ok(0)
}
