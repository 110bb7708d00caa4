//! `chronoscope eval GOLD...`: TempEval-3 style scores of the tagger against TimeML gold.

use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct EvalArgs {
    /// TimeML files or directories of them.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// List every miss, spurious match and wrong value.
    #[arg(long)]
    errors: bool,
}

pub fn run(args: &EvalArgs) -> i32 {
    match chronoscope::eval::run(&args.gold) {
        Ok(report) => {
            print!("{}", report.render(args.errors));
            0
        }
        Err(message) => {
            eprintln!("chronoscope eval: {message}");
            1
        }
    }
}
