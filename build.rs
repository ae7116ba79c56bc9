//! Build script of the SDK: puts the add-in linker script (and its MEMORY regions, from
//! `prizm-abi`) where the linker finds it when building for the calculator, and points the linker at GCC's `libgcc.a` for every
//! target of this toolchain. The calculator's `cfg(prizm)` comes from the SDK's cargo
//! settings (`cargo-config.toml`), for every crate built for the calculator.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::Command,
};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(prizm)");
    println!("cargo::rerun-if-changed=src/rt/prizm.ld");
    println!("cargo::rerun-if-env-changed=PRIZM_LIBGCC_DIR");
    if env::var_os("CARGO_CFG_PRIZM").is_some() {
        // The target spec passes `-Tprizm.ld`; the search path below makes the linker
        // find it for every add-in that depends on this crate.
        let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
        fs::copy("src/rt/prizm.ld", out.join("prizm.ld")).expect("copy src/rt/prizm.ld");
        // Its MEMORY regions, from the calculator's memory map (prizm-abi).
        fs::write(out.join("prizm-memory.ld"), linker_memory()).expect("write prizm-memory.ld");
        println!("cargo::rustc-link-search=native={}", out.display());
    }
    // Every target of this toolchain (sh4-prizm.json, the test harness's sh4-linux.json)
    // is vendor "casio" and links `-lgcc`: GCC's own helpers, with private register
    // contracts, that nothing else may replace.
    if env::var("CARGO_CFG_TARGET_VENDOR").as_deref() == Ok("casio") {
        let dir = libgcc_dir();
        if !dir.join("libgcc.a").is_file() {
            panic!(
                "libgcc.a not found in {}: the Prizm toolchain is not installed; run tools/setup",
                dir.display()
            );
        }
        println!("cargo::rustc-link-search=native={}", dir.display());
    }
}

/// The linker script's MEMORY command: the image region `rom` and the add-in RAM window
/// `ram`, from `prizm_abi::memory`.
fn linker_memory() -> String {
    use prizm_abi::memory::{IMAGE, IMAGE_MAX, RAM_SIZE, RAM_WINDOW};
    format!(
        "MEMORY\n{{\n    rom (rx)  : ORIGIN = {IMAGE:#010x}, LENGTH = {IMAGE_MAX:#x}\n    \
         ram (rwx) : ORIGIN = {RAM_WINDOW:#010x}, LENGTH = {RAM_SIZE:#x}\n}}\n"
    )
}

/// Where `tools/setup` links GCC's `libgcc.a`: next to the `libgccjit.so` that the
/// codegen backend loads, in the nightly's sysroot (or `$PRIZM_LIBGCC_DIR`).
fn libgcc_dir() -> PathBuf {
    if let Some(dir) = env::var_os("PRIZM_LIBGCC_DIR") {
        return PathBuf::from(dir);
    }
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .expect("run rustc --print sysroot");
    let sysroot = String::from_utf8(out.stdout).expect("sysroot path is UTF-8");
    let host = env::var("HOST").expect("cargo sets HOST");
    Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(host)
        .join("codegen-backends/lib/sh-elf")
}
