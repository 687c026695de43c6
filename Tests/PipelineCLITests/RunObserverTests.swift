import Foundation
import Logging
import Pipeline
import Testing

@testable import PipelineCLI

/// Progress lines and the Prometheus metrics file.
@Suite struct RunObserverTests {
    func snapshot() -> RunMonitor.Snapshot {
        var snapshot = RunMonitor.Snapshot()
        snapshot.inputRecords = 1_200
        snapshot.inputBytes = 3_000_000
        snapshot.written = 1_150
        snapshot.dropped = 40
        snapshot.deadLettered = 10
        snapshot.elapsedSeconds = 2
        var stage = StageStatistics(name: "dedupe", typeName: "dedupe")
        stage.documentsIn = 1_200
        stage.documentsOut = 1_160
        stage.dropped = ["duplicate": 40]
        stage.busySeconds = 0.5
        stage.counters = ["near_duplicates": 30]
        snapshot.stages = [stage]
        return snapshot
    }

    @Test func progressLineShowsRateAndETAWhenTheSizeIsKnown() {
        let observer = RunObserver(
            monitor: RunMonitor(),
            pipeline: "news",
            logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() },
            isTerminal: true,
            expectedBytes: 12_000_000,
            metricsPath: nil,
            metricsInterval: .seconds(10)
        )
        #expect(observer.progressLine(snapshot()) == "news: 1200 documents, 600/s, 3.0 MB, 25% ~0:06 left")
    }

    @Test func metricsAreValidPrometheusText() {
        let text = RunObserver.exposition(of: snapshot(), pipeline: "news")
        let lines = Set(text.split(separator: "\n").map(String.init))
        #expect(lines.contains(#"pipeline_input_records_total{pipeline="news"} 1200"#))
        #expect(lines.contains(#"pipeline_documents_written_total{pipeline="news"} 1150"#))
        #expect(lines.contains(#"pipeline_stage_documents_dropped_total{pipeline="news",stage="dedupe"} 40"#))
        #expect(lines.contains(#"pipeline_stage_busy_seconds_total{pipeline="news",stage="dedupe"} 0.5"#))
        #expect(
            lines.contains(
                #"pipeline_stage_counter_total{pipeline="news",stage="dedupe",counter="near_duplicates"} 30"#
            )
        )
        #expect(lines.contains("# TYPE pipeline_input_records_total counter"))
        #expect(lines.contains("# TYPE pipeline_elapsed_seconds gauge"))
    }

    @Test func theMetricsFileIsWrittenAtTheEndOfARun() async throws {
        let scratch = Scratch()
        scratch.write("in.jsonl", #"{"id":"a","text":"One."}"# + "\n" + #"{"id":"b","text":"Two."}"# + "\n")
        scratch.write("p.yaml", "input: {path: in.jsonl}\nstages: [{type: export, path: out.jsonl}]\n")
        let result = try await Executable("pipeline-run").run(
            ["run", "p.yaml", "--metrics-file", "metrics.prom"],
            in: scratch.url
        )
        #expect(result.status == 0)
        let lines = scratch.read("metrics.prom").split(separator: "\n").map(String.init)
        #expect(lines.contains(#"pipeline_input_records_total{pipeline="p"} 2"#))
        #expect(lines.contains(#"pipeline_finished{pipeline="p"} 1.0"#))
    }
}
