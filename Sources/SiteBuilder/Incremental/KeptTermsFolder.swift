import NotesCore
import SearchIndex

/// Writes the search index's kept terms into the build's state folder, beside the manifest.
///
/// Why apart from `WriteStage`: these files are not part of the site. They only let the
/// next build patch the index after an edit (`SearchIndexPatch` takes an edited page's old
/// terms from them); a patch checks them against the published title chunks first, so a
/// build stopped between the two only costs that next build a whole index.
enum KeptTermsFolder {
    /// Writes `files` (paths relative to the state folder), on every core; a whole build
    /// also removes the chunks it did not write (a site that shrank, or turned search off),
    /// unless it kept an earlier build's index (`--no-search`), and the pages' texts that
    /// builds before kept terms left there.
    static func write(_ files: [OutputFile], whole: Bool, target: SiteBuild.Target) throws {
        let fileSystem = target.fileSystem
        let folder = Path.join(target.state.folder, IndexLayout.keptTermsFolder)
        if !files.isEmpty { try fileSystem.createDirectory(folder) }
        let failures = ForkJoin.map(files) { file -> String? in
            guard case .bytes(let bytes) = file.content else { return nil }
            do {
                try fileSystem.replaceFile(Path.join(target.state.folder, file.path), contents: bytes)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw Diagnostic.error("output.write-failed", path: folder, at: nil, "could not keep the search index's terms: \(failure)")
        }
        guard whole, !target.keepsSearchIndex else { return }
        try? fileSystem.removeItem(Path.join(target.state.folder, IndexLayout.formerTextsFolder))
        guard let entries = try? fileSystem.entries(ofDirectory: folder) else { return }
        let written = Set(files.map { Path.lastComponent(of: $0.path) })
        for entry in entries where !written.contains(entry.name) {
            try? fileSystem.removeItem(Path.join(folder, entry.name))
        }
    }
}
