//! ELF symbols for crash reports: symbolizes addresses (with demangled Rust names) and
//! finds return addresses on the stack.

use object::{Object, ObjectSection, ObjectSymbol, SymbolKind};

/// The symbol the SDK's linker script puts at the end of static data.
const STATIC_END: &str = "_prizm_end";
/// The SDK's record of the panic being shown (`prizm_abi::records::PanicRecord`).
const PANIC_RECORD: &str = prizm_abi::records::PANIC_SYMBOL;

/// Function symbols of an ELF file, sorted by address, and the end of static data.
#[derive(Clone, Debug)]
pub struct Symbols {
    funcs: Vec<(u32, u32, String)>,
    text: Vec<(u32, u32)>,
    static_end: Option<u32>,
    panic_record: Option<u32>,
}

impl Symbols {
    /// Reads the symbol table of an ELF file.
    pub fn parse(bytes: &[u8]) -> Result<Symbols, String> {
        let file =
            object::File::parse(bytes).map_err(|e| format!("--elf: not an ELF file: {e}"))?;
        let mut funcs = Vec::new();
        let text_sections: Vec<_> = file
            .sections()
            .filter(|s| s.kind() == object::SectionKind::Text)
            .map(|s| s.index())
            .collect();
        let (mut static_end, mut panic_record) = (None, None);
        for sym in file.symbols() {
            match sym.name() {
                Ok(STATIC_END) => static_end = Some(sym.address() as u32),
                Ok(PANIC_RECORD) => panic_record = Some(sym.address() as u32),
                _ => {}
            }
            let in_text = sym
                .section_index()
                .is_some_and(|i| text_sections.contains(&i));
            let kind_ok = matches!(
                sym.kind(),
                SymbolKind::Text | SymbolKind::Unknown | SymbolKind::Label
            );
            if !in_text || !kind_ok {
                continue;
            }
            let Ok(name) = sym.name() else { continue };
            if name.is_empty() || name.starts_with(".L") || name.starts_with('$') {
                continue;
            }
            let name = name
                .strip_prefix('_')
                .filter(|n| n.starts_with("_ZN") || n.starts_with("_R"))
                .unwrap_or(name);
            let name = format!("{:#}", rustc_demangle::demangle(name));
            funcs.push((sym.address() as u32, sym.size() as u32, name));
        }
        funcs.sort();
        let mut text = Vec::new();
        for sec in file.sections() {
            if sec.kind() == object::SectionKind::Text {
                text.push((sec.address() as u32, (sec.address() + sec.size()) as u32));
            }
        }
        Ok(Symbols {
            funcs,
            text,
            static_end,
            panic_record,
        })
    }

    /// The end of the add-in's static data, where the stack must stop (the SDK's
    /// linker script defines it as `_prizm_end`); `None` for other ELFs.
    pub fn static_end(&self) -> Option<u32> {
        self.static_end
    }

    /// Where the SDK's panic handler records the panic being shown (`_prizm_panic`).
    pub fn panic_record(&self) -> Option<u32> {
        self.panic_record
    }

    /// The function symbols, sorted by address: start, size (0 when the ELF does not
    /// say) and demangled name.
    pub fn functions(&self) -> &[(u32, u32, String)] {
        &self.funcs
    }

    /// The end of the executable section that holds `addr`.
    pub fn text_end(&self, addr: u32) -> Option<u32> {
        self.text
            .iter()
            .find(|&&(a, b)| addr >= a && addr < b)
            .map(|&(_, b)| b)
    }

    /// Whether `addr` is inside an executable section.
    pub fn in_text(&self, addr: u32) -> bool {
        self.text.iter().any(|&(a, b)| addr >= a && addr < b)
    }

    /// `name+0xoff` for an address inside a known function.
    pub fn symbolize(&self, addr: u32) -> Option<String> {
        let i = self.funcs.partition_point(|f| f.0 <= addr);
        if i == 0 {
            return None;
        }
        let (start, size, name) = &self.funcs[i - 1];
        if *size != 0 && addr >= start + size {
            // Past the end of the closest symbol: still name it when inside .text.
            if !self.in_text(addr) {
                return None;
            }
        }
        Some(format!("{name}+{:#x}", addr - start))
    }

    /// Likely return addresses found by scanning `stack` (32-bit big-endian words read
    /// upward from the stack pointer): words that point into .text, just after a call.
    pub fn scan_stack(&self, stack: &[u8], max: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        for (i, w) in stack.chunks_exact(4).enumerate() {
            let v = u32::from_be_bytes([w[0], w[1], w[2], w[3]]);
            if v & 1 == 0 && self.in_text(v) && self.funcs.iter().any(|f| f.0 < v) {
                out.push((i * 4, v));
                if out.len() >= max {
                    break;
                }
            }
        }
        out
    }
}
