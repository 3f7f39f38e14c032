import NotesCore

/// Which pages a build renders: new and changed notes, and kept notes whose page shows
/// something that changed (a neighbour's title, the list of notes on the home page).
struct RenderPlan {
    /// Render keys that are not the recorded ones (every fresh note's, and kept notes' whose
    /// neighbours or navigation changed), by source path.
    var newKeys: [String: UInt64] = [:]
    /// Output paths of the pages to render.
    var toRender: Set<String> = []

    /// Compares each note's render key with the one recorded for it, on every core.
    init(site: SiteNotes, plan: BuildPlan, parsed: ParsedNotes, globalKey: UInt64, tocKey: UInt64) {
        // Read-only copies for the workers (the dictionaries themselves are shared, not copied).
        let (keptRecords, parsedHashes) = (plan.kept, parsed.hashes)
        let previousFiles = plan.previous?.files ?? [:]
        // With the navigation of the last build (the sidebar's key says so; the key is also
        // the settings', and a kept note has its bytes), a kept note's render key is the one
        // recorded: nothing else goes into it.
        let sameNavigation = plan.previous?.toc?.key == tocKey && site.byOutput.count == site.notes.count
        let keyed = ForkJoin.map(site.notes) { note -> (key: UInt64, changed: Bool, render: Bool) in
            let record = keptRecords[note.sourcePath]
            if sameNavigation, let record { return (record.renderKey, false, previousFiles[note.outputPath] == nil) }
            let key = SitePipeline.renderKey(
                note: note, sourceHash: record?.sourceHash ?? parsedHashes[note.sourcePath] ?? 0, globalKey: globalKey,
                navigation: site.navigation, notesByOutput: site.byOutput, navigationKey: site.navigationKey)
            let changed = record?.renderKey != key
            return (key, changed, changed || previousFiles[note.outputPath] == nil)
        }
        for (note, (key, changed, render)) in zip(site.notes, keyed) {
            if changed { newKeys[note.sourcePath] = key }
            if render { toRender.insert(note.outputPath) }
        }
    }

    /// The pages to render: every note's in a full build, else the planned ones.
    func pages(of notes: [Note], full: Bool) -> [Note] {
        full ? notes : notes.filter { toRender.contains($0.outputPath) }
    }
}
