/// An error that may go away when the same work is retried: an output that could not be written (disk full, a
/// network file system gone), a database that was locked or could not sync.
///
/// The command-line tool exits with a distinct code for these (75, "temporary failure"), so a scheduler can retry the
/// task, while a document that fails under `on_error: fail` or an invalid configuration is permanent and is not
/// worth retrying. Conform errors of your own stages whose cause lies outside the input.
public protocol TransientError: Error {}

extension FileAccessError: TransientError {}
