//! The performance guard: fails on a gross (more than 2x) slowdown of the
//! sentence splitter, the whole pipeline or the release CLI, judged only by
//! ratios measured in this run, never by absolute times.
//!
//! Every stage is timed on the same text (written for slant, from the
//! repository's test data, repeated to about 1 MB) together with a reference
//! workload that slant never optimises: a plain word count (characters
//! classified and lower-cased, words counted in a std `HashMap`), which like
//! the pipeline is scalar, branchy and hash-bound, so the two move together
//! when the machine is loaded or slower. The stages and the reference run
//! interleaved, round after round; each keeps its fastest round (thread CPU
//! time in process, wall clock for the CLI), and the ratio stage / reference
//! is compared with the committed one in `scripts/perf_guard.txt`. A stage
//! over twice its committed ratio is measured again (up to three attempts,
//! keeping each stage's best); only a slowdown seen in every attempt fails.
//!
//! ```text
//! cargo build --release -p slant-cli --bin slant --example perf_guard
//! target/release/examples/perf_guard --bin target/release/slant --expected scripts/perf_guard.txt [--update]
//! ```
//! (`just perf-guard`, `just perf-guard --update`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use slant_core::{Analyzer, Config, SentenceSplitter};

/// News text written for slant (the sample article and the entity chunking
/// case), plus the one-line framing cases (lines starting with `> `).
const ARTICLES: [&str; 2] = [
    include_str!("../../slant-core/tests/data/seed_article.txt"),
    include_str!("../../slant-core/tests/data/entities/chunking.txt"),
];
const FRAMING_CASES: &str = include_str!("../../slant-core/tests/data/framing/cases.txt");

/// How the CLI reads a file; the in-process stages are fed alike.
const CHUNK: usize = 64 * 1024;
const HEADER: &str = "\
# Expected ratios for the performance guard (crates/slant-cli/examples/perf_guard.rs):
# each stage's best time over the best time of a reference workload (a plain
# word count with a std HashMap) on the same text, measured in the same run.
# `just perf-guard` fails when a stage is over FACTOR times its ratio here.
# Re-measure on a quiet machine with `just perf-guard --update` and commit this file.
";

struct Options {
    bin: Option<PathBuf>,
    expected: PathBuf,
    update: bool,
    bytes: usize,
    rounds: usize,
    attempts: usize,
    factor: f64,
}

fn usage() -> &'static str {
    "usage: perf_guard [--bin PATH] [--expected FILE] [--update] [--bytes N] [--rounds N] [--attempts N] [--factor X]"
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        bin: None,
        expected: PathBuf::from("scripts/perf_guard.txt"),
        update: false,
        bytes: 1 << 20,
        rounds: 5,
        attempts: 3,
        factor: 2.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value\n{}", usage()));
        match arg.as_str() {
            "--bin" => o.bin = Some(PathBuf::from(value()?)),
            "--expected" => o.expected = PathBuf::from(value()?),
            "--update" => o.update = true,
            "--bytes" => o.bytes = value()?.parse().map_err(|e| format!("--bytes: {e}"))?,
            "--rounds" => o.rounds = value()?.parse().map_err(|e| format!("--rounds: {e}"))?,
            "--attempts" => o.attempts = value()?.parse().map_err(|e| format!("--attempts: {e}"))?,
            "--factor" => o.factor = value()?.parse().map_err(|e| format!("--factor: {e}"))?,
            "-h" | "--help" => return Err(usage().to_string()),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    o.rounds = o.rounds.max(1);
    o.attempts = o.attempts.max(1);
    if !(o.factor > 1.0) {
        return Err("--factor must be above 1".to_string());
    }
    Ok(o)
}

/// The guard's text: the articles and framing cases, repeated
/// (paragraph-separated) to at least `bytes` bytes.
fn corpus(bytes: usize) -> String {
    let cases: Vec<&str> = FRAMING_CASES.lines().filter_map(|l| l.strip_prefix("> ")).collect();
    let mut unit = ARTICLES.join("\n\n");
    unit.push_str("\n\n");
    unit.push_str(&cases.join("\n\n"));
    unit.push_str("\n\n");
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes {
        out.push_str(&unit);
    }
    out
}

/// `text` in pieces of about `size` bytes, cut at character boundaries.
fn chunks(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at(end);
        out.push(piece);
        rest = tail;
    }
    out
}

/// The reference workload: words (alphanumeric runs, lower-cased) counted
/// in a std `HashMap`. Returns the number of distinct words.
fn word_count(text: &str) -> usize {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            match counts.get_mut(word.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(word.clone(), 1);
                }
            }
            word.clear();
        }
    }
    counts.len()
}

fn split(pieces: &[&str]) -> usize {
    let mut splitter = SentenceSplitter::new(Config::default().max_sentence_bytes);
    let mut out = Vec::new();
    let mut n = 0;
    for piece in pieces {
        splitter.push(piece, &mut out);
        n += out.len();
        out.clear();
    }
    splitter.finish(&mut out);
    n + out.len()
}

fn pipeline(pieces: &[&str]) -> usize {
    let mut analyzer = Analyzer::new(Config::default());
    let mut n = 0;
    for piece in pieces {
        n += analyzer.feed(piece).len();
    }
    let analysis = analyzer.finish();
    n + analysis.entities.len()
}

/// CPU time this thread has used, from `/proc/thread-self/schedstat`
/// (Linux); `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

/// CPU time used by this process's waited-for children (user + system), in
/// seconds, from `/proc/self/stat` (Linux; in clock ticks, assumed 100 a
/// second, so only sums over several runs are precise); `None` elsewhere.
fn children_cpu_time() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces) start at
    // field 3 (`state`); cutime and cstime are fields 16 and 17.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    Some((ticks(16)? + ticks(17)?) as f64 / 100.0)
}

/// CPU seconds of one run of `f` in this thread (wall seconds where the
/// thread's CPU time is unknown).
fn time_in_process(f: impl FnOnce() -> usize) -> f64 {
    let cpu0 = thread_cpu_time();
    let wall0 = Instant::now();
    black_box(f());
    let wall = wall0.elapsed().as_secs_f64();
    match (cpu0, thread_cpu_time()) {
        (Some(a), Some(b)) if b >= a => (b - a).as_secs_f64(),
        _ => wall,
    }
}

/// One run of `bin analyze --format FORMAT FILE`, output discarded:
/// (CPU seconds of the child when known, wall seconds).
fn time_cli(bin: &Path, format: &str, file: &Path) -> Result<(Option<f64>, f64), String> {
    let cpu0 = children_cpu_time();
    let start = Instant::now();
    let status = Command::new(bin)
        .args(["analyze", "--format", format])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let wall = start.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("{} analyze --format {format} failed: {status}", bin.display()));
    }
    let cpu = match (cpu0, children_cpu_time()) {
        (Some(a), Some(b)) if b >= a => Some(b - a),
        _ => None,
    };
    Ok((cpu, wall))
}

/// The times of one stage (or of the reference) over the counted rounds.
#[derive(Clone)]
struct Times {
    name: &'static str,
    /// Timed in process (judged by its best run) or as a child process
    /// (judged by its mean, as its CPU time is only precise summed).
    child: bool,
    best: f64,
    sum: f64,
    runs: u32,
}

impl Times {
    fn new(name: &'static str, child: bool) -> Self {
        Times { name, child, best: f64::INFINITY, sum: 0.0, runs: 0 }
    }

    fn add(&mut self, secs: f64) {
        self.best = self.best.min(secs);
        self.sum += secs;
        self.runs += 1;
    }

    fn mean(&self) -> f64 {
        self.sum / f64::from(self.runs.max(1))
    }

    /// The figure the guard compares: the best run in process, the mean for
    /// the CLI.
    fn figure(&self) -> f64 {
        if self.child {
            self.mean()
        } else {
            self.best
        }
    }
}

/// Every time measured so far, the reference first.
struct Measurements {
    reference: Times,
    stages: Vec<Times>,
}

impl Measurements {
    fn new(with_cli: bool) -> Self {
        let mut stages = vec![Times::new("split", false), Times::new("pipeline", false)];
        if with_cli {
            stages.push(Times::new("cli-json", true));
            stages.push(Times::new("cli-jsonl", true));
        }
        Measurements { reference: Times::new("reference", false), stages }
    }

    /// A stage's time over the reference's: best over best in process,
    /// mean over mean for the CLI.
    fn ratio(&self, stage: &Times) -> f64 {
        let reference = if stage.child { self.reference.mean() } else { self.reference.best };
        stage.figure() / reference
    }
}

/// Passes over the text per timed run, so that each run lasts tens of
/// milliseconds (the whole pipeline's run, one pass, is the longest).
const REFERENCE_PASSES: usize = 8;
const SPLIT_PASSES: usize = 8;

/// `rounds` interleaved rounds of the reference and every stage, after one
/// warm-up round that is not counted.
fn measure(m: &mut Measurements, text: &str, cli: Option<(&Path, &Path)>, rounds: usize) -> Result<(), String> {
    let pieces = chunks(text, CHUNK);
    for round in 0..=rounds {
        let reference = time_in_process(|| (0..REFERENCE_PASSES).map(|_| word_count(black_box(text))).sum());
        let split = time_in_process(|| (0..SPLIT_PASSES).map(|_| split(black_box(&pieces))).sum());
        let pipeline = time_in_process(|| pipeline(black_box(&pieces)));
        let mut times = vec![split, pipeline];
        if let Some((bin, file)) = cli {
            for format in ["json", "jsonl"] {
                let (cpu, wall) = time_cli(bin, format, file)?;
                times.push(cpu.unwrap_or(wall));
            }
        }
        if round > 0 {
            m.reference.add(reference);
            for (stage, secs) in m.stages.iter_mut().zip(times) {
                stage.add(secs);
            }
        }
    }
    Ok(())
}

fn read_expected(path: &Path) -> Result<HashMap<String, f64>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e} (create it with `just perf-guard --update`)", path.display()))?;
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let parsed = match (fields.next(), fields.next().map(str::parse::<f64>), fields.next()) {
            (Some(stage), Some(Ok(ratio)), None) if ratio > 0.0 && ratio.is_finite() => Some((stage, ratio)),
            _ => None,
        };
        let (stage, ratio) = parsed.ok_or_else(|| format!("{}:{}: expected `STAGE RATIO`", path.display(), n + 1))?;
        out.insert(stage.to_string(), ratio);
    }
    Ok(out)
}

fn write_expected(path: &Path, m: &Measurements) -> Result<(), String> {
    let mut text = HEADER.to_string();
    for stage in &m.stages {
        let _ = writeln!(text, "{} {}", stage.name, significant(m.ratio(stage)));
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `x` with three significant digits.
fn significant(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return format!("{x}");
    }
    let digits = (2 - x.abs().log10().floor() as i32).clamp(0, 12) as usize;
    format!("{x:.digits$}")
}

/// The stages over `factor` times their expected ratio.
fn over_limit(m: &Measurements, expected: &HashMap<String, f64>, factor: f64) -> Vec<&'static str> {
    m.stages.iter().filter(|s| expected.get(s.name).is_some_and(|e| m.ratio(s) > e * factor)).map(|s| s.name).collect()
}

fn print_table(m: &Measurements, expected: &HashMap<String, f64>, o: &Options, mb: f64) {
    println!("{:<10} {:>9} {:>9} {:>8} {:>9} {:>9}  verdict", "stage", "ms/pass", "MB/s", "ratio", "expected", "limit");
    let per_pass = |t: &Times, passes: usize| t.figure() / passes as f64;
    let r = per_pass(&m.reference, REFERENCE_PASSES);
    println!("{:<10} {:>9.2} {:>9.0} {:>8}", "reference", r * 1e3, mb / r, "1");
    for stage in &m.stages {
        let ratio = m.ratio(stage);
        let secs = per_pass(stage, if stage.name == "split" { SPLIT_PASSES } else { 1 });
        let (exp, limit, verdict) = match expected.get(stage.name) {
            Some(&e) => {
                let verdict = if ratio > e * o.factor {
                    "SLOWER than the limit"
                } else if ratio * o.factor < e {
                    "ok (much faster: re-measure with --update)"
                } else {
                    "ok"
                };
                (significant(e), significant(e * o.factor), verdict)
            }
            None if o.update => ("-".to_string(), "-".to_string(), "measured"),
            None => ("-".to_string(), "-".to_string(), "no expected ratio: not checked"),
        };
        println!(
            "{:<10} {:>9.2} {:>9.0} {:>8} {exp:>9} {limit:>9}  {verdict}",
            stage.name,
            secs * 1e3,
            mb / secs,
            significant(ratio)
        );
    }
}

fn run() -> Result<bool, String> {
    let o = parse_args()?;
    let text = corpus(o.bytes);
    let mb = text.len() as f64 / 1e6;
    let expected = if o.update { HashMap::new() } else { read_expected(&o.expected)? };
    let file = match &o.bin {
        Some(_) => {
            let path = std::env::temp_dir().join(format!("slant-perf-guard-{}.txt", std::process::id()));
            std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Some(path)
        }
        None => None,
    };
    let clock = if thread_cpu_time().is_some() { "CPU time" } else { "wall clock" };
    println!(
        "perf-guard: {mb:.2} MB of the repository's test text; {} rounds per attempt, interleaved; by {clock}: \
         best run in process, mean run for the CLI",
        o.rounds
    );

    let cli = o.bin.as_deref().zip(file.as_deref());
    let mut m = Measurements::new(cli.is_some());
    let mut attempts = 0;
    let outcome = loop {
        attempts += 1;
        if let Err(e) = measure(&mut m, &text, cli, o.rounds) {
            break Err(e);
        }
        let over = over_limit(&m, &expected, o.factor);
        if attempts >= o.attempts || (!o.update && over.is_empty()) {
            break Ok(over);
        }
        if !o.update {
            println!("perf-guard: attempt {attempts}: over the limit: {}; measuring again", over.join(", "));
        }
    };
    if let Some(file) = &file {
        let _ = std::fs::remove_file(file);
    }
    let over = outcome?;
    print_table(&m, &expected, &o, mb);

    if o.update {
        write_expected(&o.expected, &m)?;
        println!("perf-guard: wrote {} ({attempts} attempts); commit it", o.expected.display());
        Ok(true)
    } else if over.is_empty() {
        println!("perf-guard: ok ({attempts} attempt(s); limit {}x the committed ratios)", o.factor);
        Ok(true)
    } else {
        println!(
            "perf-guard: FAILED: {} over {}x the committed ratio in all {attempts} attempts \
             (if the slowdown is intended, re-measure with `just perf-guard --update`)",
            over.join(", "),
            o.factor
        );
        Ok(false)
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("perf-guard: {e}");
            ExitCode::from(2)
        }
    }
}
