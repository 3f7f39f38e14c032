import NotesCore

/// What checking the notes' links gave: per checked note its results, and for the site the
/// files notes reference and every link diagnostic (the kept notes' from their records).
struct LinkResults {
    /// Results of the notes checked in this run, by source path.
    let perNote: [String: LinkCheckStage.Output]
    var referencedFiles: Set<String> = []
    var diagnostics: [Diagnostic] = []

    /// Checks the links of every note, or with `stable` only the changed notes' links: the
    /// kept notes then give what they gave last time (a draft left out of the site was not
    /// checked: it recorded nothing).
    init(
        site: SiteNotes, fresh: [Note], leftOut: Set<String>, contentFiles: Set<String>, stable: Bool, kept: [String: BuildManifest.NoteRecord]
    ) {
        perNote = LinkCheckStage.checkEach(
            notes: site.notes, contentFiles: contentFiles, drafts: site.drafts, leftOut: leftOut,
            only: stable ? Set(fresh.map(\.sourcePath)) : nil)
        for result in perNote.values {
            diagnostics += result.diagnostics
            referencedFiles.formUnion(result.referencedFiles)
        }
        guard stable else { return }
        for record in kept.values {
            diagnostics += record.summary.linkDiagnostics
            referencedFiles.formUnion(record.summary.linkedFiles)
        }
    }
}
