//! System calls: start-up check, OS version, setup settings, power, the OS heap, and a
//! few string helpers.

use super::{CallResult, Ctx, Entry, Event};
use prizm_abi::os_calls::calls;
use std::collections::BTreeMap;

/// System state.
#[derive(Clone, Debug)]
pub struct SystemState {
    /// The setup settings (GetSetupSetting/SetSetupSetting), all 0 at start.
    pub setup: [u8; 256],
    /// OS heap blocks in use: address -> size.
    pub heap: BTreeMap<u32, u32>,
    /// Auto power-off time in minutes.
    pub auto_power_off: u32,
    /// Backlight duration in half-minutes.
    pub backlight: u32,
    /// Battery type setting (GetBatteryType/SetBatteryType): 1 alkaline, 2 Ni-MH.
    pub battery_type: u32,
}

impl Default for SystemState {
    fn default() -> Self {
        SystemState {
            setup: [0; 256],
            heap: BTreeMap::new(),
            auto_power_off: 10,
            backlight: 2,
            battery_type: 1,
        }
    }
}

/// The system calls.
pub const CALLS: &[Entry] = &[
    (
        calls::GlibAddinAplExecutionCheck,
        glib_addin_apl_execution_check,
    ),
    (calls::GlibGetOSVersionInfo, glib_get_os_version_info),
    (calls::GetSetupSetting, get_setup_setting),
    (calls::SetSetupSetting, set_setup_setting),
    (calls::PowerOff, power_off),
    (calls::GetAutoPowerOffTime, get_auto_power_off_time),
    (calls::SetAutoPowerOffTime, set_auto_power_off_time),
    (calls::GetBacklightDuration, get_backlight_duration),
    (calls::SetBacklightDuration, set_backlight_duration),
    (calls::sys_malloc, sys_malloc),
    (calls::sys_free, sys_free),
    (calls::sys_realloc, sys_realloc),
    (calls::sys_memcmp, sys_memcmp),
    (calls::sys_memcpy, sys_memcpy),
    (calls::sys_memset, sys_memset),
    (calls::strlen, strlen),
    (calls::GetStackPtr, get_stack_ptr),
    (calls::itoa, itoa),
    (calls::GetMainBatteryVoltage, get_main_battery_voltage),
    (calls::GetBatteryType, get_battery_type),
    (calls::SetBatteryType, set_battery_type),
];

/// The emulated calculator's batteries: four fresh AAA alkaline cells (the fx-CG's
/// power supply), 6.00 V.
pub const BATTERY_CENTIVOLTS: u32 = 600;

/// GetMainBatteryVoltage(1) -> the main battery's voltage in hundredths of a volt.
/// Signature: libfxcg include/fxcg/system.h ("parameter should be 1"); unit: gbl08ma's
/// utilities (src/powerGUI.cpp prints the 3-digit value with a point after the first
/// digit and "V").
fn get_main_battery_voltage(_e: &mut Ctx) -> CallResult {
    Ok(BATTERY_CENTIVOLTS)
}

/// GetBatteryType() -> the battery type setting, 1 alkaline or 2 Ni-MH (gbl08ma's
/// utilities, src/powerGUI.cpp); signature: libfxcg include/fxcg/system.h. The
/// emulated calculator starts with alkaline cells.
fn get_battery_type(e: &mut Ctx) -> CallResult {
    Ok(e.os.system.battery_type)
}

/// SetBatteryType(type): sets what GetBatteryType returns (libfxcg
/// include/fxcg/system.h).
fn set_battery_type(e: &mut Ctx) -> CallResult {
    e.os.system.battery_type = e.arg(0)?;
    Ok(0)
}

/// itoa(value, out): decimal text with a NUL.
fn itoa(e: &mut Ctx) -> CallResult {
    let (v, p) = (e.arg(0)? as i32, e.arg(1)?);
    let mut b = v.to_string().into_bytes();
    b.push(0);
    e.wr_bytes(p, &b)?;
    Ok(0)
}

fn glib_addin_apl_execution_check(_e: &mut Ctx) -> CallResult {
    Ok(0)
}

/// GlibGetOSVersionInfo(char* major, char* minor, short* release, short* build):
/// reports OS 3.60.0000 on fx-CG50 and 2.02.0000 on fx-CG10/20 (BCD-like bytes 0x03,
/// 0x60 / 0x02, 0x02).
fn glib_get_os_version_info(e: &mut Ctx) -> CallResult {
    let (maj, min) = super::boot::os_version(e.model);
    let p = [e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?];
    if p[0] != 0 {
        e.wr8(p[0], maj)?;
    }
    if p[1] != 0 {
        e.wr8(p[1], min)?;
    }
    if p[2] != 0 {
        e.wr16(p[2], 0)?;
    }
    if p[3] != 0 {
        e.wr16(p[3], 0)?;
    }
    Ok(0)
}

fn get_setup_setting(e: &mut Ctx) -> CallResult {
    let i = e.arg(0)? as usize & 0xFF;
    Ok(e.os.system.setup[i] as u32)
}

fn set_setup_setting(e: &mut Ctx) -> CallResult {
    let (i, v) = (e.arg(0)? as usize & 0xFF, e.arg(1)? as u8);
    e.os.system.setup[i] = v;
    Ok(0)
}

/// PowerOff: recorded as an event; the add-in goes on as if switched on again.
fn power_off(e: &mut Ctx) -> CallResult {
    let at = e.cpu.now();
    e.os.events.push(Event::PowerOff { at });
    Ok(0)
}

fn get_auto_power_off_time(e: &mut Ctx) -> CallResult {
    Ok(e.os.system.auto_power_off)
}

fn set_auto_power_off_time(e: &mut Ctx) -> CallResult {
    e.os.system.auto_power_off = e.arg(0)?;
    Ok(0)
}

fn get_backlight_duration(e: &mut Ctx) -> CallResult {
    Ok(e.os.system.backlight)
}

fn set_backlight_duration(e: &mut Ctx) -> CallResult {
    e.os.system.backlight = e.arg(0)? & 0xFF;
    Ok(0)
}

/// First-fit allocation in the OS heap; 0 when full.
fn heap_alloc(e: &mut Ctx, size: u32) -> u32 {
    let size = size.max(1).div_ceil(8) * 8;
    let base = e.model.heap_p2();
    let mut at = base;
    for (&a, &s) in &e.os.system.heap {
        if a - at >= size {
            break;
        }
        at = a + s;
    }
    if at + size > base + crate::machine::model::HEAP_SIZE {
        return 0;
    }
    e.os.system.heap.insert(at, size);
    at
}

fn sys_malloc(e: &mut Ctx) -> CallResult {
    let n = e.arg(0)?;
    Ok(heap_alloc(e, n))
}

/// The P2 address of a heap block given by either alias.
fn heap_key(_e: &Ctx, p: u32) -> u32 {
    crate::machine::model::p2(p)
}

fn sys_free(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    let k = heap_key(e, p);
    e.os.system.heap.remove(&k);
    Ok(0)
}

/// sys_realloc(p, n): a new block with the old contents (unlike the real OS, which
/// may not keep them).
fn sys_realloc(e: &mut Ctx) -> CallResult {
    let (p, n) = (e.arg(0)?, e.arg(1)?);
    if p == 0 {
        return Ok(heap_alloc(e, n));
    }
    let k = heap_key(e, p);
    let old = e.os.system.heap.get(&k).copied().unwrap_or(0);
    let q = heap_alloc(e, n);
    if q != 0 {
        let data = e.rd_bytes(k, old.min(n) as usize)?;
        e.wr_bytes(q, &data)?;
        e.os.system.heap.remove(&k);
    }
    Ok(q)
}

fn sys_memcmp(e: &mut Ctx) -> CallResult {
    let (a, b, n) = (e.arg(0)?, e.arg(1)?, e.arg(2)?);
    let x = e.rd_bytes(a, n as usize)?;
    let y = e.rd_bytes(b, n as usize)?;
    Ok(match x.cmp(&y) {
        std::cmp::Ordering::Less => -1i32 as u32,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    })
}

/// sys_memcpy(dest, src, n) -> dest: MQ emulator, system/casiowin.c (`0x1dd0: memcpy()`).
fn sys_memcpy(e: &mut Ctx) -> CallResult {
    let (d, s, n) = (e.arg(0)?, e.arg(1)?, e.arg(2)?);
    let data = e.rd_bytes(s, n as usize)?;
    e.wr_bytes(d, &data)?;
    Ok(d)
}

/// sys_memset(dest, c, n): fills `n` bytes with `c`. Number and arguments: MQ emulator,
/// system/casiowin.c (`0x1511: memset()`); returns `dest` as C's memset does (MQ
/// returns 0; the add-ins seen keep `dest` themselves).
fn sys_memset(e: &mut Ctx) -> CallResult {
    let (d, c, n) = (e.arg(0)?, e.arg(1)? as u8, e.arg(2)?);
    e.wr_bytes(d, &vec![c; n as usize])?;
    Ok(d)
}

fn strlen(e: &mut Ctx) -> CallResult {
    let s = e.arg(0)?;
    Ok(e.rd_cstr(s, 1 << 20)?.len() as u32)
}

fn get_stack_ptr(e: &mut Ctx) -> CallResult {
    Ok(e.cpu.r[15])
}
