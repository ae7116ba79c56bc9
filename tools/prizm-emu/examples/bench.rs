//! Benchmark: instructions per second of the interpreter against qemu-sh4eb on the same
//! static Linux/SH ELF, and the real-time factor against a 118 MHz fx-CG50.
//!
//! `cargo run --release -p prizm-emu --example bench -- PROGRAM.elf [RUNS] [--interpret]`
//! (build PROGRAM.elf from `bench/cpu_bench.c` as BENCH.md shows). Not a test.

use prizm_emu::harness::linux::{LinuxOutcome, load_elf, run_cpu};
use std::time::Instant;

/// CPU time (user + system) of this process and of its waited-for children, in seconds
/// (from /proc/self/stat, 10 ms ticks; 0 when unavailable): under load, wall time
/// includes time spent waiting for a core.
fn cpu_times() -> (f64, f64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0.0);
    };
    // Fields after the command name (which is in parentheses): state is field 3.
    let rest = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // utime, stime, cutime, cstime are fields 14-17 (indices 11-14 here).
    let tick = 100.0;
    if f.len() < 15 {
        return (0.0, 0.0);
    }
    ((f[11] + f[12]) / tick, (f[13] + f[14]) / tick)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: bench PROGRAM.elf [RUNS]");
        std::process::exit(1);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    // `--interpret` (third argument): measure the interpreter alone, no translation.
    let interpret = args.get(2).is_some_and(|a| a == "--interpret");
    let elf = std::fs::read(path).expect("read the ELF");
    let mut best_ours = f64::MAX;
    let mut best_ours_cpu = f64::MAX;
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let c = cpu_times().0;
        let mut cpu = load_elf(&elf).expect("load");
        cpu.set_translate(!interpret);
        let r = run_cpu(&mut cpu, u64::MAX);
        let dt = t.elapsed().as_secs_f64();
        best_ours_cpu = best_ours_cpu.min(cpu_times().0 - c);
        assert!(
            matches!(r.outcome, LinuxOutcome::Exited(_)),
            "{:?}",
            r.outcome
        );
        count = r.instructions;
        best_ours = best_ours.min(dt);
    }
    let mut best_qemu = f64::MAX;
    let mut best_qemu_cpu = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let c = cpu_times().1;
        let st = std::process::Command::new("qemu-sh4eb")
            .arg(path)
            .status()
            .expect("qemu-sh4eb");
        let dt = t.elapsed().as_secs_f64();
        assert!(st.code().is_some(), "qemu crashed");
        best_qemu = best_qemu.min(dt);
        best_qemu_cpu = best_qemu_cpu.min(cpu_times().1 - c);
    }
    let ips_ours = count as f64 / best_ours;
    let ips_qemu = count as f64 / best_qemu;
    println!("program:            {path}");
    println!(
        "prizm-emu mode:     {}",
        if interpret {
            "interpreter only"
        } else {
            "translation to x86-64"
        }
    );
    println!("instructions:       {count}");
    println!(
        "prizm-emu:          {best_ours:.3} s  {:.1} M instructions/s",
        ips_ours / 1e6
    );
    println!(
        "qemu-sh4eb:         {best_qemu:.3} s  {:.1} M instructions/s",
        ips_qemu / 1e6
    );
    println!("speed vs qemu:      {:.2}x", ips_ours / ips_qemu);
    println!(
        "CPU time (10 ms ticks): prizm-emu {best_ours_cpu:.2} s, qemu-sh4eb {best_qemu_cpu:.2} s, ratio {:.2}x",
        best_qemu_cpu / best_ours_cpu
    );
    println!(
        "real-time factor:   {:.2}x a 118 MHz fx-CG50 (1 instruction = 1 cycle)",
        ips_ours / 118e6
    );
}
