import NotesCore

/// The hashes that decide what an incremental build may keep.
extension SitePipeline {
    /// Hash of everything every page depends on besides its own note.
    static func globalKey(loaded: LoadStage.Output, builtinTheme: [String: [UInt8]], options: Options) -> UInt64 {
        var hasher = FNV1a()
        func add(_ text: String) {
            hasher.combine(text)
            hasher.combine(byte: 0)
        }
        // The build of notesim itself: another build may render pages differently or record
        // them differently, so its output is rebuilt whole.
        add("notesim " + BuildIdentity.current)
        add(loaded.config?.text ?? "")
        for (path, bytes) in builtinTheme.sorted(by: { $0.key < $1.key }) {
            add(path)
            hasher.combine(bytes)
        }
        for (path, bytes) in loaded.templates.sorted(by: { $0.path < $1.path }) {
            add(path)
            hasher.combine(bytes)
        }
        add("drafts \(options.includeDrafts); base \(options.baseURL ?? ""); search \(options.search.map(String.init) ?? "")")
        // Pages show code highlighted by this highlighter, or plain without one.
        add("highlighter \(options.highlighter?.identity ?? "none")")
        return hasher.value
    }

    /// Hash of the non-note files under content/ (what image and file links may name).
    static func contentKey(_ files: Set<String>) -> UInt64 {
        var hasher = FNV1a()
        for file in files.sorted() {
            hasher.combine(file)
            hasher.combine(byte: 0)
        }
        return hasher.value
    }

    /// Hash of the navigation tree (titles and paths), what the home page lists, and of the
    /// languages the pages set (`lang:`): the sidebar script every page names holds a search
    /// box for each of them, so a note that takes up or drops a language changes it too.
    static func navigationKey(_ entries: [Navigation.Entry], languages: Set<String>) -> UInt64 {
        var hasher = FNV1a()
        for language in languages.sorted() {
            hasher.combine(language)
            hasher.combine(byte: 3)
        }
        func add(_ entries: [Navigation.Entry]) {
            for entry in entries {
                hasher.combine(entry.title)
                hasher.combine(byte: 0)
                hasher.combine(entry.outputPath ?? "")
                hasher.combine(byte: 1)
                add(entry.children)
                hasher.combine(byte: 2)
            }
        }
        add(entries)
        return hasher.value
    }

    /// Hash of what one page shows: its note, its neighbours' titles, and the navigation
    /// (every page names the sidebar script, whose name carries a hash of the navigation;
    /// the home page also lists the notes). A body edit changes one page; a new note or a
    /// new title changes them all.
    static func renderKey(
        note: Note, sourceHash: UInt64, globalKey: UInt64, navigation: Navigation, notesByOutput: [String: Note], navigationKey: UInt64
    ) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(globalKey)
        hasher.combine(sourceHash)
        hasher.combine(navigationKey)
        let (previous, next) = navigation.neighbours(of: note.outputPath)
        for part in [
            note.outputPath, previous ?? "", previous.flatMap { notesByOutput[$0]?.title } ?? "", next ?? "", next.flatMap { notesByOutput[$0]?.title } ?? "",
        ] {
            hasher.combine(part)
            hasher.combine(byte: 0)
        }
        return hasher.value
    }
}
