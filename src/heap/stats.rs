//! [`HeapStats`] and the search for the largest free block.
use core::alloc::Layout;

/// A snapshot of a [`Heap`](super::Heap)'s use, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeapStats {
    /// Bytes the heap manages.
    pub size: usize,
    /// Bytes in live blocks (each counted as [`Heap::charged`](super::Heap::charged)).
    pub used: usize,
    /// `size - used`.
    pub free: usize,
    /// The largest block one allocation (of alignment up to a word) can get now.
    pub largest_free: usize,
    /// The most `used` ever was.
    pub high_water: usize,
    /// Live blocks.
    pub allocations: usize,
    /// Size of the last request that failed, if any.
    pub failed_request: Option<usize>,
}

/// Size of the largest free block of `heap`, found by trial allocations that are freed
/// at once (which restores the free list exactly).
///
/// Block sizes are multiples of the word `A` and at least `M` (two words). An allocation
/// of `n` fits a free block of `h` bytes when `n == h` or `n <= h - M` (the rest must hold
/// a free-list node), so "some `n + kA`, `0 <= k <= M/A`, fits" holds exactly for
/// `n <= largest`: a binary search on it finds the largest block.
pub(super) fn largest_free(heap: &mut linked_list_allocator::Heap) -> usize {
    let a = core::mem::align_of::<usize>();
    let m = 2 * core::mem::size_of::<usize>();
    let fits = |heap: &mut linked_list_allocator::Heap, n: usize| {
        let Ok(layout) = Layout::from_size_align(n, a) else {
            return false;
        };
        match heap.allocate_first_fit(layout) {
            Ok(p) => {
                // SAFETY: `p` was just allocated with `layout`.
                unsafe { heap.deallocate(p, layout) };
                true
            }
            Err(()) => false,
        }
    };
    let some_fits = |heap: &mut linked_list_allocator::Heap, n: usize| {
        (0..=m / a).any(|k| fits(heap, n + k * a))
    };
    // Search over n = m + i * a, i in [lo, hi).
    let (mut lo, mut hi) = (0usize, heap.size() / a + 1);
    if !some_fits(heap, m) {
        return 0;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if some_fits(heap, m + mid * a) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    m + lo * a
}
