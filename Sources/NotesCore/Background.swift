import Dispatch

/// A value computed on another thread while the caller does something else; reading it
/// waits until it is ready.
///
/// An incremental build reads its last manifest (7 MB for 10,000 notes) this way while the
/// notes are listed and stamped; a build renders the sidebar list while links are checked.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker before it leaves `done`; read only after waiting on `done`.
    private var result: Value?

    public init(_ compute: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = compute()
            self.done.leave()
        }
    }

    /// A value already at hand (no thread is started).
    public init(ready value: Value) {
        result = value
    }

    /// The value (waits for it the first time).
    public var value: Value {
        done.wait()
        return result!
    }
}
