import NotesCore
import SiteBuilder

/// What the fuzzers feed arbitrary bytes to, and what the tests replay the regression corpus
/// through. Each target must return for every input, without crashing, in bounded time.
public enum FuzzTargets {
    /// The bytes as the body of one scenario block: the scenario parser, AWS validation, the
    /// simulator, claim verification and the figure.
    public static func scenario(_ bytes: [UInt8]) {
        let text = Array("# F\n\n```scenario\n".utf8) + bytes + Array("\n```\n".utf8)
        guard let note = ParseStage.parse(sourcePath: "content/f.md", bytes: text).0 else { return }
        let output = ScenarioStage.run(note, language: "ja", theme: theme, limits: limits.simulation)
        for diagnostic in output.diagnostics { _ = diagnostic.formatted }
    }

    /// The built-in theme, which draws the figures.
    static let theme = Theme.load(builtin: BuiltinTheme.files, overrides: []).0

    /// Limits small enough that no input makes a simulation run for long under the
    /// sanitizers; the limits themselves are part of what is exercised.
    static let limits: SiteConfig.Limits = {
        var limits = SiteConfig.Limits()
        limits.records = 2_000
        limits.horizon = 86_400_000
        limits.noteSize = 65_536
        limits.steps = 200_000
        return limits
    }()

    /// The bytes as a whole note: decoding, front matter, Markdown, links, scenarios and the
    /// rendered page.
    public static func page(_ bytes: [UInt8]) {
        // The same limits, through the settings file.
        let config = SourceFile(
            path: SiteConfig.fileName,
            text: """
                limits: { records: \(limits.records), horizon: \(limits.horizon)ms, note-size: \(limits.noteSize), steps: \(limits.steps) }

                """)
        let loaded = LoadStage.Output(config: config, notes: [("content/f.md", bytes), ("content/g.md", Array("# G\n\n## 節\n".utf8))])
        let result = SitePipeline.run(loaded: loaded, builtinTheme: BuiltinTheme.files)
        // Touch everything a build writes, so a problem in formatting surfaces here.
        for diagnostic in result.diagnostics { _ = diagnostic.formatted }
        for file in result.files {
            if case .bytes(let bytes) = file.content { _ = ContentHash.of(bytes) }
        }
    }
}
