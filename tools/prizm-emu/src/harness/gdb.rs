//! A GDB remote stub: debug an add-in running in the emulator with `gdb-multiarch`
//! (`target remote :PORT`): registers, memory, breakpoints, single steps, continue,
//! Ctrl-C, watchpoints (write, read, access; kept by the bus), `monitor` commands
//! (screenshot, key, sr, help).
//!
//! The protocol is GDB's remote serial protocol over TCP. Registers go in the order of
//! GDB's SH4 description: R0-R15, PC, PR, GBR, VBR, MACH, MACL, SR (the `g` reply stops
//! there: no FPU). Breakpoints are kept by the stub (`Z0`), not written into the code.
//! With breakpoints set, `continue` runs one instruction at a time (about 17 M
//! instructions/s here, against 1,500 M at full speed on a tight loop); without, at
//! full speed in slices, watching for Ctrl-C.

use std::collections::BTreeSet;
use std::io::{self, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

use super::emulator::{Emulator, Outcome, Status};
use crate::machine::bus::{WatchHit, WatchKind};

/// Instructions run between two looks at the connection (for Ctrl-C) when no
/// breakpoint is set.
const SLICE: u64 = 200_000;

/// Why the target stopped, as GDB is told.
enum Stopped {
    /// A signal (5: trap, for breakpoints and steps; 2: interrupt; 11: crash; 4:
    /// illegal instruction).
    Signal(u8),
    /// A watchpoint was hit by the instruction just run.
    Watch(WatchHit),
    /// The add-in returned to the menu with this value.
    Exited(i32),
}

/// Serves one GDB connection on `listener` for `emu`; returns the run's outcome when
/// the debugger detaches or the add-in ends.
pub fn serve(emu: &mut Emulator, listener: &TcpListener) -> io::Result<Option<Outcome>> {
    let (stream, _) = listener.accept()?;
    stream.set_nodelay(true)?;
    let mut conn = Connection {
        reader: BufReader::new(stream.try_clone()?),
        writer: stream,
    };
    let mut breakpoints = BTreeSet::new();
    loop {
        let Some(packet) = conn.read_packet()? else {
            return Ok(emu.outcome().cloned());
        };
        let reply = match packet.as_bytes().first() {
            Some(b'?') => stop_reply(&Stopped::Signal(5)),
            Some(b'g') => read_registers(emu),
            Some(b'G') => write_registers(emu, &packet[1..]),
            Some(b'p') => read_register(emu, &packet[1..]),
            Some(b'P') => write_register(emu, &packet[1..]),
            Some(b'm') => read_memory(emu, &packet[1..]),
            Some(b'M') => write_memory(emu, &packet[1..]),
            Some(b'Z') | Some(b'z') => breakpoint(emu, &mut breakpoints, &packet),
            Some(b'c') => {
                let why = resume(emu, &breakpoints, &mut conn, false)?;
                let ended = matches!(why, Stopped::Exited(_));
                conn.send(&stop_reply(&why))?;
                if ended {
                    return Ok(emu.outcome().cloned());
                }
                continue;
            }
            Some(b's') => {
                let why = resume(emu, &breakpoints, &mut conn, true)?;
                stop_reply(&why)
            }
            Some(b'k') => return Ok(emu.outcome().cloned()),
            Some(b'D') => {
                conn.send("OK")?;
                return Ok(Some(emu.run_until_idle()));
            }
            Some(b'H') => "OK".into(),
            Some(b'q') if packet.starts_with("qRcmd,") => {
                let out = monitor(emu, &packet["qRcmd,".len()..]);
                if !out.is_empty() {
                    conn.send(&format!("O{}", hex(out.as_bytes())))?;
                }
                "OK".into()
            }
            Some(b'q') => query(&packet),
            _ => String::new(),
        };
        conn.send(&reply)?;
    }
}

/// A TCP connection speaking the packet layer (`$data#checksum`, `+` acks).
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Connection {
    /// The next packet's data (acknowledged); `None` when GDB hung up.
    fn read_packet(&mut self) -> io::Result<Option<String>> {
        loop {
            let mut b = [0u8];
            if self.reader.read(&mut b)? == 0 {
                return Ok(None);
            }
            match b[0] {
                b'$' => {}
                // Acks, and a Ctrl-C while stopped: nothing to do.
                _ => continue,
            }
            let mut data = Vec::new();
            loop {
                if self.reader.read(&mut b)? == 0 {
                    return Ok(None);
                }
                if b[0] == b'#' {
                    break;
                }
                data.push(b[0]);
            }
            let mut sum = [0u8; 2];
            self.reader.read_exact(&mut sum)?;
            let want = u8::from_str_radix(std::str::from_utf8(&sum).unwrap_or(""), 16).ok();
            let got = data.iter().fold(0u8, |s, &c| s.wrapping_add(c));
            if want != Some(got) {
                self.writer.write_all(b"-")?;
                continue;
            }
            self.writer.write_all(b"+")?;
            return Ok(Some(String::from_utf8_lossy(&unescape(&data)).into_owned()));
        }
    }

    /// Sends a packet and waits for its ack (resending on `-`).
    fn send(&mut self, data: &str) -> io::Result<()> {
        let sum = data.bytes().fold(0u8, |s, c| s.wrapping_add(c));
        let framed = format!("${data}#{sum:02x}");
        loop {
            self.writer.write_all(framed.as_bytes())?;
            let mut b = [0u8];
            loop {
                if self.reader.read(&mut b)? == 0 {
                    return Ok(());
                }
                match b[0] {
                    b'+' => return Ok(()),
                    b'-' => break,
                    _ => {}
                }
            }
        }
    }

    /// Whether GDB sent a Ctrl-C (0x03) since the last look, without blocking.
    fn interrupted(&mut self) -> io::Result<bool> {
        if !self.reader.buffer().is_empty() {
            return Ok(self.reader.buffer().contains(&3));
        }
        let s = self.reader.get_ref();
        s.set_nonblocking(true)?;
        let mut b = [0u8; 64];
        let r = s.peek(&mut b);
        s.set_nonblocking(false)?;
        match r {
            Ok(n) if b[..n].contains(&3) => {
                // Consume the byte(s).
                let mut sink = vec![0u8; n];
                self.reader.read_exact(&mut sink)?;
                Ok(true)
            }
            Ok(_) => Ok(false),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// Undoes the `}` escapes of binary data.
fn unescape(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut it = data.iter();
    while let Some(&c) = it.next() {
        if c == b'}' {
            if let Some(&n) = it.next() {
                out.push(n ^ 0x20);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs until a breakpoint, the end of a step, Ctrl-C or the end of the add-in.
fn resume(
    emu: &mut Emulator,
    breakpoints: &BTreeSet<u32>,
    conn: &mut Connection,
    step: bool,
) -> io::Result<Stopped> {
    if let Some(o) = emu.outcome().cloned() {
        return Ok(outcome_stop(&o));
    }
    let mut since_look = 0u64;
    // Forget the hits of GDB's own memory reads.
    emu.cpu.mem.take_watch_hit();
    loop {
        let budget = emu.options.max_instructions.saturating_sub(emu.cpu.icount);
        if budget == 0 {
            return Ok(Stopped::Signal(2));
        }
        // One instruction at a time when it matters; else a slice at full speed.
        let n = if step || !breakpoints.is_empty() || emu.cpu.mem.watching() {
            1
        } else {
            SLICE.min(budget)
        };
        match emu.run(n) {
            Status::Done(Outcome::Idle) => {
                // Waiting for keys the script does not have: stop as if interrupted.
                emu.resume();
                return Ok(Stopped::Signal(2));
            }
            Status::Done(o) => return Ok(outcome_stop(&o)),
            Status::Running => {}
        }
        if let Some(hit) = emu.cpu.mem.take_watch_hit() {
            return Ok(Stopped::Watch(hit));
        }
        if step {
            return Ok(Stopped::Signal(5));
        }
        if breakpoints.contains(&emu.cpu.pc) {
            return Ok(Stopped::Signal(5));
        }
        since_look += n;
        if since_look >= SLICE {
            since_look = 0;
            if conn.interrupted()? {
                return Ok(Stopped::Signal(2));
            }
        }
    }
}

/// How an outcome is reported to GDB.
fn outcome_stop(o: &Outcome) -> Stopped {
    match o {
        Outcome::Returned(v) => Stopped::Exited(*v),
        Outcome::Crashed(r) if r.what.contains("illegal") => Stopped::Signal(4),
        Outcome::Crashed(_) => Stopped::Signal(11),
        _ => Stopped::Signal(2),
    }
}

fn stop_reply(why: &Stopped) -> String {
    match why {
        Stopped::Signal(s) => format!("S{s:02x}"),
        Stopped::Watch(h) => {
            let what = match h.kind {
                WatchKind::Write => "watch",
                WatchKind::Read => "rwatch",
                WatchKind::Access => "awatch",
            };
            format!("T05{what}:{:08x};", h.addr)
        }
        Stopped::Exited(v) => format!("W{:02x}", *v as u8),
    }
}

/// Number of registers in the `g` packet (R0-R15, PC, PR, GBR, VBR, MACH, MACL, SR).
const REGISTERS: usize = 23;

fn get_register(emu: &Emulator, n: usize) -> Option<u32> {
    let c = &emu.cpu;
    Some(match n {
        0..16 => c.r[n],
        16 => c.pc,
        17 => c.pr,
        18 => c.gbr,
        19 => c.vbr,
        20 => c.mach,
        21 => c.macl,
        22 => c.sr(),
        _ => return None,
    })
}

fn set_register(emu: &mut Emulator, n: usize, v: u32) -> bool {
    let c = &mut emu.cpu;
    match n {
        0..16 => c.r[n] = v,
        16 => c.pc = v,
        17 => c.pr = v,
        18 => c.gbr = v,
        19 => c.vbr = v,
        20 => c.mach = v,
        21 => c.macl = v,
        22 => c.set_sr(v),
        _ => return false,
    }
    true
}

fn read_registers(emu: &Emulator) -> String {
    (0..REGISTERS)
        .map(|n| format!("{:08x}", get_register(emu, n).unwrap_or(0)))
        .collect()
}

fn write_registers(emu: &mut Emulator, hex: &str) -> String {
    for (n, chunk) in hex.as_bytes().chunks(8).enumerate().take(REGISTERS) {
        let Some(v) = std::str::from_utf8(chunk)
            .ok()
            .and_then(|s| u32::from_str_radix(s, 16).ok())
        else {
            return "E01".into();
        };
        set_register(emu, n, v);
    }
    "OK".into()
}

fn read_register(emu: &Emulator, arg: &str) -> String {
    match usize::from_str_radix(arg, 16)
        .ok()
        .and_then(|n| get_register(emu, n))
    {
        Some(v) => format!("{v:08x}"),
        // Registers of the full SH4 description this CPU does not have (FPU...).
        None => "xxxxxxxx".into(),
    }
}

fn write_register(emu: &mut Emulator, arg: &str) -> String {
    let parsed = arg.split_once('=').and_then(|(n, v)| {
        Some((
            usize::from_str_radix(n, 16).ok()?,
            u32::from_str_radix(v, 16).ok()?,
        ))
    });
    match parsed {
        Some((n, v)) if set_register(emu, n, v) => "OK".into(),
        _ => "E01".into(),
    }
}

/// `addr,len` in hex.
fn addr_len(arg: &str) -> Option<(u32, u32)> {
    let (a, l) = arg.split_once(',')?;
    Some((
        u32::from_str_radix(a, 16).ok()?,
        u32::from_str_radix(l, 16).ok()?,
    ))
}

fn read_memory(emu: &mut Emulator, arg: &str) -> String {
    let Some((addr, len)) = addr_len(arg) else {
        return "E01".into();
    };
    let mut out = String::new();
    for i in 0..len.min(4096) {
        match emu.cpu.peek(addr.wrapping_add(i), 1) {
            Ok(b) => out.push_str(&format!("{b:02x}")),
            Err(_) if i > 0 => break,
            Err(_) => return "E14".into(),
        }
    }
    out
}

fn write_memory(emu: &mut Emulator, arg: &str) -> String {
    let Some((head, data)) = arg.split_once(':') else {
        return "E01".into();
    };
    let Some((addr, len)) = addr_len(head) else {
        return "E01".into();
    };
    for i in 0..len as usize {
        let Some(b) = data
            .get(2 * i..2 * i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        else {
            return "E01".into();
        };
        if emu
            .cpu
            .poke(addr.wrapping_add(i as u32), 1, b as u32)
            .is_err()
        {
            return "E14".into();
        }
    }
    "OK".into()
}

/// `Z0,addr,kind` / `z0,addr,kind` (software breakpoints; hardware ones, `Z1`, are
/// treated alike) and `Z2`/`Z3`/`Z4,addr,len` (write, read, access watchpoints, kept
/// by the bus).
fn breakpoint(emu: &mut Emulator, set: &mut BTreeSet<u32>, packet: &str) -> String {
    let mut parts = packet[1..].split(',');
    let (Some(kind), Some(addr), Some(len)) = (parts.next(), parts.next(), parts.next()) else {
        return "E01".into();
    };
    let (Ok(addr), Ok(len)) = (u32::from_str_radix(addr, 16), u32::from_str_radix(len, 16)) else {
        return "E01".into();
    };
    let insert = packet.starts_with('Z');
    let watch = match kind {
        "0" | "1" => {
            if insert {
                set.insert(addr);
            } else {
                set.remove(&addr);
            }
            return "OK".into();
        }
        "2" => WatchKind::Write,
        "3" => WatchKind::Read,
        "4" => WatchKind::Access,
        _ => return String::new(),
    };
    if insert {
        emu.cpu.mem.watch(addr, len, watch);
    } else {
        emu.cpu.mem.unwatch(addr, len, watch);
    }
    "OK".into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs a `monitor` command (hex-encoded); returns its output.
fn monitor(emu: &mut Emulator, arg: &str) -> String {
    let bytes: Vec<u8> = (0..arg.len() / 2)
        .filter_map(|i| u8::from_str_radix(arg.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let line = String::from_utf8_lossy(&bytes).into_owned();
    let mut words = line.split_whitespace();
    match (words.next(), words.next()) {
        (Some("screenshot"), Some(file)) => match std::fs::write(file, emu.screenshot_png()) {
            Ok(()) => format!("wrote {file}\n"),
            Err(e) => format!("cannot write {file}: {e}\n"),
        },
        (Some("key"), Some(name)) => match emu.press(name) {
            Ok(()) => format!("pressed {name}\n"),
            Err(e) => format!("{}\n", e.0),
        },
        (Some("sr"), None) => sr_fields(emu.cpu.sr()),
        _ => "monitor commands:\n  \
              screenshot FILE.png  save the screen (384x216) as a PNG\n  \
              key NAME             press a key (names as in --keys: EXE, F1, 1, UP...)\n  \
              sr                   decode SR: MD RB BL FD M Q IMASK S T\n  \
              help                 this list\n"
            .into(),
    }
}

/// SR's fields, as `monitor sr` prints them.
fn sr_fields(sr: u32) -> String {
    let bit = |n: u32| (sr >> n) & 1;
    format!(
        "sr 0x{sr:08x}: MD={} RB={} BL={} FD={} M={} Q={} IMASK={} S={} T={}\n",
        bit(30),
        bit(29),
        bit(28),
        bit(15),
        bit(9),
        bit(8),
        (sr >> 4) & 15,
        bit(1),
        bit(0)
    )
}

fn query(packet: &str) -> String {
    if packet.starts_with("qSupported") {
        "PacketSize=4000".into()
    } else if packet == "qAttached" {
        "1".into()
    } else if packet == "qC" {
        "QC1".into()
    } else if packet == "qfThreadInfo" {
        "m1".into()
    } else if packet == "qsThreadInfo" {
        "l".into()
    } else {
        String::new()
    }
}
