//! Turning a linked add-in (a big-endian SuperH ELF32 executable) into the flat image that
//! the OS maps at 0x00300000.

use std::path::Path;

use crate::error::{Error, Result};

/// Where the OS maps the image, and where the add-in must start (`prizm_abi::memory`).
pub const LOAD_ADDRESS: u32 = prizm_abi::memory::IMAGE;
/// The largest image: 2 MiB, the `rom` region of `src/rt/prizm.ld` (`prizm_abi::memory`).
pub const MAX_IMAGE_SIZE: u32 = prizm_abi::memory::IMAGE_MAX;
/// `e_machine` of SuperH.
pub const EM_SH: u16 = 42;
/// `p_type` of a loadable segment.
const PT_LOAD: u32 = 1;
/// `e_type` of an executable.
const ET_EXEC: u16 = 2;

/// A loadable segment of the ELF file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Index in the program header table.
    pub index: usize,
    /// Offset of its bytes in the file.
    pub offset: u32,
    /// Run-time (virtual) address.
    pub vaddr: u32,
    /// Load (physical) address: where its bytes are in the image.
    pub paddr: u32,
    /// Bytes in the file.
    pub filesz: u32,
    /// Bytes in memory (the rest is zeroed at run time).
    pub memsz: u32,
}

fn machine_name(m: u16) -> &'static str {
    match m {
        2 => "SPARC",
        3 => "x86",
        8 => "MIPS",
        20 => "PowerPC",
        40 => "ARM",
        42 => "SuperH",
        62 => "x86-64",
        183 => "AArch64",
        243 => "RISC-V",
        _ => "unknown",
    }
}

fn be16(d: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([d[at], d[at + 1]])
}

fn be32(d: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]])
}

/// The loadable segments with bytes in the file, after checking the ELF header: a 32-bit,
/// big-endian SuperH executable whose entry point is 0x00300000.
pub fn load_segments(elf: &[u8], path: &Path) -> Result<Vec<Segment>> {
    let fail = |m: String| Err(Error::elf(path, m));
    if elf.len() < 4 || &elf[..4] != b"\x7fELF" {
        return fail("not an ELF file (it does not start with \\x7fELF)".into());
    }
    if elf.len() < 52 {
        return fail(format!(
            "truncated ELF file ({} bytes, shorter than an ELF header)",
            elf.len()
        ));
    }
    match elf[4] {
        1 => {}
        2 => return fail("a 64-bit ELF file; a Prizm add-in is a 32-bit ELF (ELFCLASS32)".into()),
        c => return fail(format!("bad ELF class {c}: expected 1 (32-bit)")),
    }
    match elf[5] {
        2 => {}
        1 => {
            return fail(
                "a little-endian ELF file; the Prizm is big-endian: build for sh4-prizm.json \
                 (sh-elf-ld -EB)"
                    .into(),
            );
        }
        d => {
            return fail(format!(
                "bad ELF data encoding {d}: expected 2 (big-endian)"
            ));
        }
    }
    let machine = be16(elf, 18);
    if machine != EM_SH {
        return fail(format!(
            "an ELF file for machine {machine} ({}), not SuperH ({EM_SH}): it was not built for \
             the Prizm (target sh4-prizm.json)",
            machine_name(machine)
        ));
    }
    let etype = be16(elf, 16);
    if etype != ET_EXEC {
        return fail(format!(
            "not an executable (ELF type {etype}, expected {ET_EXEC}: ET_EXEC)"
        ));
    }
    let entry = be32(elf, 24);
    if entry != LOAD_ADDRESS {
        return fail(format!(
            "the entry point is {entry:#010x}, but an add-in must start at {LOAD_ADDRESS:#010x} \
             (link with src/rt/prizm.ld and put the start code in .text.prizm.start)"
        ));
    }
    let phoff = be32(elf, 28) as usize;
    let phentsize = be16(elf, 42) as usize;
    let phnum = be16(elf, 44) as usize;
    if phnum > 0 && phentsize < 32 {
        return fail(format!(
            "bad program header size {phentsize}: expected at least 32"
        ));
    }
    let table_end = phoff.checked_add(phentsize * phnum);
    if table_end.is_none_or(|end| end > elf.len()) {
        return fail(format!(
            "the program header table ({phnum} entries at offset {phoff:#x}) goes past the end \
             of the file ({} bytes)",
            elf.len()
        ));
    }
    let mut segments = Vec::new();
    for index in 0..phnum {
        let h = phoff + index * phentsize;
        if be32(elf, h) != PT_LOAD {
            continue;
        }
        let seg = Segment {
            index,
            offset: be32(elf, h + 4),
            vaddr: be32(elf, h + 8),
            paddr: be32(elf, h + 12),
            filesz: be32(elf, h + 16),
            memsz: be32(elf, h + 20),
        };
        if seg.filesz == 0 {
            continue;
        }
        if (seg.offset as u64 + seg.filesz as u64) > elf.len() as u64 {
            return fail(format!(
                "segment {index}: its {} bytes at offset {:#x} go past the end of the file ({} bytes)",
                seg.filesz,
                seg.offset,
                elf.len()
            ));
        }
        let end = seg.paddr as u64 + seg.filesz as u64;
        let rom_end = LOAD_ADDRESS as u64 + MAX_IMAGE_SIZE as u64;
        if seg.paddr < LOAD_ADDRESS || end > rom_end {
            return fail(format!(
                "segment {index} loads {} bytes at {:#010x} (run-time address {:#010x}), outside \
                 the add-in image {LOAD_ADDRESS:#010x}..{rom_end:#010x}",
                seg.filesz, seg.paddr, seg.vaddr
            ));
        }
        segments.push(seg);
    }
    segments.sort_by_key(|s| s.paddr);
    for pair in segments.windows(2) {
        if pair[0].paddr + pair[0].filesz > pair[1].paddr {
            return fail(format!(
                "segments {} and {} overlap at load address {:#010x}",
                pair[0].index, pair[1].index, pair[1].paddr
            ));
        }
    }
    match segments.first() {
        None => fail("no loadable segment with bytes: there is no code to pack".into()),
        Some(first) if first.paddr != LOAD_ADDRESS => fail(format!(
            "nothing is loaded at the entry point {LOAD_ADDRESS:#010x} (the first segment loads \
             at {:#010x})",
            first.paddr
        )),
        Some(_) => Ok(segments),
    }
}

/// The flat image of an add-in: every loadable segment's file bytes placed at its load
/// (physical) address minus 0x00300000, so that `.data` sits where the start-up code
/// copies it from; gaps are zero. See [`load_segments`] for the checks.
pub fn elf_to_image(elf: &[u8], path: &Path) -> Result<Vec<u8>> {
    let segments = load_segments(elf, path)?;
    let end = segments
        .iter()
        .map(|s| s.paddr + s.filesz - LOAD_ADDRESS)
        .max()
        .unwrap_or(0) as usize;
    let mut image = vec![0u8; end];
    for s in &segments {
        let at = (s.paddr - LOAD_ADDRESS) as usize;
        let from = s.offset as usize;
        image[at..at + s.filesz as usize].copy_from_slice(&elf[from..from + s.filesz as usize]);
    }
    Ok(image)
}
