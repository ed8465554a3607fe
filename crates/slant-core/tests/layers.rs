//! The module floors of slant-core (listed in the crate docs, `src/lib.rs`):
//! a module imports from its own floor and the floors below it, never from one
//! above. This reads `src/`, finds every `crate::` path of each file, and
//! fails on a path that leads to a higher floor.
//!
//! What counts: `crate::` (and `$crate::`) paths in code, `use` groups
//! included (`crate::{a::X, b::Y}`, over several lines too). What does not:
//! comment lines (doc links name any module), `#[cfg(test)]` items (unit
//! tests may drive the whole pipeline), and `super::` or relative paths,
//! which stay inside a folder, and a folder is one floor.

use std::path::Path;

/// Each file or folder of `src/` and its floor, bottom (0) to top. A new
/// file must be placed here; a folder's files share its floor.
const FLOORS: &[(&str, usize)] = &[
    // lexical: tokens, character classes, words, hasher, shipped data
    ("lexical/", 0),
    // types: the public data types and settings
    ("model.rs", 1),
    ("error.rs", 1),
    ("config.rs", 1),
    ("rules.rs", 1),
    // resources: the shipped lists and models
    ("resources/", 2),
    // the word table over the resources
    ("vocab.rs", 3),
    // the stages
    ("segment.rs", 4),
    ("entities/", 5),
    // the entity detector's driver and rule files (a folder of entities/, the same floor)
    ("entities/detect/mod.rs", 5),
    ("entities/detect/connectors.rs", 5),
    ("entities/detect/headlines.rs", 5),
    ("entities/detect/laws.rs", 5),
    ("entities/detect/parts.rs", 5),
    ("entities/detect/places.rs", 5),
    ("entities/detect/sentence_start.rs", 5),
    ("entities/detect/titles.rs", 5),
    ("entities/detect/unknown.rs", 5),
    ("entities/detect/words.rs", 5),
    ("framing/", 6),
    ("aggregate.rs", 7),
    // the top: the analyzer and the crate root
    ("analyzer.rs", 8),
    ("workloads.rs", 8),
    ("lib.rs", 8),
];

/// The floor of a file, by its path under `src/` ('/'-separated).
fn floor_of_file(rel: &str) -> Option<usize> {
    FLOORS.iter().find(|(key, _)| rel == *key || (key.ends_with('/') && rel.starts_with(key))).map(|&(_, f)| f)
}

/// The floor `crate::<first>::…` leads to: its module's, or the crate root's
/// for an item the root re-exports (`crate::Analyzer`).
fn floor_of_path(first: &str) -> usize {
    let module = FLOORS
        .iter()
        .find(|(key, _)| key.strip_suffix('/').or_else(|| key.strip_suffix(".rs")).is_some_and(|name| name == first));
    module.or_else(|| FLOORS.iter().find(|(key, _)| *key == "lib.rs")).map_or(usize::MAX, |&(_, f)| f)
}

/// The code of a file with comment lines and `#[cfg(test)]` items blanked
/// (line numbers kept).
fn code_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let trimmed = line.trim_start();
        if trimmed.trim_end() == "#[cfg(test)]" {
            // the item it marks: a `mod … {` block up to its closing brace at the same indent, or one line
            let next = lines.get(i + 1).copied().unwrap_or("");
            let skip = if next.trim_start().starts_with("mod ") && next.trim_end().ends_with('{') {
                let close = format!("{}}}", &next[..next.len() - next.trim_start().len()]);
                lines.iter().skip(i + 2).position(|l| l.trim_end() == close).map_or(lines.len() - i, |k| k + 3)
            } else {
                2
            };
            out.extend(std::iter::repeat_n("", skip.min(lines.len() - i)));
            i += skip;
            continue;
        }
        out.push(if trimmed.starts_with("//") { "" } else { line });
        i += 1;
    }
    out
}

/// The first segment of each path a `use` tree names: `a::X` → `a`,
/// `{a::X, b::{Y, Z}}` → `a`, `b`.
fn first_segments(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut parts = Vec::new();
        let (mut depth, mut from) = (0, 0);
        for (k, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&inner[from..k]);
                    from = k + 1;
                }
                _ => {}
            }
        }
        parts.push(&inner[from..]);
        return parts.into_iter().filter(|p| !p.trim().is_empty()).flat_map(first_segments).collect();
    }
    let first: String = tree.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if first.is_empty() || first == "self" {
        Vec::new()
    } else {
        vec![first]
    }
}

/// Every `crate::` path of the code: (1-based line, first segment).
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let code = code_lines(text).join("\n");
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `my_crate::`
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + "crate::".len()..];
        let tree = if rest.starts_with('{') {
            let mut depth = 0;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    depth += i32::from(c == '{') - i32::from(c == '}');
                    depth == 0
                })
                .map_or(rest.len(), |(k, _)| k + 1);
            &rest[..end]
        } else {
            rest
        };
        found.extend(first_segments(tree).into_iter().map(|s| (line, s)));
    }
    found
}

/// The imports of the file at `rel` (under `src/`) from a floor above its own.
fn upward_imports(rel: &str, text: &str) -> Vec<String> {
    let Some(floor) = floor_of_file(rel) else {
        return vec![format!("src/{rel}: not in the FLOORS table of tests/layers.rs")];
    };
    crate_paths(text)
        .into_iter()
        .filter(|(_, first)| floor_of_path(first) > floor)
        .map(|(line, first)| {
            format!("src/{rel}:{line}: floor {floor} imports crate::{first} (floor {})", floor_of_path(&first))
        })
        .collect()
}

/// The `.rs` files under `dir`, as paths relative to `root`.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("read src").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src");
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
}

#[test]
fn no_module_imports_from_a_floor_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &src, &mut files);
    assert!(files.len() > 20, "found {} files under {}", files.len(), src.display());
    let mut paths = 0;
    let mut upward = Vec::new();
    for rel in &files {
        let text = std::fs::read_to_string(src.join(rel)).expect("read file");
        paths += crate_paths(&text).len();
        upward.extend(upward_imports(rel, &text));
    }
    // the parser sees the imports at all
    assert!(paths > 50, "only {paths} crate:: paths found");
    assert!(upward.is_empty(), "imports from a higher floor:\n{}", upward.join("\n"));
}

#[test]
fn the_check_catches_an_upward_import() {
    let text = "//! Links to [`x`](crate::framing::Ctx) are no import.
use crate::lexical::tokens::Token;
use crate::{
    lexical::hash::FxMap,
    framing::{Ctx, Tok},
};
pub(crate) fn f() -> bool {
    crate::entities::is_cap(\"X\") && $crate::lexical::shipped::x()
}

#[cfg(test)]
mod tests {
    use crate::Analyzer;

    fn inner() {
        let _ = crate::framing::Ctx::new();
    }
}
";
    assert_eq!(
        upward_imports("lexical/words.rs", text),
        [
            "src/lexical/words.rs:3: floor 0 imports crate::framing (floor 6)",
            "src/lexical/words.rs:8: floor 0 imports crate::entities (floor 5)",
        ]
    );
    // the same imports are allowed from the top, and the root's items are the top floor
    assert!(upward_imports("analyzer.rs", text).is_empty());
    assert_eq!(upward_imports("framing/mod.rs", "use crate::Analyzer;\n").len(), 1);
    assert_eq!(upward_imports("new.rs", ""), ["src/new.rs: not in the FLOORS table of tests/layers.rs"]);
}
