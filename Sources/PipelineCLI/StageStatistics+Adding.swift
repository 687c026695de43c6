import Pipeline

extension StageStatistics {
    /// Adds another run's statistics of the same stage (`watch` sums its batches this way).
    mutating func add(_ other: StageStatistics) {
        documentsIn += other.documentsIn
        documentsOut += other.documentsOut
        bytesIn += other.bytesIn
        failed += other.failed
        deadLettered += other.deadLettered
        busySeconds += other.busySeconds
        wallSeconds += other.wallSeconds
        dropped.merge(other.dropped, uniquingKeysWith: +)
        counters.merge(other.counters, uniquingKeysWith: +)
    }
}
