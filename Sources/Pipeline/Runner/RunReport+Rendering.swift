extension RunReport {
    /// The report as JSON, as `--stats-json` writes it.
    public var json: JSONValue {
        func number(_ value: Double) -> JSONValue { .double((value * 1000).rounded() / 1000) }
        var members: [String: JSONValue] = [
            "pipeline": .string(pipeline),
            "run_id": .string(runID),
            "input": .object([
                "records": .integer(Int64(inputRecords)), "invalid": .integer(Int64(invalidInput)),
                "bytes": .integer(Int64(inputBytes)),
            ]),
            "written": .integer(Int64(written)),
            "dropped": .object([
                "total": .integer(Int64(droppedTotal)),
                "by_reason": .object(dropped.mapValues { .integer(Int64($0)) }),
            ]),
            "dead_lettered": .integer(Int64(deadLettered)),
            "balanced": .bool(isBalanced),
            "wall_seconds": number(wallSeconds),
            "cpu_seconds": number(cpuSeconds),
            "documents_per_second": number(documentsPerSecond),
            "mb_per_second": number(megabytesPerSecond),
            "peak_rss_bytes": .integer(Int64(peakResidentBytes)),
            "interrupted": interruption.map(JSONValue.string) ?? .null,
            "resumed_after": .integer(Int64(resumedAfter)),
        ]
        if let deadLetterPath { members["dead_letter_path"] = .string(deadLetterPath) }
        members["stages"] = .array(
            stages.map { stage in
                .object([
                    "name": .string(stage.name), "type": .string(stage.typeName),
                    "documents_in": .integer(Int64(stage.documentsIn)),
                    "documents_out": .integer(Int64(stage.documentsOut)),
                    "bytes_in": .integer(Int64(stage.bytesIn)),
                    "dropped": .object(stage.dropped.mapValues { .integer(Int64($0)) }),
                    "failed": .integer(Int64(stage.failed)),
                    "dead_lettered": .integer(Int64(stage.deadLettered)),
                    "busy_seconds": number(stage.busySeconds),
                    "wall_seconds": number(stage.wallSeconds),
                    "documents_per_second": number(stage.documentsPerSecond),
                    "mb_per_second": number(stage.megabytesPerSecond),
                    "counters": .object(stage.counters.mapValues { .integer(Int64($0)) }),
                ])
            }
        )
        return .object(members)
    }

    /// A human-readable summary for standard error: one line per stage, then the totals.
    public var summary: String {
        var lines: [String] = []
        let status = interruption.map { "interrupted by \($0)" } ?? "finished"
        lines.append("pipeline '\(pipeline)' \(status) in \(Self.format(wallSeconds, digits: 2)) s")
        if resumedAfter > 0 {
            lines.append("  resumed after \(resumedAfter) input records completed by an earlier run")
        }
        let header = ["stage", "type", "in", "out", "dropped", "failed", "busy s", "docs/s", "MB/s"]
        var rows: [[String]] = [header]
        rows.append([
            "input", "reader", "\(inputRecords)", "\(inputRecords - invalidInput)", "0", "\(invalidInput)", "", "", "",
        ])
        for stage in stages {
            rows.append([
                stage.name, stage.typeName, "\(stage.documentsIn)", "\(stage.documentsOut)", "\(stage.droppedTotal)",
                "\(stage.failed)", Self.format(stage.busySeconds, digits: 3),
                Self.format(stage.documentsPerSecond, digits: 0), Self.format(stage.megabytesPerSecond, digits: 2),
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index < 2
                    ? cell + String(repeating: " ", count: widths[index] - cell.count)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }
            lines.append("  " + cells.joined(separator: "  "))
        }
        for stage in stages {
            let reasons = stage.dropped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let counters = stage.counters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let details =
                (reasons.isEmpty ? [] : ["dropped: " + reasons.joined(separator: ", ")])
                + (counters.isEmpty ? [] : [counters.joined(separator: ", ")])
            if !details.isEmpty { lines.append("  \(stage.name): " + details.joined(separator: "; ")) }
        }
        lines.append(
            "  total: \(inputRecords) in = \(written) written + \(droppedTotal) dropped + \(deadLettered) dead-lettered"
                + (isBalanced ? "" : "  (UNBALANCED)")
        )
        lines.append(
            "  \(Self.format(documentsPerSecond, digits: 0)) documents/s, \(Self.format(megabytesPerSecond, digits: 2)) MB/s, "
                + "cpu \(Self.format(cpuSeconds, digits: 2)) s, peak RSS \(Self.format(Double(peakResidentBytes) / 1_048_576, digits: 1)) MiB"
        )
        if deadLettered > 0, let deadLetterPath {
            lines.append("  dead letters: \(deadLetterPath)")
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }
}
