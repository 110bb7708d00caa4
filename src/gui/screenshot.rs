//! The self-closing screenshot run (`CHRONOSCOPE_SCREENSHOT=out.png chronoscope FILES...`): once
//! loading is done and a few frames have settled, asks the window for a screenshot of a real
//! frame, writes it as a PNG (atomically) and closes the window. Used by scripts/screenshot.sh.

use crate::gui::state::Notices;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames to draw after loading before taking the picture (layout and fonts settle).
const SETTLE_FRAMES: u32 = 12;

pub struct Screenshot {
    path: PathBuf,
    idle_frames: u32,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
    closing: bool,
}

/// Encodes a window screenshot as PNG bytes.
pub fn encode(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let size = tiny_skia::IntSize::from_wh(w as u32, h as u32).ok_or_else(|| format!("empty screenshot {w}x{h}"))?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let pixmap = tiny_skia::Pixmap::from_vec(bytes, size).ok_or("screenshot has the wrong number of pixels")?;
    pixmap.encode_png().map_err(|e| format!("encoding the screenshot: {e}"))
}

impl Screenshot {
    pub fn new(path: PathBuf) -> Self {
        Screenshot { path, idle_frames: 0, requested: false, result: Arc::new(Mutex::new(None)), closing: false }
    }

    /// True once the picture is written (or failed) and the window is closing.
    pub fn finished(&self) -> bool {
        self.closing
    }

    /// Called every frame; `busy` while articles load.
    pub fn tick(&mut self, ctx: &egui::Context, busy: bool, notices: &mut Notices) {
        if self.closing {
            return;
        }
        ctx.request_repaint();
        if busy {
            self.idle_frames = 0;
            return;
        }
        self.idle_frames += 1;
        if self.idle_frames >= SETTLE_FRAMES && !self.requested {
            self.requested = true;
            let path = self.path.clone();
            let result = Arc::clone(&self.result);
            let wake = ctx.clone();
            ctx.request_screenshot(move |image| {
                let written = encode(&image).and_then(|png| {
                    crate::export::atomic::write_atomic(&path, &png)
                        .map_err(|e| format!("writing {}: {e}", path.display()))
                });
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(written);
                }
                wake.request_repaint();
            });
        }
        let done = self.result.lock().ok().and_then(|mut slot| slot.take());
        if let Some(written) = done {
            match written {
                Ok(()) => eprintln!("chronoscope: screenshot saved to {}", self.path.display()),
                Err(e) => {
                    eprintln!("chronoscope: screenshot failed: {e}");
                    notices.error(e);
                }
            }
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
