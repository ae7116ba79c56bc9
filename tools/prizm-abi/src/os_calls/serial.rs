//! OS calls: the 3-pin serial port and the calculator-to-calculator link protocol.

/// The serial area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! serial_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/*.h` and `libfxcg/syscalls/*.S` ([LFX-S])";
            0x1BB7 "Opens the serial port; `mode` is 6 bytes (baud rate index, parity...)." fn Serial_Open(mode: *const u8) -> i32;
            0x1BC6 "1 if the serial port is open." fn Serial_IsOpen() -> i32;
            0x1BB8 "Closes the serial port." fn Serial_Close(mode: i32) -> i32;
            0x1BBA "Reads up to `size` bytes; *count gets the number read." fn Serial_Read(out: *mut u8, size: i32, count: *mut i16) -> i32;
            0x1BB9 "Reads one byte." fn Serial_ReadSingle(out: *mut u8) -> i32;
            0x1BBB "Peeks at byte `index` of the receive buffer." fn Serial_Peek(index: i32, out: *mut u8) -> i32;
            0x1BBF "Bytes waiting in the receive buffer." fn Serial_PollRX() -> i32;
            0x1BC1 "Empties the receive buffer." fn Serial_ClearRX() -> i32;
            0x1BBE "Queues `count` bytes for sending." fn Serial_Write(buf: *const u8, count: i32) -> i32;
            0x1BBC "Queues one byte." fn Serial_WriteSingle(x: u8) -> i32;
            0x1BBD "Sends one byte directly." fn Serial_WriteUnbuffered(x: u8) -> i32;
            0x1BC0 "Free space in the transmit buffer." fn Serial_PollTX() -> i32;
            0x1BC2 "Empties the transmit buffer." fn Serial_ClearTX() -> i32;
            0x140A "Link receive timeout in ms." fn App_LINK_GetReceiveTimeout_ms() -> i32;
            0x1409 "Sets the link receive timeout in ms." fn App_LINK_SetReceiveTimeout_ms(timeout: i32);
            0x1397 "Switches both ends of the link to 115200 baud." fn App_LINK_SetRemoteBaud() -> i32;
            0x1398 "Sends the link's ST9 packet." fn App_LINK_Send_ST9_Packet() -> i32;
            0x1399 "Type and OS version of the calculator at the other end." fn App_LINK_GetDeviceInfo(calc_type: *mut u32, os_version: *mut u16) -> i32;
            0x13A6 "Prepares a file transfer (libfxcg `struct TTransmitBuffer`)." fn App_LINK_TransmitInit(ttb: *mut c_void) -> i32;
            0x13A7 "Transfers a file (libfxcg `struct TTransmitBuffer`)." fn App_LINK_Transmit(ttb: *mut c_void) -> i32;
            0x1353 "Opens the link protocol." fn Comm_Open(parameters: u16) -> i32;
            0x1354 "Closes the link protocol." fn Comm_Close(mode: i32) -> i32;
            0x1396 "Checks for a link packet." fn Comm_TryCheckPacket(subtype: u8) -> i32;
            0x13F1 "Ends a link session." fn Comm_Terminate(subtype: u8) -> i32;
        }
    };
}
