# pipeline-run: the two commands a newcomer needs are `make run` and `make test`.
.PHONY: setup build run test lint release bench-runner clean

setup:
	@scripts/setup.sh

build: setup
	swift build

## Builds and runs the main job: pipelines/news.yaml over seeds/, writing out/news.jsonl.
run: setup
	swift run pipeline-run run pipelines/news.yaml

## Builds and runs the tests, against a throwaway PostgreSQL server (scripts/with-postgres.sh starts and removes it).
test: setup
	scripts/with-postgres.sh swift test

## Checks the formatting (swift format, .swift-format: 4 spaces, 120 columns).
lint:
	swift format lint --strict -r Sources Tests Examples Benchmarks Tools Package.swift

## Builds the release tarball dist/pipeline-run-<version>-linux-<arch>.tar.gz (Swift runtime linked statically) and checks it.
release: setup
	scripts/release.sh

## Measures the runner's throughput and per-document overhead on 100,000 generated JSON Lines documents.
bench-runner: setup
	scripts/benchmark-runner.sh

clean:
	rm -rf .build out
