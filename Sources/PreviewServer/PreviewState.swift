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

    /// Whether a rebuild is writing the preview now (a stop waits for it to end).
    public private(set) var isRebuilding = false

    /// Marks a rebuild as started.
    public func startRebuild() {
        isRebuilding = true
    }

    /// Records a finished rebuild; a new generation (open pages reload) only when the output
    /// or the problems changed. Why: an editor's backup file in content/, a `touch` or a save
    /// of the same bytes rebuilds nothing, and reloading every open page for it loses the
    /// reader's place for nothing.
    public func rebuilt(diagnostics: [Diagnostic], outputChanged: Bool) {
        isRebuilding = false
        guard outputChanged || generation == 0 || diagnostics != self.diagnostics else { return }
        generation += 1
        self.diagnostics = diagnostics
    }

    /// A failed build's problems and its generation, for the error page.
    public struct Failure: Sendable {
        public var diagnostics: [Diagnostic]
        public var generation: Int
    }

    /// The last build's problems if it failed; nil after a clean build.
    public func failure() -> Failure? {
        diagnostics.contains(where: \.isError) ? Failure(diagnostics: diagnostics, generation: generation) : nil
    }

    /// The server-sent event that describes the current state; its id is the build's
    /// generation, so an error page can tell whether it shows the latest build.
    func event() -> String {
        let errors = diagnostics.filter(\.isError)
        guard !errors.isEmpty else { return "id: \(generation)\nevent: ok\ndata: \(generation)\n\n" }
        let lines = errors.map { JSONString.quote($0.formatted) }.joined(separator: ",")
        return "id: \(generation)\nevent: errors\ndata: [\(lines)]\n\n"
    }
}
