//! The library half of the `slant` command line: input decoding, corpus
//! mode and the readable report, kept here so tests and fuzzers reach them.

#![forbid(unsafe_code)]

pub mod corpus;
pub mod input;
pub mod report;
