//! True streaming through the real binary: stdin arriving one byte at a time
//! gives the same output as stdin arriving whole, and a sentence is printed
//! as soon as it is final, before stdin is closed.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const SEED_ARTICLE: &str = include_str!("../../slant-core/tests/data/seed_article.txt");

/// Short text with multi-byte characters, quotes, abbreviations and a blank line.
const SHORT: &str = "Sen. Ana Ruiz met U.S. officials at 9 a.m. on Friday. “Talks went well,” she said.\n\n\
                     Weather delays hit the capital\nTrains ran late… Buses did not. Cost: €3.50 per trip.";

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("slant starts")
}

/// Runs `slant args` with `input` written in pieces of `piece` bytes, each
/// flushed, with `pause` after each; returns stdout.
fn run_in_pieces(args: &[&str], input: &[u8], piece: usize, pause: Duration) -> String {
    let mut child = spawn(args);
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_vec();
    let writer = thread::spawn(move || {
        for bytes in data.chunks(piece.max(1)) {
            stdin.write_all(bytes).expect("write to slant");
            stdin.flush().expect("flush");
            if !pause.is_zero() {
                thread::sleep(pause);
            }
        }
    });
    let output = child.wait_with_output().expect("slant runs");
    writer.join().expect("writer thread");
    assert!(output.status.success(), "slant {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn whole(args: &[&str], input: &str) -> String {
    run_in_pieces(args, input.as_bytes(), input.len(), Duration::ZERO)
}

#[test]
fn split_one_byte_at_a_time_equals_whole() {
    for args in [&["split"][..], &["split", "--format", "jsonl"]] {
        let expected = whole(args, SEED_ARTICLE);
        assert_eq!(expected.lines().count(), 31, "{args:?}");
        let got = run_in_pieces(args, SEED_ARTICLE.as_bytes(), 1, Duration::ZERO);
        assert_eq!(got, expected, "slant {args:?}: stdin one byte at a time differs from whole");
    }
}

#[test]
fn split_with_pauses_between_single_bytes_equals_whole() {
    // The pause makes every read return one byte, splitting UTF-8 characters too.
    let expected = whole(&["split"], SHORT);
    assert!(expected.lines().count() >= 6, "{expected}");
    let got = run_in_pieces(&["split"], SHORT.as_bytes(), 1, Duration::from_millis(1));
    assert_eq!(got, expected, "stdin one byte at a time (with pauses) differs from whole");
}

#[test]
fn analyze_one_byte_at_a_time_equals_whole() {
    for args in [&["analyze", "--format", "json"][..], &["analyze", "--format", "jsonl"]] {
        let expected = whole(args, SEED_ARTICLE);
        let got = run_in_pieces(args, SEED_ARTICLE.as_bytes(), 1, Duration::ZERO);
        assert_eq!(got, expected, "slant {args:?}: stdin one byte at a time differs from whole");
    }
}

#[test]
fn a_sentence_is_printed_before_stdin_is_closed() {
    let mut child = spawn(&["split"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("UTF-8 line")).is_err() {
                break;
            }
        }
    });
    // The first sentence is final once the capital after it has arrived.
    stdin.write_all("The court ruled on Monday. The appeal".as_bytes()).expect("write");
    stdin.flush().expect("flush");
    let first = rx.recv_timeout(Duration::from_secs(20)).expect("a sentence is printed while stdin is still open");
    assert_eq!(first, "The court ruled on Monday.");
    // The unfinished one is not printed yet.
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "an unfinished sentence was printed");
    stdin.write_all(" failed.".as_bytes()).expect("write");
    drop(stdin);
    assert_eq!(rx.recv_timeout(Duration::from_secs(20)).expect("the last sentence at the end"), "The appeal failed.");
    assert!(child.wait().expect("slant exits").success());
    reader.join().expect("reader thread");
}
