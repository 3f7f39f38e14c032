import SiteBuilder
import Testing
import TestSupport

/// Notes with thousands of broken links are checked in time linear in their size: every link
/// is reported, and hints stay exact (issue 18, point 3: "Hostile sizes" in docs/reliability.md).
@Suite struct HostileSizeLinkTests {
    private func check(_ files: [String: String]) -> [String] {
        let fileSystem = MemoryFileSystem(files: files.reduce(into: [:]) { $0["site/" + $1.key] = $1.value })
        return SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem).printedDiagnostics
    }

    @Test func fiveThousandNearMissAnchorsEachGetTheirHeading() {
        let headings = (1...5_000).map { "## Heading \($0)\n\n" }.joined()
        let links = (1...5_000).map { "[near](#heading-\($0)x)\n\n" }.joined()
        let diagnostics = check(["content/a.md": "# Headings\n\n" + headings + links])
        #expect(diagnostics.count == 5_000)
        #expect(
            diagnostics.first == """
                content/a.md:10003:8: error: no heading or anchor '#heading-1x' on this page [link.broken-anchor]
                content/a.md:10003:8: note: did you mean '#heading-1'?
                """)
        #expect(
            diagnostics.last == """
                content/a.md:20001:8: error: no heading or anchor '#heading-5000x' on this page [link.broken-anchor]
                content/a.md:20001:8: note: did you mean '#heading-5000'?
                """)
        #expect(diagnostics.filter { $0.contains("note: did you mean") }.count == 5_000)
    }

    @Test func twentyThousandMissingNotesAndAnchorsAreAllReported() {
        var files = ["content/missing.md": "# Missing\n\n" + (1...2_000).map { "## Part \($0)\n\n" }.joined()]
        files["content/a.md"] = (1...10_000).map { "[m](missing-\($0).md) [a](missing.md#part-\($0)x)\n" }.joined()
        let diagnostics = check(files)
        #expect(diagnostics.count == 20_000)
        #expect(
            diagnostics.prefix(2) == [
                """
                content/a.md:1:5: error: link target 'missing-1.md' does not exist (looked for content/missing-1.md) [link.missing-file]
                content/a.md:1:5: note: did you mean 'missing.md'?
                """,
                """
                content/a.md:1:23: error: 'content/missing.md' has no heading or anchor '#part-1x' [link.broken-anchor]
                content/a.md:1:23: note: did you mean '#part-1'?
                """,
            ])
        // Hints stop where the note's budget does (20,000 of them cost more), and are exact until then.
        let missingFiles = diagnostics.filter { $0.contains("[link.missing-file]") }
        #expect(missingFiles.count == 10_000)
        #expect(missingFiles.prefix(1_000).allSatisfy { $0.hasSuffix("note: did you mean 'missing.md'?") })
        #expect(missingFiles.allSatisfy { !$0.contains("note:") || $0.hasSuffix("note: did you mean 'missing.md'?") })
        let anchors = diagnostics.filter { $0.contains("[link.broken-anchor]") }
        #expect(
            anchors.prefix(2_000).enumerated().allSatisfy { number, text in !text.contains("note:") || text.hasSuffix("did you mean '#part-\(number + 1)'?") })
    }
}
