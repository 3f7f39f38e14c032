import NotesCore

/// Builds a search index inside a written site folder, before the folder is published.
///
/// `WriteStage` calls it on the staging folder, so the index appears together with the
/// pages it describes. A missing or failing indexer is a warning: the site still builds.
public protocol SearchIndexer: Sendable {
    /// Indexes the HTML pages under `folder`, writing the index to `bundlePath` (default:
    /// `pagefind/` inside the folder).
    func index(folder: String, bundlePath: String?, fileSystem: any FileSystem) -> SearchIndexReport
}

extension SearchIndexer {
    /// Indexes the HTML pages under `folder` into `pagefind/` inside it.
    public func index(folder: String, fileSystem: any FileSystem) -> SearchIndexReport {
        index(folder: folder, bundlePath: nil, fileSystem: fileSystem)
    }

    /// Indexes `folder` into a fresh bundle beside `bundlePath` and swaps it in only when
    /// indexing succeeded, so a search never reads half an index (a failed run leaves the
    /// old one).
    public func indexReplacing(folder: String, bundlePath live: String, fileSystem: any FileSystem) -> SearchIndexReport {
        let fresh = live + ".notesim-new"
        try? fileSystem.removeItem(fresh)
        let report = index(folder: folder, bundlePath: fresh, fileSystem: fileSystem)
        guard report.pages != nil, fileSystem.kind(of: fresh) == .directory else {
            try? fileSystem.removeItem(fresh)
            return report
        }
        if fileSystem.kind(of: live) == .directory, (try? fileSystem.exchangeItems(fresh, live)) != nil {
            try? fileSystem.removeItem(fresh)
        } else {
            try? fileSystem.removeItem(live)
            try? fileSystem.moveItem(fresh, to: live)
        }
        return report
    }
}

/// What one indexing run did.
public struct SearchIndexReport: Sendable, Equatable {
    /// Pages indexed; nil when no index was built.
    public var pages: Int?
    /// Warnings: why there is no index, or what the indexer complained about.
    public var diagnostics: [Diagnostic]
    /// Wall-clock seconds the indexer took.
    public var seconds: Double

    public init(pages: Int?, diagnostics: [Diagnostic] = [], seconds: Double = 0) {
        self.pages = pages
        self.diagnostics = diagnostics
        self.seconds = seconds
    }
}
