#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CSystemShims
import Foundation
import NotesCore
import NotesMarkdown

extension ManifestCodec {
    /// Decodes a manifest; nil when any line is malformed.
    ///
    /// Works on offsets into the one buffer: lines and fields are found with `memchr`, and
    /// only fields that become text are turned into strings. Every incremental build reads
    /// the manifest of the whole site (7 MB for 10,000 notes), so this is on the path of
    /// every edit. The changes appended after the whole manifest (`encodeChanges`) are
    /// applied in order.
    public static func decode(_ bytes: [UInt8]) -> BuildManifest? {
        decode(SharedBytes(bytes))
    }

    /// Decodes a manifest whose records keep slices of `bytes` (a mapped file: not copied).
    public static func decode(_ bytes: SharedBytes) -> BuildManifest? {
        withExtendedLifetime(bytes) { () -> BuildManifest? in
            let text = ManifestText(bytes.buffer)
            let parts = text.parts()
            var manifest = BuildManifest(globalKey: 0, output: "")
            var order = PathOrder()
            for (index, part) in parts.enumerated() {
                let notesStart = text.firstNoteBlock(in: part)
                guard decodeSite(text, lines: part.lowerBound..<notesStart, opening: index == 0 ? headerBytes : patchLineBytes, into: &manifest, order: &order),
                    decodeNotes(bytes, blocks: text.noteBlocks(in: notesStart..<part.upperBound), into: &manifest, order: &order)
                else { return nil }
                if index == 0 { order.sealed = true }
            }
            if let notes = order.notes, isSorted(notes) { manifest.sortedNotePaths = notes }
            if let files = order.files, isSorted(files) { manifest.sortedFilePaths = files }
            manifest.storedSize = (parts[0].count, bytes.count - parts[0].count, parts.count - 1)
            return manifest
        }
    }

    /// The paths of the whole manifest in their order, while the appended changes add none
    /// and remove none (then the order is nil).
    private struct PathOrder {
        var notes: [String]? = []
        var files: [String]? = []
        /// Set after the whole manifest: appended changes may only replace entries.
        var sealed = false

        mutating func note(_ path: String, isNew: Bool) {
            if !sealed { notes?.append(path) } else if isNew { notes = nil }
        }

        mutating func file(_ path: String, isNew: Bool) {
            if !sealed { files?.append(path) } else if isNew { files = nil }
        }
    }

    /// The site-wide lines of one part (before its first note block), applied to `manifest`;
    /// false when a line is malformed or the part does not open with `opening`.
    private static let headerBytes = Array(header.utf8)
    private static let patchLineBytes = Array(patchLine.description.utf8)

    private static func decodeSite(
        _ text: ManifestText, lines: Range<Int>, opening: [UInt8],
        into manifest: inout BuildManifest, order: inout PathOrder
    ) -> Bool {
        var position = lines.lowerBound
        guard let first = text.line(from: &position, end: lines.upperBound), text.equals(first, opening) else { return false }
        while let line = text.line(from: &position, end: lines.upperBound) {
            var fields = text.fields(line)
            guard let kind = fields.next() else { return false }
            if text.equals(kind, "file") {
                guard let hash = fields.next().flatMap(text.hex), let path = fields.next(), fields.isAtEnd else { return false }
                let name = text.string(path)
                order.file(name, isNew: manifest.files.updateValue(hash, forKey: name) == nil)
            } else if text.equals(kind, "unfile") {
                guard let path = fields.next(), fields.isAtEnd, manifest.files.removeValue(forKey: text.string(path)) != nil else { return false }
                order.files = nil
            } else if text.equals(kind, "global") {
                guard let key = fields.next().flatMap(text.hex), fields.isAtEnd else { return false }
                manifest.globalKey = key
            } else if text.equals(kind, "output") {
                guard let output = fields.next(), fields.isAtEnd else { return false }
                manifest.output = text.string(output)
            } else if text.equals(kind, "toc") {
                guard let key = fields.next().flatMap(text.hex), let html = fields.next(), fields.isAtEnd else { return false }
                manifest.toc = (key, text.string(html))
            } else if text.equals(kind, "content") {
                guard let key = fields.next().flatMap(text.hex), fields.isAtEnd else { return false }
                manifest.contentKey = key
            } else {
                return false
            }
        }
        return true
    }

    /// Note blocks decoded on every core, then put in `manifest` in order; false when one is malformed.
    private static func decodeNotes(_ bytes: SharedBytes, blocks: [Range<Int>], into manifest: inout BuildManifest, order: inout PathOrder) -> Bool {
        let records = ForkJoin.map(blocks) { range in decodeNote(ManifestText(bytes.buffer), block: range, bytes: bytes) }
        manifest.notes.reserveCapacity(manifest.notes.count + records.count)
        for record in records {
            guard let record else { return false }
            order.note(record.path, isNew: manifest.notes.updateValue(record.record, forKey: record.path) == nil)
        }
        return true
    }

    /// One note's block of lines: its `note` line and the lines that follow it. The `ref`
    /// lines (always written together) are kept as bytes and decoded only when asked for.
    private static func decodeNote(_ text: ManifestText, block: Range<Int>, bytes: SharedBytes) -> (path: String, record: BuildManifest.NoteRecord)? {
        // The fields are collected first and the record made once at the end: assigning
        // them one by one through the summary's shared box copied it for every line.
        var head:
            (
                path: String, contentPath: String, title: String, stamp: FileStamp, source: UInt64, render: UInt64,
                scenarios: Int, passed: Int, failed: Int
            )?
        var frontMatter = FrontMatter()
        var anchors = LazyAnchors([])
        var linkedFiles: [String] = []
        var linkDiagnostics: [Diagnostic] = []
        var diagnostics: [Diagnostic] = []
        var references: Range<Int>?
        var position = block.lowerBound
        while let line = text.line(from: &position, end: block.upperBound) {
            var fields = text.fields(line)
            guard let kind = fields.next() else { return nil }
            if head == nil {
                guard text.equals(kind, "note"), let path = fields.next(), let contentPath = fields.next(),
                    let size = fields.next().flatMap(text.decimal), let modified = fields.next().flatMap(text.decimal),
                    let source = fields.next().flatMap(text.hex), let render = fields.next().flatMap(text.hex),
                    let scenarios = fields.next().flatMap(text.decimal), let passed = fields.next().flatMap(text.decimal),
                    let failed = fields.next().flatMap(text.decimal), let title = fields.next(), fields.isAtEnd
                else { return nil }
                head = (
                    text.string(path), text.string(contentPath), text.string(title), FileStamp(size: size, modified: modified),
                    source, render, Int(scenarios), Int(passed), Int(failed)
                )
            } else if text.equals(kind, "ref") {
                // Contiguous lines, kept with the newline after the last one.
                guard references == nil || references!.upperBound == line.lowerBound else { return nil }
                references = (references?.lowerBound ?? line.lowerBound)..<min(line.upperBound + 1, block.upperBound)
            } else if text.equals(kind, "anchors") {
                // Kept as bytes: decoded only when a link is checked against them.
                if !fields.isAtEnd { anchors = LazyAnchors(encoded: bytes[(kind.upperBound + 1)..<line.upperBound]) }
            } else if text.equals(kind, "front") {
                guard let title = fields.next().flatMap(text.optional), let description = fields.next().flatMap(text.optional),
                    let order = fields.next().flatMap(text.optional), let draft = fields.next(), let lang = fields.next().flatMap(text.optional),
                    fields.isAtEnd
                else { return nil }
                frontMatter = FrontMatter(
                    title: title, description: description, order: order.flatMap { Int($0) },
                    draft: text.equals(draft, "1"), lang: lang)
            } else if text.equals(kind, "copy") {
                guard let file = fields.next(), fields.isAtEnd else { return nil }
                linkedFiles.append(text.string(file))
            } else if text.equals(kind, "link") || text.equals(kind, "diag") {
                guard let json = fields.next(), fields.isAtEnd,
                    let diagnostic = try? JSONDecoder().decode(Diagnostic.self, from: Data(text.string(json).utf8))
                else { return nil }
                if text.equals(kind, "link") {
                    linkDiagnostics.append(diagnostic)
                } else {
                    diagnostics.append(diagnostic)
                }
            } else {
                return nil
            }
        }
        guard let head else { return nil }
        let summary = NoteSummary(
            sourcePath: head.path, contentPath: head.contentPath, frontMatter: frontMatter, title: head.title,
            anchors: anchors, references: references.map { LazyReferences(encoded: bytes[$0]) } ?? LazyReferences([]),
            linkDiagnostics: linkDiagnostics, linkedFiles: linkedFiles)
        return (
            head.path,
            BuildManifest.NoteRecord(
                stamp: head.stamp, sourceHash: head.source, renderKey: head.render, summary: summary,
                diagnostics: diagnostics, scenarios: head.scenarios, passed: head.passed, failed: head.failed,
                // The block's bytes, with the newline after its last line, for writing it back.
                encoded: bytes[block])
        )
    }

    private static func isSorted(_ paths: [String]) -> Bool {
        zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Decodes `ref` lines (malformed lines are skipped: the manifest was written by us).
    static func decodeReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> [Reference] {
        bytes.split(separator: 0x0A).compactMap { raw in
            let fields = raw.split(separator: 0x09, omittingEmptySubsequences: false).map(unescape)
            guard fields.count == 6, let kind = Reference.Kind(rawValue: fields[1]), let origin = Reference.Origin(rawValue: fields[2]),
                let line = Int(fields[3]), let column = Int(fields[4])
            else { return nil }
            return Reference(kind: kind, origin: origin, destination: fields[5], position: SourcePosition(line: line, column: column))
        }
    }

    /// A field without its escapes (`\\`, `\t`, `\n`, `\r`); runs between escapes are copied
    /// whole (the sidebar's field is most of a megabyte with a newline every few lines).
    static func unescape(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        unescape(UnsafeBufferPointer(rebasing: bytes))
    }

    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = ManifestText(bytes)
        guard var escape = text.find(0x5C, in: 0..<bytes.count) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var run = 0
        while true {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<escape]))
            guard escape + 1 < bytes.count else { break }
            switch bytes[escape + 1] {
            case 0x74: out.append(0x09)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case let byte: out.append(byte)
            }
            run = escape + 2
            guard let next = text.find(0x5C, in: run..<bytes.count) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
                break
            }
            escape = next
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The manifest's bytes seen as lines and tab-separated fields, by offsets into one buffer.
struct ManifestText {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// A note block starts at a line beginning with `note` and a tab.
    private static let notePrefixAfterNewline: [UInt8] = Array("\nnote\t".utf8)
    /// Appended changes start at a line that is `patch` alone.
    private static let patchAfterNewline: [UInt8] = Array("\npatch\n".utf8)

    /// The whole manifest, then each part of changes appended to it (each from its `patch` line).
    func parts() -> [Range<Int>] {
        var starts = [0]
        var from = 0
        while let found = search(Self.patchAfterNewline, in: from..<buffer.count) {
            starts.append(found + 1)
            // The newline ending this `patch` line may start the next one.
            from = found + Self.patchAfterNewline.count - 1
        }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : buffer.count) }
    }

    /// Where the first note block in `range` starts (its end when there is none).
    func firstNoteBlock(in range: Range<Int>) -> Int {
        search(Self.notePrefixAfterNewline, in: range).map { $0 + 1 } ?? range.upperBound
    }

    /// The ranges of the note blocks in `range`, which starts at the first one (each block
    /// runs up to the next one's start).
    func noteBlocks(in range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var starts = [range.lowerBound]
        var from = range.lowerBound
        while let found = search(Self.notePrefixAfterNewline, in: from..<range.upperBound) {
            starts.append(found + 1)
            from = found + Self.notePrefixAfterNewline.count
        }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : range.upperBound) }
    }

    /// The offset of the first occurrence of `pattern` inside `range` (`memmem`, which skips
    /// ahead by more than a byte: every line starts with the newline these patterns start with).
    private func search(_ pattern: [UInt8], in range: Range<Int>) -> Int? {
        guard range.count >= pattern.count, let base = buffer.baseAddress else { return nil }
        return pattern.withUnsafeBytes { needle in
            notesim_memmem(base + range.lowerBound, range.count, needle.baseAddress, needle.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        }
    }

    /// The next non-empty line at or after `position` and before `end`, without its newline;
    /// `position` moves past it.
    func line(from position: inout Int, end: Int) -> Range<Int>? {
        while position < end {
            let start = position
            let stop = find(0x0A, in: start..<end) ?? end
            position = stop + 1
            if stop > start { return start..<stop }
        }
        return nil
    }

    /// The fields of a line, read in order.
    func fields(_ line: Range<Int>) -> FieldCursor {
        FieldCursor(text: self, rest: line)
    }

    /// Reads one line's tab-separated fields in order.
    struct FieldCursor {
        let text: ManifestText
        var rest: Range<Int>?

        var isAtEnd: Bool { rest == nil }

        mutating func next() -> Range<Int>? {
            guard let range = rest else { return nil }
            guard let tab = text.find(0x09, in: range) else {
                rest = nil
                return range
            }
            rest = (tab + 1)..<range.upperBound
            return range.lowerBound..<tab
        }
    }

    /// The offset of the first `byte` in `range`.
    func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = buffer.baseAddress, let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Whether a field is exactly `literal`.
    func equals(_ range: Range<Int>, _ expected: [UInt8]) -> Bool {
        guard range.count == expected.count, let base = buffer.baseAddress else { return false }
        return expected.withUnsafeBufferPointer { memcmp(base + range.lowerBound, $0.baseAddress!, range.count) == 0 }
    }

    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, let base = buffer.baseAddress else { return false }
        return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
    }

    /// A field as text, escapes undone.
    func string(_ range: Range<Int>) -> String {
        let bytes = UnsafeBufferPointer(rebasing: buffer[range])
        guard find(0x5C, in: range) != nil else { return String(decoding: bytes, as: UTF8.self) }
        return ManifestCodec.unescape(bytes)
    }

    /// An optional text field: nil when malformed, `.some(nil)` for `-`, the text after `+`.
    func optional(_ range: Range<Int>) -> String?? {
        guard let first = range.first.map({ buffer[$0] }) else { return nil }
        if first == 0x2D, range.count == 1 { return .some(nil) }
        guard first == 0x2B else { return nil }
        return .some(string((range.lowerBound + 1)..<range.upperBound))
    }

    /// Lowercase hex digits (1–16) as a number.
    func hex(_ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 16, let base = buffer.baseAddress else { return nil }
        var value: UInt64 = 0
        // Unchecked reads: the range was checked against the buffer once, above.
        precondition(range.upperBound <= buffer.count)
        for index in range {
            let byte = base[index]
            // Digits and lowercase letters a–f (bytes below either range wrap to large values).
            let digit: UInt8 = byte &- 0x30 < 10 ? byte &- 0x30 : byte &- 0x61 < 6 ? byte &- 0x57 : 16
            guard digit < 16 else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// A decimal number with an optional minus sign (nil when it does not fit an `Int64`).
    func decimal(_ range: Range<Int>) -> Int64? {
        var digits = range
        let negative = range.first.map { buffer[$0] == 0x2D } ?? false
        if negative { digits = (range.lowerBound + 1)..<range.upperBound }
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: Int64 = 0
        for index in digits {
            let byte = buffer[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}
