import LambdaSimulator
import NotesCore

/// A scenario block once parsed: the simulator's input, the claims to verify, and where in
/// the note each key stands.
public struct ScenarioDocument: Sendable {
    public var title: String
    public var spec: ScenarioSpec
    public var expectations: [Expectation]
    /// Rendering choices (`show:`).
    public var linearAxis: Bool
    public var language: String?
    /// Where each key path stands in the note (`EventInvokeConfig.MaximumRetryAttempts`).
    public var positions: KeyPositions
    /// Where the block's content starts.
    public var start: SourcePosition
    /// Assumptions the scenario named in `assume:`.
    public var namedAssumptions: [Assumptions.Name]
    /// Where the configuration breaks AWS's rules (a claim of `rejected` may expect them).
    public var validationIssues: [ValidationIssue] = []

    /// The diagnostic for a validation issue, at the offending key's value.
    public func diagnostic(for issue: ValidationIssue, path: String) -> Diagnostic {
        let id =
            switch issue.kind {
            case .range: "scenario.range"
            case .combination: "scenario.combination"
            case .unsupported: "scenario.unsupported"
            case .limit: "scenario.limit"
            }
        let message = issue.rule.map { "\(issue.message) (rule \($0))" } ?? issue.message
        return .error(id, path: path, at: position(of: issue.parameter), message)
    }

    /// The position of a key path, or of its closest ancestor that has one.
    public func position(of path: String) -> SourcePosition {
        var key = path
        while true {
            if let position = positions[key] { return position }
            guard let dot = key.lastIndex(of: ".") else { return start }
            key = String(key[..<dot])
        }
    }
}

/// One claim of `expect:`, with its position.
public struct Expectation: Sendable {
    public var key: ClaimKey
    public var value: ExpectationValue
    public var position: SourcePosition
    /// Per-key tolerance for times, ms.
    public var tolerance: Int64?
}

/// The value of an expectation, as written (YAML scalars, lists and maps).
public indirect enum ExpectationValue: Sendable, Equatable {
    case scalar(String, SourcePosition)
    case list([ExpectationValue], SourcePosition)
    /// A mapping's pairs, each with where its key is written (a word that names nothing is
    /// reported there), and where the mapping starts.
    case map([Pair], SourcePosition)

    /// One key of a mapping, its value, and where the key is written.
    public typealias Pair = (key: String, value: ExpectationValue, keyPosition: SourcePosition)

    public static func == (lhs: ExpectationValue, rhs: ExpectationValue) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a, _), .scalar(let b, _)): a == b
        case (.list(let a, _), .list(let b, _)): a == b
        case (.map(let a, _), .map(let b, _)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public var position: SourcePosition {
        switch self {
        case .scalar(_, let position), .list(_, let position), .map(_, let position): position
        }
    }

    public var text: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }
}
