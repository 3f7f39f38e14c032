import NotesCore

/// Lookup tables over the whole site, built once per check.
struct SiteIndex: Sendable {
    let notes: [String: Note]
    let contentFiles: Set<String>
    let drafts: Set<String>
    /// Notes left out of the site by their own error (`ParsedNotes.leftOut`).
    let leftOut: Set<String>
    let folders: Set<String>
    /// The names in each folder, for "did you mean" hints (whose answer does not depend on order).
    private let namesByFolder: [String: [String]]

    init(notes: [Note], contentFiles: Set<String>, drafts: Set<String>, leftOut: Set<String> = []) {
        var byPath: [String: Note] = [:]
        byPath.reserveCapacity(notes.count)
        for note in notes { byPath[note.contentPath] = note }
        self.notes = byPath
        self.contentFiles = contentFiles
        self.drafts = drafts
        self.leftOut = leftOut
        var folders: Set<String> = []
        var names: [String: [String]] = [:]
        for path in Array(byPath.keys) + Array(contentFiles) + Array(drafts) {
            var folder = Path.directory(of: path)
            names[folder, default: []].append(Path.lastComponent(of: path))
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Path.directory(of: folder)
            }
        }
        self.folders = folders
        self.namesByFolder = names
    }

    /// The names in a folder, for "did you mean" hints: listed once per check, because
    /// listing the site once per broken link made 20,000 of them quadratic.
    func files(inFolder folder: String) -> [String] {
        namesByFolder[folder] ?? []
    }

    func indexNote(inFolder folder: String) -> Note? {
        for name in ["index.md", "README.md", "readme.md"] {
            if let note = notes[Path.join(folder, name)] { return note }
        }
        return nil
    }
}
