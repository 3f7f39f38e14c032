import NotesCore

/// A scenario's event log, written with the other long logs of its note on one page beside
/// the note's page, when it is longer than a figure shows (`EventLog.inlineRows`).
///
/// Why a page: a log of thousands of rows inside the note made the page weigh megabytes for
/// a table few readers open; the figure keeps a link, and the page loads only when followed.
/// Why one page per note: each page repeats the site's header and head (about 2 KB), which
/// was a third of a typical log's page.
public struct ScenarioLog: Sendable, Equatable {
    /// The list of the kept entries (UTF-8 HTML), as the writer made it.
    ///
    /// Why bytes and not a `String`: the log is only ever copied into its page, and decoding
    /// a long log into a `String` (validating every byte) cost more than writing it.
    public var table: [UInt8]
    /// Entries the run made in all, and how many of the first the table lists (the trace
    /// keeps its first `ScenarioRunner.detailLimit`; the table leaves out receives, which the
    /// starts after them show).
    public var entries: Int
    public var kept: Int

    /// Whether the run made more entries than the table lists.
    public var isCut: Bool { kept < entries }
    /// The scenario's title, for the page's heading.
    public var title: String
    public var language: String

    /// The page of the long logs of the note written at `outputPath`
    /// (`lambda/invocation.html` -> `lambda/invocation.event-log.html`).
    public static func path(of outputPath: String) -> String {
        let stem = outputPath.hasSuffix(".html") ? String(outputPath.dropLast(5)) : outputPath
        return "\(stem).event-log.html"
    }

    /// The link from a note's figure `slot` to its log (same folder), percent-encoded.
    public static func href(of outputPath: String, slot: Int) -> String {
        // The name after the last `/`, found in the UTF-8 (splitting the string compared
        // whole characters, for every figure with a log).
        PercentEncoding.encodePath(Path.lastComponent(of: path(of: outputPath))) + "#scenario-\(slot)"
    }

    /// Whether a path has the shape of a log page, which notes and linked files may not take.
    static func isLogPath(_ path: String) -> Bool {
        var folder = Substring(path)
        while folder.utf8.last == UInt8(ascii: "/") { folder = folder.dropLast() }
        let name = Path.lastComponent(of: String(folder))
        return name.hasSuffix(".event-log.html") && name.utf8.count > ".event-log.html".utf8.count
    }
}

/// The cache's JSON shape of a log: the table as a string, so entries read and write as
/// they did when the table was a `String`.
extension ScenarioLog: Codable {
    private enum CodingKeys: String, CodingKey { case table, entries, kept, title, language }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        table = Array(try container.decode(String.self, forKey: .table).utf8)
        entries = try container.decode(Int.self, forKey: .entries)
        kept = try container.decode(Int.self, forKey: .kept)
        title = try container.decode(String.self, forKey: .title)
        language = try container.decode(String.self, forKey: .language)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(decoding: table, as: UTF8.self), forKey: .table)
        try container.encode(entries, forKey: .entries)
        try container.encode(kept, forKey: .kept)
        try container.encode(title, forKey: .title)
        try container.encode(language, forKey: .language)
    }
}
