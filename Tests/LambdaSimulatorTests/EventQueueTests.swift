@testable import LambdaSimulator
import PropertyBased
import Testing

/// The event queue pops in (time, sequence) order whichever way it stores an action: in a
/// FIFO lane per delay or in the heap for delays beyond the lanes.
@Suite struct EventQueueTests {
    /// A reference queue: everything scheduled, sorted by (time, sequence) on every pop.
    private struct ReferenceQueue {
        var entries: [(time: Int64, sequence: Int, payload: Int)] = []
        var next = 0

        mutating func schedule(_ payload: Int, at time: Int64) {
            entries.append((time, next, payload))
            next += 1
        }

        mutating func pop() -> (time: Int64, payload: Int)? {
            guard let index = entries.indices.min(by: { (entries[$0].time, entries[$0].sequence) < (entries[$1].time, entries[$1].sequence) }) else {
                return nil
            }
            let entry = entries.remove(at: index)
            return (entry.time, entry.payload)
        }
    }

    @Test func popsInTimeThenSchedulingOrderWithFewAndManyDelays() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...40), Gen.int(in: 0...1_000_000)) { distinctDelays, seed in
            var random = SplitMix(seed: UInt64(seed))
            var queue = EventQueue<Int>()
            var reference = ReferenceQueue()
            var now: Int64 = 0
            var payload = 0
            for _ in 0..<400 {
                if random.next() % 3 != 0 {
                    // Schedule: some delays repeat (lanes), some are many (heap), some are zero.
                    let delay = Int64(random.next() % UInt64(distinctDelays)) * 7
                    queue.schedule(payload, at: now + delay, now: now)
                    reference.schedule(payload, at: now + delay)
                    payload += 1
                } else {
                    #expect(queue.nextTime == reference.entries.map(\.time).min())
                    let popped = queue.pop()
                    let expected = reference.pop()
                    #expect(popped?.time == expected?.time)
                    #expect(popped?.payload == expected?.payload)
                    if let time = popped?.time { now = max(now, time) }
                }
            }
            var rest: [Int] = []
            while let (_, value) = queue.pop() { rest.append(value) }
            var expectedRest: [Int] = []
            while let (_, value) = reference.pop() { expectedRest.append(value) }
            #expect(rest == expectedRest)
            #expect(queue.isEmpty)
        }
    }

    @Test func drainReturnsEverythingLeft() {
        var queue = EventQueue<Int>()
        for value in 0..<30 { queue.schedule(value, at: Int64(value % 11) * 5, now: 0) }
        #expect(queue.drain().sorted() == Array(0..<30))
        #expect(queue.isEmpty)
        #expect(queue.nextTime == nil)
    }
}

/// A small seeded generator for the test's operation sequence.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
