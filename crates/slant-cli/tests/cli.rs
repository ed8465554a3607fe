//! The real `slant` binary on real input: errors, fallbacks, formats, corpus mode.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn slant(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("slant starts");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("slant runs");
    writer.join().expect("writer");
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

const ARTICLE: &str =
    "Sen. Jane Doe (D., Ore.) spoke on Monday. “It is a start,” she said.\r\n\r\nThe vote is due at 9 a.m. on Jan. 5.";

#[test]
fn split_jsonl_offsets_slice_the_input() {
    let out = slant(&["split", "--format", "jsonl"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert!(lines.len() >= 2, "{lines:?}");
    for line in &lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert_eq!(&ARTICLE[start..end], line["text"].as_str().unwrap());
    }
}

#[test]
fn split_text_puts_each_sentence_on_one_line() {
    let out = slant(&["split"], "One line\nwraps here. Next one.".as_bytes());
    assert!(out.status.success());
    for line in stdout(&out).lines() {
        assert!(!line.contains('\r'));
    }
    assert!(stdout(&out).contains("One line wraps here."));
}

#[test]
fn invalid_utf8_is_an_error_naming_the_offset() {
    let mut bytes = b"Fine text here. More".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b" text.");
    for cmd in [&["split"][..], &["analyze", "--format", "json"][..], &["entities", "--format", "jsonl"][..]] {
        let out = slant(cmd, &bytes);
        assert!(!out.status.success(), "{cmd:?} must fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("UTF-8") && err.contains("offset 20"), "{err}");
    }
}

#[test]
fn lossy_replaces_and_reports() {
    let out = slant(&["split", "--lossy"], b"Bad \xff byte. Fine.");
    assert!(out.status.success());
    assert!(stdout(&out).contains("Bad \u{FFFD} byte."));
    assert!(String::from_utf8_lossy(&out.stderr).contains("replaced 1 invalid UTF-8"));
}

#[test]
fn empty_and_blank_input_give_an_empty_analysis() {
    for input in ["", "   \n\n\t  \r\n"] {
        let out = slant(&["analyze", "--format", "json"], input.as_bytes());
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        assert_eq!(json["sentences"].as_array().map(Vec::len), Some(0));
        assert_eq!(json["entities"].as_array().map(Vec::len), Some(0));
        assert_eq!(json["cues"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn bom_crlf_and_astral_text_keep_offsets_on_the_input() {
    let text = "\u{FEFF}Emoji 😀 here.\r\nΑθήνα said so. שלום עולם. e\u{301}nd\u{0}.";
    let out = slant(&["analyze", "--format", "json"], text.as_bytes());
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let sentences = json["sentences"].as_array().expect("sentences");
    assert!(!sentences.is_empty());
    for s in sentences {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(text.get(start..end), s["text"].as_str());
    }
}

#[test]
fn analyze_jsonl_streams_sentences_then_a_final_object() {
    let out = slant(&["analyze", "--format", "jsonl"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (last, sentences) = lines.split_last().expect("lines");
    assert!(last.get("entities").is_some() && last.get("summary").is_some());
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["index"].as_u64(), Some(i as u64));
        assert!(s["sentence"]["text"].is_string());
    }
}

#[test]
fn corpus_mode_keeps_order_and_reports_a_bad_line() {
    let mut input = String::new();
    for i in 1..=100 {
        if i == 42 {
            input.push_str("{\"id\": 42, \"text\": oops\n");
        } else {
            input.push_str(&format!("{{\"id\": {i}, \"text\": \"Document {i} is here. It ends.\"}}\n"));
        }
    }
    let out = slant(&["analyze", "--corpus"], input.as_bytes());
    assert!(!out.status.success(), "a failed line must fail the run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 42"), "{err}");
    let ids: Vec<u64> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap())
        .collect();
    let expected: Vec<u64> = (1..=100).filter(|&i| i != 42).collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_corpus_worker_analyses_each_document_as_a_new_analyzer_would() {
    // the seed article's paragraphs, each a document, repeated past one batch (256 lines)
    // in a shifting order, so each worker's analyzer meets them after different others
    let article = include_str!("../../slant-core/tests/data/seed_article.txt");
    let mut docs: Vec<&str> = article.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    assert!(docs.len() >= 5, "the seed article has paragraphs");
    // a person named, and a pronoun with no one named before it in its own document
    docs.extend(["Senator Jane Smith spoke in Ohio on Monday.", "He falsely claimed the plan was a disgrace."]);
    let line = |k: usize| serde_json::json!({"id": k, "text": docs[k]}).to_string() + "\n";
    let alone: Vec<serde_json::Value> = (0..docs.len())
        .map(|k| serde_json::from_str(&stdout(&slant(&["analyze", "--corpus"], line(k).as_bytes()))).unwrap())
        .collect();
    let order: Vec<usize> = (0..300).map(|i| (i * 7 + i / docs.len()) % docs.len()).collect();
    let input: String = order.iter().map(|&k| line(k)).collect();
    let out = slant(&["analyze", "--corpus", "--jobs", "2"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), order.len());
    for (got, &k) in lines.iter().zip(&order) {
        assert_eq!(got, &alone[k], "document {k}");
    }
}

#[test]
fn corpus_field_names_are_configurable() {
    let out = slant(
        &["analyze", "--corpus", "--id-field", "key", "--text-field", "body"],
        b"{\"key\": \"a\", \"body\": \"One. Two.\"}\n{\"key\": \"b\"}\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: no \"body\" field"));
    let first: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "a");
    assert_eq!(first["sentences"].as_array().map(Vec::len), Some(2));
}

#[test]
fn help_shows_examples() {
    let out = slant(&["--help"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("Examples:"));
}

#[test]
fn bad_names_file_is_a_clear_error() {
    let path = std::env::temp_dir().join(format!("slant-bad-names-{}.tsv", std::process::id()));
    std::fs::write(&path, "# names\nXi Jinping\tPERSON\nNobody\tWIZARD\n").unwrap();
    let out = slant(&["analyze", "--names", path.to_str().unwrap()], b"Text.");
    let _ = std::fs::remove_file(&path);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(":3:"));
}

/// A sentence limit below 64 is the core's error, on every subcommand; 64 works.
#[test]
fn a_too_small_sentence_limit_is_a_clear_error() {
    for command in ["split", "entities", "analyze"] {
        let out = slant(&[command, "--max-sentence-bytes", "63"], b"Text.");
        assert!(!out.status.success(), "{command}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "slant: bad configuration: max_sentence_bytes must be at least 64\n",
            "{command}"
        );
        assert!(out.stdout.is_empty(), "{command}");
        let out = slant(&[command, "--max-sentence-bytes", "64"], b"Text.");
        assert!(out.status.success(), "{command}");
    }
}

#[test]
fn the_report_escapes_terminal_controls_in_the_input() {
    let text = "The so-called “\u{1b}]0;PWNED\u{7}expert” Bob\u{b} Jones lied. Ann \u{202e}Lee\u{9b} smiled.\n";
    let out = slant(&["analyze"], text.as_bytes());
    assert!(out.status.success());
    let report = stdout(&out);
    for c in ['\u{1b}', '\u{7}', '\u{b}', '\u{202e}', '\u{9b}'] {
        assert!(!report.contains(c), "raw {c:?} in {report}");
    }
    assert!(report.contains("\\u{1b}]0;PWNED\\u{7}expert"), "{report}");
    // a scare quote's cue already has its quotation marks: not “““…”””
    assert!(!report.contains("““"), "{report}");
}

#[test]
fn jobs_beyond_the_cores_are_lowered_with_a_note() {
    let docs = "{\"id\":\"a\",\"text\":\"Bob Jones lied.\"}\n{\"id\":\"b\",\"text\":\"Ann Lee smiled.\"}\n";
    let out = slant(&["analyze", "--corpus", "--jobs", "100000"], docs.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout(&out).lines().count(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("lowered to"));
}

#[test]
fn a_byte_order_mark_does_not_hide_the_first_name() {
    let path = std::env::temp_dir().join(format!("slant-bom-names-{}.tsv", std::process::id()));
    std::fs::write(&path, "\u{feff}Qxz Vandermoot\tORG\n").unwrap();
    let out = slant(&["entities", "--format", "jsonl", "--names", path.to_str().unwrap()], b"Qxz Vandermoot grew.");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    assert!(stdout(&out).contains("\"label\":\"ORG\""), "{}", stdout(&out));
}

/// A temporary file holding `bytes`, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("slant-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn data_files_name_the_line_of_a_bad_entry() {
    // (option, file bytes, Ok(text stdout must contain) or Err(text stderr must contain))
    let cases: [(&str, &[u8], Result<&str, &str>); 8] = [
        ("--names", b"\xEF\xBB\xBFQxz Vandermoot\tORG\n", Ok("\"label\":\"ORG\"")),
        ("--names", b"Qxz Vandermoot\tORG\r\n", Ok("\"label\":\"ORG\"")),
        ("--names", b"Ann Lee\tPERSON\nQxz Vandermoot\tORG\tsince 1990\n", Err(":2: 3 columns")),
        ("--lexicon", b"frobnicated\t-3.0\t0.5\t[-3, -3]\n", Err(":1: 4 columns")),
        // binary: invalid UTF-8 on line 3, NUL bytes, UTF-16 with its byte-order mark
        ("--names", b"# names\nAnn Lee\tPERSON\nGIF\x89\xff\x00\n", Err(":3: not UTF-8")),
        ("--lexicon", b"ok\t1\nPK\x03\x04\x00\x00\tx\n", Err(":2: a NUL byte")),
        (
            "--names",
            b"\xFF\xFEQ\x00x\x00\t\x00O\x00R\x00G\x00",
            Err(":1: not UTF-8 (invalid byte at offset 0): UTF-16"),
        ),
        ("--lexicon", b"\xEF\xBB\xBFfrobnicated\t-3.0\n", Ok("\"entities\"")),
    ];
    for (i, (option, bytes, want)) in cases.into_iter().enumerate() {
        let file = TempFile::new(&format!("data-{i}.tsv"), bytes);
        let out = slant(&["entities", "--format", "jsonl", option, file.path()], b"Qxz Vandermoot grew.");
        let err = String::from_utf8_lossy(&out.stderr);
        match want {
            Ok(text) if option == "--names" => {
                assert!(out.status.success() && stdout(&out).contains(text), "case {i}: {err}")
            }
            Ok(_) => assert!(out.status.success(), "case {i}: {err}"),
            Err(text) => {
                assert_eq!(out.status.code(), Some(1), "case {i}");
                assert!(err.contains(&format!("{}{text}", file.path())), "case {i}: {err}");
            }
        }
    }
}

#[test]
fn a_rules_file_adds_cues_to_the_report_and_the_json() {
    let rules = TempFile::new(
        "rules.tsv",
        "# newsroom rules\nlabel\t-0.6\t\\bRINO\\b\tparty insult: Republican in name only\n".as_bytes(),
    );
    let text = b"Critics call Senator Jane Doe a RINO. She spoke on Monday.";
    let out = slant(&["analyze", "--rules", rules.path()], text);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = stdout(&out);
    assert!(report.contains("\u{201c}RINO\u{201d} \u{2014} party insult: Republican in name only"), "{report}");

    let out = slant(&["analyze", "--format", "json", "--rules", rules.path()], text);
    let analysis: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let cue = analysis["cues"].as_array().unwrap().iter().find(|c| c["text"] == "RINO").expect("the rule's cue");
    assert_eq!((cue["kind"].as_str(), cue["polarity"].as_f64()), (Some("label"), Some(-0.6)));
    let doe = &analysis["entities"][cue["target"].as_u64().expect("aimed at someone") as usize];
    assert_eq!(doe["name"], "Jane Doe");
    assert!(doe["framing"]["score"].as_f64().unwrap() < 0.0);

    // without the file, no such cue
    let plain = stdout(&slant(&["analyze", "--format", "json"], text));
    assert!(!plain.contains("party insult"));
}

#[test]
fn a_malformed_rule_names_its_file_and_line() {
    let cases: [(&[u8], &str); 4] = [
        (b"label\t-0.6\t\\bok\\b\tfine\nlabel\t-0.6\t(unclosed\tbad\n", ":2: pattern \"(unclosed\": unclosed group"),
        (b"# kinds\nslur\t-0.6\tx\tbad\n", ":2: unknown kind \"slur\""),
        (b"label\t-1.5\tx\tbad\n", ":1: polarity \"-1.5\" is not a number in -1..1"),
        (b"label\t-0.5\tx\n", ":1: 3 columns"),
    ];
    for (i, (bytes, want)) in cases.into_iter().enumerate() {
        let file = TempFile::new(&format!("rules-{i}.tsv"), bytes);
        let out = slant(&["analyze", "--rules", file.path()], b"Jane Doe spoke.");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "case {i}");
        assert!(err.contains(&format!("{}{want}", file.path())), "case {i}: {err}");
    }
}

#[test]
fn corpus_mode_accepts_a_byte_order_mark_and_names_lone_surrogates() {
    let doc = |id: u32, text: &str| format!("{{\"id\":{id},\"text\":\"{text}\"}}\n");
    // the first line of a file saved with a byte-order mark, and a second file joined by `cat`
    let input =
        ["\u{feff}".to_string() + &doc(1, "Bob Jones lied."), "\u{feff}".to_string() + &doc(2, "Ann Lee smiled.")]
            .concat();
    let out = slant(&["analyze", "--corpus"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout(&out).lines().count(), 2);

    // (text field as written in JSON, the message without --lossy, the text with --lossy)
    let cases = [
        (r"Bob \ud800 lied.", "line 1: lone surrogate \\ud800 at column 21", "Bob \u{fffd} lied."),
        (r"cut emoji \ud83d", "line 1: lone surrogate \\ud83d at column 27", "cut emoji \u{fffd}"),
        (r"\udc00 first", "line 1: lone surrogate \\udc00 at column 17", "\u{fffd} first"),
        (
            r"pair \ud83d\ude00 is fine, \ud800 is not",
            "lone surrogate \\ud800 at column 44",
            "pair 😀 is fine, \u{fffd} is not",
        ),
    ];
    for (text, message, replaced) in cases {
        let line = doc(7, text);
        let out = slant(&["analyze", "--corpus"], line.as_bytes());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(message) && err.contains("--lossy"), "{text}: {err}");
        let out = slant(&["analyze", "--corpus", "--lossy"], line.as_bytes());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && err.contains("replaced 1"), "{text}: {err}");
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        assert_eq!(json["sentences"][0]["text"], replaced, "{text}");
    }
}

#[test]
fn messages_and_reports_escape_what_they_quote_from_the_input() {
    // stderr: a corpus id carrying an OSC title sequence, DEL, a C1 CSI and a bidi override
    let out = slant(
        &["analyze", "--corpus"],
        "{\"id\":\"\\u001b]0;PWNED\\u0007\u{7f}\u{9b}2J\u{202e}\",\"text\":1}\n".as_bytes(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1: field \"text\" is not a string (id "), "{err}");
    for c in ['\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}'] {
        assert!(!err.contains(c), "raw {c:?} in {err}");
    }
    // the readable report: every hostile character, in a scare quote's cue and next to a name
    let escaped = |c: char| format!("\\u{{{:x}}}", u32::from(c));
    for hostile in ['\u{1b}', '\u{7}', '\u{b}', '\u{c}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}'] {
        let text = format!("The so-called “{hostile}[2Jexpert” Bob{hostile} Jones lied.\n");
        let out = slant(&["analyze"], text.as_bytes());
        assert!(out.status.success());
        let shown = stdout(&out);
        assert!(!shown.contains(hostile) && shown.contains(&escaped(hostile)), "{hostile:?}: {shown}");
    }
    // `slant entities`: the space-like controls that stay inside a name
    for hostile in ['\u{b}', '\u{c}', '\u{85}'] {
        let out = slant(&["entities"], format!("Bob{hostile}Jones and Ann Lee met.").as_bytes());
        let shown = stdout(&out);
        assert!(!shown.contains(hostile) && shown.contains(&format!("Bob{}Jones", escaped(hostile))), "{shown}");
    }
}
