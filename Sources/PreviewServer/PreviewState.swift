import NotesCore
import SiteBuilder

/// What the preview knows about the latest build: a generation number that changes on every
/// rebuild, and the problems of the last build (shown in the browser until fixed).
public actor PreviewState {
    public private(set) var generation = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// The manifest of the preview's last successful build, for the next incremental one.
    public private(set) var manifest: BuildManifest?

    public init() {}

    /// Keeps the manifest of a successful build.
    public func remember(_ manifest: BuildManifest) {
        self.manifest = manifest
    }

    /// Records a finished rebuild.
    public func rebuilt(diagnostics: [Diagnostic]) {
        generation += 1
        self.diagnostics = diagnostics
    }

    /// The server-sent event that describes the current state.
    func event() -> String {
        let errors = diagnostics.filter(\.isError)
        guard !errors.isEmpty else { return "event: ok\ndata: \(generation)\n\n" }
        let lines = errors.map { JSONString.quote($0.formatted) }.joined(separator: ",")
        return "event: errors\ndata: [\(lines)]\n\n"
    }
}
