import NotesCore

/// The notes of a build in path order, kept and freshly parsed together, with what every
/// page needs to know about the others: which are drafts, which page each becomes, and the
/// navigation.
struct SiteNotes {
    /// Every note, drafts included.
    let all: [Note]
    /// The notes that become pages.
    var notes: [Note] = []
    /// Content paths of the drafts left out.
    var drafts: Set<String> = []
    /// Notes by page path: the first of two notes that would become the same page.
    let byOutput: [String: Note]
    let navigation: Navigation
    /// Hash of the navigation tree: what the home page lists.
    let navigationKey: UInt64
    /// Two notes that would become the same page.
    var diagnostics: [Diagnostic] = []

    /// Merges the kept and the fresh notes (each sorted by path) and leaves out the drafts
    /// unless `includeDrafts`.
    init(kept: [Note], fresh: [Note], includeDrafts: Bool) {
        all = Self.merged(kept: kept, fresh: fresh)
        for note in all {
            if note.frontMatter.draft && !includeDrafts {
                drafts.insert(note.contentPath)
            } else {
                notes.append(note)
            }
        }
        byOutput = Dictionary(notes.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        if byOutput.count < notes.count { diagnostics = Self.duplicateOutputs(notes) }
        navigation = Navigation(notes: notes)
        navigationKey = SitePipeline.navigationKey(navigation.entries, languages: Set(notes.compactMap(\.frontMatter.lang)))
    }

    /// Two lists of notes sorted by source path, merged into one.
    private static func merged(kept: [Note], fresh: [Note]) -> [Note] {
        guard !fresh.isEmpty else { return kept }
        var notes: [Note] = []
        notes.reserveCapacity(kept.count + fresh.count)
        var (keptIndex, freshIndex) = (0, 0)
        while keptIndex < kept.count || freshIndex < fresh.count {
            if freshIndex == fresh.count || (keptIndex < kept.count && kept[keptIndex].sourcePath < fresh[freshIndex].sourcePath) {
                notes.append(kept[keptIndex])
                keptIndex += 1
            } else {
                notes.append(fresh[freshIndex])
                freshIndex += 1
            }
        }
        return notes
    }

    /// Errors for two notes that would become the same page (`README.md` and `index.md`).
    private static func duplicateOutputs(_ notes: [Note]) -> [Diagnostic] {
        var seen: [String: Note] = [:]
        var diagnostics: [Diagnostic] = []
        for note in notes {
            if let first = seen[note.outputPath] {
                diagnostics.append(
                    .error(
                        "site.duplicate-page", path: note.sourcePath, at: nil,
                        "this note and \(first.sourcePath) would both become \(note.outputPath)",
                        hint: OutputPaths.isIndexName(Path.lastComponent(of: note.contentPath))
                            ? "keep one of README.md and index.md in a folder"
                            : "rename one of them: their names differ only in the case of .md or in how their characters are encoded (Unicode normalization)"
                    ))
            } else {
                seen[note.outputPath] = note
            }
        }
        return diagnostics
    }
}
