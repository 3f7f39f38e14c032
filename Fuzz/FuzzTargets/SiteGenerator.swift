import NotesCore
import SiteBuilder

/// A whole site written from choices: notes with odd names in odd folders, front matter,
/// nested Markdown, links and images written as GitHub needs them, scenario blocks, other
/// files of every kind (FIFOs, symbolic links, folders named like notes), template overrides
/// and `notesim.yml`.
///
/// Besides the files, the generator records what it knows the build must respect: where it
/// wrote each link (a link diagnostic must point at one), which notes are drafts, and the
/// marker each source of a clean site holds (which output file must hold it, and no other).
///
/// A clean site keeps the odd names, reserved names, line endings and byte-order marks but
/// leaves out what is an error (missing links, special files, hostile YAML and templates):
/// its build must succeed, and only then can the property check what was published.
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
    /// Whether the site was written to build without errors.
    var clean = false
    /// The word each source file of a clean site holds, unique to it, by site path.
    var markers: [String: String] = [:]

    /// The site that `bytes` choose, clean or hostile.
    static func generated(from bytes: [UInt8], clean: Bool) -> GeneratedSite {
        var writer = SiteWriter(choices: Choices(bytes))
        writer.site.clean = clean
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
        let clean = site.clean
        site.keepGoing = choices.chance(64)
        notePaths = (0..<(1 + choices.below(5))).map { _ in
            choices.pick(clean ? ValuePools.cleanFolders : ValuePools.folders) + choices.pick(ValuePools.names) + ".md"
        }
        if choices.chance(200) { notePaths.append("index.md") }
        for _ in 0..<choices.below(4) { writeOtherFile() }
        for (index, path) in notePaths.enumerated() {
            // Now and then a note is not a regular file.
            if !clean, choices.chance(12) {
                site.entries["content/" + path] = choices.pick([.fifo, .symbolicLink, .directory])
                site.drafts.remove("content/" + path)
            } else {
                var note = NoteWriter(choices: choices, path: path, notes: notePaths, files: otherFiles)
                note.clean = clean
                // A clean site's first note links every other file, so that each is copied.
                note.marker = clean ? "fuzzmark\(index)n" : nil
                let text = note.write(linkingAll: clean && index == 0)
                choices = note.choices
                site.entries["content/" + path] = .file(text)
                site.linkPositions["content/" + path] = note.linkPositions
                site.markers["content/" + path] = note.marker
                // A note written twice is the second one: a draft only if that one is.
                if note.isCleanDraft { site.drafts.insert("content/" + path) } else { site.drafts.remove("content/" + path) }
            }
        }
        if choices.chance(96) { writeSettings() }
        guard !clean else { return }
        if choices.chance(64) {
            for (path, text) in Hostile.template(&choices) { site.entries["templates/" + path] = .file(Array(text.utf8)) }
        }
        if choices.chance(8) {
            site.entries[choices.pick(["notesim.yml", "templates/page.mustache", "templates/x.css"])] = choices.pick([.fifo, .symbolicLink])
        }
    }

    /// A file inside content/ other than a note: in a clean site a regular file holding its
    /// marker, often at a path notesim writes itself or at a note's page; in a hostile one
    /// any kind of file.
    private mutating func writeOtherFile() {
        guard site.clean else {
            let path = choices.pick(ValuePools.folders) + choices.pick(ValuePools.names) + choices.pick([".png", ".html", ".txt", ".xml", ".svg", ""])
            otherFiles.append(path)
            site.entries["content/" + path] = choices.pick([.file(Array("x".utf8)), .file([]), .fifo, .symbolicLink, .directory])
            return
        }
        let path =
            choices.chance(128)
            ? choices.pick(ValuePools.generatedPaths + [OutputPaths.html(forNote: choices.pick(notePaths))])
            : choices.pick(ValuePools.cleanFolders) + choices.pick(ValuePools.names) + choices.pick([".png", ".html", ".txt", ".svg"])
        let marker = "fuzzmark\(otherFiles.count)f"
        otherFiles.append(path)
        site.entries["content/" + path] = .file(Array((marker + "\n").utf8))
        site.markers["content/" + path] = marker
    }

    /// `notesim.yml`: odd titles, languages and base URLs, limits at or below the defaults
    /// (or invalid), and hostile YAML; in a clean site valid settings only.
    private mutating func writeSettings() {
        var lines: [String] = []
        if choices.chance(128) { lines.append("title: " + choices.pick(["\"SQS: batching\"", "<script>x</script>", "日本語", "''"])) }
        if site.clean {
            if choices.chance(64) { lines.append("language: " + choices.pick(["ja", "en"])) }
            if choices.chance(128) { lines.append("base-url: " + choices.pick(["https://example.org/notes/", "https://example.org/"])) }
            site.entries["notesim.yml"] = .file(Array((lines.joined(separator: "\n") + "\n").utf8))
            return
        }
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
