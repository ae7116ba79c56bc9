//! The heap against a model under random alloc/free/realloc: no overlap, alignment
//! kept, contents kept by realloc, statistics exact (used, free, largest free block,
//! high-water mark, live count, failed request).
use std::alloc::{GlobalAlloc, Layout};

use prizm::heap::Heap;

const N: usize = 16 * 1024;

mod common;

use common::Rng;

struct Block {
    ptr: *mut u8,
    layout: Layout,
    fill: u8,
}

fn heap() -> &'static Heap<N> {
    Box::leak(Box::new(Heap::new()))
}

fn check_contents(b: &Block) {
    let s = unsafe { std::slice::from_raw_parts(b.ptr, b.layout.size()) };
    assert!(
        s.iter().all(|&x| x == b.fill),
        "block at {:p} was overwritten",
        b.ptr
    );
}

/// Model of the free space: the gaps between live blocks (charged sizes) in the range.
fn model_largest_gap(h: &Heap<N>, live: &[Block]) -> usize {
    let range = h.range();
    let mut spans: Vec<(usize, usize)> = live
        .iter()
        .map(|b| (b.ptr as usize, Heap::<N>::charged(b.layout)))
        .collect();
    spans.sort();
    let mut at = range.start;
    let mut best = 0;
    for (p, len) in spans {
        assert!(p >= at, "blocks overlap");
        best = best.max(p - at);
        at = p + len;
    }
    assert!(at <= range.end);
    best.max(range.end - at)
}

#[test]
fn random_sequences_match_model() {
    for seed in 1..=20u64 {
        let h = heap();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut live: Vec<Block> = Vec::new();
        let mut high = 0;
        let mut last_fail = None;
        for step in 0..1500 {
            let op = rng.below(10);
            if op < 5 || live.is_empty() {
                let size = if rng.below(8) == 0 {
                    1 + rng.below(4000)
                } else {
                    1 + rng.below(200)
                } as usize;
                let align = 1usize << rng.below(7);
                let layout = Layout::from_size_align(size, align).unwrap();
                let p = unsafe { h.alloc(layout) };
                if p.is_null() {
                    last_fail = Some(size);
                } else {
                    assert_eq!(p as usize % align, 0, "alignment");
                    let fill = rng.next() as u8;
                    unsafe { p.write_bytes(fill, size) };
                    live.push(Block {
                        ptr: p,
                        layout,
                        fill,
                    });
                }
            } else if op < 8 {
                let b = live.swap_remove(rng.below(live.len() as u64) as usize);
                check_contents(&b);
                unsafe { h.dealloc(b.ptr, b.layout) };
            } else {
                let i = rng.below(live.len() as u64) as usize;
                let new_size = 1 + rng.below(600) as usize;
                let b = &mut live[i];
                check_contents(b);
                let p = unsafe { h.realloc(b.ptr, b.layout, new_size) };
                if p.is_null() {
                    last_fail = Some(new_size);
                } else {
                    let keep = b.layout.size().min(new_size);
                    let s = unsafe { std::slice::from_raw_parts(p, keep) };
                    assert!(s.iter().all(|&x| x == b.fill), "realloc lost data");
                    assert_eq!(p as usize % b.layout.align(), 0);
                    b.ptr = p;
                    b.layout = Layout::from_size_align(new_size, b.layout.align()).unwrap();
                    unsafe { p.write_bytes(b.fill, new_size) };
                }
            }
            let used: usize = live.iter().map(|b| Heap::<N>::charged(b.layout)).sum();
            high = high.max(used);
            let s = h.stats();
            assert_eq!(s.used, used, "seed {seed} step {step}");
            assert_eq!(s.free, s.size - used);
            assert_eq!(s.allocations, live.len());
            assert_eq!(s.high_water, high);
            assert_eq!(s.failed_request, last_fail);
            assert_eq!(
                s.largest_free,
                model_largest_gap(h, &live),
                "seed {seed} step {step}"
            );
            // The largest free block really can be allocated, and one word more cannot.
            if s.largest_free > 0 {
                let l = Layout::from_size_align(s.largest_free, 4).unwrap();
                let p = unsafe { h.alloc(l) };
                assert!(!p.is_null());
                unsafe { h.dealloc(p, l) };
                high = high.max(used + Heap::<N>::charged(l));
            }
            let l = Layout::from_size_align(s.largest_free + 8, 4).unwrap();
            assert!(unsafe { h.alloc(l) }.is_null());
            last_fail = Some(s.largest_free + 8);
            assert_eq!(h.stats().used, used, "probing must not change the heap");
        }
        for b in live.drain(..) {
            check_contents(&b);
            unsafe { h.dealloc(b.ptr, b.layout) };
        }
        let s = h.stats();
        assert_eq!((s.used, s.allocations), (0, 0));
        assert_eq!(s.largest_free, s.size);
    }
}

#[test]
fn out_of_memory_is_reported_with_its_size() {
    let h = heap();
    let s = h.stats();
    assert_eq!(s.failed_request, None);
    assert!(s.size <= N && s.size + 16 >= N);
    let l = Layout::from_size_align(N + 1, 1).unwrap();
    assert!(unsafe { h.alloc(l) }.is_null());
    assert_eq!(h.stats().failed_request, Some(N + 1));
    // Everything still works afterwards.
    let l = Layout::from_size_align(100, 8).unwrap();
    let p = unsafe { h.alloc(l) };
    assert!(!p.is_null());
    unsafe { h.dealloc(p, l) };
}

#[test]
fn charged_sizes() {
    let w = std::mem::size_of::<usize>();
    assert_eq!(
        Heap::<N>::charged(Layout::from_size_align(1, 1).unwrap()),
        2 * w
    );
    assert_eq!(
        Heap::<N>::charged(Layout::from_size_align(2 * w + 1, 1).unwrap()),
        3 * w
    );
}

#[test]
fn threads_share_a_heap() {
    static H: Heap<N> = Heap::new();
    let ts: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                for i in 0..500 {
                    let l = Layout::from_size_align(8 + (i + t) % 64, 8).unwrap();
                    let p = unsafe { H.alloc(l) };
                    assert!(!p.is_null());
                    unsafe { H.dealloc(p, l) };
                }
            })
        })
        .collect();
    ts.into_iter().for_each(|t| t.join().unwrap());
    assert_eq!(H.stats().used, 0);
}
