import NotesCore

extension BuildManifest {
    /// The record of a build's output: kept notes' records as they were (an unchanged record
    /// is written back as it was read), with what changed assigned, and new records for the
    /// notes parsed now, made on every core (the summaries of 10,000 notes: anchors,
    /// references, sorted file links).
    ///
    /// `kept` is consumed: the records move into the manifest rather than being shared, so
    /// assigning to them does not copy all ten thousand again.
    static func assemble(
        globalKey: UInt64, contentKey: UInt64, toc: (key: UInt64, html: String)?, previous: BuildManifest?,
        kept: consuming [String: NoteRecord], renderKeys: [String: UInt64], links: [String: LinkCheckStage.Output],
        fresh: [Note], parsed: ParsedNotes, scenarios: [String: ScenarioStage.Output]
    ) -> BuildManifest {
        var manifest = BuildManifest(globalKey: globalKey, output: "")
        manifest.toc = toc
        manifest.contentKey = contentKey
        manifest.notes = consume kept
        // The last manifest's path order, which the encoder reuses when the paths are the same.
        manifest.sortedNotePaths = previous?.sortedNotePaths
        manifest.sortedFilePaths = previous?.sortedFilePaths
        for (path, key) in renderKeys where manifest.notes[path] != nil { manifest.notes[path]?.renderKey = key }
        for (path, result) in links where manifest.notes[path] != nil {
            manifest.notes[path]?.summary.linkDiagnostics = result.diagnostics
            manifest.notes[path]?.summary.linkedFiles = result.referencedFiles.sorted()
        }
        let records = ForkJoin.map(fresh) { note -> NoteRecord? in
            guard let hash = parsed.hashes[note.sourcePath] else { return nil }
            let result = scenarios[note.sourcePath]
            return NoteRecord(
                stamp: parsed.stamps[note.sourcePath] ?? FileStamp(size: -1, modified: -1), sourceHash: hash,
                renderKey: renderKeys[note.sourcePath] ?? 0, summary: NoteSummary(note, links: links[note.sourcePath] ?? LinkCheckStage.Output()),
                diagnostics: (parsed.problems[note.sourcePath] ?? []) + (result?.diagnostics ?? []),
                scenarios: result?.scenarios ?? 0, passed: result?.passed ?? 0, failed: result?.failed ?? 0)
        }
        manifest.notes.reserveCapacity(manifest.notes.count + records.count)
        for (note, record) in zip(fresh, records) where record != nil { manifest.notes[note.sourcePath] = record }
        return manifest
    }
}
