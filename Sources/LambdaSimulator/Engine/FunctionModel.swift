/// Decides, from the scenario's script, how long an attempt runs and how it ends.
struct FunctionModel {
    /// How one attempt goes.
    enum Plan: Equatable {
        /// The handler runs for `runtime` ms and ends with `result`.
        case runs(runtime: Int64, result: AttemptResult)
        /// Refused before the handler runs (S3): 429 or 5xx; no attempt.
        case refused(FailureKind)
    }

    let spec: FunctionSpec
    let seed: UInt64
    /// How many batches have held each poison record so far (for `times`).
    private var poisonHolds: [Int: Int] = [:]

    init(spec: FunctionSpec, seed: UInt64) {
        self.spec = spec
        self.seed = seed
    }

    var timeoutMilliseconds: Int64 { spec.timeoutSeconds * 1_000 }

    /// The plan for attempt `attempt` (from 1) of one event, or for ESM invocation number
    /// `attempt` holding `items`; `run` is the handler run whose `duration` it takes (refused
    /// tries are attempts of `fails` but run no handler), `attempt` when nil.
    mutating func plan(
        attempt: Int, run: Int? = nil, key: Int, items: [Int] = [], overrideDurations: [Int64]? = nil, overrideFails: FailurePlan? = nil
    ) -> Plan {
        // Each side read where it is (`a ?? b` would copy, and retain, the array or plan).
        let duration: Int64
        if let overrideDurations {
            duration = Self.duration(of: overrideDurations, attempt: run ?? attempt)
        } else {
            duration = Self.duration(of: spec.durations, attempt: run ?? attempt)
        }
        let failing: Bool
        if let overrideFails {
            failing = fails(overrideFails, attempt: attempt, key: key, items: items)
        } else if case .records = spec.fails {
            failing = fails(spec.fails, attempt: attempt, key: key, items: items)
        } else {
            // Not a mutating call: the plan is read in place, not copied.
            failing = Self.scriptedFailure(spec.fails, seed: seed, attempt: attempt, key: key)
        }
        if failing {
            switch spec.failure {
            case .throttled, .serviceError:
                return .refused(spec.failure)
            case .timeout:
                return .runs(runtime: timeoutMilliseconds, result: .timeout)  // S6
            case .error:
                break
            }
        }
        if duration > timeoutMilliseconds {
            return .runs(runtime: timeoutMilliseconds, result: .timeout)  // S6
        }
        return .runs(runtime: duration, result: failing ? .error : .ok)
    }

    /// The script's duration for attempt `attempt` (from 1): the last one repeats.
    @inline(__always)
    private static func duration(of durations: [Int64], attempt: Int) -> Int64 {
        durations.isEmpty ? 0 : durations[min(attempt, durations.count) - 1]
    }

    /// Whether the Nth `Init` of the scenario fails (X4): `always`, `[n]` or a seeded rate.
    /// Static, so that the engine's model is not copied to ask (it is read on every cold
    /// start).
    static func initFails(_ plan: FailurePlan, seed: UInt64, coldStart: Int) -> Bool {
        switch plan {
        case .never, .records: false
        case .always: true
        case .attempts(let numbers): numbers.contains(coldStart)
        case .rate(let perMille): mix(seed, 0x1_71, UInt64(coldStart)) % 1_000 < UInt64(perMille)
        }
    }

    /// Whether `initFails` can be true under `plan` at all: the engine asks once, so that a
    /// cold start without an `init-fails` plan costs no call (X4).
    static func initCanFail(_ plan: FailurePlan) -> Bool {
        switch plan {
        case .never, .records: false
        case .always, .attempts, .rate: true
        }
    }

    /// Records that fail inside a batch (poison records present in `items`).
    func poisonRecords(in items: [Int]) -> [Int] {
        guard case .records(let poison, _) = spec.fails else { return [] }
        return items.filter { poison.contains($0) }
    }

    private mutating func fails(_ plan: FailurePlan, attempt: Int, key: Int, items: [Int]) -> Bool {
        switch plan {
        case .never, .always, .attempts, .rate:
            return Self.scriptedFailure(plan, seed: seed, attempt: attempt, key: key)
        case .records(let poison, let times):
            let held = items.filter { poison.contains($0) }
            guard !held.isEmpty else { return false }
            guard let times else { return true }
            var failing = false
            for record in held {
                let count = poisonHolds[record, default: 0]
                poisonHolds[record] = count + 1
                if count < times { failing = true }
            }
            return failing
        }
    }

    /// Whether attempt `attempt` of `key` fails by a plan that keeps no count (every plan but
    /// poison records).
    private static func scriptedFailure(_ plan: FailurePlan, seed: UInt64, attempt: Int, key: Int) -> Bool {
        switch plan {
        case .never, .records: false
        case .always: true
        case .attempts(let numbers): numbers.contains(attempt)
        case .rate(let perMille): mix(seed, UInt64(key), UInt64(attempt)) % 1_000 < UInt64(perMille)
        }
    }

    /// A stateless, seeded hash (SplitMix64 finaliser): the same inputs always fail alike.
    static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var z = a &+ 0x9E37_79B9_7F4A_7C15 &* (b &+ 1) &+ 0xBF58_476D_1CE4_E5B9 &* (c &+ 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
