//! Third-party parsers of hostile input (the zip reader of .docx files, the PDF reader) run
//! contained: a panic inside one becomes `None` for the caller, which reports the file, and the
//! panic's own message is kept off stderr (a user sees one clear line, not a backtrace hint). A
//! parser that may also loop on a crafted file (the PDF reader) runs on a thread of its own with
//! a time limit: past it, the file is reported and the reading goes on without waiting.

use std::cell::Cell;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static HOOK: std::sync::Once = std::sync::Once::new();

/// Runs `parse`; `None` if it panicked. Panics elsewhere, or on other threads, are reported as
/// before: the hook installed here passes them to the one it replaced.
pub fn run<T>(parse: impl FnOnce() -> T) -> Option<T> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|quiet| quiet.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    QUIET.with(|quiet| quiet.set(was_quiet));
    result.ok()
}

/// How a contained parse with a time limit ended.
#[derive(Debug, PartialEq)]
pub enum Ended<T> {
    Finished(T),
    Panicked,
    /// Still running at the limit: left to finish on its own thread, its result dropped.
    TimedOut,
}

/// Runs `parse` on a thread of its own, as [`run`] does, waiting at most `limit`.
pub fn run_for<T: Send + 'static>(limit: Duration, parse: impl FnOnce() -> T + Send + 'static) -> Ended<T> {
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new().name("chronoscope-parser".into()).spawn(move || {
        let _ = sender.send(run(parse));
    });
    if spawned.is_err() {
        return Ended::Panicked;
    }
    match receiver.recv_timeout(limit) {
        Ok(Some(value)) => Ended::Finished(value),
        Ok(None) | Err(RecvTimeoutError::Disconnected) => Ended::Panicked,
        Err(RecvTimeoutError::Timeout) => Ended::TimedOut,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_inside_becomes_none_and_the_thread_goes_on() {
        assert_eq!(super::run(|| 7), Some(7));
        let panicked: Option<()> = super::run(|| panic!("a parser's bug"));
        assert_eq!(panicked, None);
        assert_eq!(super::run(|| "still fine"), Some("still fine"));
    }

    #[test]
    fn a_parser_past_its_time_limit_is_left_behind() {
        use super::{run_for, Ended};
        use std::time::Duration;
        assert_eq!(run_for(Duration::from_secs(5), || 7), Ended::Finished(7));
        assert_eq!(run_for(Duration::from_secs(5), || -> u8 { panic!("a parser's bug") }), Ended::Panicked);
        let started = std::time::Instant::now();
        let looping = run_for(Duration::from_millis(50), || std::thread::sleep(Duration::from_secs(3)));
        assert_eq!(looping, Ended::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(2), "the caller did not wait for the parser");
    }
}
