//! wasm-bindgen tests run in a real browser by `wasm-pack test --headless
//! --chrome` (skipped under Node).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
