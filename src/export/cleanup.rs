//! Temp files of writes still in progress, removed when the process is interrupted (Ctrl+C,
//! SIGTERM, SIGHUP) so a killed run leaves no `.NAME.*.tmp` behind. The signal is handled on a
//! plain thread (signal-hook's iterator), which removes the live files and then lets the signal
//! take its default effect, so the process still ends the way the signal asks.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

static LIVE: Mutex<Vec<(u64, PathBuf)>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicU64 = AtomicU64::new(0);
static HANDLER: Once = Once::new();

/// A temp file registered for removal on interruption; unregistered when dropped.
#[must_use]
pub struct Tracked {
    id: u64,
}

/// Registers `path` (a temp file just created) until the returned guard is dropped.
pub fn track(path: &Path) -> Tracked {
    HANDLER.call_once(install_handler);
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    live().push((id, path.to_path_buf()));
    Tracked { id }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        live().retain(|(id, _)| *id != self.id);
    }
}

/// How many temp files are registered right now (for tests).
pub fn live_count() -> usize {
    live().len()
}

fn live() -> MutexGuard<'static, Vec<(u64, PathBuf)>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Starts the thread that cleans up on a signal. Without it (the signals cannot be hooked) writes
/// still work; an interrupted one may then leave its temp file.
fn install_handler() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new().name("temp-cleanup".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            for (_, path) in live().drain(..) {
                let _ = std::fs::remove_file(path);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
        }
    });
    drop(spawned);
}
