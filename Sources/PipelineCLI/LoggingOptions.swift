import ArgumentParser
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `--log-format` and `--log-level`, shared by the subcommands.
struct LoggingOptions: ParsableArguments {
    /// How log lines look.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// Text on a terminal, JSON lines otherwise.
        case auto
        /// Human-readable text.
        case text
        /// One JSON object per line.
        case json
    }

    @Option(help: "Log format: auto (text on a terminal, JSON lines otherwise), text or json.")
    var logFormat: Format = .auto

    @Option(help: "Lowest level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "unknown log level '\(logLevel)'; use trace, debug, info, notice, warning, error or critical"
            )
        }
    }

    /// A logger writing to standard error in the chosen format.
    func makeLogger(label: String = "pipeline-run") -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let useJSON = logFormat == .json || (logFormat == .auto && isatty(2) == 0)
        var logger = Logger(label: label) { label in
            useJSON ? JSONLinesLogHandler(label: label) as any LogHandler : TerminalLogHandler(label: label)
        }
        logger.logLevel = level
        return logger
    }
}
