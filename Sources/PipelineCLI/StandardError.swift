#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole lines to standard error with one system call each, so lines from concurrent tasks never interleave.
enum StandardError {
    /// Writes `text` followed by a newline.
    static func writeLine(_ text: String) {
        write(text + "\n")
    }

    /// Writes `text` as it is.
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
