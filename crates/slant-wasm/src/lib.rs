//! slant for JavaScript (work in progress: see the wasm helper's work).
#![forbid(unsafe_code)]
