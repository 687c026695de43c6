#!/usr/bin/env bash
# Builds the release tarball dist/pipeline-run-<version>-linux-<arch>.tar.gz and checks it.
#
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib; Foundation needs no extra
# -Xlinker flags with Swift 6) and the C libraries dynamically. The tarball holds:
#   bin/pipeline-run                       stripped of debug info (symbols kept for crash backtraces)
#   bin/pipeline-run_Stages.resources/     the entities model and gazetteer, looked up next to the binary
#   lib/                                   the shared libraries a Debian machine may lack (libyaml, libxml2 and its
#                                          ICU, libsqlite3), found through the binary's DT_RPATH $ORIGIN/../lib
#   lib/licenses/                          their Debian copyright files
#   pipelines/, seeds/, docs/scale-out.md, README.md (an excerpt), LICENSE when the project has one
# Assumed present (Debian "required"/"important" packages, in every image including -slim): libc6 (libc, libm),
# libstdc++6, libgcc-s1, zlib1g, liblzma5. The glibc the binary needs is printed at the end.
#
# Then it extracts the tarball into a temporary folder and checks, under `env -i` from /: ldd shows no libswift* or
# libFoundation* and resolves the shipped libraries from lib/; a run of the news pipeline over the shipped seeds
# writes annotated documents; stream mode works through a symlink; the resource bundle loaded is the shipped one (also
# through a symlink); with this machine's copies of the shipped libraries hidden, the example pipelines run.
#
# Usage: scripts/release.sh            (VERSION=x.y overrides the version read from the sources)
# Environment: SCRATCH (default .build-release-static), DIST (default dist), SKIP_BUILD=1 packs the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build-release-static}"
dist="${DIST:-dist}"
started=$SECONDS

version="${VERSION:-$(sed -n 's/.*static let toolVersion = "pipeline-run \([^"]*\)".*/\1/p' \
    Sources/PipelineCLI/ShardedOutputs.swift)}"
[ -n "$version" ] || { echo "release: cannot read the version (set VERSION)" >&2; exit 1; }
arch="$(uname -m)"
name="pipeline-run-$version-linux-$arch"

# The libraries every Debian system has: never shipped.
assumed='^(linux-vdso|linux-gate|ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libresolv'
assumed+='|libstdc\+\+|libgcc_s|libz|liblzma)\.so'

scripts/setup.sh

# DT_RPATH (not RUNPATH, hence --disable-new-dtags) so that it also applies to the shipped libraries' own
# dependencies (libxml2 → libicuuc → libicudata), which carry no run path of their own.
build_flags=(-c release --product pipeline-run --static-swift-stdlib --scratch-path "$scratch"
    -Xlinker -rpath -Xlinker '$ORIGIN/../lib' -Xlinker --disable-new-dtags)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "release: building $name (swift build ${build_flags[*]})" >&2
    log="$(mktemp)"
    # Another process editing the tree mid-build makes SwiftPM stop ("was modified during the build"): retry once.
    if ! swift build "${build_flags[@]}" 2>&1 | tee "$log" >&2; then
        grep -q "was modified during the build" "$log" || { rm -f "$log"; exit 1; }
        echo "release: sources changed during the build; building again" >&2
        swift build "${build_flags[@]}" >&2
    fi
    rm -f "$log"
fi
bin_dir="$(swift build "${build_flags[@]}" --show-bin-path)"
binary="$bin_dir/pipeline-run"
bundle="$bin_dir/pipeline-run_Stages.resources"
[ -x "$binary" ] && [ -d "$bundle" ] || { echo "release: no build in $bin_dir" >&2; exit 1; }

stage_root="$(mktemp -d)"
check_root="$(mktemp -d)"
trap 'rm -rf "$stage_root" "$check_root"' EXIT
pkg="$stage_root/$name"
mkdir -p "$pkg/bin" "$pkg/lib/licenses" "$pkg/docs"
strip --strip-debug -o "$pkg/bin/pipeline-run" "$binary"
cp -R "$bundle" "$pkg/bin/"

# Libraries to ship: what ldd resolves, minus the assumed ones; libswift*/libFoundation* must not appear at all.
ldd_out="$(ldd "$binary")"
if grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' <<<"$ldd_out"; then
    echo "release: the binary links the Swift runtime dynamically:" >&2; echo "$ldd_out" >&2; exit 1
fi
if grep -q 'not found' <<<"$ldd_out"; then echo "$ldd_out" >&2; exit 1; fi
shipped=()
while read -r soname path; do
    [[ "$soname" =~ $assumed ]] && continue
    cp -L "$path" "$pkg/lib/$soname"
    chmod 644 "$pkg/lib/$soname"
    shipped+=("$soname")
    package="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)"
    if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
        cp "/usr/share/doc/$package/copyright" "$pkg/lib/licenses/$package.copyright"
    fi
done < <(awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' <<<"$ldd_out")

# The example pipelines the release binary runs (keywords.yaml needs the example custom binary, not shipped).
mkdir -p "$pkg/pipelines"
for file in pipelines/*; do
    case "$file" in pipelines/keywords.*) continue ;; esac
    cp -R "$file" "$pkg/pipelines/"
done
mkdir -p "$pkg/seeds" && cp -R seeds/. "$pkg/seeds/"
cp docs/scale-out.md "$pkg/docs/"
for license in LICENSE LICENSE.md LICENSE.txt COPYING NOTICE; do
    [ -f "$license" ] && cp "$license" "$pkg/"
done
glibc="$(objdump -T "$pkg/bin/pipeline-run" "$pkg"/lib/*.so* | grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -1)"
glibcxx="$(objdump -T "$pkg/bin/pipeline-run" "$pkg"/lib/*.so* | grep -o 'GLIBCXX_[0-9.]*' | sort -Vu | tail -1)"
{
    echo "# pipeline-run $version (linux-$arch)"
    echo
    echo "A release build: the Swift runtime and Foundation are linked into \`bin/pipeline-run\`; \`lib/\` holds"
    echo "${shipped[*]}, found through the binary's run path (\$ORIGIN/../lib), so nothing needs installing."
    echo "Needs glibc ≥ ${glibc#GLIBC_} and libstdc++ with ${glibcxx} (Debian 12, Ubuntu 22.04 or later), libgcc-s1,"
    echo "zlib1g and liblzma5, which every such system has. Keep \`bin/pipeline-run_Stages.resources\` (the entities"
    echo "model) next to the binary; a symlink to the binary elsewhere (e.g. /usr/local/bin) works."
    echo
    echo '```sh'
    echo "bin/pipeline-run run pipelines/news.yaml      # from this folder: seeds/ → out/news.jsonl, out/news.db"
    echo "bin/pipeline-run stages                        # every stage and option"
    echo '```'
    echo
    # The user-facing sections of the project README: from "Commands" up to "Quality and speed".
    awk '/^## Commands/ { on = 1 } /^## Quality and speed/ { on = 0 } on' README.md
} >"$pkg/README.md"

mkdir -p "$dist"
[ -f "$dist/.gitignore" ] || printf '*\n' >"$dist/.gitignore"
tarball="$dist/$name.tar.gz"
mtime="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
tar -C "$stage_root" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -cf - "$name" \
    | gzip -9n >"$tarball.tmp"
mv "$tarball.tmp" "$tarball"

# --- Checks on the extracted tarball ------------------------------------------------------------------------------
tar -C "$check_root" -xzf "$tarball"
x="$check_root/$name"
ldd_x="$(cd / && env -i ldd "$x/bin/pipeline-run")"
echo "release: ldd of the extracted binary:" >&2
echo "$ldd_x" >&2
fail() { echo "release: CHECK FAILED: $*" >&2; exit 1; }
! grep -Eq 'libswift|libFoundation' <<<"$ldd_x" || fail "libswift*/libFoundation* in ldd"
! grep -q 'not found' <<<"$ldd_x" || fail "a library is not found"
for soname in "${shipped[@]}"; do
    resolved="$(awk -v so="$soname" '$1 == so && $2 == "=>" { print $3 }' <<<"$ldd_x")"
    [ "$(readlink -f "$resolved")" = "$(readlink -f "$x/lib/$soname")" ] \
        || fail "$soname resolves to '$resolved', not to the shipped copy"
done

work="$check_root/work"
mkdir -p "$work"
cat >"$work/news.yaml" <<EOF
name: release-check
input:
  path: "$x/seeds/*.txt"
stages:
  - type: clean
  - type: dedupe
  - type: entities
  - type: summarize
    ratio: 0.4
  - type: export
    path: $work/out/news.jsonl
  - type: export
    format: sqlite
    path: $work/out/news.db
output:
  dead_letter: $work/out/news.dead-letter.jsonl
  state: $work/out/news.state.json
EOF
(cd / && env -i "$x/bin/pipeline-run" run "$work/news.yaml" --log-format json 2>"$work/run.log") \
    || { cat "$work/run.log" >&2; fail "the run exited non-zero"; }
seeds=$(ls "$x"/seeds/*.txt | wc -l)
python3 - "$work/out/news.jsonl" "$seeds" <<'EOF' || fail "unexpected output"
import json, sys
documents = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(documents) == int(sys.argv[2]), f"{len(documents)} documents, expected {sys.argv[2]}"
for d in documents:
    assert d["entities"] and d["summary"] and d["text"], d["id"]
print(f"release: check run: {len(documents)} documents, "
      f"{sum(len(d['entities']) for d in documents)} entities, summaries present", file=sys.stderr)
EOF
# Stream mode under env -i from /, through a symlink in another folder.
ln -s "$x/bin/pipeline-run" "$work/pipeline-run-link"
article="Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget of the European Union. The two"
article+=" leaders agreed that the Commission in Brussels should present a new proposal before the summit in March."
printf '{"id":"q","text":"%s"}\n' "$article" \
    | (cd / && env -i "$work/pipeline-run-link" stream "$work/news.yaml" 2>"$work/stream.log") >"$work/stream.jsonl" \
    || { cat "$work/stream.log" >&2; fail "stream through a symlink failed"; }
grep -q '"text":"Emmanuel Macron"' "$work/stream.jsonl" || fail "stream: no entities in $(cat "$work/stream.jsonl")"
# The bundle loaded is the shipped one, not the build folder's (present on this machine):
# a corrupted shipped model must make the entities stage fail to load, run directly or through a symlink.
cp -al "$x" "$check_root/corrupt"
model="$check_root/corrupt/bin/pipeline-run_Stages.resources/entities-model.bin"
rm "$model" && head -c 1000 /dev/urandom >"$model"
ln -s "$check_root/corrupt/bin/pipeline-run" "$work/corrupt-link"
for tool in "$check_root/corrupt/bin/pipeline-run" "$work/corrupt-link"; do
    if (cd / && env -i "$tool" validate "$work/news.yaml" >"$work/corrupt.log" 2>&1); then
        fail "$tool: a corrupted shipped model went unnoticed: the binary does not load the bundle next to it"
    fi
    grep -q "cannot load the entity model" "$work/corrupt.log" \
        || { cat "$work/corrupt.log" >&2; fail "unexpected error for a corrupted model"; }
done

# A machine without the libraries: hide this machine's copies (bind-mount /dev/null over them in a private mount
# namespace, when unshare is allowed) and run the example pipelines (extract → libxml2, export → SQLite) as shipped.
hide=""
for soname in "${shipped[@]}"; do
    system_copy="$(readlink -f "$(awk -v so="$soname" '$1 == so && $2 == "=>" { print $3 }' <<<"$ldd_out")")"
    hide+="mount --bind /dev/null '$system_copy' && "
done
if unshare -m true 2>/dev/null; then
    unshare -m sh -c "$hide cd '$x' && env -i bin/pipeline-run run pipelines/web.yaml \
        && env -i bin/pipeline-run run pipelines/news.yaml" >"$work/hidden.log" 2>&1 \
        || { cat "$work/hidden.log" >&2; fail "the example pipelines fail without the system copies of the libraries"; }
    echo "release: check run with this machine's copies of ${shipped[*]} hidden: passed" >&2
else
    echo "release: unshare not allowed here: skipped the check with the system libraries hidden" >&2
fi

size=$(stat -c %s "$tarball")
echo "release: contents:" >&2
tar -tzvf "$tarball" | awk '{ printf "  %10s  %s\n", $3, $6 }' >&2
echo "release: needs ${glibc}, ${glibcxx}; ships ${shipped[*]}" >&2
echo "release: $tarball: $size bytes ($(numfmt --to=iec --suffix=B "$size")), checks passed," \
    "$((SECONDS - started)) s" >&2
echo "$tarball"
