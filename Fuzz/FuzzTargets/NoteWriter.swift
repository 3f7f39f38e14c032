import NotesCore

/// Writes one note from choices: front matter, headings, links in every written form,
/// floods of headings and near-miss links, deep nesting, scenario blocks, and a choice of
/// line endings and a byte-order mark. Remembers where each link's position is.
struct NoteWriter {
    var choices: Choices
    /// The note's path inside content/.
    let path: String
    /// Every note's and other file's path inside content/ (link targets).
    let notes: [String]
    let files: [String]
    /// Where links and images start, as the link checker must report them.
    private(set) var linkPositions: Set<SourcePosition> = []
    /// Whether the front matter says `draft: true`.
    private(set) var isCleanDraft = false
    /// Whether the note is written for a clean site: nothing in it is an error.
    var clean = false
    /// A word written as the note's last paragraph: only its page may hold it.
    var marker: String?
    private var lines: [String] = []
    private var definitions: [String] = []

    init(choices: Choices, path: String, notes: [String], files: [String]) {
        self.choices = choices
        self.path = path
        self.notes = notes
        self.files = files
    }

    /// The note's bytes; with `linkingAll`, a line links to every other file of the site.
    mutating func write(linkingAll: Bool = false) -> [UInt8] {
        if choices.chance(128) { writeFrontMatter() }
        if choices.chance(160) { lines += ["# " + choices.pick(["Title", "日本語", "<b>x</b>", "a: b", "javascript:x"]), ""] }
        for _ in 0..<choices.below(6) {
            switch choices.below(7) {
            case 0, 1, 2: writeLinkLine()
            case 3: writeFloods()
            case 4: writeNesting()
            default: writeScenario()
            }
        }
        if linkingAll, !files.isEmpty { writeLinks(to: files) }
        if let marker { lines += [marker, ""] }
        lines += definitions
        let ending = choices.pick(["\n", "\n", "\n", "\r\n", "\r"])
        var bytes = Array((lines.joined(separator: ending) + ending).utf8)
        if choices.chance(24) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        if !clean, choices.chance(4), !bytes.isEmpty {
            // An invalid byte, but never in place of a line end: the links' lines are known.
            let index = choices.below(bytes.count)
            let byte = choices.pick([0xFF, 0x00, 0x0B] as [UInt8])
            if bytes[index] != 0x0A, bytes[index] != 0x0D { bytes[index] = byte }
        }
        return bytes
    }

    private mutating func writeFrontMatter() {
        lines.append("---")
        if choices.chance(128) {
            lines.append("title: " + choices.pick(["\"SQS: batching\"", "<script>x</script>", "日本語", "''", clean ? "\"a: b\"" : "a: b"]))
        }
        if choices.chance(64) { lines.append("description: " + choices.pick(clean ? ["d", "\"<i>\""] : ["d", "\"<i>\"", "\"\\u0000\""])) }
        if choices.chance(64) { lines.append("order: " + choices.pick(clean ? ["1", "2", "10"] : ValuePools.integers)) }
        if choices.chance(96) {
            let draft = choices.pick(clean ? ["true", "true", "false"] : ["true", "true", "false", "yes", "\"true\""])
            lines.append("draft: " + draft)
            isCleanDraft = draft == "true"
        }
        if choices.chance(32) { lines.append("lang: " + choices.pick(clean ? ["ja", "en"] : ["ja", "en", "xx"])) }
        if clean {
            lines += ["---", ""]
            return
        }
        if choices.chance(16) { lines.append(choices.pick(["tags: [a]", "title: again", "draft: false"])) }
        if choices.chance(16) { lines += Hostile.structure(key: choices.pick(["title", "x"]), &choices) }
        lines += ["---", ""]
    }

    /// One line holding one or two links or images, each written in one of the forms
    /// GitHub reads (percent-encoded, `<…>`, backslash escapes, entities, a reference, the
    /// destination on the next line), after text that can look like a link.
    private mutating func writeLinkLine() {
        let openings = ["", "see ", "日本語の文", "*see ", "## T ", "- item ", "> ", "1. 項目 ", "`[a](a.md)` ", "(a.md) and ", "[a.md](b.md) "]
        // A clean note has no link to a missing note.
        var line = choices.pick(clean ? Array(openings.dropLast()) : openings)
        if line == "[a.md](b.md) " { linkPositions.insert(SourcePosition(line: lines.count + 1, column: 8)) }
        for _ in 0..<(1 + choices.below(2)) {
            let isImage = choices.chance(48) && (!clean || !files.isEmpty)
            let target = isImage ? pickImageTarget() : pickTarget()
            let text = choices.pick(["x", "リンク", "a.md", "`](x)`"])
            let form = choices.below(5)
            let column = line.count + 1
            switch form {
            case 0 where !isImage:
                // A reference link, reported where it is used.
                let label = "r\(definitions.count)"
                definitions.append("[\(label)]: " + target)
                linkPositions.insert(SourcePosition(line: lines.count + 1, column: column))
                line += "[\(text)][\(label)] "
            case 1 where !isImage:
                // The destination on the next line.
                lines.append(line + "[\(text)](")
                line = "  "
                linkPositions.insert(SourcePosition(line: lines.count + 1, column: 3 + (target.hasPrefix("<") ? 1 : 0)))
                line += target + ") "
            default:
                let opening = (isImage ? "![" : "[") + text + "]("
                // Inside `<…>`, the destination starts after the `<`.
                let angle = target.hasPrefix("<") ? 1 : 0
                linkPositions.insert(SourcePosition(line: lines.count + 1, column: column + opening.count + angle))
                line += opening + target + ") "
            }
        }
        if line.hasPrefix("*see ") { line += "*" }
        lines += [line, ""]
    }

    /// One line with a link to each of `targets`, each at its own place.
    private mutating func writeLinks(to targets: [String]) {
        var line = ""
        for target in targets {
            let destination = Destination.written(relative(to: target), &choices)
            linkPositions.insert(SourcePosition(line: lines.count + 1, column: line.count + 5 + (destination.hasPrefix("<") ? 1 : 0)))
            line += "[f](" + destination + ") "
        }
        lines += [line, ""]
    }

    /// A destination for a link: another note (relative to this one), a fragment, or a
    /// note that does not exist, written as GitHub needs it.
    private mutating func pickTarget() -> String {
        if clean {
            // A note of the site, a file, or a web address: never missing.
            switch choices.below(8) {
            case 0: return choices.pick(["https://example.org/a_b", "mailto:a@b.c"])
            case 1 where !files.isEmpty: return Destination.written(relative(to: choices.pick(files)), &choices)
            default: return Destination.written(relative(to: choices.pick(notes)), &choices)
            }
        }
        switch choices.below(8) {
        case 0: return "#" + choices.pick(["title", "t", "heading-1", "日本語", "x"])
        case 1: return Destination.written(relative(to: "missing-" + choices.pick(ValuePools.names) + ".md"), &choices)
        case 2: return choices.pick(["https://example.org/a_b", "mailto:a@b.c", "/abs.md", "../../outside.md", "%0Ainjected.md"])
        default:
            let fragment = choices.chance(64) ? "#" + choices.pick(["title", "t", "heading-1", "x"]) : ""
            return Destination.written(relative(to: choices.pick(notes)), &choices) + fragment
        }
    }

    private mutating func pickImageTarget() -> String {
        if clean { return Destination.written(relative(to: choices.pick(files)), &choices) }
        guard !files.isEmpty, choices.chance(224) else { return Destination.written(relative(to: "missing.png"), &choices) }
        return Destination.written(relative(to: choices.pick(files)), &choices)
    }

    /// The path of `target` (inside content/) as seen from this note's folder.
    private func relative(to target: String) -> String {
        var from = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var to = target.split(separator: "/", omittingEmptySubsequences: false)
        while let first = from.first, first == to.first, to.count > 1 {
            from.removeFirst()
            to.removeFirst()
        }
        return String(repeating: "../", count: from.count) + to.joined(separator: "/")
    }

    /// Thousands of headings and near-miss anchors, or of links to missing notes, on
    /// consecutive lines (the sizes at which link checking was quadratic).
    private mutating func writeFloods() {
        let headings = choices.count(upTo: 3)
        for index in 0..<headings { lines += ["## Heading \(index)", ""] }
        let misses = clean ? 0 : choices.count(upTo: 3)
        let missing = choices.chance(128)
        for index in 0..<misses {
            let text = missing ? "[x](missing-\(index).md)" : "[x](#heading-\(index)x)"
            linkPositions.insert(SourcePosition(line: lines.count + 1, column: 5))
            lines.append(text)
        }
        lines.append("")
    }

    /// Block quotes, lists or emphasis nested to a depth around and past the bounds.
    private mutating func writeNesting() {
        let depth = choices.pick(clean ? Array(Hostile.depths.prefix(3)) : Hostile.depths)
        switch choices.below(3) {
        case 0: lines.append(String(repeating: "> ", count: depth) + "q")
        case 1: lines += (0..<min(depth, 1_000)).map { String(repeating: "  ", count: $0) + "- i" }
        default: lines.append(String(repeating: "*", count: depth) + "e" + String(repeating: "*", count: depth))
        }
        lines.append("")
    }

    private mutating func writeScenario() {
        if clean {
            // A valid scenario: the clean site must build.
            lines += [
                "```scenario", "mode: " + choices.pick(["sync", "async"]), "events:", "  - { at: 0s, count: " + choices.pick(["1", "3"]) + " }", "```", "",
            ]
            return
        }
        var generator = ScenarioGenerator(choices: choices)
        let body = generator.lines()
        choices = generator.choices
        lines += ["```scenario"] + body + ["```", ""]
    }
}
