//! Lets the linker find `linux.ld` (named by sh4-linux.json). `libgcc.a` comes through
//! the `prizm` dependency's build script.
fn main() {
    println!("cargo::rerun-if-changed=linux.ld");
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    println!("cargo::rustc-link-search=native={dir}");
}
