//! CPU time of the calling thread, shared by the benchmarks: on a busy
//! machine wall time includes waiting for a core, and the ratio of two
//! wall times says more about the load than about the code.

/// Seconds this thread has run on a CPU, or None off Linux. On a busy
/// machine wall time includes waiting for a core; CPU time does not.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn seconds() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        // From the C library std already links; no crate needed for one call.
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.sec as f64 + t.nsec as f64 / 1e9)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn seconds() -> Option<f64> {
    None
}
