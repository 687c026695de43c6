// swift-tools-version: 6.0
// The fuzz targets: a package of its own, so that `swift build` and `swift test` at the root never compile them.
// Build and run them with scripts/fuzz.sh, which passes the sanitizer flags (libFuzzer + AddressSanitizer) and
// `-enable-testing` (for the internal algorithms the dedupe and summarize targets check directly).
import PackageDescription

/// One libFuzzer executable per file in Targets/.
let targets = [
    ("fuzz-yaml", "YAMLFuzzer.swift"),
    ("fuzz-jsonl", "JSONLinesFuzzer.swift"),
    ("fuzz-clean", "CleanFuzzer.swift"),
    ("fuzz-summarize", "SummarizeFuzzer.swift"),
    ("fuzz-dedupe", "DedupeFuzzer.swift"),
    ("fuzz-entities", "EntitiesFuzzer.swift"),
]

let package = Package(
    name: "pipeline-run-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "pipeline-run", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "Pipeline", package: "pipeline-run"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Support"
        )
    ]
        + targets.map { name, file in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport",
                    .product(name: "Pipeline", package: "pipeline-run"),
                    .product(name: "Stages", package: "pipeline-run"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Targets",
                exclude: targets.map(\.1).filter { $0 != file },
                sources: [file]
            )
        }
)
