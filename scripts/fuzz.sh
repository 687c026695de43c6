#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (a package of their own, which `swift build` and `swift test` at the root
# never compile) and runs them, one process at a time.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]   build, then fuzz TARGET (default all, one after the other) for SECONDS
#                                            each (default 600); results go to .fuzz-logs/TARGET.log
#   scripts/fuzz.sh build                    only build
#   scripts/fuzz.sh list                     the targets
#   scripts/fuzz.sh run TARGET INPUT...      run a target once on each input (to reproduce a crash)
#   scripts/fuzz.sh corpus                   regenerate the committed seed corpora Fuzz/Corpus/ from seeds/,
#                                            the test fixtures, the tests' YAML snippets and pipelines/
#
# Every run uses -timeout=10 -rss_limit_mb=2048, a corpus grown in .fuzz-corpus/TARGET (git-ignored) on top of the
# seeds in Fuzz/Corpus/TARGET, Fuzz/TARGET.dict when there is one, and writes crashes, hangs and out-of-memory
# inputs to .fuzz-artifacts/TARGET/. FUZZ_FLAGS adds libFuzzer flags; FUZZ_SCRATCH moves the build folder
# (default .build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(yaml jsonl clean summarize dedupe entities)
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
binaries="$scratch/release"

usage() {
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
}

is_target() {
    local name
    for name in "${targets[@]}"; do [ "$name" = "$1" ] && return 0; done
    return 1
}

build() {
    scripts/setup.sh
    echo "fuzz: building the targets in $scratch (release, -sanitize=fuzzer,address)" >&2
    # swiftc keeps only the last -sanitize= flag, and `--sanitize=fuzzer --sanitize=address` reaches it in a random
    # order (losing coverage or ASan at random), so both go in one flag, after SwiftPM's. `--sanitize=fuzzer` stays:
    # it makes SwiftPM link the executables with libFuzzer's main.
    swift build --package-path Fuzz --scratch-path "$scratch" -c release --sanitize=fuzzer \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing 2>&1 |
        { grep -v "Cannot export local symbol '__asan_extra_spill_area'" || true; } >&2
    local object="$binaries/Pipeline.build/YAMLParser.swift.o"
    if [[ "$(objdump -h "$object")" != *__sancov_cntrs* || "$(nm "$object")" != *__asan_report* ]]; then
        echo "fuzz: $object lacks coverage or AddressSanitizer instrumentation" >&2
        exit 1
    fi
}

# The longest input libFuzzer tries: articles for the text stages, smaller files for the YAML and JSON readers.
max_len() {
    case "$1" in
    yaml | jsonl) echo 4096 ;;
    *) echo 16384 ;;
    esac
}

fuzz() {
    local target="$1" seconds="$2"
    local corpus=".fuzz-corpus/$target" artifacts=".fuzz-artifacts/$target/" log=".fuzz-logs/$target.log"
    mkdir -p "$corpus" "$artifacts" .fuzz-logs
    local flags=(
        -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" -max_len="$(max_len "$target")"
        -print_final_stats=1 -artifact_prefix="$artifacts"
    )
    [ -f "Fuzz/$target.dict" ] && flags+=(-dict="Fuzz/$target.dict")
    # shellcheck disable=SC2206
    flags+=(${FUZZ_FLAGS:-})
    echo "fuzz: $target for ${seconds}s, log in $log" >&2
    local status=0
    SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=Fuzz/lsan.supp:print_suppressions=0" \
        "$binaries/fuzz-$target" "${flags[@]}" "$corpus" "Fuzz/Corpus/$target" \
        >"$log" 2>&1 || status=$?
    summarize "$target" "$log" "$status"
    return "$status"
}

# One line per run: executions, coverage and features at the end, and what was found.
summarize() {
    local target="$1" log="$2" status="$3"
    local executions coverage features found="none"
    executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    coverage=$(grep -o ' cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
    features=$(grep -o ' ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
    if [ "$status" -ne 0 ]; then
        found=$(grep -o -m1 -E 'ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|fuzz invariant broken.*|Fatal error.*' "$log" || echo "exit status $status")
        found="$found; input: $(grep -o "Test unit written to .*" "$log" | tail -1 | sed 's/Test unit written to //')"
    fi
    printf 'fuzz: %-9s executions %s, cov %s, ft %s, found: %s\n' \
        "$target" "${executions:-?}" "${coverage:-?}" "${features:-?}" "$found" | tee -a .fuzz-logs/results.txt
}

# Writes $2 with the bytes of the string $1 (printf escapes allowed).
seed() {
    printf '%b' "$1" >"$2"
}

# Prints a text file as one JSON string's contents (escaped; line breaks as \n).
json_escaped() {
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$1" | awk '{ printf "%s\\n", $0 }'
}

corpus() {
    local root="Fuzz/Corpus"
    rm -rf "$root"
    mkdir -p "$root"/{yaml,jsonl,clean,summarize,dedupe,entities}

    # yaml: the example pipelines, every multi-line string of the tests (mostly YAML), and the features the
    # parser guards against (anchors and aliases, merge keys, tags, interpolation, flow collections, documents).
    local file
    for file in pipelines/*.yaml; do cp "$file" "$root/yaml/pipeline-$(basename "$file")"; done
    awk -v out="$root/yaml/test-" '
        /"""[[:space:]]*$/ && !inside { inside = 1; count++; n = 0; next }
        inside && /^[[:space:]]*"""/ {
            match($0, /^[[:space:]]*/); indent = RLENGTH
            file = sprintf("%s%03d.yaml", out, count)
            for (i = 1; i <= n; i++) print substr(lines[i], indent + 1) > file
            close(file); inside = 0; next
        }
        inside { lines[++n] = $0 }
    ' Tests/PipelineTests/*.swift Tests/PipelineCLITests/*.swift
    seed 'defaults: &defaults\n  on_error: skip\n  concurrency: 2\ninput: {path: seeds/, format: auto}\nstages:\n  - type: clean\n    <<: *defaults\n  - &s {type: summarize, ratio: 0.4}\n  - *s\n  - type: dedupe\n    action: drop\n    threshold: 0.5\n    index: ${HOME}/dedupe.sqlite\n  - type: export\n    format: csv\n    path: "${OUT:-out}/news.csv"\n    fields: [id, summary]\noutput: {dead_letter: "$${literal}", stats: ~}\n' "$root/yaml/anchors.yaml"
    seed 'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n' "$root/yaml/laughs.yaml"
    seed '%YAML 1.1\n%TAG ! tag:example.com,2000:\n---\n!!map {? !!str input : !local {path: [a, b]}, stages: [{type: clean, name: "\\u00e9\\t", minimum_length: 0x10}], name: |\n  folded\n}\n...\n' "$root/yaml/directives.yaml"
    seed 'input:\n  path: -\n  max_document_bytes: 1e3\nstages:\n- type: summarize\n  sentences: 3\n  max_chars: .inf\n  method: newz\n- type: clean\n  drop_patterns: ["(", "(?i)^a+$"]\n  rule_groups: [unicode, bogus]\n' "$root/yaml/errors.yaml"

    # jsonl: a selector byte (see JSONLinesFuzzer.swift), then the file.
    {
        printf '\x03'
        for file in seeds/*.txt; do printf '{"id": "%s", "text": "%s"}\n' "$(basename "$file")" "$(json_escaped "$file")"; done
    } >"$root/jsonl/seeds.jsonl"
    seed '\x01{"id":1,"text":"caf\\u00e9 \\ud83d\\ude00","n":-0.5e-3,"tags":["a",null,true],"o":{"k":[{}]}}\n\n{"text":"no id"}\n[1,2]\n{"id":{"x":1},"text":"x"}\n{"id":"s","text":7}\n{"id":"e","text":"  \\n "}\n{"id":"bad","text":"\\ud800"}\n{"text":"a","text":"dup"}\r\n\xef\xbb\xbf{"text":"bom"}\n{"text":"tr' "$root/jsonl/edge-cases.jsonl"
    seed '\x0c{"n":"x","body":"body text","text":"dropped"}\n{"body":"1e999","n":12345678901234567890}\n' "$root/jsonl/fields.jsonl"
    seed '\x82\xef\xbb\xbfA text document.\r\nSecond line \xc3\xa9.\n' "$root/jsonl/text.txt"

    # The text stages: the sample articles, the clean fixtures and a little HTML.
    for file in seeds/*.txt; do
        cp "$file" "$root/clean/"
        cp "$file" "$root/summarize/"
        cp "$file" "$root/entities/"
    done
    for file in Tests/StagesTests/Fixtures/Clean/*-dirty.txt; do cp "$file" "$root/clean/"; done
    for file in Tests/StagesTests/Fixtures/Clean/*-clean.txt; do
        cp "$file" "$root/summarize/"
        cp "$file" "$root/entities/"
    done
    seed '<html><head><title>Talks resume</title><style>p{}</style></head><body><nav>Home | World</nav>\n<h1>Talks resume in Seoul</h1><p>The minister said &ldquo;talks&rdquo; would resume &amp; end&#8230; soon.</p>\n<p>Advertisement</p><p>Share this: Facebook Twitter</p><script>var x = "<p>";</script>\n<footer>&copy; 2024 News Corp. All rights reserved.</footer></body></html>\n' "$root/clean/page.html"
    seed 'Mr. J. Smith of the U.S. said on Jan. 5 that No. 10 was "done." Was it?\n\n- First point\n- Second point...\n\nThe $1.5bn deal (approx. 0.1%) closed at 3 p.m. vs. expectations, e.g. analysts\xe2\x80\x99 views.\n' "$root/summarize/abbreviations.txt"
    seed 'Barack Obama met Angela Merkel in Berlin on Monday, the White House said.\nApple Inc. and the European Union disagreed; NASA and the U.N. watched.\n' "$root/entities/names.txt"

    # dedupe: documents separated by 0xFF.
    local seeds=(seeds/*.txt)
    cat "${seeds[0]}" <(printf '\xff') "${seeds[1]}" <(printf '\xff') "${seeds[0]}" >"$root/dedupe/seeds.txt"
    seed 'The minister said the talks would resume next week in Seoul.\xffTHE MINISTER SAID: the talks would resume, next week in Seoul!\xffCompletely different story.\xff\xff  \xff' "$root/dedupe/short.txt"
    chmod -R u+w "$root"
    du -sh "$root"
}

command="${1:-all}"
case "$command" in
list) printf '%s\n' "${targets[@]}" ;;
build) build ;;
corpus) corpus ;;
run)
    [ $# -ge 3 ] && is_target "$2" || usage
    build
    target="$2"
    shift 2
    SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=Fuzz/lsan.supp:print_suppressions=0" \
        "$binaries/fuzz-$target" -rss_limit_mb=2048 -timeout=10 "$@"
    ;;
all)
    seconds="${2:-600}"
    build
    status=0
    for target in "${targets[@]}"; do fuzz "$target" "$seconds" || status=1; done
    exit "$status"
    ;;
*)
    is_target "$command" || usage
    build
    fuzz "$command" "${2:-600}"
    ;;
esac
