extension ForkJoin {
    /// One result slot per item; each slot is written by exactly one chunk, and read only
    /// after `concurrentPerform` has joined, so no lock is needed. The results are moved out,
    /// not copied (a copy of 10,000 notes is 10,000 retains and releases).
    ///
    /// Why pointer code: the chunks write their slots from several threads at once, which no
    /// safe collection allows without a lock or a copy per chunk. This class is all of it.
    final class Slots<Value>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<Value>
        private let count: Int
        private var moved = false

        init(count: Int) {
            base = .allocate(capacity: count)
            self.count = count
        }

        deinit {
            if !moved { base.deinitialize(count: count) }
            base.deallocate()
        }

        /// Sets slot `index`; every slot is set exactly once before `values()`.
        func set(_ index: Int, _ value: Value) {
            (base + index).initialize(to: value)
        }

        /// Moves every value out, in order (once, after every slot is set).
        func values() -> [Value] {
            moved = true
            return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: base, count: count)
                initialized = count
            }
        }
    }
}
