//! Instruction decoding: every 16-bit word maps to one [`Op`] through the precomputed
//! 65536-entry table [`DECODE`], built at compile time by [`decode`].

/// One SH-4A (no FPU) operation. Operand fields stay in the instruction word; the
/// executor extracts them. Names follow the SH-4A manual's mnemonics.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Op {
    Illegal,
    // 0000 group
    StcSr,
    StcGbr,
    StcVbr,
    StcSsr,
    StcSpc,
    StcSgr,
    StcDbr,
    StcBank,
    Bsrf,
    Braf,
    Movli,
    Movco,
    Pref,
    Ocbi,
    Ocbp,
    Ocbwb,
    Movca,
    Prefi,
    Icbi,
    MovBS0,
    MovWS0,
    MovLS0,
    MulL,
    Clrt,
    Sett,
    Clrmac,
    Ldtlb,
    Clrs,
    Sets,
    Nop,
    Div0u,
    Movt,
    StsMach,
    StsMacl,
    StsPr,
    Rts,
    Sleep,
    Rte,
    Synco,
    MovBL0,
    MovWL0,
    MovLL0,
    MacL,
    // 0001
    MovLSDisp,
    // 0010
    MovBS,
    MovWS,
    MovLS,
    MovBSDec,
    MovWSDec,
    MovLSDec,
    Div0s,
    Tst,
    And,
    Xor,
    Or,
    CmpStr,
    Xtrct,
    MuluW,
    MulsW,
    // 0011
    CmpEq,
    CmpHs,
    CmpGe,
    Div1,
    DmuluL,
    CmpHi,
    CmpGt,
    Sub,
    Subc,
    Subv,
    Add,
    DmulsL,
    Addc,
    Addv,
    // 0100
    Shll,
    Shlr,
    StsLMach,
    StcLSr,
    Rotl,
    Rotr,
    LdsLMach,
    LdcLSr,
    Shll2,
    Shlr2,
    LdsMach,
    Jsr,
    LdcSr,
    Dt,
    CmpPz,
    StsLMacl,
    StcLGbr,
    CmpPl,
    LdsLMacl,
    LdcLGbr,
    Shll8,
    Shlr8,
    LdsMacl,
    TasB,
    LdcGbr,
    Shal,
    Shar,
    StsLPr,
    StcLVbr,
    Rotcl,
    Rotcr,
    LdsLPr,
    LdcLVbr,
    Shll16,
    Shlr16,
    LdsPr,
    Jmp,
    LdcVbr,
    StcLSgr,
    StcLSsr,
    LdcLSsr,
    LdcSsr,
    LdcSgr,
    LdcLSgr,
    StcLSpc,
    LdcLSpc,
    LdcSpc,
    StcLDbr,
    LdcLDbr,
    LdcDbr,
    StcLBank,
    LdcLBank,
    LdcBank,
    Shad,
    Shld,
    MacW,
    MovuaL,
    MovuaLInc,
    // 0101
    MovLLDisp,
    // 0110
    MovBL,
    MovWL,
    MovLL,
    Mov,
    MovBLInc,
    MovWLInc,
    MovLLInc,
    Not,
    SwapB,
    SwapW,
    Negc,
    Neg,
    ExtuB,
    ExtuW,
    ExtsB,
    ExtsW,
    // 0111
    AddI,
    // 1000
    MovBS4,
    MovWS4,
    MovBL4,
    MovWL4,
    CmpEqI,
    Bt,
    Bf,
    BtS,
    BfS,
    // 1001
    MovWLPc,
    // 1010, 1011
    Bra,
    Bsr,
    // 1100
    MovBSGbr,
    MovWSGbr,
    MovLSGbr,
    Trapa,
    MovBLGbr,
    MovWLGbr,
    MovLLGbr,
    Mova,
    TstI,
    AndI,
    XorI,
    OrI,
    TstB,
    AndB,
    XorB,
    OrB,
    // 1101
    MovLLPc,
    // 1110
    MovI,
}

/// Number of [`Op`] variants.
pub const OP_COUNT: usize = Op::MovI as usize + 1;

/// Decodes one instruction word. FPU instructions (the SH7305 has no FPU) and undefined
/// encodings give [`Op::Illegal`].
pub const fn decode(w: u16) -> Op {
    use Op::*;
    let n = (w >> 8) & 0xF;
    let m = (w >> 4) & 0xF;
    let lo = w & 0xF;
    match w >> 12 {
        0x0 => match lo {
            0x2 => {
                if m & 8 != 0 {
                    StcBank
                } else {
                    match m {
                        0 => StcSr,
                        1 => StcGbr,
                        2 => StcVbr,
                        3 => StcSsr,
                        4 => StcSpc,
                        _ => Illegal,
                    }
                }
            }
            0x3 => match m {
                0x0 => Bsrf,
                0x2 => Braf,
                0x6 => Movli,
                0x7 => Movco,
                0x8 => Pref,
                0x9 => Ocbi,
                0xA => Ocbp,
                0xB => Ocbwb,
                0xC => Movca,
                0xD => Prefi,
                0xE => Icbi,
                _ => Illegal,
            },
            0x4 => MovBS0,
            0x5 => MovWS0,
            0x6 => MovLS0,
            0x7 => MulL,
            0x8 => {
                if n != 0 {
                    Illegal
                } else {
                    match m {
                        0 => Clrt,
                        1 => Sett,
                        2 => Clrmac,
                        3 => Ldtlb,
                        4 => Clrs,
                        5 => Sets,
                        _ => Illegal,
                    }
                }
            }
            0x9 => match m {
                0 if n == 0 => Nop,
                1 if n == 0 => Div0u,
                2 => Movt,
                _ => Illegal,
            },
            0xA => match m {
                0x0 => StsMach,
                0x1 => StsMacl,
                0x2 => StsPr,
                0x3 => StcSgr,
                0xF => StcDbr,
                _ => Illegal,
            },
            0xB => {
                if n != 0 {
                    Illegal
                } else {
                    match m {
                        0x0 => Rts,
                        0x1 => Sleep,
                        0x2 => Rte,
                        0xA => Synco,
                        _ => Illegal,
                    }
                }
            }
            0xC => MovBL0,
            0xD => MovWL0,
            0xE => MovLL0,
            0xF => MacL,
            _ => Illegal,
        },
        0x1 => MovLSDisp,
        0x2 => match lo {
            0x0 => MovBS,
            0x1 => MovWS,
            0x2 => MovLS,
            0x4 => MovBSDec,
            0x5 => MovWSDec,
            0x6 => MovLSDec,
            0x7 => Div0s,
            0x8 => Tst,
            0x9 => And,
            0xA => Xor,
            0xB => Or,
            0xC => CmpStr,
            0xD => Xtrct,
            0xE => MuluW,
            0xF => MulsW,
            _ => Illegal,
        },
        0x3 => match lo {
            0x0 => CmpEq,
            0x2 => CmpHs,
            0x3 => CmpGe,
            0x4 => Div1,
            0x5 => DmuluL,
            0x6 => CmpHi,
            0x7 => CmpGt,
            0x8 => Sub,
            0xA => Subc,
            0xB => Subv,
            0xC => Add,
            0xD => DmulsL,
            0xE => Addc,
            0xF => Addv,
            _ => Illegal,
        },
        0x4 => match lo {
            0xC => Shad,
            0xD => Shld,
            0xF => MacW,
            _ => match w & 0xFF {
                0x00 => Shll,
                0x01 => Shlr,
                0x02 => StsLMach,
                0x03 => StcLSr,
                0x04 => Rotl,
                0x05 => Rotr,
                0x06 => LdsLMach,
                0x07 => LdcLSr,
                0x08 => Shll2,
                0x09 => Shlr2,
                0x0A => LdsMach,
                0x0B => Jsr,
                0x0E => LdcSr,
                0x10 => Dt,
                0x11 => CmpPz,
                0x12 => StsLMacl,
                0x13 => StcLGbr,
                0x15 => CmpPl,
                0x16 => LdsLMacl,
                0x17 => LdcLGbr,
                0x18 => Shll8,
                0x19 => Shlr8,
                0x1A => LdsMacl,
                0x1B => TasB,
                0x1E => LdcGbr,
                0x20 => Shal,
                0x21 => Shar,
                0x22 => StsLPr,
                0x23 => StcLVbr,
                0x24 => Rotcl,
                0x25 => Rotcr,
                0x26 => LdsLPr,
                0x27 => LdcLVbr,
                0x28 => Shll16,
                0x29 => Shlr16,
                0x2A => LdsPr,
                0x2B => Jmp,
                0x2E => LdcVbr,
                0x32 => StcLSgr,
                0x33 => StcLSsr,
                0x36 => LdcLSgr,
                0x37 => LdcLSsr,
                0x3A => LdcSgr,
                0x3E => LdcSsr,
                0x43 => StcLSpc,
                0x47 => LdcLSpc,
                0x4E => LdcSpc,
                0xA9 => MovuaL,
                0xE9 => MovuaLInc,
                0xF2 => StcLDbr,
                0xF6 => LdcLDbr,
                0xFA => LdcDbr,
                x if x & 0x8F == 0x83 => StcLBank,
                x if x & 0x8F == 0x87 => LdcLBank,
                x if x & 0x8F == 0x8E => LdcBank,
                _ => Illegal,
            },
        },
        0x5 => MovLLDisp,
        0x6 => match lo {
            0x0 => MovBL,
            0x1 => MovWL,
            0x2 => MovLL,
            0x3 => Mov,
            0x4 => MovBLInc,
            0x5 => MovWLInc,
            0x6 => MovLLInc,
            0x7 => Not,
            0x8 => SwapB,
            0x9 => SwapW,
            0xA => Negc,
            0xB => Neg,
            0xC => ExtuB,
            0xD => ExtuW,
            0xE => ExtsB,
            _ => ExtsW,
        },
        0x7 => AddI,
        0x8 => match n {
            0x0 => MovBS4,
            0x1 => MovWS4,
            0x4 => MovBL4,
            0x5 => MovWL4,
            0x8 => CmpEqI,
            0x9 => Bt,
            0xB => Bf,
            0xD => BtS,
            0xF => BfS,
            _ => Illegal,
        },
        0x9 => MovWLPc,
        0xA => Bra,
        0xB => Bsr,
        0xC => match n {
            0x0 => MovBSGbr,
            0x1 => MovWSGbr,
            0x2 => MovLSGbr,
            0x3 => Trapa,
            0x4 => MovBLGbr,
            0x5 => MovWLGbr,
            0x6 => MovLLGbr,
            0x7 => Mova,
            0x8 => TstI,
            0x9 => AndI,
            0xA => XorI,
            0xB => OrI,
            0xC => TstB,
            0xD => AndB,
            0xE => XorB,
            _ => OrB,
        },
        0xD => MovLLPc,
        0xE => MovI,
        _ => Illegal,
    }
}

/// Builds the decode table.
const fn build_table() -> [Op; 65536] {
    let mut t = [Op::Illegal; 65536];
    let mut i = 0;
    while i < 65536 {
        t[i] = decode(i as u16);
        i += 1;
    }
    t
}

/// The decode table: `DECODE[word]` is the operation of instruction `word`.
pub static DECODE: [Op; 65536] = build_table();

/// Whether `op` may not sit in a delay slot (it changes the PC or SR, or is a trap):
/// such an instruction there raises a slot-illegal-instruction exception.
pub const fn slot_illegal(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Illegal
            | Bsrf
            | Braf
            | Rts
            | Rte
            | Jsr
            | Jmp
            | Bt
            | Bf
            | BtS
            | BfS
            | Bra
            | Bsr
            | Trapa
            | LdcSr
            | LdcLSr
            | Sleep
            | Ldtlb
    )
}
