//! Throughput of sentence splitting alone, of split + entities (framing
//! off) and of the whole pipeline, plus a scaling check (10x the input
//! should cost about 10x the time). Two texts:
//!
//! - GUM dev (`../shared/data/sentences/gum_dev.jsonl`: many genres, many
//!   distinct words) joined into one document, fed whole and in 1 KiB chunks;
//! - news articles (`../shared/data/framing/persent_dev.jsonl`), each
//!   analysed as its own document by one reused analyzer, as corpus mode does.
//!
//! Both are read at bench time, never copied into the repository. Without
//! them the sample article (repeated to about 1 MB) stands in for the first
//! and the repository's own texts for the second.
//!
//! Run with `cargo bench -p slant-core --bench pipeline`; criterion reports
//! MB/s (`thrpt`) for each case.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use slant_core::workloads::{char_chunks, corpus_count, entities_count, pipeline_count, split_count};

const SEED_ARTICLE: &str = include_str!("../tests/data/seed_article.txt");
const OWN_TEXTS: [&str; 3] = [
    SEED_ARTICLE,
    include_str!("../tests/data/entities/chunking.txt"),
    include_str!("../tests/data/entities/seed.txt"),
];
const CHUNK: usize = 1024;

/// The `text` fields of a JSON-lines file of `../shared/data`, if it is there.
fn shared_texts(path: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(path);
    let Ok(jsonl) = std::fs::read_to_string(&path) else { return Vec::new() };
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|doc| doc["text"].as_str().map(str::to_string))
        .collect()
}

/// The mixed-genre text as one document, and its name.
fn corpus() -> (String, &'static str) {
    let texts = shared_texts("sentences/gum_dev.jsonl");
    if texts.is_empty() {
        (repeat_to(SEED_ARTICLE, 1 << 20), "seed article x N")
    } else {
        (texts.join("\n\n"), "gum_dev")
    }
}

/// News articles, one document each, and their name.
fn articles() -> (Vec<String>, &'static str) {
    let texts = shared_texts("framing/persent_dev.jsonl");
    if texts.is_empty() {
        let own: Vec<String> = OWN_TEXTS.iter().map(|t| t.to_string()).collect();
        (own.iter().cycle().take(300).cloned().collect(), "own texts x 100")
    } else {
        (texts, "persent_dev")
    }
}

/// `text` repeated (paragraph-separated) to at least `bytes` bytes.
fn repeat_to(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

fn throughput(c: &mut Criterion) {
    let (text, name) = corpus();
    let whole = [text.as_str()];
    let kib = char_chunks(&text, CHUNK);
    eprintln!("corpus: {name}, {} bytes, {} sentences", text.len(), split_count(&whole));

    let mut group = c.benchmark_group("split");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function(BenchmarkId::new("whole", name), |b| b.iter(|| split_count(black_box(&whole))));
    group.bench_function(BenchmarkId::new("1KiB_chunks", name), |b| b.iter(|| split_count(black_box(&kib))));
    group.finish();

    let (docs, docs_name) = articles();
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let docs_bytes = docs.iter().map(|d| d.len() as u64).sum();

    let mut group = c.benchmark_group("entities");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(BenchmarkId::new("whole", name), |b| b.iter(|| entities_count(black_box(&whole))));
    group.throughput(Throughput::Bytes(docs_bytes));
    group.bench_function(BenchmarkId::new("articles", docs_name), |b| b.iter(|| corpus_count(black_box(&docs), false)));
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(BenchmarkId::new("whole", name), |b| b.iter(|| pipeline_count(black_box(&whole))));
    group.bench_function(BenchmarkId::new("1KiB_chunks", name), |b| b.iter(|| pipeline_count(black_box(&kib))));
    group.throughput(Throughput::Bytes(docs_bytes));
    group.bench_function(BenchmarkId::new("articles", docs_name), |b| b.iter(|| corpus_count(black_box(&docs), true)));
    group.finish();
}

/// 10x the input should cost about 10x the time: equal MB/s at both sizes.
/// Besides criterion's figures, prints the measured ratio.
fn scaling(c: &mut Criterion) {
    let (text, _) = corpus();
    let mut end = text.len().min(100_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let small = &text[..end];
    let large = repeat_to(small, small.len() * 10);
    let large = &large[..large.len().min(small.len() * 10 + 2 * 10)];

    let mut group = c.benchmark_group("scaling");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for (label, input) in [("1x", small), ("10x", large)] {
        let pieces = char_chunks(input, CHUNK);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("split_1KiB_chunks", label), &pieces, |b, p| {
            b.iter(|| split_count(black_box(p)))
        });
    }
    group.finish();

    let pieces_small = char_chunks(small, CHUNK);
    let pieces_large = char_chunks(large, CHUNK);
    let (cpu1, best1) = rates(small.len(), 2.0, || split_count(&pieces_small));
    let (cpu10, best10) = rates(large.len(), 2.0, || split_count(&pieces_large));
    let show = |r: Option<f64>| r.map_or("n/a".to_string(), |r| format!("{r:.0}"));
    eprintln!(
        "scaling: {} bytes: {} MB/s per CPU-second ({best1:.0} best run); {} bytes: {} MB/s per CPU-second ({best10:.0} best run)",
        small.len(),
        show(cpu1),
        large.len(),
        show(cpu10),
    );
}

/// CPU time this thread has used, from `/proc/thread-self/schedstat`
/// (Linux); `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

/// Throughput in MB/s of `f` over `bytes`, run for about `secs` of CPU time:
/// by CPU time consumed (what one core does, however loaded the machine is)
/// and by the least disturbed single run (wall clock).
fn rates(bytes: usize, secs: f64, mut f: impl FnMut() -> usize) -> (Option<f64>, f64) {
    let mb = bytes as f64 / 1e6;
    let mut best = f64::INFINITY;
    let mut runs = 0u32;
    let cpu0 = thread_cpu_time();
    let wall0 = Instant::now();
    while runs < 3 || wall0.elapsed().as_secs_f64() < secs {
        let start = Instant::now();
        black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
        runs += 1;
    }
    let cpu = match (cpu0, thread_cpu_time()) {
        (Some(a), Some(b)) if b > a => Some(mb * f64::from(runs) / (b - a).as_secs_f64()),
        _ => None,
    };
    (cpu, mb / best)
}

/// One line per case, for the README: MB/s by CPU time and by best run.
fn summary(_: &mut Criterion) {
    let (text, name) = corpus();
    let whole = [text.as_str()];
    let kib = char_chunks(&text, CHUNK);
    let (docs, docs_name) = articles();
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let docs_bytes: usize = docs.iter().map(|d| d.len()).sum();
    type Case<'a> = (&'a str, usize, &'a str, Box<dyn Fn() -> usize + 'a>);
    let cases: [Case; 7] = [
        ("split, whole", text.len(), name, Box::new(|| split_count(&whole))),
        ("split, 1 KiB chunks", text.len(), name, Box::new(|| split_count(&kib))),
        ("split + entities, whole", text.len(), name, Box::new(|| entities_count(&whole))),
        ("split + entities, article by article", docs_bytes, docs_name, Box::new(|| corpus_count(&docs, false))),
        ("pipeline, whole", text.len(), name, Box::new(|| pipeline_count(&whole))),
        ("pipeline, 1 KiB chunks", text.len(), name, Box::new(|| pipeline_count(&kib))),
        ("pipeline, article by article", docs_bytes, docs_name, Box::new(|| corpus_count(&docs, true))),
    ];
    for (label, bytes, corpus, f) in cases {
        let (cpu, best) = rates(bytes, 3.0, f);
        let cpu = cpu.map_or("n/a".to_string(), |r| format!("{r:.1}"));
        eprintln!(
            "summary: {label}: {cpu} MB/s per CPU-second, {best:.1} MB/s best run ({corpus}, {:.2} MB)",
            bytes as f64 / 1e6
        );
    }
}

criterion_group!(benches, summary, throughput, scaling);
criterion_main!(benches);
