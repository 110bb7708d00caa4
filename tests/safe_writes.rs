//! The safe writer and the output checks: no output destroys a file it should not (symlinks,
//! FIFOs, hard links, read-only files, modes, inputs), and the CLI's printing never aborts a job.

use chronoscope::export::atomic::{write_atomic, write_atomic_with};
use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "assets/examples/marrowby-courier-fire.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

/// Regression: writing to a symlink replaced the link with a regular file.
#[test]
fn symlink_target_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&real).unwrap(), b"new");
    assert_eq!(names(dir.path()), ["link.json", "real.json"]);
}

/// Regression: a FIFO target was replaced by a regular file instead of being written to.
#[test]
fn fifo_target_is_written_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        fs::File::open(reader_path).unwrap().read_to_string(&mut text).unwrap();
        text
    });
    write_atomic(&fifo, b"through the pipe").unwrap();
    assert_eq!(reader.join().unwrap(), "through the pipe");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&fs::symlink_metadata(&fifo).unwrap().file_type()));
}

/// Regression: a hard-linked target was split (the other link kept the old contents).
#[test]
fn hard_linked_target_keeps_its_links() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("a.json");
    let other = dir.path().join("b.json");
    fs::write(&target, "old").unwrap();
    fs::hard_link(&target, &other).unwrap();
    write_atomic(&target, b"new").unwrap();
    assert_eq!(fs::read(&other).unwrap(), b"new");
    assert_eq!(fs::metadata(&target).unwrap().nlink(), 2);
    assert_eq!(names(dir.path()), ["a.json", "b.json"]);
}

/// Regression: a 0600 file came back 0644.
#[test]
fn private_mode_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("secret.json");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&target, b"new").unwrap();
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(fs::read(&target).unwrap(), b"new");
}

/// Regression: a read-only file was silently replaced.
#[test]
fn read_only_target_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("gold.json");
    fs::write(&target, "keep me").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
    let err = write_atomic(&target, b"new").unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read(&target).unwrap(), b"keep me");
    assert_eq!(names(dir.path()), ["gold.json"]);
}

/// Regression: a failing write left its temp file (or a half file) behind.
#[test]
fn failed_write_leaves_target_and_folder_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    fs::write(&target, "old").unwrap();
    let result = write_atomic_with(&target, |out| {
        out.write_all(b"half")?;
        Err(std::io::Error::other("serialising failed"))
    });
    assert!(result.is_err());
    assert_eq!(fs::read(&target).unwrap(), b"old");
    assert_eq!(names(dir.path()), ["out.json"]);
}

/// Not a test of its own: the child process of `temp_file_is_removed_on_sigterm`.
#[test]
fn slow_writer_child() {
    let Some(target) = std::env::var_os("CHRONOSCOPE_SLOW_WRITE") else { return };
    let _ = write_atomic_with(Path::new(&target), |out| {
        out.write_all(b"partial")?;
        out.flush()?;
        println!("writing");
        std::io::stdout().flush()?;
        std::thread::sleep(Duration::from_secs(30));
        Ok(())
    });
}

/// Regression: a killed run left `.NAME.PID.tmp` files behind.
#[test]
fn temp_file_is_removed_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "slow_writer_child", "--nocapture", "--test-threads=1"])
        .env("CHRONOSCOPE_SLOW_WRITE", &target)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    while !seen.contains("writing") {
        let n = stdout.read(&mut buf).unwrap();
        assert!(n > 0, "child ended early: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert_eq!(names(dir.path()).len(), 1, "the temp file exists while writing");
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert!(names(dir.path()).is_empty(), "left behind: {:?}", names(dir.path()));
}

fn chronoscope(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope")).args(args).current_dir(root()).output().unwrap()
}

/// Regression: `--json ARTICLE` overwrote the article being read.
#[test]
fn json_output_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("art.txt");
    fs::copy(root().join(ARTICLE), &article).unwrap();
    let before = fs::read(&article).unwrap();
    let out = chronoscope(&[
        "extract",
        article.to_str().unwrap(),
        "--anchor",
        "2023-06-13",
        "--json",
        article.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--json") && stderr.contains("input"), "{stderr}");
    assert_eq!(fs::read(&article).unwrap(), before);
}

/// Regression: `--timeml` pointed at the input folder replaced a gold `.tml`.
#[test]
fn timeml_output_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.tml");
    fs::write(&gold, "<TimeML><TEXT>On 13 June 2023 it rained.</TEXT></TimeML>").unwrap();
    let before = fs::read(&gold).unwrap();
    let out = chronoscope(&["extract", gold.to_str().unwrap(), "--timeml", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("gold.tml"), "{stderr}");
    assert_eq!(fs::read(&gold).unwrap(), before);
}

/// Regression: `a/story.txt` and `b/story.md` wrote one `story.tml` and the second silently won.
#[test]
fn inputs_sharing_a_stem_are_refused_with_timeml() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let a = dir.path().join("a/story.txt");
    let b = dir.path().join("b/story.md");
    fs::copy(root().join(ARTICLE), &a).unwrap();
    fs::copy(root().join(ARTICLE), &b).unwrap();
    let out_dir = dir.path().join("out");
    let out = chronoscope(&[
        "extract",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--anchor",
        "2023-06-13",
        "--timeml",
        out_dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("story.txt") && stderr.contains("story.md"), "{stderr}");
    assert!(!out_dir.exists());
}

/// Regression: the same path for `--json` and `--png` kept only the PNG.
#[test]
fn json_and_png_on_one_path_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out");
    let p = out_path.to_str().unwrap();
    let out = chronoscope(&["extract", ARTICLE, "--anchor", "2023-06-13", "--json", p, "--png", p]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--json") && stderr.contains("--png"), "{stderr}");
    assert!(!out_path.exists());
}

/// `--svg` is checked like every other output: never over an input, never on another output's path.
#[test]
fn svg_over_an_input_or_the_png_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let before = std::fs::read(&article).unwrap();
    let a = article.to_str().unwrap();
    let out = chronoscope(&["extract", a, "--anchor", "2023-06-13", "--svg", a]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--svg") && stderr.contains("destroy the input"), "{stderr}");
    assert_eq!(std::fs::read(&article).unwrap(), before);
    let image = dir.path().join("timeline.img");
    let p = image.to_str().unwrap();
    let out = chronoscope(&["extract", a, "--anchor", "2023-06-13", "--png", p, "--svg", p]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--png") && stderr.contains("--svg"), "{stderr}");
    assert!(!image.exists());
}

/// Waits for `child` at most a few seconds; a hang means an input was read before the check.
fn wait_briefly(mut child: std::process::Child) -> std::process::Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("extract blocked reading a FIFO input before checking its arguments");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Regression: arguments and output paths were checked only after every input was read.
#[test]
fn arguments_are_checked_before_any_input_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let missing = dir.path().join("no/such/folder/out.json");
    for bad in [
        vec!["--json", missing.to_str().unwrap()],
        vec!["--dct", "2023-06-13T25:99"],
        vec!["--png-size", "10x10"],
        vec!["--json", fifo.to_str().unwrap()],
    ] {
        let mut args = vec!["extract", fifo.to_str().unwrap(), "--anchor", "2023-06-13"];
        args.extend(bad.iter().copied());
        let child = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_briefly(child);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {stderr}");
    }
}

/// Regression: `--dct` accepted values that are no TIMEX3 value.
#[test]
fn invalid_dct_values_are_refused() {
    for bad in ["0000-01-01", "-500", "2023-06-13T25:99", "20230613junk"] {
        let out = chronoscope(&["extract", ARTICLE, "--anchor", "2023-06-13", &format!("--dct={bad}")]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--dct"), "{bad}");
    }
}

/// Regression: `--png-size` accepted 0 and absurd sizes.
#[test]
fn invalid_png_sizes_are_refused() {
    for bad in ["0x100", "10x10", "4000x3000", "widexhigh", "800"] {
        let out = chronoscope(&["extract", ARTICLE, "--anchor", "2023-06-13", "--png-size", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--png-size"), "{bad}");
    }
}

/// Regression: with stderr a broken pipe (`2>&1 | head -1`) the summary line panicked (exit
/// 101) and no output was written.
#[test]
fn closed_stderr_never_aborts_the_job() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .args(["extract", ARTICLE, "--anchor", "2023-06-13", "--json", json.to_str().unwrap()])
        .current_dir(root())
        .stderr(writer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(fs::read_to_string(&json).unwrap().contains("chronoscope-timeline"));
}

/// Regression: a failed JSON write was reported as success.
#[test]
fn json_write_failure_exits_non_zero() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .args(["extract", ARTICLE, "--anchor", "2023-06-13", "--json", "-"])
        .current_dir(root())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error: writing JSON"), "{stderr}");
}

/// Regression: `chronoscope eval ... | head -1` panicked (exit 101) on the closed stdout.
#[test]
fn eval_with_a_closed_stdout_fails_cleanly() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .args(["eval", "tests/fixtures/ingest"])
        .current_dir(root())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not write the report"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Regression: control characters in the text made `--timeml` output that is not XML.
#[test]
fn timeml_output_with_control_characters_is_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ctl.txt");
    fs::write(&article, "On 13 June 2023\u{1} the \u{B}council\u{1F} met.\u{FFFF} Two days later it voted.").unwrap();
    let out_dir = dir.path().join("tml");
    let out = chronoscope(&[
        "extract",
        article.to_str().unwrap(),
        "--anchor",
        "2023-06-13",
        "--timeml",
        out_dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("U+FFFD"), "{stderr}");
    let xml = fs::read_to_string(out_dir.join("ctl.tml")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Text(text)) => {
                let text = text.into_inner().into_owned();
                assert!(!text.chars().any(chronoscope::export::timeml::forbidden_in_xml), "{text:?}");
            }
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}\n{xml}"),
        }
    }
    assert!(xml.contains("<TIMEX3"), "{xml}");
}
