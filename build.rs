//! Build script of the SDK: sets the `prizm` cfg when building for the calculator
//! and puts the add-in linker script where the linker finds it.

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(prizm)");
    println!("cargo::rerun-if-changed=src/rt/prizm.ld");
    let target = env::var("TARGET").unwrap_or_default();
    if target == "sh4-prizm" || target.ends_with("sh4-prizm.json") {
        println!("cargo::rustc-cfg=prizm");
        // The target spec passes `-Tprizm.ld`; the search path below makes the linker
        // find it for every add-in that depends on this crate.
        let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
        fs::copy("src/rt/prizm.ld", out.join("prizm.ld")).expect("copy src/rt/prizm.ld");
        println!("cargo::rustc-link-search=native={}", out.display());
    }
}
