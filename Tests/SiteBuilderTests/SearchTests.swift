import Foundation
import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Search: the box in the default templates, the `search` setting, and the indexing step
/// that runs on the staging folder before it is published. (The browser test that types a
/// Japanese query is in NotesCLITests/SearchBrowserTests.swift.)
@Suite struct SearchTests {
    /// Records the folder it indexed and writes a stand-in index there.
    private final class RecordingIndexer: SearchIndexer, @unchecked Sendable {
        var folders: [String] = []

        func index(folder: String, bundlePath: String?, fileSystem: any FileSystem) -> SearchIndexReport {
            folders.append(folder)
            try? fileSystem.createDirectory(Path.join(folder, "pagefind"))
            try? fileSystem.writeFile(Path.join(folder, "pagefind/pagefind-entry.json"), contents: Array("{}".utf8))
            return SearchIndexReport(pages: 2)
        }
    }

    @Test func pagesHaveASearchBoxThatFindsTheIndexFromAnyDepth() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n", "s/content/lambda/b.md": "# B\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.text(at: "a.html")?.contains("<div class=\"site-search\" role=\"search\" data-bundle=\"pagefind/\" hidden></div>") == true)
        #expect(result.text(at: "lambda/b.html")?.contains("data-bundle=\"../pagefind/\"") == true)
        #expect(result.text(at: "a.html")?.contains("<main id=\"content\" class=\"content\" data-pagefind-body>") == true)
        // The 404 page is not a search result.
        #expect(result.text(at: "404.html")?.contains("<main id=\"content\" class=\"content\">") == true)
    }

    @Test func searchFalseRemovesTheBox() {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "search: false\n", "s/content/a.md": "# A\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.config.search == false)
        #expect(result.text(at: "a.html")?.contains("site-search") == false)
    }

    @Test func searchMustBeABoolean() {
        let (_, problems) = SiteConfig.parse("search: maybe\n", path: "notesim.yml")
        #expect(problems.map(\.formatted) == ["notesim.yml:1:9: error: 'search' must be true or false, not 'maybe' [config.type]"])
    }

    @Test func theIndexIsBuiltInStagingAndPublishedWithThePages() throws {
        let fileSystem = MemoryFileSystem(files: ["site/content/a.md": "# A\n"])
        let result = SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem)
        let indexer = RecordingIndexer()
        let report = try WriteStage.write(result.files, to: "site/public", siteDirectory: "site", fileSystem: fileSystem, indexer: indexer)
        #expect(indexer.folders == ["site/public.notesim-staging"])
        #expect(report?.pages == 2)
        #expect(fileSystem.tree(under: "site/public")["pagefind/pagefind-entry.json"] == "{}")
    }

    @Test func aMissingPagefindIsAWarningWithTheInstallCommand() {
        let report = PagefindIndexer(executable: nil).index(folder: "site/public", fileSystem: MemoryFileSystem(files: [:]))
        #expect(report.pages == nil)
        #expect(
            report.diagnostics.map(\.formatted) == [
                """
                notesim.yml: warning: search index not built: Pagefind is not installed; the pages are built without search [search.unavailable]
                notesim.yml: note: install it with 'pip install pagefind-bin-extended', or set 'search: false' in notesim.yml
                """
            ])
    }

    /// Counts how often Pagefind was looked for.
    private final class LookupCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        var count: Int { lock.withLock { calls } }
        func locate() -> String? {
            lock.withLock { calls += 1 }
            return nil
        }
    }

    @Test func pagefindIsLookedForOnlyWhenTheSiteIsIndexed() {
        for (settings, lookups) in [("search: false\n", 0), ("search: true\n", 1)] {
            let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": settings, "s/content/a.md": "# A\n"])
            let counter = LookupCounter()
            let report = SiteBuild.run(
                siteDirectory: "s", output: "s/public", fileSystem: fileSystem, options: .init(),
                indexer: PagefindIndexer(locatingWith: { counter.locate() }), incremental: false)
            #expect(report.writeError == nil)
            #expect(counter.count == lookups, "\(settings)")
            #expect(report.search?.diagnostics.map(\.id) == (lookups == 0 ? nil : ["search.unavailable"]))
        }
    }

    @Test func aConfiguredExecutableThatDoesNotExistIsNotUsed() {
        #expect(PagefindIndexer.locate(environment: ["NOTESIM_PAGEFIND": "/no/such/pagefind", "PATH": "/usr/bin"]) == nil)
    }

    @Test func readsThePageCountFromPagefindsSummary() {
        #expect(PagefindIndexer.indexedPages(in: "Total: \n  Indexed 2 languages\n  Indexed 7 pages\n  Indexed 1651 words\n") == 7)
        #expect(PagefindIndexer.indexedPages(in: "nothing here") == nil)
    }

    @Test func theEntryFileIsRewrittenWithSortedKeys() {
        let fileSystem = MemoryFileSystem(files: [
            "p/pagefind-entry.json": #"{"version":"1.5.2","languages":{"ja":{"page_count":6},"en":{"page_count":1}}}"#
        ])
        PagefindIndexer.sortEntryFile(in: "p", fileSystem: fileSystem)
        #expect(fileSystem.tree(under: "p")["pagefind-entry.json"] == #"{"languages":{"en":{"page_count":1},"ja":{"page_count":6}},"version":"1.5.2"}"#)
    }
}

/// The pipeline reports each note, scenario and page as it is done.
@Suite struct BuildProgressTests {
    private final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [BuildProgress] = []
        var all: [BuildProgress] {
            get { lock.withLock { reports } }
            set { lock.withLock { reports = newValue } }
        }

        func append(_ report: BuildProgress) {
            lock.withLock { reports.append(report) }
        }
    }

    @Test func everyStageCountsUpToItsTotal() {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": "# A\n\n```scenario\nmode: sync\nevents:\n  - at: 0s\n```\n",
            "s/content/b.md": "# B\n",
        ])
        let reports = Reports()
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem, options: .init(progress: { reports.append($0) }))
        // Notes and pages are done on every core: reports of one stage may arrive in any order.
        let sorted = reports.all.sorted { ($0.stage.ordinal, $0.done) < ($1.stage.ordinal, $1.done) }
        #expect(
            sorted == [
                BuildProgress(.notes, done: 1, total: 2), BuildProgress(.notes, done: 2, total: 2),
                BuildProgress(.scenarios, done: 1, total: 1),
                BuildProgress(.pages, done: 1, total: 2), BuildProgress(.pages, done: 2, total: 2),
            ])
        reports.all = []
        _ = try? WriteStage.write(result.files, to: "s/public", siteDirectory: "s", fileSystem: fileSystem, progress: { reports.append($0) })
        #expect(reports.all == [BuildProgress(.files, done: result.files.count, total: result.files.count)])
    }
}
