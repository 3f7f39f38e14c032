import NotesCore

/// A whole site written from choices: notes with odd names in odd folders, front matter,
/// nested Markdown, links and images written as GitHub needs them, scenario blocks, other
/// files of every kind (FIFOs, symbolic links, folders named like notes), template overrides
/// and `notesim.yml`.
///
/// Besides the files, the generator records what it knows the build must respect: where it
/// wrote each link (a link diagnostic must point at one) and which notes are drafts.
struct GeneratedSite {
    /// What a path in the site is.
    enum Entry: Equatable {
        case file([UInt8])
        /// A FIFO (or socket, or device): reading it would block.
        case fifo
        case symbolicLink
        case directory
    }

    /// Every path inside the site folder and what is there.
    var entries: [String: Entry] = [:]
    /// Where each note's links and images start (the destination, or a reference link's
    /// text), by the note's site path.
    var linkPositions: [String: Set<SourcePosition>] = [:]
    /// Notes marked `draft: true` in front matter that holds nothing else hostile.
    var drafts: Set<String> = []
    /// Whether the site is built with `--keep-going` (written even with errors).
    var keepGoing = false

    /// The site that `bytes` choose.
    static func generated(from bytes: [UInt8]) -> GeneratedSite {
        var writer = SiteWriter(choices: Choices(bytes))
        writer.write()
        return writer.site
    }

    /// A listing of the site for people (`notesim-fuzz-structured --print FILE`).
    var description: String {
        entries.keys.sorted().map { path in
            switch entries[path]! {
            case .file(let bytes):
                let text = String(decoding: bytes.prefix(2_000), as: UTF8.self)
                return "== \(path.debugDescription) (\(bytes.count) bytes)\n\(text)\(bytes.count > 2_000 ? "\n[…]" : "")"
            case .fifo: return "== \(path.debugDescription) (FIFO)"
            case .symbolicLink: return "== \(path.debugDescription) (symbolic link)"
            case .directory: return "== \(path.debugDescription) (folder)"
            }
        }.joined(separator: "\n")
    }
}

/// The writing of a `GeneratedSite`, one part after another from the same choices.
struct SiteWriter {
    var choices: Choices
    var site = GeneratedSite()
    /// The notes' paths inside content/, chosen before any is written, so links can target them.
    private var notePaths: [String] = []
    /// Other files inside content/, which images and links can target.
    private var otherFiles: [String] = []

    init(choices: Choices) {
        self.choices = choices
    }

    mutating func write() {
        site.keepGoing = choices.chance(64)
        notePaths = (0..<(1 + choices.below(5))).map { _ in choices.pick(ValuePools.folders) + choices.pick(ValuePools.names) + ".md" }
        if choices.chance(200) { notePaths.append("index.md") }
        for _ in 0..<choices.below(4) {
            let path = choices.pick(ValuePools.folders) + choices.pick(ValuePools.names) + choices.pick([".png", ".html", ".txt", ".xml", ".svg", ""])
            otherFiles.append(path)
            site.entries["content/" + path] = choices.pick([.file(Array("x".utf8)), .file([]), .fifo, .symbolicLink, .directory])
        }
        for path in notePaths {
            // Now and then a note is not a regular file.
            if choices.chance(12) {
                site.entries["content/" + path] = choices.pick([.fifo, .symbolicLink, .directory])
            } else {
                var note = NoteWriter(choices: choices, path: path, notes: notePaths, files: otherFiles)
                let text = note.write()
                choices = note.choices
                site.entries["content/" + path] = .file(text)
                site.linkPositions["content/" + path] = note.linkPositions
                if note.isCleanDraft { site.drafts.insert("content/" + path) }
            }
        }
        if choices.chance(96) { writeSettings() }
        if choices.chance(64) {
            for (path, text) in Hostile.template(&choices) { site.entries["templates/" + path] = .file(Array(text.utf8)) }
        }
        if choices.chance(8) {
            site.entries[choices.pick(["notesim.yml", "templates/page.mustache", "templates/x.css"])] = choices.pick([.fifo, .symbolicLink])
        }
    }

    /// `notesim.yml`: odd titles, languages and base URLs, limits at or below the defaults
    /// (or invalid), and hostile YAML.
    private mutating func writeSettings() {
        var lines: [String] = []
        if choices.chance(128) { lines.append("title: " + choices.pick(["\"SQS: batching\"", "<script>x</script>", "日本語", "''"])) }
        if choices.chance(64) { lines.append("language: " + choices.pick(["ja", "en", "xx", "\"\""])) }
        if choices.chance(64) { lines.append("base-url: " + choices.pick(["https://example.org/notes/", "/", "https://e.org/a b/"])) }
        if choices.chance(64) { lines.append("search: " + choices.pick(["true", "false", "1"])) }
        if choices.chance(128) {
            let limits = [
                ("records", ["0", "1", "100", "1000", "-1", "9223372036854775808", "x"]),
                ("steps", ["0", "1", "1000", "100000", "-1", "1e400"]),
                ("horizon", ["0ms", "1ms", "1s", "1h", "7d", "-1ms", "9223372036854775808ms"]),
                ("note-size", ["0", "1KB", "1MB", "10MB", "-1B", "1025GB"]),
            ]
            lines.append("limits:")
            for (key, values) in limits where choices.chance(128) { lines.append("  \(key): " + choices.pick(values)) }
        }
        if choices.chance(24) { lines += Hostile.structure(key: choices.pick(["title", "limits", "x"]), &choices) }
        site.entries["notesim.yml"] = .file(Array((lines.joined(separator: "\n") + "\n").utf8))
    }
}
