# slant's tasks. `just` alone lists them. Quick start: `just setup serve`, `just setup test`.

set shell := ["bash", "-euo", "pipefail", "-c"]

export PATH := env_var('HOME') + "/.cargo/bin:" + justfile_directory() + "/node_modules/.bin:" + env_var('PATH')

port := env_var_or_default("PORT", "8000")
shared := justfile_directory() + "/../shared"
# Size settings for the wasm build only (native builds keep the workspace's release profile).
wasm_env := "CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1"

# List the recipes.
default:
    @just --list --unsorted

# Install what the build and the tests need (idempotent): wasm32 target, wasm-pack, wasm-bindgen-cli at Cargo.lock's version, Chromium + ChromeDriver, npm deps, maturin (in target/maturin-venv).
setup: _maturin
    #!/usr/bin/env bash
    set -euo pipefail
    rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
    command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
    want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$want" ]; then
        # Not --locked: wasm-bindgen-cli's own lockfile may not build on this toolchain.
        cargo install wasm-bindgen-cli --version "$want" --force
    fi
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
    fi
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund
    fi
    echo "setup: ok (wasm-bindgen $want, $(chromium --version 2>/dev/null | head -1))"

# Build the wasm for the page into web/pkg (release, size-optimised, wasm-opt -Oz, inlined as JS modules), without the test hooks.
wasm: (_pkg "web/pkg")
    @! grep -q __panicForTests web/pkg/slant_wasm.js || { echo "wasm: web/pkg has the test hooks"; exit 1; }

# The page's wasm build into OUT (cargo FEATURES of slant-wasm, none by default).
_pkg out features="":
    {{wasm_env}} wasm-pack --log-level warn build --release --target web --no-typescript --no-pack --mode no-install --out-dir ../../{{out}} crates/slant-wasm {{ if features == "" { "" } else { "--features " + features } }}
    wasm-opt -Oz {{out}}/slant_wasm_bg.wasm -o {{out}}/slant_wasm_bg.wasm
    node web/scripts/inline.mjs {{ if out == "web/pkg" { "" } else { out } }}

# Serve the page on http://127.0.0.1:8000 (or $PORT), the sample loaded.
serve: wasm
    @echo "slant: open http://127.0.0.1:{{port}}/ (Ctrl-C to stop)"
    python3 -m http.server {{port}} --bind 127.0.0.1 --directory web

# Run every test the project owns: fmt, clippy (slant-core also without its default features), cargo tests, the API docs, the oldest-Rust check, wasm tests in Node and Chrome, page and extension tests in headless Chromium, the Python and npm packages, the wasm size, the performance guard (all stages run; fails if any failed).
test:
    #!/usr/bin/env bash
    set -uo pipefail
    failed=()
    stage() { echo; echo "== $*"; "$@" || failed+=("$*"); }
    stage cargo fmt --all --check
    stage cargo clippy --workspace --all-targets -- -D warnings
    stage cargo clippy -p slant-core --no-default-features -- -D warnings
    stage cargo test --workspace --no-fail-fast
    stage env RUSTDOCFLAGS="-D warnings" cargo doc -p slant-core --no-deps --features rules
    stage just msrv
    stage just test-wasm
    stage just test-page
    stage just test-python
    stage just test-npm
    stage just wasm
    stage just size
    stage just test-extension
    stage just perf-guard
    echo
    if [ ${#failed[@]} -gt 0 ]; then printf 'test: FAILED stage: %s\n' "${failed[@]}"; exit 1; fi
    echo "test: all stages passed"

# Check that every crate builds with the oldest Rust its `rust-version` names (its own, else the workspace's), with Cargo.lock as committed; installs those toolchains with rustup (minimal profile) when missing.
msrv:
    #!/usr/bin/env bash
    set -euo pipefail
    workspace=$(grep -m1 '^rust-version = "' Cargo.toml | cut -d'"' -f2)
    for manifest in crates/*/Cargo.toml; do
        crate=$(awk -F'"' '/^name = "/ {print $2; exit}' "$manifest")
        version=$(grep -m1 '^rust-version = "' "$manifest" | cut -d'"' -f2 || true)
        version=${version:-$workspace}
        rustup toolchain list | grep -q "^$version" || rustup toolchain install "$version" --profile minimal
        echo "msrv: $crate with Rust $version"
        CARGO_TARGET_DIR=target/msrv cargo "+$version" check --locked -p "$crate" --lib --bins
    done

# Format check, clippy with warnings as errors, and the Rust tests.
check:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings
    cargo test --workspace

# The wasm-bindgen tests, under Node and in headless Chrome.
test-wasm:
    wasm-pack --log-level warn test --node --mode no-install crates/slant-wasm
    wasm-pack --log-level warn test --headless --chrome --chromedriver "$(command -v chromedriver)" --mode no-install crates/slant-wasm

# maturin in a throwaway virtual environment under target/ (idempotent).
_maturin:
    @[ -x target/maturin-venv/bin/maturin ] || { python3 -m venv target/maturin-venv && target/maturin-venv/bin/pip install --quiet "maturin>=1.5,<2"; }

# Build the Python package's abi3 wheel (CPython >= 3.9) into target/wheels/.
wheel: _maturin
    target/maturin-venv/bin/maturin build --release --quiet -m crates/slant-py/Cargo.toml --out target/wheels

# The Python package's tests (tests/python) in a fresh virtual environment, target/pyenv, with the wheel just built (and the release CLI, whose JSON the dicts are checked against).
test-python: wheel
    cargo build --release -p slant-cli
    rm -rf target/pyenv
    python3 -m venv target/pyenv
    target/pyenv/bin/pip install --quiet pytest "$(ls -t target/wheels/slant-*.whl | head -1)"
    target/pyenv/bin/python -m pytest -q tests/python

# The npm package slant-wasm: a bundler build and a Node build of the wasm, with TypeScript declarations generated from the Rust types (tsify), packed into target/npm/slant-wasm-VERSION.tgz.
npm:
    #!/usr/bin/env bash
    set -euo pipefail
    rm -rf target/npm && mkdir -p target/npm/pkg
    for target in bundler nodejs; do
        out=target/npm/pkg/$([ "$target" = nodejs ] && echo node || echo bundler)
        {{wasm_env}} wasm-pack --log-level warn build --release --target "$target" --no-pack --mode no-install --out-name slant --out-dir "../../$out" crates/slant-wasm --features typescript
        wasm-opt -Oz "$out/slant_bg.wasm" -o "$out/slant_bg.wasm"
        # wasm-pack's ignore-everything file would hide the build from npm pack
        rm -f "$out/.gitignore"
    done
    version=$(awk -F'"' '/^version = / {print $2; exit}' Cargo.toml)
    sed "s/VERSION_FROM_CARGO/$version/" crates/slant-wasm/npm/package.json > target/npm/pkg/package.json
    cp crates/slant-wasm/npm/README.md target/npm/pkg/
    cd target/npm && npm pack --silent ./pkg

# The npm package installed from its tarball into a fresh directory (target/npm-test) and used by name: Node tests of both builds, and tsc --strict over code that uses its types.
test-npm: npm
    #!/usr/bin/env bash
    set -euo pipefail
    rm -rf target/npm-test && mkdir -p target/npm-test
    cp tests/npm/package.json tests/npm/tsconfig.json tests/npm/types.ts tests/npm/package.test.mjs target/npm-test/
    cd target/npm-test
    npm install --offline --no-audit --no-fund --no-save ../npm/slant-wasm-*.tgz
    node --test package.test.mjs
    ../../node_modules/.bin/tsc -p tsconfig.json
    echo "test-npm: the package's tests and types pass"

# The page tests in headless Chromium (builds the CLI they compare against, and the page's wasm with its test hooks into target/page-test/pkg, served as the page's pkg/).
test-page: (_pkg "target/page-test/pkg" "_test-hooks")
    cargo build -p slant-cli
    SLANT_PKG=target/page-test/pkg node --test --test-concurrency=1 tests/page/

# Build the browser extension from extension/ and the page's shared modules and wasm: unpacked in target/extension/slant (load it from there), zipped for a store as target/extension/slant-extension.zip.
extension: wasm _extension

# The extension's folder and zip from the current web/pkg (fails over 600 KB zipped).
_extension:
    node extension/build.mjs target/extension/slant
    python3 scripts/zip_dir.py target/extension/slant target/extension/slant-extension.zip
    @size=$(wc -c < target/extension/slant-extension.zip); [ "$size" -le 614400 ] || { echo "extension: the zip is $size bytes, over 600 KB"; exit 1; }

# The extension loaded in headless Chromium, on the news-like fixtures of tests/extension (uses the web/pkg build: run after `just wasm`).
test-extension: _extension
    node --test --test-concurrency=1 tests/extension/

# Score the development sets of ../shared (when present): sentences, entities, references, the seed article, framing.
score:
    #!/usr/bin/env bash
    set -uo pipefail
    s="{{shared}}"
    if [ ! -d "$s/tools" ]; then echo "score: no ../shared here, nothing to score"; exit 0; fi
    cargo build --release -p slant-cli
    bin="$PWD/target/release/slant"
    run() { echo; echo "== $*"; "$@" || echo "(exit status $?)"; }
    run python3 "$s/tools/score_sentences.py" "$s/data/sentences/golden_rules.jsonl" --cmd "$bin split"
    run python3 "$s/tools/score_sentences.py" "$s/data/sentences/gum_dev.jsonl" --cmd "$bin split"
    run python3 "$s/tools/score_entities.py" "$s/data/entities/dev.jsonl" --cmd "$bin entities --format jsonl"
    run python3 "$s/tools/score_coref.py" "$s/data/coref/dev.jsonl" --cmd "$bin analyze --format json"
    run python3 "$s/tools/check_seed.py" -- "$bin" analyze --format json
    run python3 "$s/tools/score_framing.py" newsmtsc "$s/data/framing/newsmtsc_dev.jsonl" --cmd "$bin analyze --format json"
    run python3 "$s/tools/score_framing.py" ptc "$s/data/framing/ptc_dev.jsonl" --cmd "$bin analyze --format json"
    run python3 "$s/tools/score_framing.py" babe "$s/data/framing/babe_dev.jsonl" --cmd "$bin analyze --format json"
    run python3 "$s/tools/score_framing.py" entity "$s/data/framing/basil_dev.jsonl" --cmd "$bin analyze --format json"
    run python3 "$s/tools/score_framing.py" entity "$s/data/framing/persent_dev.jsonl" --cmd "$bin analyze --format json"

# MB/s table: the core's stages (criterion), the release CLI end to end, the page's wasm build under Node (`just bench --quick`: criterion's summary only).
bench *args:
    cargo build --release -p slant-cli
    {{wasm_env}} wasm-pack --log-level warn build --release --target nodejs --no-typescript --mode no-install --out-dir ../../target/bench/wasm-node crates/slant-wasm
    wasm-opt -Oz target/bench/wasm-node/slant_wasm_bg.wasm -o target/bench/wasm-node/slant_wasm_bg.wasm
    python3 scripts/bench.py --shared "{{shared}}" {{args}}

# Fails on a gross (> 2x) slowdown of split, pipeline or CLI against reference workloads timed in the same run (ratios in scripts/perf_guard.txt; `just perf-guard --update` re-measures them).
perf-guard *args:
    cargo build --release -p slant-cli --bin slant --example perf_guard
    target/release/examples/perf_guard --bin target/release/slant --expected scripts/perf_guard.txt {{args}}

# Report the size of the page's wasm, raw and gzipped (limit: 300 KB gzipped).
size:
    #!/usr/bin/env bash
    set -euo pipefail
    [ -f web/pkg/slant_wasm_bg.wasm ] || just wasm
    raw=$(wc -c < web/pkg/slant_wasm_bg.wasm)
    gz=$(gzip -9c web/pkg/slant_wasm_bg.wasm | wc -c)
    echo "wasm: $raw bytes raw ($((raw / 1024)) KiB), $gz bytes gzipped ($((gz / 1024)) KiB; limit 300 KB)"
    if [ "$gz" -gt 300000 ]; then echo "size: over the 300 KB gzipped budget"; exit 1; fi

# Adversarial inputs on the release binary: peak memory and throughput bounds, 10x input vs time (SCALE=0.1 for a quick run).
stress scale="1.0":
    cargo build --release -p slant-cli
    python3 tests/stress/run.py --bin target/release/slant --scale {{scale}}

# Fuzz the core's feed/finish under arbitrary chunking and the CLI's UTF-8 decoding (nightly + cargo-fuzz), SECONDS each.
fuzz seconds="600":
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
    cd fuzz && cargo +nightly fuzz run analyzer_chunks -- -max_total_time={{seconds}} -max_len=8192
    cd fuzz && cargo +nightly fuzz run cli_decode -- -max_total_time={{seconds}} -max_len=8192

# Corpus mode across machines: Spark (local mode, pyspark) pipes a corpus through `slant analyze --corpus`.
spark:
    cargo build --release -p slant-cli
    python3 -m pip install --quiet pyspark
    python3 scripts/spark_pipe.py --bin target/release/slant
