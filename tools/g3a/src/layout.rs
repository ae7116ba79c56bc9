//! Offsets and sizes of the fields of a `.g3a` file.
//!
//! Every multi-byte number is big-endian. The first [`INVERTED_LEN`] bytes of the file are
//! stored bit-inverted (`!byte`); the offsets below are the same in the plain and the
//! stored form.

/// Size of the header: the code starts at this offset.
pub const HEADER_LEN: usize = 0x7000;
/// Size of the trailer at the end of the file (a copy of the checksum).
pub const TRAILER_LEN: usize = 4;
/// The smallest possible file: a header, no code, and the trailer.
pub const MIN_FILE_LEN: usize = HEADER_LEN + TRAILER_LEN;
/// Number of leading bytes stored bit-inverted.
pub const INVERTED_LEN: usize = 0x20;
/// Address at which the OS maps the code (the bytes after the header):
/// `prizm_abi::memory::IMAGE`.
pub const CODE_ADDRESS: u32 = prizm_abi::memory::IMAGE;
/// Most code bytes the OS maps: 2 MiB, 0x00300000..0x00500000 (`prizm_abi::memory::IMAGE_MAX`).
///
/// gint's fx-CG50 linker script gives add-in code a 2 MiB region at 0x00300000; WikiPrizm
/// gives 1 MB on OS 1.01 and 1.02 and "larger" on later systems. The largest real add-in
/// checked (KhiCAS 1.8.0) has 2,002,040 bytes of code. See the crate's README.
pub const MAX_CODE_LEN: usize = prizm_abi::memory::IMAGE_MAX as usize;

/// `"USBPower"` (plain form).
pub const MAGIC: usize = 0x000;
/// The plain magic.
pub const MAGIC_VALUE: &[u8; 8] = b"USBPower";
/// File type byte.
pub const TYPE: usize = 0x008;
/// Plain value of the file type byte for add-ins.
pub const TYPE_VALUE: u8 = 0x2C;
/// Five constant bytes after the type.
pub const FORMAT: usize = 0x009;
/// Plain value of the five constant bytes.
pub const FORMAT_VALUE: [u8; 5] = [0x00, 0x01, 0x00, 0x01, 0x00];
/// First control byte: low byte of the file size plus [`CONTROL1_ADD`] (plain form).
pub const CONTROL1: usize = 0x00E;
/// Added to the low byte of the file size to give the first control byte.
pub const CONTROL1_ADD: u8 = 0x41;
/// A constant byte.
pub const BYTE_0F: usize = 0x00F;
/// Plain value of the byte at [`BYTE_0F`].
pub const BYTE_0F_VALUE: u8 = 0x01;
/// File size (plain form, u32).
pub const FILE_SIZE: usize = 0x010;
/// Second control byte: low byte of the file size plus [`CONTROL2_ADD`] (plain form).
pub const CONTROL2: usize = 0x014;
/// Added to the low byte of the file size to give the second control byte.
pub const CONTROL2_ADD: u8 = 0xB8;
/// A 16-bit word the OS does not check; fxgxa and this crate's writer store the sum of the
/// eight big-endian words at [`WORD_SUM_START`] there (plain form, u16), mkg3a leaves it
/// unset (stored `00 00`). See [`crate::Word16`].
pub const WORD_SUM: usize = 0x016;
/// File offset of the eight words summed into [`WORD_SUM`].
pub const WORD_SUM_START: usize = 0x7100;
/// Checksum of the whole file (u32), not inverted.
pub const CHECKSUM: usize = 0x020;
/// Two constant bytes `01 01`.
pub const MARKER: usize = 0x024;
/// Value of the two bytes at [`MARKER`].
pub const MARKER_VALUE: [u8; 2] = [0x01, 0x01];
/// Code size: file size minus header minus trailer (u32).
pub const CODE_SIZE: usize = 0x02E;
/// Short name, NUL-padded.
pub const SHORT_NAME: usize = 0x040;
/// Room for the short name in the file (mkg3a's; fxgxa gives it 16 bytes and leaves the
/// next 12 unused).
pub const SHORT_NAME_LEN: usize = 0x1C;
/// Longest short name the writer accepts.
pub const SHORT_NAME_MAX: usize = 16;
/// File size again (u32).
pub const FILE_SIZE_2: usize = 0x05C;
/// Internal name `"@NAME"`, NUL-padded.
pub const INTERNAL_NAME: usize = 0x060;
/// Room for the internal name.
pub const INTERNAL_NAME_LEN: usize = 11;
/// Longest internal name after the `@`.
pub const INTERNAL_NAME_MAX: usize = 8;
/// The eight localized labels, one after the other.
pub const LABELS: usize = 0x06B;
/// Room for one label.
pub const LABEL_LEN: usize = 24;
/// Number of labels.
pub const LABEL_COUNT: usize = 8;
/// eActivity strip flag (0 or 1).
pub const EACTIVITY: usize = 0x12B;
/// Version `"MM.mm.pppp"`.
pub const VERSION: usize = 0x130;
/// Room for the version (10 characters and 2 NULs).
pub const VERSION_LEN: usize = 12;
/// Build date `"yyyy.MMdd.hhmm"`.
pub const DATE: usize = 0x13C;
/// Length of the date.
pub const DATE_LEN: usize = 14;
/// eActivity strip labels (8 × 36 bytes, left zero by the writer).
pub const ESTRIP_LABELS: usize = 0x170;
/// eActivity monochrome icon (64×24, 4 bits a pixel, left zero by the writer).
pub const EACT_ICON: usize = 0x290;
/// File name `"X.g3a"`, NUL-padded.
pub const FILE_NAME: usize = 0xEBC;
/// Room for the file name.
pub const FILE_NAME_LEN: usize = 324;
/// Icon shown when the add-in is not selected in the main menu.
pub const ICON_UNSELECTED: usize = 0x1000;
/// Icon shown when the add-in is selected in the main menu.
pub const ICON_SELECTED: usize = 0x4000;
/// Icon width in pixels.
pub const ICON_WIDTH: usize = 92;
/// Icon height in pixels.
pub const ICON_HEIGHT: usize = 64;
/// Size of one icon in the file (RGB565 big-endian).
pub const ICON_BYTES: usize = ICON_WIDTH * ICON_HEIGHT * 2;
/// Start of the code.
pub const CODE: usize = HEADER_LEN;
