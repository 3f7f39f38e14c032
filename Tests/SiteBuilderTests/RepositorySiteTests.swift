import Foundation
import SiteBuilder
import Testing
import TestSupport

/// This repository's own study site (content/ at the package root) builds cleanly.
@Suite struct RepositorySiteTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func repositoryContentHasNoDiagnostics() {
        let result = SitePipeline.run(siteDirectory: Self.packageRoot, fileSystem: LocalFileSystem())
        #expect(result.printedDiagnostics == [])
        #expect(result.noteCount >= 5)
        #expect(result.expectationsPassed >= 20, "the site's notes verify at least 20 claims")
        #expect(result.expectationsFailed == 0)
    }
}
