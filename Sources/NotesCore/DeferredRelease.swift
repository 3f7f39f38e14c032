import Dispatch

/// Frees values on another thread, so that the caller goes on while thousands of objects
/// are deallocated.
///
/// Freeing a large site's parsed notes (their HTML, headings, references and scenario blocks)
/// is serial work at the end of a build, while the other core idles.
public enum DeferredRelease {
    /// Holds the value being dropped: the only reference to it, emptied on the other thread
    /// (a value captured by the closure directly would also be held by the caller's frame,
    /// which then might release it last).
    private final class Holder<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) {
            self.value = consume value
        }
    }

    /// Takes `value` and releases it on a background thread.
    public static func drop<Value: Sendable>(_ value: consuming Value) {
        let holder = Holder(consume value)
        DispatchQueue.global(qos: .utility).async { holder.value = nil }
    }
}
