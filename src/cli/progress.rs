//! The CLI's progress bar on stderr (indicatif): drawn only when stderr is a terminal and the
//! run has enough articles to be long, so logs, pipes and small runs get the summary alone.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Runs with fewer articles than this finish before a bar would say anything.
const MIN_ARTICLES: usize = 20;

/// One bar through a run's stages ("reading", "extracting", ...).
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar over `articles`; hidden when stderr is not a terminal or the run is short.
    pub fn new(articles: usize) -> Bar {
        let target = if std::io::stderr().is_terminal() && articles >= MIN_ARTICLES {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(articles as u64), target);
        let style = ProgressStyle::with_template("{msg:>10} [{bar:32}] {pos}/{len} articles, {elapsed} ({eta} left)")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Bar(bar)
    }

    /// Starts stage `name` over `len` steps.
    pub fn stage(&self, name: &'static str, len: usize) {
        self.0.set_message(name);
        self.0.set_length(len as u64);
        self.0.set_position(0);
    }

    /// The last stage, `name`, over every article at once (the story layer joins them all).
    pub fn whole(&self, name: &'static str) {
        self.0.set_message(name);
        self.0.set_position(self.0.length().unwrap_or(0));
    }

    /// One step done (from any thread).
    pub fn tick(&self) {
        self.0.inc(1);
    }

    /// Prints with the bar out of the way.
    pub fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        self.0.suspend(print)
    }

    /// Removes the bar; what follows prints on a clean line.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
