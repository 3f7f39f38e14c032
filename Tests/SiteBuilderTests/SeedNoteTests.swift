import Foundation
import SiteBuilder
import Testing
import TestSupport

/// The user's real note (../shared/seeds), tried as a new user would: every broken link,
/// anchor and image is reported at its line in one run.
@Suite struct SeedNoteTests {
    static let seedPath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds/lambda-invocation-note.md").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPath), "the seed note lives in ../shared"))
    func everyProblemOfTheSeedIsReportedAtItsLine() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.seedPath))
        let fileSystem = MemoryFileSystem()
        fileSystem.add("site/content/lambda.md", bytes: [UInt8](bytes))
        let result = SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem)
        let summary = result.diagnostics.map { "\($0.position?.line ?? 0):\($0.id)" }
        #expect(
            summary == [
                "7:image.missing", "11:link.missing-file", "31:image.missing", "41:image.missing",
                "58:image.missing", "62:link.missing-file", "68:link.broken-anchor", "78:link.missing-file",
                "104:link.broken-anchor",
            ])
        let anchors = result.diagnostics.filter { $0.id == "link.broken-anchor" }
        #expect(anchors.map(\.hint) == Array(repeating: "did you mean '#バッチ処理のタイミングのカスタマイズ'?", count: 2))
        #expect(anchors.map(\.position?.column) == [64, 33])
    }
}
