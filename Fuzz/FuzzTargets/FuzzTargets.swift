import NotesCore
import SiteBuilder

/// What the fuzzers feed arbitrary bytes to, and what the tests replay the regression corpus
/// through. Each target must return for every input, without crashing, in bounded time.
public enum FuzzTargets {
    /// The bytes as the body of one scenario block: the scenario parser, AWS validation, the
    /// simulator, claim verification and the figure.
    public static func scenario(_ bytes: [UInt8]) {
        let note = Array("# F\n\n```scenario\n".utf8) + bytes + Array("\n```\n".utf8)
        page(note)
    }

    /// The bytes as a whole note: decoding, front matter, Markdown, links, scenarios and the
    /// rendered page.
    public static func page(_ bytes: [UInt8]) {
        let loaded = LoadStage.Output(notes: [("content/f.md", bytes), ("content/g.md", Array("# G\n\n## 節\n".utf8))])
        let result = SitePipeline.run(loaded: loaded, builtinTheme: BuiltinTheme.files)
        // Touch everything a build writes, so a problem in formatting surfaces here.
        for diagnostic in result.diagnostics { _ = diagnostic.formatted }
        for file in result.files {
            if case .bytes(let bytes) = file.content { _ = ContentHash.of(bytes) }
        }
    }
}
