import LambdaSimulator
import NotesCore

/// The meaning of each expectation key (scenario-format.md, "Expectations (v1)").
struct Checker {
    enum Result {
        case pass(String)
        case fail(String)
        case invalid(String, SourcePosition)
    }

    let trace: Trace
    let tolerance: Int64
    /// What the claims are checked against (`trace.facts`).
    var facts: ClaimFacts { trace.facts }
    let document: ScenarioDocument

    /// Checks one claim; the `switch` is exhaustive, so a new `ClaimKey` must say how it is
    /// checked before the module compiles.
    func check(_ expectation: Expectation) -> Result {
        let value = expectation.value
        switch expectation.key {
        case .attempts:
            return count(value, actual: trace.stats.attempts, noun: "attempts", facts: "t = " + times(facts.startTimes))
        case .attemptsAt:
            return timeList(value, actual: facts.startTimes, noun: "attempts")
        case .firstAttemptAt:
            return firstAttempt(value)
        case .endsAt:
            return timeList(value, actual: facts.endTimes, noun: "attempt ends")
        case .throttlesAt:
            return timeList(value, actual: facts.throttleTimes, noun: "throttles")
        case .batchesAt:
            return timeList(value, actual: facts.batchTimes, noun: "batches")
        case .maxConcurrency:
            return count(value, actual: trace.stats.maxConcurrency, noun: "handlers running at the peak", facts: nil)
        case .results:
            let actual = facts.results.map { $0?.rawValue ?? "running" }
            return wordList(value, actual: actual, total: facts.starts.count, noun: "results", vocabulary: .results)
        case .triggers:
            let actual = facts.batches.kept.filter { $0.trigger != .retry }.map(\.trigger.rawValue)
            return wordList(value, actual: actual, total: facts.batches.isTruncated ? nil : actual.count, noun: "batch triggers", vocabulary: .triggers)
        case .outcome:
            return outcome(value)
        case .outcomes:
            return outcomes(value)
        case .delivered:
            return delivered(value)
        case .batches:
            return batches(value)
        case .requestIDs:
            return count(value, actual: facts.requestIDCount, noun: "request ids across the attempts", facts: nil)
        case .receivedAt:
            return timeList(value, actual: facts.receiveTimes, noun: "receives")
        case .receiveCounts:
            let actual = facts.starts.kept.map { String($0.attempt) }
            return wordList(value, actual: actual, total: facts.starts.count, noun: "receive counts")
        case .retried:
            return retried(value)
        case .order:
            guard value.text == "preserved" else { return .invalid("order can only be claimed as 'preserved'", value.position) }
            return orderPreserved()
        case .assumptions:
            return assumptions(value)
        case .responses:
            return responses(value)
        case .deliveries:
            return deliveries(value)
        case .rejected:
            return .fail("expected AWS to reject this configuration, but it is valid (the simulator ran it)")
        case .coldStarts, .initDurations, .latency:
            return environmentClaim(expectation.key, value)
        case .recursionStoppedAt:
            // L3, L4: when Lambda stopped a chain's 17th invocation.
            return timeList(value, actual: facts.recursionStoppedTimes, noun: "stopped recursive invocations")
        case .callerAttempts:
            // S4, R10: the first call of each input plus every retry its caller made.
            return count(value, actual: trace.stats.inputs + facts.callerRetries, noun: "calls by the caller", facts: nil)
        case .tolerance:
            return .pass(value.text ?? "")
        }
    }

    /// `first-attempt-at`: when the handler first ran, a time (± tolerance) or `{ min, max }`.
    private func firstAttempt(_ value: ExpectationValue) -> Result {
        if let refusal = impossibleTimeBound(value) { return refusal }
        guard let first = facts.startTimes.kept.first else { return .fail("expected a first attempt, but the handler never ran") }
        guard let inside = within(value, first) else { return .invalid("expected a time such as 1m, or { min, max }", value.position) }
        return inside
            ? .pass(Self.time(first))
            : .fail("expected the first attempt at \(describe(value)), the simulator made it at \(Self.time(first))")
    }

    private func retried(_ value: ExpectationValue) -> Result {
        guard let claim = bool(value) else { return .invalid("retried must be true or false", value.position) }
        let again = facts.retried
        return claim == again ? .pass("\(again)") : .fail("expected retried: \(claim), but \(again ? "some input ran more than once" : "every input ran once")")
    }

    private func assumptions(_ value: ExpectationValue) -> Result {
        let names: [String]
        switch canonicalWords(value, .assumptions) {
        case .success(let words): names = words
        case .failure(let invalid): return .invalid(invalid.message, invalid.position)
        }
        let used = Set(trace.assumptionsUsed.map(\.rawValue))
        let missing = names.filter { !used.contains($0) }
        return missing.isEmpty
            ? .pass(names.joined(separator: ", "))
            : .fail("expected the result to rely on \(missing.joined(separator: ", ")), but the run used: \(used.sorted().joined(separator: ", "))")
    }

    // MARK: - Helpers

    func list(_ value: ExpectationValue) -> [ExpectationValue] {
        if case .list(let items, _) = value { return items }
        return [value]
    }

    private func bool(_ value: ExpectationValue) -> Bool? {
        switch value.text {
        case "true", "yes": true
        case "false", "no": false
        default: nil
        }
    }

    /// Times for a message: at most `shownTimes` of them, then how many more there were.
    func times(_ values: [Int64], total: Int? = nil) -> String {
        guard !values.isEmpty else { return "none" }
        let shown = values.prefix(Self.shownTimes).map(Self.time).joined(separator: ", ")
        let more = (total ?? values.count) - min(values.count, Self.shownTimes)
        return more > 0 ? shown + " and \(more) more" : shown
    }

    func times(_ column: TimeColumn) -> String {
        times(column.kept, total: column.count)
    }

    /// How many times a message lists: a screenful of a terminal, not a hundred thousand.
    static let shownTimes = 20

    /// A time in a message, to the millisecond: rounded, a claim of 1.1 s read "expected 1.1 s,
    /// the simulator had 1.1 s (off by 50 ms)" against a run at 1,050 ms.
    static func time(_ milliseconds: Int64) -> String {
        milliseconds == 0 ? "0 s" : DurationText.exactEnglish(milliseconds)
    }

    /// A count, or a bound `{ min, max }`.
    func count(_ value: ExpectationValue, actual: Int, noun: String, facts: String?) -> Result {
        let suffix = facts.map { " (\($0))" } ?? ""
        if case .map = value {
            guard let (minimum, maximum) = countBound(value) else {
                return .invalid("expected a count or { min, max } such as { min: 1, max: 3 }", value.position)
            }
            if let refusal = Self.impossibleBound((minimum, maximum)) { return .invalid(refusal, value.position) }
            if let minimum, actual < minimum { return .fail("expected at least \(Self.counted(minimum, noun)), the simulator made \(actual)\(suffix)") }
            if let maximum, actual > maximum { return .fail("expected at most \(Self.counted(maximum, noun)), the simulator made \(actual)\(suffix)") }
            return .pass("\(actual)")
        }
        guard let expected = Self.claimedCount(value.text) else { return .invalid("expected a count (0 or more) or { min, max }", value.position) }
        if expected == actual { return .pass("\(actual)") }
        return .fail("expected \(Self.counted(expected, noun)), the simulator made \(actual)\(suffix)")
    }

    /// Times matched element by element within the tolerance; `~` skips one. Also
    /// `{ each, first, last }` bounds and `{ 0s: 1000, 10s: 1000 }` bursts.
    func timeList(_ value: ExpectationValue, actual column: TimeColumn, noun: String) -> Result {
        if case .map(let pairs, let position) = value {
            let keys = Set(pairs.map(\.key))
            if !keys.isEmpty, keys.isSubset(of: ["each", "first", "last"]) {
                return timeBounds(pairs, actual: column, noun: noun, position: position)
            }
            return timeBursts(pairs, actual: column, noun: noun, position: position)
        }
        let items = list(value)
        let actual = column.kept
        guard items.count == column.count else {
            return .fail("expected \(Self.counted(items.count, noun)), the simulator had \(column.count) (t = \(times(column)))")
        }
        if column.isTruncated { return tooManyToCheck(column.count, noun: noun, position: value.position) }
        var misses: [String] = []
        for (index, item) in items.enumerated() {
            if item.text == "~" || item.text == "" { continue }
            if let refusal = impossibleTimeBound(item) { return refusal }
            guard let inside = within(item, actual[index]) else {
                return .invalid("'\(describe(item))' is not a time such as 1m or 500ms, or a bound such as { min: 50s, max: 70s }", item.position)
            }
            if !inside { misses.append(miss(item, actual[index], index: index)) }
        }
        guard misses.isEmpty else {
            return .fail(
                "expected \(noun) at \(items.map { $0.text.flatMap(Quantity.duration).map(Self.time) ?? describe($0) }.joined(separator: ", ")), the simulator had them at \(times(actual)) (\(misses.joined(separator: "; ")))"
            )
        }
        return .pass(times(column))
    }

    /// A claim about single entries beyond the ones kept (`ClaimFacts.listLimit`).
    func tooManyToCheck(_ count: Int, noun: String, position: SourcePosition) -> Result {
        .invalid(
            "the simulator had \(count) \(noun); claims about single ones are checked for the first \(ClaimFacts.listLimit) (claim a count or { each, first, last } instead)",
            position)
    }

    /// `{ each, first, last }`: every time, or the first or last, within a bound. Over all the
    /// times: the earliest and latest stand for every one when the list was cut.
    private func timeBounds(_ pairs: [ExpectationValue.Pair], actual column: TimeColumn, noun: String, position: SourcePosition) -> Result {
        let actual = column.kept
        guard let lastTime = column.last, let firstTime = actual.first else { return .fail("expected \(noun), the simulator had none") }
        for (key, bound, _) in pairs {
            let targets: [(index: Int?, time: Int64)] =
                switch key {
                case "first": [(0, firstTime)]
                case "last": [(column.count - 1, lastTime)]
                default:
                    column.isTruncated ? [(nil, column.earliest), (nil, column.latest)] : actual.enumerated().map { ($0.offset, $0.element) }
                }
            for (index, time) in targets {
                guard let inside = within(bound, time) else { return .invalid("a bound is a time or { min, max }", bound.position) }
                if !inside {
                    let which = index.map { "#\($0 + 1)" } ?? "one"
                    return .fail(
                        "expected \(key == "each" ? "every one of the \(noun)" : "the \(key) of the \(noun)") within \(describe(bound)), but \(which) is at \(Self.time(time)) (t = \(times(column)))"
                    )
                }
            }
        }
        return .pass(times(column))
    }

    private func timeBursts(_ pairs: [ExpectationValue.Pair], actual column: TimeColumn, noun: String, position: SourcePosition) -> Result {
        if column.isTruncated { return tooManyToCheck(column.count, noun: noun, position: position) }
        let actual = column.kept
        var claimed = 0
        for (key, countValue, keyPosition) in pairs {
            guard let time = Quantity.duration(key) else { return .invalid("'\(key)' is not a time", keyPosition) }
            guard let expected = Self.claimedCount(countValue.text) else { return .invalid("expected a count (0 or more) at \(key)", countValue.position) }
            let found = actual.filter { abs($0 - time) <= tolerance }.count
            if found != expected { return .fail("expected \(Self.counted(expected, noun)) around \(Self.time(time)), the simulator had \(found)") }
            claimed += expected
        }
        if claimed != actual.count { return .fail("expected \(Self.counted(claimed, noun)) in the listed bursts, the simulator had \(actual.count)") }
        return .pass("\(actual.count)")
    }

    /// Why element `index` of a time list misses its claim: off by how much, or outside its bound.
    private func miss(_ item: ExpectationValue, _ time: Int64, index: Int) -> String {
        if let text = item.text, let expected = Quantity.duration(text) {
            return "#\(index + 1) is off by \(Self.time(abs(expected - time))), more than the \(Self.time(tolerance)) tolerance"
        }
        return "#\(index + 1) is at \(Self.time(time)), outside \(describe(item))"
    }

    /// The refusal of a time bound whose min is above its max (`{ min: 3s, max: 1s }`), which
    /// no time can meet; nil for any other value.
    func impossibleTimeBound(_ bound: ExpectationValue) -> Result? {
        guard case .map(let pairs, let position) = bound,
            let low = pairs.first(where: { $0.key == "min" })?.value.text.flatMap(Quantity.duration),
            let high = pairs.first(where: { $0.key == "max" })?.value.text.flatMap(Quantity.duration), low > high
        else { return nil }
        return .invalid("\(describe(bound)) can never hold: min is above max", position)
    }

    /// Whether a time is inside a bound: a time (± tolerance) or `{ min, max }`.
    func within(_ bound: ExpectationValue, _ time: Int64) -> Bool? {
        switch bound {
        case .scalar(let text, _):
            guard let target = Quantity.duration(text) else { return nil }
            return abs(time - target) <= tolerance
        case .map(let pairs, _):
            guard !pairs.isEmpty else { return nil }
            var (low, high) = (Int64.min, Int64.max)
            for (key, value, _) in pairs {
                guard let limit = value.text.flatMap(Quantity.duration) else { return nil }
                if key == "min" { low = limit } else if key == "max" { high = limit } else { return nil }
            }
            // `{ min: 5s, max: 1s }` can never hold: it is refused as a bound, not failed.
            return low <= high ? (low...high).contains(time) : nil
        case .list:
            return nil
        }
    }

    func describe(_ bound: ExpectationValue) -> String {
        switch bound {
        case .scalar(let text, _): text
        case .map(let pairs, _): "{ " + pairs.map { "\($0.key): \($0.value.text ?? "")" }.joined(separator: ", ") + " }"
        case .list: "?"
        }
    }

    /// Words matched one by one (`~` skips one). `actual` may be the first of more: `total`
    /// says how many there were in all, nil when the list was cut at an unknown size.
    private func wordList(_ value: ExpectationValue, actual: [String], total: Int?, noun: String, vocabulary: ClaimWords? = nil) -> Result {
        if case .map = value { return .invalid("expected a list such as [\(actual.prefix(3).joined(separator: ", "))]", value.position) }
        var expected = list(value).map { $0.text ?? "" }
        if let vocabulary {
            switch canonicalWords(value, vocabulary) {
            case .success(let words): expected = words
            case .failure(let invalid): return .invalid(invalid.message, invalid.position)
            }
        }
        let cut = total.map { $0 > actual.count } ?? true
        let count = total ?? actual.count
        let more = total == nil ? ", …" : count > Self.shownTimes ? ", … \(count - Self.shownTimes) more" : ""
        let shown = actual.prefix(Self.shownTimes).joined(separator: ", ") + more
        if cut, expected.count >= actual.count, total == nil || expected.count == count {
            return tooManyToCheck(count, noun: noun, position: value.position)
        }
        let matches = expected.count == count && zip(expected, actual).allSatisfy { $0 == "~" || $0 == $1 }
        return matches
            ? .pass(shown)
            : .fail("expected \(noun) [\(expected.joined(separator: ", "))], the simulator had [\(shown)]")
    }

    private func outcome(_ value: ExpectationValue) -> Result {
        guard trace.outcomes.count == 1, let actual = trace.outcomes.values.first else {
            return .fail("'outcome' describes a scenario with one event or record; this one has \(trace.outcomes.count) (use 'outcomes')")
        }
        let expected: [String]
        switch canonicalWords(value, .outcomes) {
        case .success(let words): expected = words
        case .failure(let invalid): return .invalid(invalid.message, invalid.position)
        }
        let words = actual.map(\.rawValue)
        // The same words as sets, compared in place: both lists have a word or two.
        let same = expected.allSatisfy(words.contains) && words.allSatisfy(expected.contains)
        guard !same else { return .pass(words.joined(separator: ", ")) }
        let stopped = actual.contains(.pending) ? pendingReason : ""
        return .fail(
            "expected outcome \(Set(expected).sorted().joined(separator: ", ")), the simulator ended in \(words.joined(separator: ", "))\(endFacts)\(stopped)")
    }

    /// Where the inputs went and when, for a message. A delivery AWS could not make (A13: a
    /// FIFO target) says so: "OnFailure at 3 min" beside "delivered 0" read as a contradiction.
    var endFacts: String {
        let deliveries = facts.deliveries.kept.prefix(Self.shownTimes).map { entry in
            let failed = entry.delivery.delivered ? "" : " failed: AWS cannot deliver to \(entry.delivery.target.rawValue) (A13)"
            return "\(entry.delivery.route.rawValue) at \(Self.time(entry.time))\(failed)"
        }
        let more = facts.deliveries.count - deliveries.count
        return deliveries.isEmpty ? "" : " (\(deliveries.joined(separator: "; "))\(more > 0 ? " and \(more) more" : ""))"
    }

    /// Why inputs are `pending`: the run stopped at `until:` or at `limits.horizon` while they
    /// were under way. Why say it: "ended in pending" alone read as a wrong simulation when the
    /// horizon was set short.
    var pendingReason: String {
        let spec = document.spec
        let end = spec.until.map { "until: \(Self.time($0))" } ?? "limits.horizon (\(Self.time(spec.limits.horizon)))"
        return "; pending inputs were still under way when the run stopped at \(end)"
    }

    private func orderPreserved() -> Result {
        facts.orderViolation.map { .fail("expected order preserved, but \($0)") } ?? .pass("preserved")
    }
}
