import NotesCore

/// A scenario's event log written as a page of its own beside its note's page, when it is
/// longer than a figure shows (`EventLog.inlineRows`).
///
/// Why a page: a log of thousands of rows inside the note made the page weigh megabytes for
/// a table few readers open; the figure keeps a link, and the page loads only when followed.
public struct ScenarioLog: Sendable, Codable, Equatable {
    /// The `<table>` of the kept entries (UTF-8 HTML).
    public var table: String
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

    /// The page of the log of scenario `slot` of the note written at `outputPath`
    /// (`lambda/invocation.html` -> `lambda/invocation.scenario-2.log.html`).
    public static func path(of outputPath: String, slot: Int) -> String {
        let stem = outputPath.hasSuffix(".html") ? String(outputPath.dropLast(5)) : outputPath
        return "\(stem).scenario-\(slot).log.html"
    }

    /// The link to it from its note's page (same folder), percent-encoded.
    public static func href(of outputPath: String, slot: Int) -> String {
        let name = path(of: outputPath, slot: slot).split(separator: "/").last.map(String.init) ?? ""
        return PercentEncoding.encodePath(name)
    }

    /// Whether a path has the shape of a log page, which notes and linked files may not take.
    static func isLogPath(_ path: String) -> Bool {
        guard path.hasSuffix(".log.html") else { return false }
        let parts = path.dropLast(9).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last, last.hasPrefix("scenario-") else { return false }
        let number = last.dropFirst(9)
        return !number.isEmpty && number.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
