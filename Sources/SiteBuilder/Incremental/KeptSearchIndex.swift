import NotesCore
import SearchIndex

/// An earlier build's search index, kept as it was by a build told not to index.
///
/// Why: `--no-search` makes a quick build; it must not throw away an index a full build
/// made (`search: false` in the settings, which turns search off for good, removes it). Pages built without search do not load it, so a kept index is
/// inert until the next build with search replaces it whole.
enum KeptSearchIndex {
    /// Whether a site-relative output path is part of the search index.
    static func contains(_ path: String) -> Bool {
        path.hasPrefix(IndexLayout.folder + "/")
    }

    /// The index's files an in-place build keeps: those the last build recorded.
    static func files(of previous: BuildManifest) -> [String: UInt64] {
        previous.files.filter { contains($0.key) }
    }

    /// Copies the index of the output being replaced into the staging folder of a whole
    /// build; returns how many files it copied (0 when there was none). A file that cannot be
    /// read is left out (the index is then incomplete, as a search build would not leave it).
    static func carry(from output: String, into spool: PageSpool, fileSystem: any FileSystem) -> Int {
        let paths = listing(Path.join(output, IndexLayout.folder), prefix: IndexLayout.folder, depth: 4, fileSystem: fileSystem)
        let copied = ForkJoin.map(paths) { path -> Bool in
            guard let bytes = try? fileSystem.readFile(Path.join(output, path)) else { return false }
            spool.put(OutputFile(path: path, content: .bytes(bytes)))
            return true
        }
        return copied.count { $0 }
    }

    /// The regular files under `folder` down to `depth` levels (the index has two), as paths
    /// starting with `prefix`; symbolic links and other kinds are not followed or copied.
    private static func listing(_ folder: String, prefix: String, depth: Int, fileSystem: any FileSystem) -> [String] {
        guard depth > 0, let entries = try? fileSystem.entries(ofDirectory: folder) else { return [] }
        var paths: [String] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            switch entry.kind {
            case .file: paths.append(prefix + "/" + entry.name)
            case .directory:
                paths += listing(Path.join(folder, entry.name), prefix: prefix + "/" + entry.name, depth: depth - 1, fileSystem: fileSystem)
            default: continue
            }
        }
        return paths
    }
}
