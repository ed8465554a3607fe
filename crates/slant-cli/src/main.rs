//! The `slant` command line: reads text in chunks (a file or stdin), prints
//! each sentence as soon as it is final, and the whole analysis at the end.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use slant_core::{Analyzer, Config, Label, MentionKind, Sentence, SentenceLimit, SentenceReport, SentenceSplitter};

use slant_cli::input::{self, Utf8Chunks};
use slant_cli::{corpus, report};

const EXAMPLES: &str = "\
Examples:
  slant split article.txt                      one sentence per line
  slant split --format jsonl < article.txt     {\"start\",\"end\",\"text\"} per sentence
  slant entities --format jsonl article.txt    one object per entity mention
  slant analyze article.txt                    a readable report: entities ranked by framing
  slant analyze --format json article.txt      the whole analysis as one JSON document
  slant analyze --format jsonl big.txt         streaming: one object per sentence, then a summary
  cat scraped.txt | slant split --lossy        replace invalid UTF-8 instead of failing
  slant analyze --corpus docs.jsonl            one {\"id\",\"text\"} per line in, one analysis per line out
  slant analyze --rules newsroom.tsv a.txt     your own cues: one regex rule per line

Offsets are UTF-8 byte offsets into the input, half-open.";

/// Shows how a news article's wording frames the people and institutions it names.
#[derive(Parser)]
#[command(name = "slant", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split text into sentences.
    Split {
        #[command(flatten)]
        input: InputArgs,
        /// Output format: `text` prints one sentence per line (inner newlines become spaces).
        #[arg(long, value_enum, default_value_t = StreamFormat::Text)]
        format: StreamFormat,
    },
    /// List the named-entity mentions.
    Entities {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = StreamFormat::Text)]
        format: StreamFormat,
    },
    /// Analyse the framing of every named entity.
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        /// Output format: a readable report, one JSON document, or JSON lines as sentences become final.
        #[arg(long, value_enum, default_value_t = AnalyzeFormat::Text)]
        format: AnalyzeFormat,
        /// Corpus mode: the input has one JSON document per line; the output one
        /// analysis (with the document's id) per line, in input order, using every core.
        #[arg(long)]
        corpus: bool,
        /// Corpus mode: the field holding a document's id (null when absent).
        #[arg(long, default_value = "id", requires = "corpus")]
        id_field: String,
        /// Corpus mode: the field holding a document's text.
        #[arg(long, default_value = "text", requires = "corpus")]
        text_field: String,
        /// Corpus mode: worker threads (default: one per core).
        #[arg(long, requires = "corpus")]
        jobs: Option<usize>,
    },
}

#[derive(Args)]
struct InputArgs {
    /// The text to read; standard input when absent.
    file: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (offsets then refer to the replaced text) and report it on stderr;
    /// in corpus mode also lone surrogate escapes such as "\ud800" (otherwise their line fails).
    #[arg(long)]
    lossy: bool,
    /// Extra names: a TSV file of `name<TAB>LABEL` lines.
    #[arg(long, value_name = "FILE")]
    names: Option<PathBuf>,
    /// Extra lexicon entries: a TSV file of `word<TAB>valence` lines (-4..4).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// Your own cues: a TSV file of `kind<TAB>polarity<TAB>pattern<TAB>reason` lines (kind: label,
    /// scare_quote, doubt, attribution or loaded; polarity -1..1; pattern a regex matched in each sentence)
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Force a sentence break after this many bytes without one.
    #[arg(long, value_name = "BYTES", default_value_t = SentenceLimit::default().get())]
    max_sentence_bytes: usize,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum StreamFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum AnalyzeFormat {
    Text,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            // messages can quote the input (a file name, a corpus id): escaped like the report
            eprintln!("slant: {}", report::Safe(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cli.command {
        Command::Split { input, format } => {
            // Splitting alone: no entities or cues are computed.
            let config = input.config()?;
            let mut splitter = SentenceSplitter::new(config.max_sentence_bytes);
            let mut sentences = Vec::new();
            let print = |out: &mut BufWriter<_>, sentences: &mut Vec<Sentence>| -> io::Result<()> {
                for s in sentences.drain(..) {
                    match format {
                        StreamFormat::Text => write_one_line(out, &s.text)?,
                        StreamFormat::Jsonl => json_line(out, &s)?,
                    }
                }
                out.flush()
            };
            let mut chunks = Utf8Chunks::new(input.open()?, input.lossy);
            while let Some(chunk) = next_chunk(&mut chunks)? {
                splitter.push(chunk, &mut sentences);
                if !sentences.is_empty() {
                    print(&mut out, &mut sentences)?;
                }
            }
            splitter.finish(&mut sentences);
            print(&mut out, &mut sentences)?;
            report_replaced(&chunks);
        }
        Command::Entities { input, format } => {
            let mut config = input.config()?;
            config.keep_sentences = false;
            config.framing = false;
            let analysis = stream(&input, config, &mut out, None)?;
            // Printed at the end so each mention carries its entity's document-level label.
            let mut mentions: Vec<MentionLine> = analysis
                .entities
                .iter()
                .flat_map(|e| {
                    e.mentions.iter().map(move |m| MentionLine {
                        start: m.start,
                        end: m.end,
                        text: &m.text,
                        label: e.label,
                        entity: e.id,
                        kind: m.kind,
                    })
                })
                .collect();
            mentions.sort_by_key(|m| (m.start, m.end));
            for m in &mentions {
                match format {
                    StreamFormat::Text => {
                        // for people and terminals: controls escaped as in the report (the offsets give the raw text)
                        let text = report::Safe(m.text);
                        writeln!(out, "{}\t{}\t{}\t{}\t{text}", m.start, m.end, m.label.as_str(), m.entity)?
                    }
                    StreamFormat::Jsonl => json_line(&mut out, m)?,
                }
            }
        }
        Command::Analyze { input, corpus: true, id_field, text_field, jobs, .. } => {
            let config = input.config()?;
            let fields = corpus::Fields { id: id_field, text: text_field };
            let reader = io::BufReader::with_capacity(input::CHUNK_BYTES, input.open()?);
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let (threads, note) = corpus::clamp_jobs(jobs, cores);
            if let Some(note) = note {
                eprintln!("slant: {note}");
            }
            let pool = corpus::worker_pool(threads)?;
            let outcome = corpus::run(reader, &mut out, &config, &fields, input.lossy, &pool)?;
            out.flush()?;
            if outcome.replaced > 0 {
                eprintln!(
                    "slant: replaced {} invalid UTF-8 sequence(s) or lone surrogate(s) with U+FFFD",
                    outcome.replaced
                );
            }
            if outcome.failed > 0 {
                return Err(io::Error::other(format!(
                    "{} of {} documents failed (see the lines above)",
                    outcome.failed,
                    outcome.failed + outcome.analysed
                )));
            }
        }
        Command::Analyze { input, format, .. } => {
            let mut config = input.config()?;
            config.keep_sentences = format != AnalyzeFormat::Jsonl;
            // streaming: each entity keeps its first mentions and its counts, so memory stays flat
            config.keep_mentions = format != AnalyzeFormat::Jsonl;
            let mut print = |out: &mut _, report: &SentenceReport| json_line(out, report);
            let each: Option<&mut Each<_>> = if format == AnalyzeFormat::Jsonl { Some(&mut print) } else { None };
            let analysis = stream(&input, config, &mut out, each)?;
            match format {
                AnalyzeFormat::Json => {
                    serde_json::to_writer(&mut out, &analysis)?;
                    writeln!(out)?;
                }
                AnalyzeFormat::Jsonl => {
                    #[derive(Serialize)]
                    struct Final<'a> {
                        entities: &'a [slant_core::Entity],
                        summary: &'a slant_core::Summary,
                    }
                    json_line(&mut out, &Final { entities: &analysis.entities, summary: &analysis.summary })?;
                }
                AnalyzeFormat::Text => report::write_report(&mut out, &analysis)?,
            }
        }
    }
    out.flush()
}

#[derive(Serialize)]
struct MentionLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: Label,
    entity: usize,
    /// name, pronoun or nominal (references are printed too).
    kind: MentionKind,
}

impl InputArgs {
    fn config(&self) -> io::Result<Config> {
        let mut config = Config::default();
        if let Some(path) = &self.names {
            let text = input::read_data_file(path)?;
            config.add_names_tsv(&path.display().to_string(), &text).map_err(invalid)?;
        }
        if let Some(path) = &self.lexicon {
            let text = input::read_data_file(path)?;
            config.add_lexicon_tsv(&path.display().to_string(), &text).map_err(invalid)?;
        }
        if let Some(path) = &self.rules {
            let text = input::read_data_file(path)?;
            config.add_rules_tsv(&path.display().to_string(), &text).map_err(invalid)?;
        }
        // checked last, as before: a bad data file is reported first
        config.max_sentence_bytes = SentenceLimit::new(self.max_sentence_bytes).map_err(invalid)?;
        Ok(config)
    }

    fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match &self.file {
            Some(path) => Box::new(File::open(path).map_err(|e| with_path(e, path))?),
            None => Box::new(io::stdin().lock()),
        })
    }
}

/// What `stream` calls for each sentence report.
type Each<W> = dyn FnMut(&mut W, &SentenceReport) -> io::Result<()>;

/// Reads the input in chunks and returns the whole analysis; with `each`,
/// calls it for every sentence as soon as it is final (flushing, so output
/// streams). Without it no sentence reports are made.
fn stream<W: Write>(
    input: &InputArgs,
    config: Config,
    out: &mut W,
    mut each: Option<&mut Each<W>>,
) -> io::Result<slant_core::Analysis> {
    let mut chunks = Utf8Chunks::new(input.open()?, input.lossy);
    let mut analyzer = Analyzer::new(config);
    while let Some(chunk) = next_chunk(&mut chunks)? {
        let Some(each) = each.as_mut() else {
            analyzer.push(chunk);
            continue;
        };
        let reports = analyzer.feed(chunk);
        for report in &reports {
            each(out, report)?;
        }
        if !reports.is_empty() {
            out.flush()?;
        }
    }
    if let Some(each) = each.as_mut() {
        for report in &analyzer.flush() {
            each(out, report)?;
        }
    }
    report_replaced(&chunks);
    Ok(analyzer.finish())
}

/// The next decoded chunk of the input; invalid UTF-8 becomes an error naming its offset.
fn next_chunk<R: Read>(chunks: &mut Utf8Chunks<R>) -> io::Result<Option<&str>> {
    match chunks.next_chunk() {
        Ok(chunk) => Ok(chunk),
        Err(input::ReadError::Io(e)) => Err(e),
        Err(e) => Err(invalid(e)),
    }
}

/// In lossy mode, says on stderr how much was replaced.
fn report_replaced<R>(chunks: &Utf8Chunks<R>) {
    if chunks.replaced > 0 {
        eprintln!("slant: replaced {} invalid UTF-8 sequence(s) with U+FFFD", chunks.replaced);
    }
}

fn json_line<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// Writes a sentence on one line: each line break inside it (`\r\n`, `\n`
/// or `\r`) becomes one space. Other controls are left as they are: `split`
/// passes the text through like `cat`. Written piece by piece, without a
/// copy of the sentence: this is most of the work of `slant split`.
fn write_one_line(out: &mut impl Write, text: &str) -> io::Result<()> {
    let mut rest = text.as_bytes();
    while let Some(k) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
        let (line, tail) = rest.split_at(k);
        out.write_all(line)?;
        out.write_all(b" ")?;
        let break_len = if tail.starts_with(b"\r\n") { 2 } else { 1 };
        rest = tail.get(break_len..).unwrap_or(&[]);
    }
    out.write_all(rest)?;
    out.write_all(b"\n")
}

fn invalid(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

fn with_path(e: io::Error, path: &std::path::Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
