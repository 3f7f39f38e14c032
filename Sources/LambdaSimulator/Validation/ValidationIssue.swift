/// A way a scenario breaks AWS's documented limits or combination rules.
///
/// `parameter` is the dotted path of the offending setting as the scenario spells it
/// (`EventInvokeConfig.MaximumRetryAttempts`), so the scenario parser can point at its line.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule is broken.
    public enum Kind: String, Sendable, Hashable {
        /// A value outside AWS's range.
        case range
        /// Settings AWS rejects together.
        case combination
        /// A setting that does not exist for this mode or source.
        case unsupported
        /// A simulator limit, not an AWS one.
        case limit
    }

    public var kind: Kind
    public var parameter: String
    public var message: String
    /// The reference rule that sets the limit (`A5`), if any.
    public var rule: String?

    public init(_ kind: Kind, parameter: String, _ message: String, rule: String?) {
        self.kind = kind
        self.parameter = parameter
        self.message = message
        self.rule = rule
    }

    public var description: String {
        rule.map { "\(parameter): \(message) [\($0)]" } ?? "\(parameter): \(message)"
    }
}
