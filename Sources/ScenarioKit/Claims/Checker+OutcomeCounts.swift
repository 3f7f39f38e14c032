import LambdaSimulator

extension Checker {
    /// How many inputs ended in each outcome, by the outcome's name (an input in two outcomes
    /// counts in both), for the `outcomes` claim; outcomes no input reached are left out.
    ///
    /// Counted by position in `Outcome.allCases` and named once per outcome: naming each
    /// input's outcome and hashing the name cost a claim over a long scenario more than
    /// simulating it.
    static func outcomeCounts(_ outcomes: [Int: [Outcome]]) -> [String: Int] {
        var counts = [Int](repeating: 0, count: Outcome.allCases.count)
        for list in outcomes.values {
            for outcome in list { counts[OutcomeSet(outcome).rawValue.trailingZeroBitCount] += 1 }
        }
        var named: [String: Int] = [:]
        for (index, outcome) in Outcome.allCases.enumerated() where counts[index] > 0 {
            named[outcome.rawValue] = counts[index]
        }
        return named
    }
}
