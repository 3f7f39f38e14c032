import NotesCore

/// Why a YAML text has no node: its diagnostics, in document order (several when a mapping
/// has several duplicate keys).
public struct YAMLFailure: Error, Sendable, Equatable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
