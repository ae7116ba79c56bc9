//! The GDB remote stub, driven by a small client speaking GDB's remote protocol:
//! registers, memory, breakpoints, steps, register writes, the exit status, Ctrl-C.
//! (`gdb_multiarch_session` runs the real `gdb-multiarch` when it is installed.)

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

use common::{WAITS_FOR_EXE, build, g3a};
use prizm_emu::{Emulator, Options, Outcome};

/// r2 counts five rounds of `loop` (at 0x00300004), then is returned.
const COUNT: &str = "
    mov #0,r2
    mov #5,r1
loop:
    add #1,r2
    dt r1
    bf loop
    rts
    mov r2,r0
";
const LOOP: u32 = 0x0030_0004;

/// Spins forever.
const SPIN: &str = "
spin:
    bra spin
    nop
";

/// Writes 7 to the word at 0x08100010 (at 0x00300004), reads it back (0x00300006),
/// writes 8 (0x0030000a), returns 8.
const WATCHED: &str = "
    mov.l var,r1
    mov #7,r2
    mov.l r2,@r1
    mov.l @r1,r3
    add #1,r3
    mov.l r3,@r1
    rts
    mov r3,r0
    .align 2
var: .long 0x08100010
";

/// Starts the stub for `src` on a free port; returns the port and the thread that
/// returns the run's outcome.
fn stub(src: &str, tag: &str) -> (u16, thread::JoinHandle<Option<Outcome>>) {
    stub_with(src, tag, false)
}

/// [`stub`], translating code or (`interpret`) not.
fn stub_with(src: &str, tag: &str, interpret: bool) -> (u16, thread::JoinHandle<Option<Outcome>>) {
    let (code, elf) = build(src, tag);
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    let t = thread::spawn(move || {
        let opts = Options {
            elf: Some(elf),
            max_instructions: 100_000_000,
            interpret,
            ..Default::default()
        };
        let mut emu = Emulator::load(&g3a(&code), opts).unwrap();
        prizm_emu::harness::gdb::serve(&mut emu, &listener).unwrap()
    });
    (port, t)
}

struct Client(TcpStream);

impl Client {
    fn connect(port: u16) -> Client {
        Client(TcpStream::connect(("127.0.0.1", port)).unwrap())
    }

    /// Sends a packet, returns the reply's data (checking framing and checksum).
    fn ask(&mut self, data: &str) -> String {
        let sum = data.bytes().fold(0u8, |s, c| s.wrapping_add(c));
        write!(self.0, "${data}#{sum:02x}").unwrap();
        self.reply()
    }

    fn reply(&mut self) -> String {
        let mut b = [0u8];
        self.0.read_exact(&mut b).unwrap();
        assert_eq!(b[0], b'+', "ack");
        self.packet()
    }

    /// The next packet (after the first of a reply, whose ack came before it).
    fn packet(&mut self) -> String {
        let mut b = [0u8];
        self.0.read_exact(&mut b).unwrap();
        assert_eq!(b[0], b'$', "packet start");
        let mut data = Vec::new();
        loop {
            self.0.read_exact(&mut b).unwrap();
            if b[0] == b'#' {
                break;
            }
            data.push(b[0]);
        }
        let mut sum = [0u8; 2];
        self.0.read_exact(&mut sum).unwrap();
        let want = u8::from_str_radix(std::str::from_utf8(&sum).unwrap(), 16).unwrap();
        assert_eq!(want, data.iter().fold(0u8, |s, &c| s.wrapping_add(c)));
        self.0.write_all(b"+").unwrap();
        String::from_utf8(data).unwrap()
    }

    fn register(&mut self, n: u32) -> u32 {
        u32::from_str_radix(&self.ask(&format!("p{n:x}")), 16).unwrap()
    }
}

#[test]
fn registers_memory_breakpoints_steps_and_exit() {
    let (port, t) = stub(COUNT, "gdb-count");
    let mut c = Client::connect(port);
    assert!(c.ask("qSupported:multiprocess+").contains("PacketSize"));
    assert_eq!(c.ask("?"), "S05");
    // 23 registers, PC at the start of the code, R15 the model's initial stack.
    let regs = c.ask("g");
    assert_eq!(regs.len(), 23 * 8);
    assert_eq!(&regs[16 * 8..17 * 8], "00300000");
    assert_eq!(c.register(0x16) & 0x4000_0000, 0x4000_0000, "SR.MD");
    // The first instruction is mov #0,r2 (0xE200), in big-endian memory.
    assert_eq!(c.ask("m300000,2"), "e200");
    assert!(c.ask("m0,4").starts_with('E'), "unmapped memory");
    // A breakpoint in the loop: stops before its first and second rounds.
    assert_eq!(c.ask(&format!("Z0,{LOOP:x},2")), "OK");
    assert_eq!(c.ask("c"), "S05");
    assert_eq!((c.register(0x10), c.register(2)), (LOOP, 0));
    assert_eq!(c.ask("c"), "S05");
    assert_eq!(
        (c.register(0x10), c.register(2), c.register(1)),
        (LOOP, 1, 4)
    );
    // A step runs `add #1,r2`.
    assert_eq!(c.ask(&format!("z0,{LOOP:x},2")), "OK");
    assert_eq!(c.ask("s"), "S05");
    assert_eq!((c.register(0x10), c.register(2)), (LOOP + 2, 2));
    // Set r2 = 100: three more rounds, then the add-in returns 103.
    assert_eq!(c.ask("P2=00000064"), "OK");
    assert_eq!(c.ask("c"), "W67");
    assert_eq!(t.join().unwrap(), Some(Outcome::Returned(103)));
}

/// Write, read and access watchpoints on the word at 0x08100010 stop after the
/// instruction that touched it, translated or interpreted alike.
#[test]
fn watchpoints_stop_after_the_access() {
    for interpret in [false, true] {
        let (port, t) = stub_with(WATCHED, &format!("gdb-watch-{interpret}"), interpret);
        let mut c = Client::connect(port);
        assert_eq!(c.ask("?"), "S05");
        // Write: `mov.l r2,@r1` at 0x300004 wrote 7; the PC is at the next instruction.
        assert_eq!(c.ask("Z2,8100010,4"), "OK");
        assert_eq!(c.ask("c"), "T05watch:08100010;", "interpret: {interpret}");
        assert_eq!((c.register(0x10), c.register(2)), (0x0030_0006, 7));
        assert_eq!(c.ask("m8100010,4"), "00000007");
        // A read watchpoint too: the read at 0x300006 (GDB's `m` above does not count).
        assert_eq!(c.ask("Z3,8100010,4"), "OK");
        assert_eq!(c.ask("c"), "T05rwatch:08100010;");
        assert_eq!((c.register(0x10), c.register(3)), (0x0030_0008, 7));
        // Only the write watchpoint is left: the second write, at 0x30000a.
        assert_eq!(c.ask("z3,8100010,4"), "OK");
        assert_eq!(c.ask("c"), "T05watch:08100010;");
        assert_eq!(c.register(0x10), 0x0030_000c);
        assert_eq!(c.ask("m8100010,4"), "00000008");
        assert_eq!(c.ask("z2,8100010,4"), "OK");
        assert_eq!(c.ask("c"), "W08");
        assert_eq!(t.join().unwrap(), Some(Outcome::Returned(8)));

        // An access watchpoint on one byte of the word, set at its P2 address (the same
        // storage), stops at each of the three.
        let p2 = (Options::default().model.ram_p1() | 0x2000_0000) + 0x13;
        let (port, t) = stub_with(WATCHED, &format!("gdb-awatch-{interpret}"), interpret);
        let mut c = Client::connect(port);
        assert_eq!(c.ask(&format!("Z4,{p2:x},1")), "OK");
        for pc in [0x0030_0006, 0x0030_0008, 0x0030_000c] {
            assert_eq!(c.ask("c"), format!("T05awatch:{p2:08x};"));
            assert_eq!(c.register(0x10), pc, "interpret: {interpret}");
        }
        // A watchpoint elsewhere on the page does not stop.
        assert_eq!(c.ask(&format!("z4,{p2:x},1")), "OK");
        assert_eq!(c.ask("Z4,8100020,4"), "OK");
        assert_eq!(c.ask("c"), "W08");
        assert_eq!(t.join().unwrap(), Some(Outcome::Returned(8)));
    }
}

/// `monitor` commands: help, sr, screenshot, key.
#[test]
fn monitor_commands() {
    let (port, t) = stub(WAITS_FOR_EXE, "gdb-monitor");
    let mut c = Client::connect(port);
    let cmd = |c: &mut Client, line: &str| -> String {
        let hex: String = line.bytes().map(|b| format!("{b:02x}")).collect();
        let out = c.ask(&format!("qRcmd,{hex}"));
        let out = out.strip_prefix('O').expect("console output").to_owned();
        assert_eq!(c.packet(), "OK");
        let bytes: Vec<u8> = (0..out.len() / 2)
            .map(|i| u8::from_str_radix(&out[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    };
    assert!(cmd(&mut c, "help").contains("screenshot FILE.png"));
    assert!(cmd(&mut c, "sr").contains("MD=1"));
    // No key to give: the stop is SIGINT in GetKey; EXE lets it return.
    assert_eq!(c.ask("c"), "S02");
    let dir = common::tempdir("gdb-monitor-png");
    let png = dir.join("screen.png");
    let out = cmd(&mut c, &format!("screenshot {}", png.display()));
    assert!(out.starts_with("wrote"), "{out}");
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    assert!(cmd(&mut c, "key NOPE").contains("unknown key"));
    assert!(cmd(&mut c, "key EXE").contains("pressed EXE"));
    assert_eq!(c.ask("c"), "W07");
    assert_eq!(t.join().unwrap(), Some(Outcome::Returned(7)));
}

#[test]
fn ctrl_c_interrupts_a_running_add_in() {
    let (port, t) = stub(SPIN, "gdb-spin");
    let mut c = Client::connect(port);
    assert_eq!(c.ask("?"), "S05");
    write!(c.0, "$c#63").unwrap();
    thread::sleep(std::time::Duration::from_millis(100));
    c.0.write_all(&[3]).unwrap();
    assert_eq!(c.reply(), "S02");
    let pc = c.register(0x10);
    assert!((0x0030_0000..0x0030_0004).contains(&pc), "pc {pc:#x}");
    // `k` has no reply: the stub acknowledges it and ends the session.
    write!(c.0, "$k#6b").unwrap();
    let mut ack = [0u8];
    c.0.read_exact(&mut ack).unwrap();
    assert_eq!(ack[0], b'+');
    drop(c);
    assert_eq!(t.join().unwrap(), None, "killed while running");
}

/// The real debugger, when installed (Debian's gdb-multiarch): a breakpoint by symbol,
/// `info registers`, a step, and the exit.
#[test]
fn gdb_multiarch_session() {
    if std::process::Command::new("gdb-multiarch")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: gdb-multiarch is not installed");
        return;
    }
    let (_, elf) = build(COUNT, "gdb-real");
    let dir = common::tempdir("gdb-real-elf");
    let elf_path = dir.join("count.elf");
    std::fs::write(&elf_path, elf).unwrap();
    let (port, t) = stub(COUNT, "gdb-real-stub");
    let out = std::process::Command::new("gdb-multiarch")
        .arg("-batch")
        .args(["-ex", &format!("target remote :{port}")])
        .args(["-ex", "break loop", "-ex", "continue", "-ex", "continue"])
        .args(["-ex", "info registers r1 r2 pc", "-ex", "stepi"])
        .args(["-ex", "delete", "-ex", "continue"])
        .arg(&elf_path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Breakpoint 1, 0x00300004 in loop"), "{text}");
    assert!(text.contains("r2             0x1"), "{text}");
    assert!(text.contains("r1             0x4"), "{text}");
    assert!(text.contains("exited with code 05"), "{text}");
    assert_eq!(t.join().unwrap(), Some(Outcome::Returned(5)));
}

/// gdb-multiarch: a write watchpoint stops at the writing instruction with the old and
/// new values; `monitor` commands (sr, screenshot, key) reach the stub.
#[test]
fn gdb_multiarch_watchpoint_and_monitor() {
    if std::process::Command::new("gdb-multiarch")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: gdb-multiarch is not installed");
        return;
    }
    let dir = common::tempdir("gdb-real-watch");
    let (_, elf) = build(WATCHED, "gdb-real-watch-elf");
    let elf_path = dir.join("watched.elf");
    std::fs::write(&elf_path, elf).unwrap();
    let (port, t) = stub(WATCHED, "gdb-real-watch-stub");
    let out = std::process::Command::new("gdb-multiarch")
        .arg("-batch")
        .args(["-ex", &format!("target remote :{port}")])
        .args(["-ex", "watch *(int*)0x08100010", "-ex", "continue"])
        .args(["-ex", "info registers pc r2 sr", "-ex", "monitor sr"])
        .args(["-ex", "continue", "-ex", "delete", "-ex", "continue"])
        .arg(&elf_path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    println!("{text}");
    assert!(
        text.contains("Hardware watchpoint 1: *(int*)0x08100010"),
        "{text}"
    );
    assert!(text.contains("Old value = 0\nNew value = 7\n"), "{text}");
    assert!(text.contains("Old value = 7\nNew value = 8\n"), "{text}");
    assert!(text.contains("pc             0x300006"), "{text}");
    assert!(text.contains("r2             0x7"), "{text}");
    assert!(text.contains("MD=1 RB=0 BL=0"), "{text}");
    assert!(text.contains("exited with code 010"), "{text}");
    assert_eq!(t.join().unwrap(), Some(Outcome::Returned(8)));

    // GetKey waits (SIGINT); `monitor screenshot` saves the screen, `monitor key EXE`
    // lets GetKey return.
    let (_, elf) = build(WAITS_FOR_EXE, "gdb-real-key-elf");
    let elf_path = dir.join("waits.elf");
    std::fs::write(&elf_path, elf).unwrap();
    let png = dir.join("screen.png");
    let (port, t) = stub(WAITS_FOR_EXE, "gdb-real-key-stub");
    let out = std::process::Command::new("gdb-multiarch")
        .arg("-batch")
        .args(["-ex", &format!("target remote :{port}"), "-ex", "continue"])
        .args(["-ex", &format!("monitor screenshot {}", png.display())])
        .args(["-ex", "monitor key EXE", "-ex", "continue"])
        .arg(&elf_path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    println!("{text}");
    assert!(text.contains("SIGINT"), "{text}");
    assert!(text.contains("pressed EXE"), "{text}");
    assert!(text.contains("exited with code 07"), "{text}");
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    assert_eq!(t.join().unwrap(), Some(Outcome::Returned(7)));
}
