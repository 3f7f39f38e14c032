import NotesCore

/// What the parse step gave for the notes a build planned to parse.
struct ParsedNotes {
    /// The notes parsed, in the order planned.
    var notes: [Note] = []
    /// Each parsed note's reading and parsing problems, by source path.
    var problems: [String: [Diagnostic]] = [:]
    /// Each parsed note's content hash, by source path (notes that could not be read or were
    /// over the size limit have none: they were not parsed).
    var hashes: [String: UInt64] = [:]
    /// The file stamps of every note, with those taken as the parse step read them.
    var stamps: [String: FileStamp]
    /// Every problem, in the order planned.
    var diagnostics: [Diagnostic] = []
    /// Content paths of the notes left out by their own error (unreadable, over the size
    /// limit): a link to one is told so, not that the note does not exist.
    var leftOut: Set<String> = []

    /// What parsing one note gave: the note (nil when it could not be parsed), its problems,
    /// the hash of its bytes and the stamp taken as it was read (both nil when the note could
    /// not be read or was over the size limit: it was not parsed).
    typealias One = (note: Note?, problems: [Diagnostic], hash: UInt64?, stamp: FileStamp?)

    /// Parses each planned note on every core, reading it first when the load stage left it
    /// unread (nil bytes). Notes over the size limit are reported and left out (bounded
    /// memory and time). `language` is the site's (a note's front matter may name another);
    /// `prose` gathers each page's text for the search index.
    init(
        _ sources: [(path: String, bytes: [UInt8]?)], reader: @escaping LoadStage.NoteReader, stamps: [String: FileStamp],
        noteSize: Int, language: String = "en", prose: Bool = false, progress: BuildProgress.Handler?
    ) {
        self.stamps = stamps
        let parsedCount = SharedCounter()
        let results = ForkJoin.map(sources) { path, bytes -> One in
            defer { progress?(BuildProgress(.notes, done: parsedCount.add(), total: sources.count)) }
            return Self.parse(path: path, bytes: bytes, reader: reader, noteSize: noteSize, language: language, prose: prose)
        }
        for ((path, _), (note, problems, hash, stamp)) in zip(sources, results) {
            diagnostics += problems
            if note == nil { leftOut.insert(LoadStage.contentPath(ofSource: path)) }
            guard let hash else { continue }
            self.problems[path] = problems
            hashes[path] = hash
            if let stamp { self.stamps[path] = stamp }
            if let note { notes.append(note) }
        }
        DeferredRelease.drop(results)
    }

    /// Reads (when `bytes` is nil) and parses one note.
    private static func parse(path: String, bytes loadedBytes: [UInt8]?, reader: LoadStage.NoteReader, noteSize: Int, language: String, prose: Bool) -> One {
        var stamp: FileStamp?
        let bytes: [UInt8]
        if let loadedBytes {
            bytes = loadedBytes
        } else {
            switch reader(path) {
            case .success(let read): (bytes, stamp) = read
            case .failure(let diagnostic): return (nil, [diagnostic], nil, nil)
            }
        }
        guard bytes.count <= noteSize else {
            // Sizes that round alike ("10 MB; the limit is 10 MB") are given in bytes.
            var (size, limit) = (ByteCount.text(bytes.count), ByteCount.text(noteSize))
            if size == limit { (size, limit) = ("\(GroupedDigits.text(bytes.count)) bytes", "\(GroupedDigits.text(noteSize)) bytes (\(limit))") }
            return (
                nil,
                [
                    .error(
                        "file.too-large", path: path, at: nil, "the note is \(size); the limit is \(limit)",
                        hint: "split it into several notes, or raise limits.note-size in \(SiteConfig.fileName)")
                ], nil, nil
            )
        }
        let (note, problems) = ParseStage.parse(sourcePath: path, bytes: bytes, language: language, prose: prose)
        return (note, problems, ContentHash.of(bytes), stamp)
    }
}
