//! The CLI's UTF-8 decoding of a byte stream read in small chunks: never
//! panics, agrees with the standard library, and names the right offset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_cli::input::{ReadError, Utf8Chunks};

fuzz_target!(|data: &[u8]| {
    let (size, bytes) = data.split_first().map(|(s, b)| (*s as usize % 16 + 1, b)).unwrap_or((1, data));
    for lossy in [false, true] {
        let mut chunks = Utf8Chunks::with_chunk_size(bytes, lossy, size);
        let mut text = String::new();
        let result = loop {
            match chunks.next_chunk() {
                Ok(Some(chunk)) => text.push_str(chunk),
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        match (std::str::from_utf8(bytes), result) {
            (Ok(expected), Ok(())) => assert_eq!(text, expected),
            (Err(e), Err(ReadError::InvalidUtf8 { offset })) if !lossy => assert_eq!(offset, e.valid_up_to()),
            (Err(_), Ok(())) if lossy => assert_eq!(text, String::from_utf8_lossy(bytes)),
            (expected, got) => panic!("lossy={lossy}: std says {expected:?}, decoder says {got:?}"),
        }
    }
});
