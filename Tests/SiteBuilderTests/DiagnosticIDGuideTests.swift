import Foundation
import Testing

/// The guide's lists of diagnostic ids name every id the sources emit, so that a reader who
/// meets `[file.too-large]` or `[scenario.range]` finds it there.
@Suite struct DiagnosticIDGuideTests {
    /// The families of diagnostic ids (the part before the dot).
    static let families = [
        "link", "image", "frontmatter", "config", "template", "yaml", "file", "output", "site", "highlight", "scenario", "expect", "new", "init",
        "publish", "serve", "simulate",
    ]
    /// Literals of those families that are not ids: `expect.tolerance` is the key path a
    /// tolerance's duration errors name (their id is `scenario.duration`).
    static let notIDs: Set<String> = ["expect.tolerance"]

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every string literal `"family.name"` outside comments in Sources/.
    static func emittedIDs() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: "\"((?:\(families.joined(separator: "|")))\\.[a-z][a-z-]*)\"")
        var ids: Set<String> = []
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let line = String(line)
                for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    if let range = Range(match.range(at: 1), in: line) { ids.insert(String(line[range])) }
                }
            }
        }
        return ids.subtracting(notIDs)
    }

    @Test func theGuideListsEveryEmittedID() throws {
        let guide = try String(contentsOf: Self.root.appendingPathComponent("content/guide/index.md"), encoding: .utf8)
        let ids = try Self.emittedIDs()
        #expect(ids.contains("file.too-large") && ids.contains("scenario.range") && ids.contains("expect.mode"), "the scan finds the ids")
        let missing = ids.filter { !guide.contains("`\($0)`") }.sorted()
        #expect(missing == [])
    }
}
