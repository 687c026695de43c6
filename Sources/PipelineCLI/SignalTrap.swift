import Dispatch
import Logging
import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into a graceful stop: the first signal requests a ``ShutdownSignal``; a second one ends
/// the process at once with the signal's conventional exit code.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; they stay installed until ``cancel()``.
    init(shutdown: ShutdownSignal, logger: Logger) {
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if shutdown.isRequested {
                    StandardError.writeLine("pipeline-run: second \(name), aborting")
                    _exit(128 + number)
                }
                shutdown.request(reason: name)
                logger.notice(
                    "\(name) received: finishing in-flight documents; send it again to abort at once"
                )
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Removes the handlers and restores the default signal behaviour.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
