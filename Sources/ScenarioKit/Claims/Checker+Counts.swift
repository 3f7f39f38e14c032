import LambdaSimulator
import NotesCore

/// Claims of counts: how a count or a bound is read (`claimedRange`), and the claims that are
/// maps of counts (`outcomes`, `delivered`).
///
/// Why apart from `Checker`: a count is read the same way wherever a claim takes one, and
/// refused the same way when it can never hold (negative, a min above its max, one word
/// claimed twice under two spellings); one file keeps those rules together.
extension Checker {
    /// A count a claim states: a whole number, 0 or more; nil for anything else. Why not
    /// `Int(_:)` alone: a negative count can never hold, and was checked as if it could.
    static func claimedCount(_ text: String?) -> Int? {
        guard let number = text.flatMap({ Int($0) }), number >= 0 else { return nil }
        return number
    }

    /// The refusal of a key written twice in one claim under two spellings (`DLQ` and `dlq`):
    /// the words are read without regard to case, and one count silently replaced the other.
    static func writtenTwice(_ written: String, first: String, _ canonical: String) -> String {
        "'\(written)' claims \(canonical) again (first as '\(first)'; words are read without regard to case): write it once"
    }

    /// "1 attempt", "3 attempts": a count with its noun (given plural) in the number it takes.
    /// The noun's first word that ends in `s` is its head ("handlers running at the peak",
    /// "request ids across the attempts"); one of it is singular.
    static func counted(_ count: Int, _ noun: String) -> String {
        guard count == 1 else { return "\(count) \(noun)" }
        var words = noun.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let head = words.firstIndex(where: { $0.hasSuffix("s") }) {
            let word = words[head]
            words[head] =
                word.hasSuffix("ies") ? word.dropLast(3) + "y" : word.hasSuffix("ches") ? String(word.dropLast(2)) : String(word.dropLast())
        }
        return "1 " + words.joined(separator: " ")
    }

    /// The refusal of a `{ min, max }` whose min is above its max, which no count can meet.
    static func impossibleBound(_ bound: (minimum: Int?, maximum: Int?)) -> String? {
        guard let minimum = bound.minimum, let maximum = bound.maximum, minimum > maximum else { return nil }
        return "{ min: \(minimum), max: \(maximum) } can never hold: min is above max"
    }

    func outcomes(_ value: ExpectationValue) -> Result {
        guard case .map(let pairs, let position) = value else { return .invalid("expected a map such as { ok: 24, dlq: 1 }", value.position) }
        let actual = Self.outcomeCounts(trace.outcomes)
        var expected: [String: ClosedRange<Int>] = [:]
        var spellings: [String: String] = [:]
        for (written, item, keyPosition) in pairs {
            guard let key = ClaimWords.outcomes.canonical(written) else { return .invalid(ClaimWords.outcomes.refusal(written), keyPosition) }
            let range: ClosedRange<Int>
            switch claimedRange(item, for: written) {
            case .success(let read): range = read
            case .failure(let refusal): return refusal.result
            }
            if let first = spellings.updateValue(written, forKey: key) { return .invalid(Self.writtenTwice(written, first: first, key), item.position) }
            expected[key] = range
        }
        let same = Set(expected.keys).union(actual.keys).allSatisfy { (expected[$0] ?? 0...0).contains(actual[$0] ?? 0) }
        let described = actual.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        guard !same else { return .pass("{ \(described) }") }
        let claimed = expected.filter { $0.value != 0...0 }.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.describe($0.value))" }
        let stopped = actual[Outcome.pending.rawValue, default: 0] > 0 ? pendingReason : ""
        return .fail("expected outcomes { \(claimed.joined(separator: ", ")) }, the simulator had { \(described) }\(stopped)")
    }

    /// A refusal carried out of `claimedRange` (a `Result` is not an `Error`).
    struct Refusal: Error {
        let result: Result
    }

    /// The counts a claim's value allows: a count (`3`) or a bound (`{ min: 1, max: 5 }`, either
    /// side may be left out), as for `attempts`; refused when it is neither, or can never hold.
    func claimedRange(_ item: ExpectationValue, for written: String) -> Swift.Result<ClosedRange<Int>, Refusal> {
        if let count = Self.claimedCount(item.text) { return .success(count...count) }
        guard case .map = item, let bound = countBound(item) else {
            return .failure(Refusal(result: .invalid("expected a count (0 or more) or { min, max } for \(written)", item.position)))
        }
        if let refusal = Self.impossibleBound(bound) { return .failure(Refusal(result: .invalid(refusal, item.position))) }
        return .success((bound.minimum ?? 0)...(bound.maximum ?? .max))
    }

    /// A range of counts as a claim writes it: `3`, or `{ min: 1, max: 5 }`.
    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.lowerBound == range.upperBound { return "\(range.lowerBound)" }
        let parts = [range.lowerBound > 0 ? "min: \(range.lowerBound)" : nil, range.upperBound < .max ? "max: \(range.upperBound)" : nil]
        return "{ " + parts.compactMap { $0 }.joined(separator: ", ") + " }"
    }

    func delivered(_ value: ExpectationValue) -> Result {
        guard case .map(let pairs, let position) = value else { return .invalid("expected a map such as { OnFailure: 1 }", value.position) }
        // Every key is read before any is checked: a route written twice is refused, whichever
        // of its counts the run would have failed first.
        var claims: [(written: String, route: Delivery.Route, range: ClosedRange<Int>)] = []
        for (key, item, keyPosition) in pairs {
            guard let route = ClaimWords.routes.canonical(key).flatMap(Delivery.Route.init(rawValue:)) else {
                return .invalid(ClaimWords.routes.refusal(key), keyPosition)
            }
            if let first = claims.first(where: { $0.route == route }) {
                return .invalid(Self.writtenTwice(key, first: first.written, route.rawValue), item.position)
            }
            switch claimedRange(item, for: key) {
            case .success(let range): claims.append((key, route, range))
            case .failure(let refusal): return refusal.result
            }
        }
        for (written, route, range) in claims {
            let actual = facts.deliveredCount(to: route)
            guard !range.contains(actual) else { continue }
            let expected = range.lowerBound == range.upperBound ? Self.counted(range.lowerBound, "messages") : "\(Self.describe(range)) messages"
            return .fail("expected \(expected) to \(written), the simulator delivered \(actual)\(endFacts)")
        }
        return .pass(pairs.map { "\($0.key): \($0.value.text ?? describe($0.value))" }.joined(separator: ", "))
    }
}
