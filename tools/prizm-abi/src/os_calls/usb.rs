//! OS calls: raw USB communication.

/// The usb area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! usb_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/usb.h` and `libfxcg/syscalls/*.S` ([LFX-S])";
            0x134E "Opens the USB port." fn USB_Open(param: i16) -> i32;
            0x1ED9 "1 if the USB port is open." fn USB_IsOpen() -> i32;
            0x1350 "Closes the USB port." fn USB_Close(mode: i32) -> i32;
            0x1EDE "Reads up to `size` bytes; *count gets the number read." fn USB_Read(out: *mut u8, size: i32, count: *mut i16) -> i32;
            0x1EDD "Reads one byte." fn USB_ReadSingle(out: *mut u8) -> i32;
            0x1EDF "Peeks at byte `index` of the receive buffer." fn USB_Peek(index: i32, out: *mut u8) -> i32;
            0x1EE0 "Bytes waiting in the receive buffer." fn USB_PollRX() -> i32;
            0x1EE2 "Empties the receive buffer." fn USB_ClearRX() -> i32;
            0x1EDB "Queues `count` bytes for sending." fn USB_Write(buf: *const u8, count: i32) -> i32;
            0x1EDA "Queues one byte." fn USB_WriteSingle(x: u8) -> i32;
            0x1EE1 "Free space in the transmit buffer." fn USB_PollTX() -> i32;
            0x1EE3 "Empties the transmit buffer." fn USB_ClearTX() -> i32;
        }
    };
}
