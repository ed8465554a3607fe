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
use std::hash::Hasher;

/// A `HashMap` with foldhash, fixed-seeded.
pub(crate) type FxMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A table of the shipped lists keyed by [`word_key`]. The key is already a
/// hash, so it is used as is (nohash-hasher, MIT/Apache), and a bucket holds
/// no pointer to a string: a new word of the input costs one cache miss per
/// list, not two (in the table, then in the key's text). Two words with the
/// same 64-bit key would share an entry; a test checks the shipped lists
/// have no such pair, and for an input word the chance is about one in
/// 10^14 per lookup (the context model has always been keyed this way).
pub(crate) type KeyMap<V> = HashMap<u64, V, nohash_hasher::BuildNoHashHasher<u64>>;

/// The hash of a word's text: the key of [`KeyMap`]s and of the context
/// model's features, computed once per new word of the input.
pub(crate) fn word_key(word: &str) -> u64 {
    let mut h = hasher();
    h.write(word.as_bytes());
    h.finish()
}

/// A hasher with the same fixed seed, for keys built from several parts.
pub(crate) fn hasher() -> foldhash::fast::FoldHasher<'static> {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().build_hasher()
}
