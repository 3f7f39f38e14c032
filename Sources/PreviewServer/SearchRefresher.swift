import Foundation
import NotesCore
import SiteBuilder

/// Keeps the preview's search index current without slowing down reloads.
///
/// After each successful rebuild the preview folder is indexed in the background, one run
/// at a time; rebuilds that finish during a run are folded into one more run. The index is
/// written to a fresh folder and then moved into place, so a search never reads half of it.
final class SearchRefresher: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var pending = false
    private var warned = false
    private let queue = DispatchQueue(label: "notesim.preview.search")
    private let siteFolder: String
    private let indexFolder: String
    private let fileSystem: any FileSystem
    private let executable: String?
    private let log: @Sendable (String) -> Void

    /// - Parameters:
    ///   - siteFolder: the built preview site.
    ///   - indexFolder: the folder that ends up holding `pagefind/`.
    init(siteFolder: String, indexFolder: String, fileSystem: any FileSystem, log: @escaping @Sendable (String) -> Void) {
        self.siteFolder = siteFolder
        self.indexFolder = indexFolder
        self.fileSystem = fileSystem
        self.executable = PagefindIndexer.locate()
        self.log = log
    }

    /// Asks for the index to be rebuilt soon.
    func refresh() {
        lock.lock()
        defer { lock.unlock() }
        if running {
            pending = true
            return
        }
        running = true
        queue.async { self.runUntilCurrent() }
    }

    /// Blocks until no indexing run is in progress or pending (for tests).
    func waitUntilIdle() {
        while true {
            queue.sync {}
            lock.lock()
            let busy = running
            lock.unlock()
            if !busy { return }
        }
    }

    private func runUntilCurrent() {
        while true {
            indexOnce()
            lock.lock()
            if pending {
                pending = false
                lock.unlock()
                continue
            }
            running = false
            lock.unlock()
            return
        }
    }

    private func indexOnce() {
        try? fileSystem.createDirectory(indexFolder)
        let report = PagefindIndexer(executable: executable)
            .indexReplacing(folder: siteFolder, bundlePath: Path.join(indexFolder, PagefindIndexer.bundleFolder), fileSystem: fileSystem)
        guard report.pages == nil else { return }
        lock.lock()
        let first = !warned
        warned = true
        lock.unlock()
        if first { for diagnostic in report.diagnostics { log(diagnostic.formatted) } }
    }
}
