//! Starting the disk write of a large output while it is still being made. The safe writer
//! syncs its temp file before renaming it over the target; left to the end, that sync waited for
//! all of a 100 MB JSON to reach the disk (50 ms of a one-second run, with every core idle).
//! Asking the kernel to begin writing each few megabytes as they are written lets the disk work
//! while the rest is rendered, so the final sync has little left to wait for.

use std::fs::File;
use std::io::{self, Write};

/// Bytes written between two requests to start writing back.
const WINDOW: u64 = 8 << 20;

/// A file writer that asks the kernel to start writing back each `WINDOW` of bytes once it is
/// written. Only a hint: durability still comes from the caller's sync.
pub struct WritebackAhead<'f> {
    file: &'f mut File,
    written: u64,
    started: u64,
}

impl<'f> WritebackAhead<'f> {
    pub fn new(file: &'f mut File) -> Self {
        WritebackAhead { file, written: 0, started: 0 }
    }

    fn start_writeback(&mut self) {
        if self.written - self.started >= WINDOW {
            start_writeback(self.file, self.started, self.written - self.started);
            self.started = self.written;
        }
    }
}

impl Write for WritebackAhead<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.file.write(bytes)?;
        self.written += n as u64;
        self.start_writeback();
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Asks Linux to start writing `len` bytes of `file` from `offset` to disk without waiting for
/// them (`sync_file_range` with `SYNC_FILE_RANGE_WRITE`); elsewhere there is nothing to ask.
fn start_writeback(file: &File, offset: u64, len: u64) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        extern "C" {
            fn sync_file_range(
                fd: std::ffi::c_int,
                offset: i64,
                nbytes: i64,
                flags: std::ffi::c_uint,
            ) -> std::ffi::c_int;
        }
        /// `SYNC_FILE_RANGE_WRITE` in Linux's `fcntl.h`.
        const SYNC_FILE_RANGE_WRITE: std::ffi::c_uint = 2;
        let (Ok(offset), Ok(len)) = (i64::try_from(offset), i64::try_from(len)) else { return };
        // SAFETY: the descriptor belongs to `file`, open for the whole call; the call only
        // starts I/O on pages already written, and its failure (an unsupported filesystem, say)
        // changes nothing: the caller's sync still writes everything.
        unsafe {
            sync_file_range(file.as_raw_fd(), offset, len, SYNC_FILE_RANGE_WRITE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (file, offset, len);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Everything written arrives, in order, across many windows and odd write sizes.
    #[test]
    fn writes_everything_in_order() {
        let mut file = tempfile::tempfile().unwrap();
        let pieces: Vec<Vec<u8>> = (0..3000u32).map(|i| vec![(i % 251) as u8; (i as usize * 7919) % 20_000]).collect();
        {
            let mut out = io::BufWriter::new(WritebackAhead::new(&mut file));
            for piece in &pieces {
                out.write_all(piece).unwrap();
            }
            out.flush().unwrap();
        }
        let mut back = Vec::new();
        use std::io::Seek;
        file.rewind().unwrap();
        file.read_to_end(&mut back).unwrap();
        assert!(back.len() as u64 > 3 * WINDOW, "the test spans several windows");
        assert_eq!(back, pieces.concat());
    }
}
