//! The OS call stubs assemble with binutils' `sh-elf-as` to the expected SH code:
//! `mov.l @(1,pc),r2; mov.l @(2,pc),r0; jmp @r2; nop; .long 0x80020070; .long NUM`.
//! Skipped when `sh-elf-as` is not installed.
use std::{path::PathBuf, process::Command};

fn tool(name: &str) -> Option<PathBuf> {
    let ok = Command::new(name)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    ok.then(|| PathBuf::from(name))
}

fn assemble(text: &str, section: &str) -> Option<Vec<u8>> {
    let (as_, objcopy) = (tool("sh-elf-as")?, tool("sh-elf-objcopy")?);
    let dir = std::env::temp_dir().join(format!("prizm-sdk-asm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (src, obj, bin) = (
        dir.join("s.s"),
        dir.join("s.o"),
        dir.join(format!("{section}.bin")),
    );
    std::fs::write(&src, text).unwrap();
    let st = Command::new(as_)
        .arg("-big")
        .arg("-o")
        .arg(&obj)
        .arg(&src)
        .status()
        .unwrap();
    assert!(st.success(), "sh-elf-as failed on:\n{text}");
    let st = Command::new(objcopy)
        .args(["-O", "binary", "--only-section", section])
        .arg(&obj)
        .arg(&bin)
        .status()
        .unwrap();
    assert!(st.success());
    Some(std::fs::read(&bin).unwrap())
}

#[test]
fn stubs_assemble_to_the_os_call_sequence() {
    let text = [
        prizm::os_call_asm!(0x0272, Bdisp_AllClr_VRAM),
        prizm::os_call_asm!(0x1DAF, Bfile_WriteFile_OS),
        prizm::os_call_asm!(0x0EAB, GetKey),
    ]
    .concat();
    for (section, num) in [
        ("Bdisp_AllClr_VRAM", 0x0272u32),
        ("Bfile_WriteFile_OS", 0x1DAF),
        ("GetKey", 0x0EAB),
    ] {
        let Some(bytes) = assemble(&text, &format!(".text.prizm.sys.{section}")) else {
            eprintln!("sh-elf-as not installed: skipped");
            return;
        };
        let mut expect = vec![
            0xD2, 0x01, 0xD0, 0x02, 0x42, 0x2B, 0x00, 0x09, 0x80, 0x02, 0x00, 0x70,
        ];
        expect.extend(num.to_be_bytes());
        assert_eq!(bytes, expect, "{section}");
    }
}
