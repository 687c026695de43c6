import Foundation

/// A point of an incremental run's commit where the process kills itself with SIGKILL when the environment
/// variable `PIPELINE_KILL_AT` names it: fault injection for the tests and the kill-test scripts, which must hit
/// the window between two commits exactly rather than by a lucky timer.
///
/// ```
/// run ─ files-committed ─ PostgreSQL commits ─ outputs-committed ─ run state ─ state-saved ─ ledger
/// ```
/// Unset (as in production), ``reach()`` costs one environment lookup.
enum KillPoint: String, CaseIterable {
    /// The run has finished: file outputs are synced, PostgreSQL transactions are still open.
    case filesCommitted = "files-committed"
    /// The PostgreSQL exports have committed the batch with its ledger position; the run state is not saved.
    case outputsCommitted = "outputs-committed"
    /// The run state is saved; the ledger has not advanced.
    case stateSaved = "state-saved"

    /// The environment variable that names the point.
    static let environmentVariable = "PIPELINE_KILL_AT"

    /// Kills the process (SIGKILL, no clean-up) when `PIPELINE_KILL_AT` names this point.
    /// - Parameter environment: The environment (default: the process's).
    func reach(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard environment[Self.environmentVariable] == rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}
