//! wasm-bindgen tests run by `wasm-pack test --node` (skipped in browsers).
#![cfg(target_arch = "wasm32")]

mod common;
