/// A problem found in the input, as a value: where, how bad, what, and what may fix it.
///
/// Printed compiler-style as `path:line:col: severity: message [id]` (see
/// `Diagnostic+Formatting.swift`).
public struct Diagnostic: Hashable, Sendable, Error, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable, Codable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable, dotted identifier such as `link.broken-anchor`, for filtering and docs.
    public var id: String
    public var severity: Severity
    /// The file the problem is in, relative to the site directory (`content/a.md`).
    public var path: String
    /// Where in the file; nil for problems about a whole file or the whole site.
    public var position: SourcePosition?
    /// One line saying what is wrong.
    public var message: String
    /// An optional suggestion, printed as a `note:` line after the diagnostic.
    public var hint: String?

    public init(
        _ severity: Severity,
        id: String,
        path: String,
        at position: SourcePosition?,
        _ message: String,
        hint: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// Creates an error diagnostic.
    public static func error(
        _ id: String, path: String, at position: SourcePosition?, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, id: id, path: path, at: position, message, hint: hint)
    }

    /// Creates a warning diagnostic.
    public static func warning(
        _ id: String, path: String, at position: SourcePosition?, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, id: id, path: path, at: position, message, hint: hint)
    }

    /// Whether this diagnostic fails a build.
    public var isError: Bool { severity == .error }
}

extension Diagnostic: Comparable {
    /// Orders diagnostics by file, then position, then id: the order they are printed in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.path, lhs.position?.line ?? 0, lhs.position?.column ?? 0, lhs.id, lhs.message)
        let right = (rhs.path, rhs.position?.line ?? 0, rhs.position?.column ?? 0, rhs.id, rhs.message)
        return left < right
    }
}
