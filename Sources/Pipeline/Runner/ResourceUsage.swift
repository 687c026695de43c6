#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the process's resource usage.
enum ResourceUsage {
    #if canImport(Glibc)
        private static let selfWho = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        private static let selfWho = RUSAGE_SELF
    #endif

    /// The peak resident set size of this process, in bytes.
    static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(Self.selfWho, &usage)
        #if canImport(Darwin)
            return Int(usage.ru_maxrss)
        #else
            return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// CPU time (user + system) used by this process so far, in seconds.
    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(Self.selfWho, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}
