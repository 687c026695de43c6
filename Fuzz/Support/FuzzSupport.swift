import Dispatch
public import Logging
public import Pipeline
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What every fuzz target shares: a quiet logger, a stage context, a blocking bridge to `async` stage code, and
/// `require`, which turns a broken invariant into a crash that libFuzzer records with its input.
public enum Fuzz {
    /// A logger that discards everything.
    public static let logger = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }

    /// A context for calling a stage's `process` directly.
    ///
    /// - Parameter typeName: The stage's type name.
    /// - Returns: The context.
    public static func context(for typeName: String) -> StageContext {
        StageContext(name: typeName, typeName: typeName, logger: logger)
    }

    /// Crashes with `message` when `condition` is false, so that libFuzzer keeps the input as a crash.
    ///
    /// - Parameters:
    ///   - condition: The invariant.
    ///   - message: What broke, printed to stderr before the crash.
    public static func require(
        _ condition: @autoclosure () -> Bool,
        _ message: @autoclosure () -> String,
        file: StaticString = #fileID,
        line: UInt = #line
    ) {
        guard !condition() else { return }
        let text = "fuzz invariant broken at \(file):\(line): \(message())\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        abort()
    }

    /// Runs an `async` closure to completion and returns its result, blocking the calling thread.
    ///
    /// libFuzzer calls `LLVMFuzzerTestOneInput` on a plain thread; the stages' `process` methods are `async` but
    /// never suspend for long, so one task per input is cheap enough.
    ///
    /// - Parameter operation: The work.
    /// - Returns: Its result.
    public static func blocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) -> Result<
        T, any Error
    > {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            box.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return box.value.withLock { $0! }
    }

    /// Splits the input into `count` parts at separator bytes (at most `count - 1` splits).
    ///
    /// - Parameters:
    ///   - bytes: The fuzzer's input.
    ///   - separator: The byte that separates parts.
    ///   - limit: The largest number of parts.
    /// - Returns: The parts, at least one.
    public static func split(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, limit: Int) -> [[UInt8]] {
        var parts: [[UInt8]] = [[]]
        for byte in bytes {
            if byte == separator && parts.count < limit {
                parts.append([])
            } else {
                parts[parts.count - 1].append(byte)
            }
        }
        return parts
    }
}

/// The result of one blocking call, handed from the task to the waiting thread.
private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<Result<T, any Error>?>(nil)
}
