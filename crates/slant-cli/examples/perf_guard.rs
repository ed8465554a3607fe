//! The performance guard: fails on a gross (more than 2x) slowdown of the
//! sentence splitter, the whole pipeline or the release CLI, judged only by
//! ratios measured in this run, never by absolute times.
//!
//! Every stage is timed on the same text (written for slant, from the
//! repository's test data, repeated to about 1 MB) together with three
//! reference workloads that slant never optimises, each with its own profile:
//! `chars` (characters classified and lower-cased, words counted in a std
//! `HashMap`: ALU-bound), `btree` (whitespace words counted in a `BTreeMap`:
//! string compares and pointer chasing) and `bytes` (a byte scan for
//! capitals and sentence ends: a tight loop). On a shared machine the
//! programs running next to the guard slow some kinds of work more than
//! others (one reference alone moved 2x against the pipeline within a minute
//! on the 2-core VM), so a stage fails only if it is over the limit against
//! every reference: a real slowdown of slant moves all three ratios.
//!
//! The references and the stages run interleaved, round after round; each
//! in-process run repeats its work for at least 40 ms (thread CPU time);
//! each keeps its best round. The CLI is timed by its CPU time (from the
//! kernel's children totals, so by its mean over the rounds, against the
//! references' means). A stage over the limit is measured again, up to three
//! attempts, each adding rounds. `--update` writes the ratios (the highest
//! of three separate attempts, so a noisy moment makes the guard more
//! lenient, never stricter).
//!
//! `--simulate-slowdown N` makes every stage do its work N times, to check
//! that the guard fails on a slowdown (`just perf-guard --simulate-slowdown 3`
//! must fail; 2 is on the limit).
//!
//! ```text
//! cargo build --release -p slant-cli --bin slant --example perf_guard
//! target/release/examples/perf_guard --bin target/release/slant --expected scripts/perf_guard.txt [--update]
//! ```
//! (`just perf-guard`, `just perf-guard --update`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use slant_core::workloads::{char_chunks, pipeline_count, split_count};

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
# STAGE REFERENCE RATIO, the ratio being the stage's time over the reference
# workload's time on the same text, measured in the same run (best runs in
# process, mean runs for the CLI). `just perf-guard` fails when a stage is
# over FACTOR (2) times its ratio here against every reference.
# Re-measure on a quiet machine with `just perf-guard --update` and commit this file.
";

/// Each in-process timed run repeats its work for at least this long, so
/// that a run is long against the clock's and the scheduler's granularity
/// whatever the speed of the stage.
const MIN_RUN: Duration = Duration::from_millis(40);

struct Options {
    bin: Option<PathBuf>,
    expected: PathBuf,
    update: bool,
    bytes: usize,
    rounds: usize,
    attempts: usize,
    factor: f64,
    /// Self-test: every stage does its work this many times per pass.
    slowdown: usize,
}

fn usage() -> &'static str {
    "usage: perf_guard [--bin PATH] [--expected FILE] [--update] [--bytes N] [--rounds N] [--attempts N] [--factor X] [--simulate-slowdown N]"
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
        slowdown: 1,
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
            "--simulate-slowdown" => {
                o.slowdown = value()?.parse().map_err(|e| format!("--simulate-slowdown: {e}"))?;
            }
            "-h" | "--help" => return Err(usage().to_string()),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    o.rounds = o.rounds.max(1);
    o.attempts = o.attempts.max(1);
    if o.factor.is_nan() || o.factor <= 1.0 {
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

/// Reference `chars`: words (alphanumeric runs, lower-cased) counted in a
/// std `HashMap`. Returns the number of distinct words.
fn chars_reference(text: &str) -> usize {
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

/// Reference `btree`: whitespace-separated words, punctuation trimmed,
/// counted in a `BTreeMap`.
fn btree_reference(text: &str) -> usize {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    counts.len()
}

/// Reference `bytes`: a byte scan counting capitalised words and likely
/// sentence ends.
fn bytes_reference(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut caps, mut ends, mut prev) = (0usize, 0usize, b' ');
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_uppercase() && !prev.is_ascii_alphanumeric() {
            caps += 1;
        }
        if matches!(b, b'.' | b'!' | b'?')
            && prev.is_ascii_lowercase()
            && bytes.get(i + 1).is_some_and(|n| n.is_ascii_whitespace())
        {
            ends += 1;
        }
        prev = b;
    }
    caps * 31 + ends
}

/// CPU time this thread has used, from `/proc/thread-self/schedstat`
/// (Linux); `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    // The kernel brings a running thread's figure up to date only at a
    // scheduler tick (4 ms here) or a switch; yielding forces the update.
    std::thread::yield_now();
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

/// The times of one stage or reference over the counted rounds, in seconds
/// per pass over the text.
struct Times {
    name: &'static str,
    best: f64,
    sum: f64,
    runs: u32,
}

impl Times {
    fn new(name: &'static str) -> Self {
        Times { name, best: f64::INFINITY, sum: 0.0, runs: 0 }
    }

    fn add(&mut self, secs: f64) {
        self.best = self.best.min(secs);
        self.sum += secs;
        self.runs += 1;
    }

    fn mean(&self) -> f64 {
        self.sum / f64::from(self.runs.max(1))
    }
}

const REFERENCES: [&str; 3] = ["chars", "btree", "bytes"];
const CLI_FORMATS: [&str; 2] = ["json", "jsonl"];

/// Every time measured in one or more attempts.
struct Measurements {
    references: Vec<Times>,
    /// The in-process stages (`split`, `pipeline`), then the CLI's.
    stages: Vec<Times>,
}

impl Measurements {
    fn new(with_cli: bool) -> Self {
        let mut stages = vec![Times::new("split"), Times::new("pipeline")];
        if with_cli {
            stages.extend([Times::new("cli-json"), Times::new("cli-jsonl")]);
        }
        Measurements { references: REFERENCES.iter().map(|r| Times::new(r)).collect(), stages }
    }

    /// A stage's time over a reference's: best over best in process, mean
    /// over mean for the CLI (whose CPU time is only known summed).
    fn ratio(&self, stage: &Times, reference: &Times) -> f64 {
        if stage.name.starts_with("cli-") {
            stage.mean() / reference.mean()
        } else {
            stage.best / reference.best
        }
    }

    /// A stage's slowdown against the committed ratios: its ratio over the
    /// expected one, the smallest over the references (`None` with no
    /// expected ratio).
    fn slowdown(&self, stage: &Times, expected: &Expected) -> Option<f64> {
        self.references
            .iter()
            .filter_map(|r| Some(self.ratio(stage, r) / expected.get(&(stage.name.to_string(), r.name.to_string()))?))
            .reduce(f64::min)
    }
}

/// How many passes of `f` last at least [`MIN_RUN`], judged by one wall-clock run.
fn calibrate(f: impl Fn() -> usize) -> usize {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().as_secs_f64().max(1e-6);
    (MIN_RUN.as_secs_f64() / once).ceil().clamp(1.0, 1000.0) as usize
}

/// CPU seconds per pass of `passes` passes of `f`, timed as one run.
fn time_passes(passes: usize, f: impl Fn() -> usize) -> f64 {
    time_in_process(|| (0..passes).map(|_| f()).sum()) / passes as f64
}

/// `rounds` interleaved rounds of the references and every stage, after
/// one warm-up round that is not counted (and that sets the passes per run).
fn measure(m: &mut Measurements, text: &str, cli: Option<(&Path, &Path)>, o: &Options) -> Result<(), String> {
    let slow = o.slowdown.max(1);
    let pieces = char_chunks(text, CHUNK);
    let work: [&dyn Fn() -> usize; 5] = [
        &|| chars_reference(black_box(text)),
        &|| btree_reference(black_box(text)),
        &|| bytes_reference(black_box(text)),
        &|| (0..slow).map(|_| split_count(black_box(&pieces))).sum(),
        &|| (0..slow).map(|_| pipeline_count(black_box(&pieces))).sum(),
    ];
    let passes: Vec<usize> = work.iter().map(calibrate).collect();
    for round in 0..=o.rounds {
        let mut times: Vec<f64> = work.iter().zip(&passes).map(|(f, &p)| time_passes(p, f)).collect();
        if let Some((bin, file)) = cli {
            for format in CLI_FORMATS {
                let mut secs = 0.0;
                for _ in 0..slow {
                    let (cpu, wall) = time_cli(bin, format, file)?;
                    secs += cpu.unwrap_or(wall);
                }
                times.push(secs);
            }
        }
        if round > 0 {
            let (refs, stages) = times.split_at(REFERENCES.len());
            m.references.iter_mut().zip(refs).for_each(|(t, &s)| t.add(s));
            m.stages.iter_mut().zip(stages).for_each(|(t, &s)| t.add(s));
        }
    }
    Ok(())
}

/// Expected ratios by (stage, reference).
type Expected = HashMap<(String, String), f64>;

fn read_expected(path: &Path) -> Result<Expected, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e} (create it with `just perf-guard --update`)", path.display()))?;
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let parsed = match fields.as_slice() {
            [stage, reference, ratio] => ratio
                .parse::<f64>()
                .ok()
                .filter(|r| *r > 0.0 && r.is_finite())
                .map(|r| ((stage.to_string(), reference.to_string()), r)),
            _ => None,
        };
        let (key, ratio) =
            parsed.ok_or_else(|| format!("{}:{}: expected `STAGE REFERENCE RATIO`", path.display(), n + 1))?;
        out.insert(key, ratio);
    }
    Ok(out)
}

fn write_expected(path: &Path, expected: &Expected, m: &Measurements) -> Result<(), String> {
    let mut text = HEADER.to_string();
    for stage in &m.stages {
        for reference in &m.references {
            if let Some(ratio) = expected.get(&(stage.name.to_string(), reference.name.to_string())) {
                let _ = writeln!(text, "{} {} {}", stage.name, reference.name, significant(*ratio));
            }
        }
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

fn print_table(m: &Measurements, expected: &Expected, factor: f64, mb: f64) {
    let names: Vec<String> = m.references.iter().map(|r| format!("vs {}", r.name)).collect();
    println!(
        "{:<10} {:>8} {:>7}  {:>9} {:>9} {:>9}  verdict (ratio / committed ratio; limit {factor}x against every reference)",
        "stage", "ms/pass", "MB/s", names[0], names[1], names[2]
    );
    for r in &m.references {
        println!("{:<10} {:>8.2} {:>7.0}  (reference)", r.name, r.best * 1e3, mb / r.best);
    }
    for stage in &m.stages {
        let secs = if stage.name.starts_with("cli-") { stage.mean() } else { stage.best };
        let cells: Vec<String> = m
            .references
            .iter()
            .map(|r| {
                let ratio = m.ratio(stage, r);
                match expected.get(&(stage.name.to_string(), r.name.to_string())) {
                    Some(e) => format!("{}x", significant(ratio / e)),
                    None => format!("({})", significant(ratio)),
                }
            })
            .collect();
        let verdict = match m.slowdown(stage, expected) {
            Some(s) if s > factor => "SLOWER than the limit",
            Some(s) if s * factor < 1.0 => "ok (much faster: re-measure with --update)",
            Some(_) => "ok",
            None => "no committed ratio: not checked",
        };
        println!(
            "{:<10} {:>8.2} {:>7.0}  {:>9} {:>9} {:>9}  {verdict}",
            stage.name,
            secs * 1e3,
            mb / secs,
            cells[0],
            cells[1],
            cells[2]
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
        "perf-guard: {mb:.2} MB of the repository's test text; {} rounds per attempt, interleaved, by {clock}",
        o.rounds
    );
    let cli = o.bin.as_deref().zip(file.as_deref());
    let outcome = if o.update { update(&o, &text, cli, mb) } else { check(&o, &expected, &text, cli, mb) };
    if let Some(file) = &file {
        let _ = std::fs::remove_file(file);
    }
    outcome
}

/// Measures in separate attempts and writes each ratio's highest.
fn update(o: &Options, text: &str, cli: Option<(&Path, &Path)>, mb: f64) -> Result<bool, String> {
    let mut expected = Expected::new();
    let mut last = None;
    for attempt in 1..=o.attempts {
        let mut m = Measurements::new(cli.is_some());
        measure(&mut m, text, cli, o)?;
        for stage in &m.stages {
            for r in &m.references {
                let ratio = m.ratio(stage, r);
                let e = expected.entry((stage.name.to_string(), r.name.to_string())).or_insert(ratio);
                *e = e.max(ratio);
            }
        }
        println!("perf-guard: attempt {attempt} of {} measured", o.attempts);
        last = Some(m);
    }
    let m = last.ok_or("no attempt")?;
    print_table(&m, &expected, o.factor, mb);
    write_expected(&o.expected, &expected, &m)?;
    println!("perf-guard: wrote {} (highest ratio of {} attempts); commit it", o.expected.display(), o.attempts);
    Ok(true)
}

/// Measures until no stage is over the limit, up to `attempts` times.
fn check(o: &Options, expected: &Expected, text: &str, cli: Option<(&Path, &Path)>, mb: f64) -> Result<bool, String> {
    let mut m = Measurements::new(cli.is_some());
    let mut over = Vec::new();
    for attempt in 1..=o.attempts {
        measure(&mut m, text, cli, o)?;
        over =
            m.stages.iter().filter(|s| m.slowdown(s, expected).is_some_and(|x| x > o.factor)).map(|s| s.name).collect();
        if over.is_empty() {
            break;
        }
        if attempt < o.attempts {
            println!("perf-guard: attempt {attempt}: over the limit: {}; measuring again", over.join(", "));
        }
    }
    print_table(&m, expected, o.factor, mb);
    if over.is_empty() {
        println!("perf-guard: ok (limit {}x the committed ratios)", o.factor);
        Ok(true)
    } else {
        println!(
            "perf-guard: FAILED: {} over {}x the committed ratio against every reference in all {} attempts \
             (if the slowdown is intended, re-measure with `just perf-guard --update`)",
            over.join(", "),
            o.factor,
            o.attempts
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
