//! The desktop window (work in progress).
