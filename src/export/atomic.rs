//! Output files written without harming what is already there. A regular file is replaced
//! atomically: the new contents go to an unpredictable, exclusively created temp file beside it
//! (`tempfile`), which takes the old file's permissions and owner, is synced, renamed over the
//! target, and the folder synced. What cannot be replaced is written in place instead: a symlink
//! is followed to the file it names (the link stays a link), a device or FIFO is opened and
//! written directly, a file with several hard links is overwritten in place once the complete
//! new contents exist. A read-only file is refused and left untouched. The temp file is removed
//! on error and on Ctrl+C / SIGTERM (see `cleanup`).

use super::cleanup;
use std::fs::{self, File, Metadata, OpenOptions, Permissions};
use std::io::{self, BufWriter, ErrorKind, Seek, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Longest chain of symlinks followed before giving up (the kernel's own limit).
const MAX_SYMLINK_HOPS: usize = 40;

/// Writes `bytes` to `path` safely (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Writes what `fill` produces to `path` safely, streaming it through a buffer: nothing needs to
/// hold the whole output in memory. If `fill` fails, the target is left as it was.
pub fn write_atomic_with<F>(path: &Path, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let target = resolve_symlinks(path)?;
    match fs::metadata(&target) {
        Err(e) if e.kind() == ErrorKind::NotFound => replace_regular(&target, None, fill),
        Err(e) => Err(e),
        Ok(meta) if meta.is_dir() => Err(io::Error::new(ErrorKind::IsADirectory, "is a folder, not a file")),
        Ok(meta) if !meta.is_file() => write_in_place(&target, fill),
        Ok(meta) => {
            refuse_read_only(&target, &meta)?;
            if meta.nlink() > 1 {
                overwrite_hard_linked(&target, fill)
            } else {
                replace_regular(&target, Some(&meta), fill)
            }
        }
    }
}

/// The path a chain of symlinks ends at (the path itself when it is no symlink). The end need
/// not exist: a dangling link is written through, creating the file it names.
pub fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() { link } else { folder_of(&current).join(link) };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!("more than {MAX_SYMLINK_HOPS} symbolic links in a row (a loop?)")))
}

/// The folder holding `path` (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Refuses a file the user made read-only (or that this user may not write): replacing it would
/// undo the protection.
fn refuse_read_only(target: &Path, meta: &Metadata) -> io::Result<()> {
    let refused = || {
        io::Error::new(
            ErrorKind::PermissionDenied,
            "the file is read-only, so it was left untouched (make it writable or choose another name)",
        )
    };
    if meta.permissions().readonly() {
        return Err(refused());
    }
    // Opening for writing without truncating changes nothing; it asks the kernel whether we may.
    match OpenOptions::new().write(true).open(target) {
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Err(refused()),
        _ => Ok(()),
    }
}

/// Devices, FIFOs and the like: opened and written as they are, never replaced by a file.
fn write_in_place<F>(target: &Path, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let file = OpenOptions::new().write(true).open(target)?;
    let mut out = BufWriter::new(file);
    fill(&mut out)?;
    out.flush()
}

/// A file with several hard links: the complete contents go to an anonymous temp file first (so a
/// failing `fill` changes nothing), then are copied into the target, which keeps every link.
fn overwrite_hard_linked<F>(target: &Path, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let mut staged = tempfile::tempfile_in(folder_of(target))?;
    {
        let mut out = BufWriter::new(&mut staged);
        fill(&mut out)?;
        out.flush()?;
    }
    staged.rewind()?;
    let mut file = OpenOptions::new().write(true).truncate(true).open(target)?;
    io::copy(&mut staged, &mut file)?;
    file.sync_all()
}

/// The atomic path: temp file beside the target, same permissions and owner, synced, renamed.
fn replace_regular<F>(target: &Path, existing: Option<&Metadata>, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let folder = folder_of(target);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    // New files get what `File::create` gives (0666 less the umask); existing ones keep their mode.
    let mode = existing.map_or(0o666, |meta| meta.permissions().mode() & 0o777);
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(folder)?;
    let mut temp = TrackedTemp::new(temp);
    if let Some(meta) = existing {
        keep_owner_and_mode(temp.file(), meta)?;
    }
    {
        let mut out = BufWriter::new(super::writeback::WritebackAhead::new(temp.file_mut()));
        fill(&mut out)?;
        out.flush()?;
    }
    temp.file().sync_all()?;
    temp.persist(target)?;
    sync_folder(folder)
}

/// Gives the temp file the old file's owner (possible as root; silently kept otherwise) and its
/// exact mode (the umask trimmed it at creation).
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    let own = file.metadata()?;
    if own.uid() != meta.uid() || own.gid() != meta.gid() {
        match std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())) {
            Err(e) if e.kind() != ErrorKind::PermissionDenied => return Err(e),
            _ => {}
        }
    }
    file.set_permissions(Permissions::from_mode(meta.permissions().mode() & 0o777))
}

/// Makes the rename durable. Filesystems that cannot sync a folder say so; that is no failure.
fn sync_folder(folder: &Path) -> io::Result<()> {
    match File::open(folder).and_then(|dir| dir.sync_all()) {
        Err(e) if matches!(e.kind(), ErrorKind::InvalidInput | ErrorKind::Unsupported) => Ok(()),
        other => other,
    }
}

/// A named temp file registered for removal on Ctrl+C; removed on drop unless persisted. Fields
/// drop in declaration order: the file is removed before it is unregistered, so an interruption
/// in between still finds it.
struct TrackedTemp {
    file: tempfile::NamedTempFile,
    _tracked: cleanup::Tracked,
}

impl TrackedTemp {
    fn new(file: tempfile::NamedTempFile) -> Self {
        let tracked = cleanup::track(file.path());
        TrackedTemp { file, _tracked: tracked }
    }

    fn file(&self) -> &File {
        self.file.as_file()
    }

    fn file_mut(&mut self) -> &mut File {
        self.file.as_file_mut()
    }

    fn persist(self, target: &Path) -> io::Result<()> {
        let TrackedTemp { file, _tracked } = self;
        file.persist(target).map(drop).map_err(|e| e.error)
    }
}
