/// One code block to highlight: its language (the first word of its info string) and code.
public struct HighlightRequest: Hashable, Sendable {
    public var language: String
    public var code: String

    public init(language: String, code: String) {
        self.language = language
        self.code = code
    }
}

/// Highlights code blocks, all of a build's at once.
///
/// One call per build (never one per block): the highlighter is another program, and
/// starting it costs more than highlighting dozens of blocks. Injected through
/// `SitePipeline.Options.highlighter`, so that tests can count calls or stand in a
/// highlighter that is not installed.
public protocol Highlighter: Sendable {
    /// What the output depends on besides a block's language and code (the program and its
    /// settings): part of every cache key, so changing it invalidates cached blocks.
    var identity: String { get }

    /// For each request in order, the HTML for inside `<code>` (text escaped, tokens in
    /// `<span class>`), or nil when the language is unknown; or why nothing could be highlighted.
    func highlight(_ requests: [HighlightRequest]) -> Result<[String?], HighlighterFailure>
}

/// Why a highlighter produced nothing: the text ends up in the build's one warning.
public struct HighlighterFailure: Error, Equatable, Sendable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
