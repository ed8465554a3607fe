//! Reading text in chunks: UTF-8 decoding across chunk boundaries, with an
//! error naming the byte offset of the first invalid byte, or a lossy mode.

use std::io::{self, Read};

/// Bytes read per chunk.
pub const CHUNK_BYTES: usize = 64 * 1024;

/// Decodes a byte stream into UTF-8 `&str` chunks.
pub struct Utf8Chunks<R> {
    reader: R,
    buf: Vec<u8>,
    /// Bytes at the start of `buf` left over from the last read (an incomplete character).
    carry: usize,
    /// Absolute offset of `buf[0]` in the input.
    offset: usize,
    lossy: bool,
    /// Invalid sequences replaced so far (lossy mode).
    pub replaced: usize,
    chunk_bytes: usize,
    text: String,
}

/// Why reading stopped.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system failed to read.
    Io(io::Error),
    /// Not UTF-8, at this absolute byte offset.
    InvalidUtf8 { offset: usize },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "read failed: {e}"),
            ReadError::InvalidUtf8 { offset } => write!(
                f,
                "input is not valid UTF-8: invalid byte at offset {offset} (use --lossy to replace invalid bytes with U+FFFD)"
            ),
        }
    }
}

impl<R: Read> Utf8Chunks<R> {
    pub fn new(reader: R, lossy: bool) -> Self {
        Self::with_chunk_size(reader, lossy, CHUNK_BYTES)
    }

    pub fn with_chunk_size(reader: R, lossy: bool, chunk_bytes: usize) -> Self {
        Utf8Chunks {
            reader,
            buf: vec![0; chunk_bytes.max(4) + 4],
            carry: 0,
            offset: 0,
            lossy,
            replaced: 0,
            chunk_bytes: chunk_bytes.max(4),
            text: String::new(),
        }
    }

    /// The next decoded chunk, or `None` at the end of the input.
    pub fn next_chunk(&mut self) -> Result<Option<&str>, ReadError> {
        loop {
            let n = loop {
                match self.reader.read(&mut self.buf[self.carry..self.carry + self.chunk_bytes]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(ReadError::Io(e)),
                }
            };
            let filled = self.carry + n;
            let eof = n == 0;
            if eof && filled == 0 {
                return Ok(None);
            }
            self.text.clear();
            let mut pos = 0;
            let bytes = &self.buf[..filled];
            while pos < filled {
                match std::str::from_utf8(&bytes[pos..]) {
                    Ok(s) => {
                        self.text.push_str(s);
                        pos = filled;
                    }
                    Err(e) => {
                        let valid = e.valid_up_to();
                        // SAFETY-free: from_utf8 said these bytes are valid.
                        self.text.push_str(std::str::from_utf8(&bytes[pos..pos + valid]).unwrap_or_default());
                        pos += valid;
                        match e.error_len() {
                            // Incomplete character at the end: keep it for the next read.
                            None if !eof => break,
                            bad => {
                                if !self.lossy {
                                    return Err(ReadError::InvalidUtf8 { offset: self.offset + pos });
                                }
                                self.text.push('\u{FFFD}');
                                self.replaced += 1;
                                pos += bad.unwrap_or(filled - pos);
                            }
                        }
                    }
                }
            }
            self.buf.copy_within(pos..filled, 0);
            self.carry = filled - pos;
            self.offset += pos;
            if !self.text.is_empty() || eof {
                if eof && self.text.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(&self.text));
            }
        }
    }
}

/// Reads a user data file (`--names`, `--lexicon`) as UTF-8 text. Bytes that
/// are not UTF-8 (a binary file, or one in another encoding) are an error
/// naming the file and the line, like the parser's errors, rather than the
/// standard library's "stream did not contain valid UTF-8".
pub fn read_data_file(path: &std::path::Path) -> io::Result<String> {
    let bytes = std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        let hint = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            "UTF-16 text; save it as UTF-8"
        } else {
            "a binary file, or text in another encoding; save it as UTF-8"
        };
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}:{line}: not UTF-8 (invalid byte at offset {offset}): {hint}", path.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], lossy: bool, size: usize) -> Result<String, String> {
        let mut chunks = Utf8Chunks::with_chunk_size(bytes, lossy, size);
        let mut out = String::new();
        loop {
            match chunks.next_chunk() {
                Ok(Some(s)) => out.push_str(s),
                Ok(None) => return Ok(out),
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    #[test]
    fn characters_split_across_reads_survive() {
        let text = "Xi’s “Victory” 😀 done";
        for size in 1..10 {
            assert_eq!(decode(text.as_bytes(), false, size).unwrap(), text, "chunk size {size}");
        }
    }

    #[test]
    fn invalid_bytes_are_named_by_offset() {
        let bytes = b"abc\xffdef";
        for size in 1..10 {
            let err = decode(bytes, false, size).unwrap_err();
            assert!(err.contains("offset 3") && err.contains("UTF-8"), "{err}");
            assert_eq!(decode(bytes, true, size).unwrap(), "abc\u{FFFD}def");
        }
        // a truncated character at the very end
        assert!(decode(b"ab\xe2\x80", false, 4).unwrap_err().contains("offset 2"));
    }
}
