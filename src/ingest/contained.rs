//! Third-party parsers of hostile input (the zip reader of .docx files, the PDF reader) run
//! contained: a panic inside one becomes `None` for the caller, which reports the file, and the
//! panic's own message is kept off stderr (a user sees one clear line, not a backtrace hint).

use std::cell::Cell;

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

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_inside_becomes_none_and_the_thread_goes_on() {
        assert_eq!(super::run(|| 7), Some(7));
        let panicked: Option<()> = super::run(|| panic!("a parser's bug"));
        assert_eq!(panicked, None);
        assert_eq!(super::run(|| "still fine"), Some("still fine"));
    }
}
