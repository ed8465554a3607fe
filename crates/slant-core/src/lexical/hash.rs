//! The hasher for the entity and framing word tables.
//!
//! foldhash (Zlib licence), with a fixed seed so every run and every build
//! gives the same tables. Its keys include words of the input, so a weak hash
//! is an attack surface: the Fx hash used before mixed a key's last bytes
//! only into the high bits, so thousands of generated surnames ("Qaaason",
//! "Qaabson", …) shared a bucket and linking a list of names took quadratic
//! time. foldhash mixes every byte into every bit at about the same speed on
//! short keys. The splitter keeps its own FNV-1a over the shipped lists only.

use std::collections::HashMap;

/// A `HashMap` with foldhash, fixed-seeded.
pub(crate) type FxMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A hasher with the same fixed seed, for keys built from several parts.
pub(crate) fn hasher() -> foldhash::fast::FoldHasher<'static> {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().build_hasher()
}
