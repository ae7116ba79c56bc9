//! Benchmark: instructions per second of the interpreter against qemu-sh4eb on the same
//! static Linux/SH ELF, and the real-time factor against a 118 MHz fx-CG50.
//!
//! `cargo run --release -p prizm-emu --example bench -- PROGRAM.elf [RUNS]`
//! (build PROGRAM.elf from `bench/cpu_bench.c` as BENCH.md shows). Not a test.

use prizm_emu::linux::{LinuxOutcome, run_elf};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: bench PROGRAM.elf [RUNS]");
        std::process::exit(1);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let elf = std::fs::read(path).expect("read the ELF");
    let mut best_ours = f64::MAX;
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let r = run_elf(&elf, u64::MAX).expect("load");
        let dt = t.elapsed().as_secs_f64();
        assert!(
            matches!(r.outcome, LinuxOutcome::Exited(_)),
            "{:?}",
            r.outcome
        );
        count = r.instructions;
        best_ours = best_ours.min(dt);
    }
    let mut best_qemu = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let st = std::process::Command::new("qemu-sh4eb")
            .arg(path)
            .status()
            .expect("qemu-sh4eb");
        let dt = t.elapsed().as_secs_f64();
        assert!(st.code().is_some(), "qemu crashed");
        best_qemu = best_qemu.min(dt);
    }
    let ips_ours = count as f64 / best_ours;
    let ips_qemu = count as f64 / best_qemu;
    println!("program:            {path}");
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
        "real-time factor:   {:.2}x a 118 MHz fx-CG50 (1 instruction = 1 cycle)",
        ips_ours / 118e6
    );
}
