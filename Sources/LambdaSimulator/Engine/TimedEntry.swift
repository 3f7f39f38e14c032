/// One scheduled payload with its place in the (time, sequence) order.
struct TimedEntry<Payload> {
    var time: Int64
    var sequence: UInt64
    var payload: Payload

    /// Whether this entry comes before one at `time`, `sequence`.
    @inline(__always)
    func precedes(time otherTime: Int64, sequence otherSequence: UInt64) -> Bool {
        time < otherTime || (time == otherTime && sequence < otherSequence)
    }
}
