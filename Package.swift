// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pipeline-run",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pipeline-run", targets: ["pipeline-run"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Stages", targets: ["Stages"]),
        .library(name: "PipelineCLI", targets: ["PipelineCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "CYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libpq for the PostgreSQL export: a system library builds in seconds, where postgres-nio (with swift-nio,
        // swift-crypto and their C code) adds minutes to every clean build.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "Stages",
            dependencies: ["Pipeline", "CSQLite", "CLibXML2", "CZlib", "CLibPQ"],
            resources: [
                .copy("Entities/Resources/entities-model.bin"),
                .copy("Entities/Resources/entities-gazetteer.tsv"),
                .copy("Entities/Resources/entities-clusters.tsv"),
            ]
        ),
        .target(
            name: "PipelineCLI",
            dependencies: [
                "Pipeline",
                "Stages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "pipeline-run",
            dependencies: ["PipelineCLI", "Stages"]
        ),
        // An example of a user's own stage: a library with the stage, its own binary, and its own test.
        .target(
            name: "KeywordTagger",
            dependencies: ["Pipeline"],
            path: "Examples/KeywordTagger/Sources/KeywordTagger"
        ),
        .executableTarget(
            name: "keyword-pipeline-run",
            dependencies: ["KeywordTagger", "Pipeline", "PipelineCLI", "Stages"],
            path: "Examples/KeywordTagger/Sources/keyword-pipeline-run"
        ),
        // An example of a user's own output stage: a TSV sink that works with run --shard, --resume and stream.
        .target(
            name: "TSVExport",
            dependencies: ["Pipeline"],
            path: "Examples/TSVExport/Sources/TSVExport"
        ),
        .executableTarget(
            name: "tsv-pipeline-run",
            dependencies: ["TSVExport", "Pipeline", "PipelineCLI", "Stages"],
            path: "Examples/TSVExport/Sources/tsv-pipeline-run"
        ),
        // Benchmarks: built by scripts/benchmark-stages.sh in release mode; not part of the product.
        .executableTarget(
            name: "stage-benchmark",
            dependencies: [
                "Pipeline", "Stages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/StageBenchmark"
        ),
        // Trains the entities model (scripts/train-entities.sh); uses the recogniser's internals.
        .executableTarget(
            name: "train-entities",
            dependencies: ["Stages"],
            path: "Tools/train-entities"
        ),
        // Writes the summarizer's sentence features for scripts/train-summarizer.py; uses the summarizer's internals.
        .executableTarget(
            name: "summary-features",
            dependencies: ["Stages", "Pipeline"],
            path: "Tools/summary-features"
        ),
        // Writes the clean stage's line features for scripts/train-clean-model.sh; uses the cleaner's internals.
        .executableTarget(
            name: "clean-line-features",
            dependencies: ["Stages"],
            path: "Tools/clean-line-features"
        ),
        // Cleans a set with the clean stage's defaults, entries switched off one at a time when built with
        // -DCLEAN_AUDIT, for scripts/audit-clean-rules.py.
        .executableTarget(
            name: "clean-audit",
            dependencies: ["Stages"],
            path: "Tools/clean-audit"
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline"]
        ),
        .testTarget(
            name: "StagesTests",
            dependencies: ["Stages", "Pipeline"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PipelineCLITests",
            dependencies: ["PipelineCLI", "Pipeline", "Stages"]
        ),
        .testTarget(
            name: "KeywordTaggerTests",
            dependencies: ["KeywordTagger", "Pipeline"],
            path: "Examples/KeywordTagger/Tests/KeywordTaggerTests"
        ),
        .testTarget(
            name: "TSVExportTests",
            dependencies: ["TSVExport", "Pipeline"],
            path: "Examples/TSVExport/Tests/TSVExportTests"
        ),
    ]
)
