//! [`Heap`]: the allocator over an arena inside the static itself.
use core::{
    alloc::{GlobalAlloc, Layout},
    cell::UnsafeCell,
    mem::MaybeUninit,
    ptr::{self, NonNull},
};

use super::HeapStats;
use crate::sync::{Flag, without_interrupts};

/// The arena's bytes, aligned for any allocation up to 8 bytes without padding.
#[repr(C, align(8))]
struct Arena<const N: usize>([MaybeUninit<u8>; N]);

/// State behind the lock.
struct State {
    heap: linked_list_allocator::Heap,
    ready: bool,
    high_water: usize,
    live: usize,
    failed: Option<Layout>,
}

/// An allocator over an `N`-byte arena stored in the value itself.
///
/// Put it in a `static` (see [`heap!`](crate::heap!)): it hands out pointers into
/// itself from the first allocation on, so it must never move after that.
pub struct Heap<const N: usize> {
    arena: UnsafeCell<Arena<N>>,
    state: UnsafeCell<State>,
    lock: Flag,
}

// SAFETY: all access to `arena` and `state` goes through `lock`.
unsafe impl<const N: usize> Sync for Heap<N> {}

impl<const N: usize> Default for Heap<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Heap<N> {
    /// An empty heap; the arena is set up on the first allocation.
    pub const fn new() -> Self {
        assert!(N >= 64, "a heap needs at least 64 bytes");
        Heap {
            arena: UnsafeCell::new(Arena([MaybeUninit::uninit(); N])),
            state: UnsafeCell::new(State {
                heap: linked_list_allocator::Heap::empty(),
                ready: false,
                high_water: 0,
                live: 0,
                failed: None,
            }),
            lock: Flag::new(),
        }
    }

    /// Runs `f` on the state with the lock held, the arena set up.
    ///
    /// On the calculator the whole section runs with interrupts masked
    /// ([`without_interrupts`]): an OS timer handler that allocates waits until the
    /// interrupted allocation is over, so it never finds the lock held. If the lock is
    /// held all the same (a handler the mask did not hold off), the allocator refuses to
    /// be re-entered with a panic rather than corrupt its lists or wait for ever.
    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        without_interrupts(|| {
            #[cfg(prizm)]
            if !self.lock.try_set() {
                panic!("allocator re-entered: an interrupt allocated during an allocation");
            }
            // On the PC, wait for the other thread.
            #[cfg(not(prizm))]
            while !self.lock.try_set() {
                core::hint::spin_loop();
            }
            // SAFETY: the lock gives exclusive access to the state until `clear` below.
            let state = unsafe { &mut *self.state.get() };
            if !state.ready {
                // SAFETY: the arena is `N` bytes owned by `self`, used by nothing else,
                // and `self` does not move while allocations exist (documented
                // requirement).
                unsafe { state.heap.init(self.arena.get().cast::<u8>(), N) };
                state.ready = true;
            }
            let r = f(state);
            self.lock.clear();
            r
        })
    }

    /// Current statistics (exact; `largest_free` is found by probing the free list).
    pub fn stats(&self) -> HeapStats {
        self.with(|s| HeapStats {
            size: s.heap.size(),
            used: s.heap.used(),
            free: s.heap.free(),
            largest_free: super::stats::largest_free(&mut s.heap),
            high_water: s.high_water,
            allocations: s.live,
            failed_request: s.failed.map(|l| l.size()),
        })
    }

    /// Address range the heap hands out memory from.
    pub fn range(&self) -> core::ops::Range<usize> {
        self.with(|s| s.heap.bottom() as usize..s.heap.top() as usize)
    }

    /// Bytes an allocation of `layout` takes from the heap (its size rounded up to the
    /// allocator's minimum block and granularity).
    pub fn charged(layout: Layout) -> usize {
        linked_list_allocator::hole::HoleList::align_layout(layout).map_or(usize::MAX, |l| l.size())
    }
}

// SAFETY: blocks come from `linked_list_allocator`, which never hands out overlapping
// blocks and honours the layout's alignment; all state is behind the lock.
unsafe impl<const N: usize> GlobalAlloc for Heap<N> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.with(|s| match s.heap.allocate_first_fit(layout) {
            Ok(p) => {
                s.live += 1;
                if s.heap.used() > s.high_water {
                    s.high_water = s.heap.used();
                    #[cfg(prizm)]
                    crate::rt::note_heap(s.heap.size(), s.high_water);
                }
                p.as_ptr()
            }
            Err(()) => {
                s.failed = Some(layout);
                ptr::null_mut()
            }
        })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(p) = NonNull::new(ptr) else { return };
        self.with(|s| {
            // SAFETY: the caller passes a block from `alloc` with its layout.
            unsafe { s.heap.deallocate(p, layout) };
            s.live -= 1;
        })
    }
}
