import NotesCore
import SearchIndex

/// The step that writes the search index: from the pages rendered in this run, and, in an
/// incremental build, the index the last build left.
///
/// When every page was rendered (a full build, or a change every page shows, such as a new
/// note) the index is built whole. Otherwise the pages are the same ones as last time and
/// only the rendered ones may have changed: `SearchIndexPatch` rewrites their shards and
/// chunks and every other index file is kept. Should the old index be unreadable, the notes
/// not rendered are parsed again and the index is built whole.
struct SearchFiles {
    /// Index files written in this run.
    var files: [OutputFile] = []
    /// The pages' kept terms written in this run, by path in the state folder (`KeptTerms`).
    var keptTerms: [OutputFile] = []
    /// Index files kept from the last build: path and content hash.
    var kept: [String: UInt64] = [:]

    init(notes: [Note], fresh: [String: CountedDocument], previous: BuildManifest?, reuse: SitePipeline.Reuse?) {
        let notes = notes.sorted { $0.outputPath < $1.outputPath }
        if notes.allSatisfy({ fresh[$0.outputPath] != nil }) {
            (files, keptTerms) = Self.outputFiles(SearchIndexWriter.build(notes.map { fresh[$0.outputPath]! }))
            return
        }
        var changed: [Int: CountedDocument] = [:]
        for (id, note) in notes.enumerated() { changed[id] = fresh[note.outputPath] }
        if let previous, let readOutput = reuse?.readOutput, let readState = reuse?.readState,
            let patch = SearchIndexPatch.apply(
                read: readOutput, readKept: readState, urls: notes.map { OutputPaths.url(of: $0.outputPath, from: "index.html") }, changed: changed)
        {
            (files, keptTerms) = Self.outputFiles(patch.files)
            let written = Set(patch.files.site.map(\.path))
            for (path, hash) in previous.files where path.hasPrefix(IndexLayout.folder + "/") {
                if !written.contains(path), !patch.removed.contains(path) { kept[path] = hash }
            }
            return
        }
        let documents = ForkJoin.map(notes) { note -> CountedDocument in
            if let document = fresh[note.outputPath] { return document }
            let reparsed = reuse?.read(note.sourcePath).flatMap { ParseStage.parse(sourcePath: note.sourcePath, bytes: $0, prose: true).0 }
            return (reparsed ?? note).countedTerms
        }
        (files, keptTerms) = Self.outputFiles(SearchIndexWriter.build(documents))
    }

    private static func outputFiles(_ files: SearchIndexWriter.Files) -> (site: [OutputFile], kept: [OutputFile]) {
        (files.site.map { OutputFile(path: $0.path, content: .bytes($0.bytes)) }, files.kept.map { OutputFile(path: $0.path, content: .bytes($0.bytes)) })
    }
}
