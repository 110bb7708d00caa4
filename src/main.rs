//! The `chronoscope` command: the desktop window by default, `extract` and `eval` headless.

fn main() {
    std::process::exit(chronoscope_cli::run());
}

mod chronoscope_cli {
    pub fn run() -> i32 {
        0
    }
}
