import LambdaSimulator

/// Claims about execution environments (X1, X2, X6): `cold-starts`, `init-durations` and
/// `latency`.
///
/// Why apart from `Checker`: they are read from their own columns of `ClaimFacts`, and
/// `cold-starts` takes either a count or the times, as a note may say "one cold start" or
/// "a cold start at 0 s and at 11 min".
extension Checker {
    func environmentClaim(_ key: ClaimKey, _ value: ExpectationValue) -> Result {
        switch key {
        case .coldStarts:
            if case .map(let pairs, _) = value, Set(pairs.map(\.key)).isSubset(of: ["min", "max"]) {
                return count(value, actual: facts.coldStartTimes.count, noun: "cold starts", facts: "t = " + times(facts.coldStartTimes))
            }
            if let text = value.text, Int(text) != nil {
                return count(value, actual: facts.coldStartTimes.count, noun: "cold starts", facts: "t = " + times(facts.coldStartTimes))
            }
            return timeList(value, actual: facts.coldStartTimes, noun: "cold starts")
        case .initDurations:
            return timeList(value, actual: facts.initDurations, noun: "Init durations")
        default:
            return timeList(value, actual: facts.latencyColumn, noun: "latencies")
        }
    }
}
