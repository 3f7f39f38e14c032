import Foundation
import NotesCore
import NotesMarkdown

/// Reads and writes `BuildManifest` as lines of tab-separated fields.
///
/// A 10,000-note site has a 7 MB manifest that every incremental build reads and writes.
/// Fields escape `\`, tab, newline and carriage return; an optional field is `-` when absent
/// and `+value` when present. Reading works on offsets into the one buffer
/// (`ManifestCodec+Decode.swift`); a record's anchors and links stay bytes until asked for,
/// and a record unchanged since it was read is written back as the bytes it was read from.
/// Any malformed line makes the whole manifest unreadable, which only costs a full build.
///
/// Pointer code: the codec (this file, `ManifestCodec+Decode.swift`, `LazyManifestFields.swift`)
/// reads and writes the record as buffers (`memchr`, `memcmp`, slices of a mapped file) because
/// every incremental build reads and rewrites the whole 7 MB record.
///
/// An incremental build appends what changed (`encodeChanges`) instead of writing the whole
/// manifest again: a `patch` line, then lines of the same kinds, which replace the entries
/// they name, and `unfile` lines for output files gone.
public enum ManifestCodec {
    /// The first line: the format's name and the notesim build that wrote it. A record written
    /// by another build of notesim (whose pages or record format may differ) is not read, and
    /// the output is rebuilt whole: the version cannot go stale.
    static let header = "notesim-build-manifest " + BuildIdentity.current
    /// The line that starts appended changes.
    static let patchLine: StaticString = "patch"

    public static func encode(_ manifest: BuildManifest) -> [UInt8] {
        var out = LineWriter()
        out.bytes.reserveCapacity(manifest.notes.count * 1_024 + manifest.files.count * 64)
        out.line(header)
        out.line("global", hex(manifest.globalKey))
        out.line("output", manifest.output)
        if let toc = manifest.toc { out.line("toc", hex(toc.key), toc.html) }
        out.line("content", hex(manifest.contentKey))
        // Entries come in the order decoded when the paths are the same, so an unchanged
        // site's paths are not sorted again.
        for (path, hash) in sortedEntries(manifest.files, known: manifest.sortedFilePaths) {
            out.file(path, hash: hash)
        }
        // Notes are encoded on every core, then joined in path order; a record unchanged
        // since it was read is copied as it was.
        let notes = sortedEntries(manifest.notes, known: manifest.sortedNotePaths)
        let changed = notes.filter { $0.value.encoded == nil }
        var parts = ForkJoin.map(changed) { path, record in encodeNote(path: path, record: record) }.makeIterator()
        for (_, record) in notes {
            if let encoded = record.encoded { out.bytes += encoded } else { out.bytes += parts.next()! }
        }
        return out.bytes
    }

    /// What to append to the stored manifest that `stored` was read from so that it reads as
    /// `manifest`: a `patch` line, the site-wide lines that differ, the output files added or
    /// changed (`file`) and gone (`unfile`), and the records changed since they were read.
    /// Empty when nothing differs; nil when the notes are not the same ones or the sidebar
    /// is gone (then the whole manifest is written, in path order).
    public static func encodeChanges(_ manifest: BuildManifest, since stored: BuildManifest) -> [UInt8]? {
        guard manifest.notes.count == stored.notes.count, manifest.toc != nil || stored.toc == nil else { return nil }
        // Records read from the manifest and not changed since carry their bytes; with as
        // many notes as before, every other one must replace a stored record.
        var notes: [(path: String, record: BuildManifest.NoteRecord)] = []
        for (path, record) in manifest.notes where record.encoded == nil {
            guard stored.notes[path] != nil else { return nil }
            notes.append((path, record))
        }
        var files: [(path: String, hash: UInt64)] = []
        var added = 0
        for (path, hash) in manifest.files {
            let old = stored.files[path]
            if old != hash { files.append((path, hash)) }
            if old == nil { added += 1 }
        }
        // Files gone: only looked for when the counts say there are some.
        let gone = stored.files.count > manifest.files.count - added ? stored.files.keys.filter { manifest.files[$0] == nil } : []
        let tocChanged = manifest.toc?.key != stored.toc?.key || manifest.toc?.html != stored.toc?.html
        guard
            manifest.globalKey != stored.globalKey || manifest.output != stored.output || tocChanged || manifest.contentKey != stored.contentKey
                || !notes.isEmpty || !files.isEmpty || !gone.isEmpty
        else { return [] }

        var out = LineWriter()
        out.line(patchLine.description)
        if manifest.globalKey != stored.globalKey { out.line("global", hex(manifest.globalKey)) }
        if manifest.output != stored.output { out.line("output", manifest.output) }
        if tocChanged, let toc = manifest.toc { out.line("toc", hex(toc.key), toc.html) }
        if manifest.contentKey != stored.contentKey { out.line("content", hex(manifest.contentKey)) }
        for (path, hash) in files.sorted(by: { $0.path < $1.path }) { out.file(path, hash: hash) }
        for path in gone.sorted() { out.line("unfile", path) }
        for (path, record) in notes.sorted(by: { $0.path < $1.path }) { out.bytes += encodeNote(path: path, record: record) }
        return out.bytes
    }

    /// The dictionary's entries in key order: in `known`'s order when it holds exactly those keys.
    private static func sortedEntries<Value>(_ dictionary: [String: Value], known: [String]?) -> [(key: String, value: Value)] {
        if let known, known.count == dictionary.count {
            var entries: [(key: String, value: Value)] = []
            entries.reserveCapacity(known.count)
            for key in known {
                guard let value = dictionary[key] else { break }
                entries.append((key, value))
            }
            if entries.count == known.count { return entries }
        }
        return dictionary.sorted { $0.key < $1.key }
    }

    /// A record's lines, written field by field (a full build encodes 10,000 of them).
    private static func encodeNote(path: String, record: BuildManifest.NoteRecord) -> [UInt8] {
        var out = LineWriter()
        out.bytes.reserveCapacity(1_024)
        let summary = record.summary
        out.start("note")
        out.text(path)
        out.text(summary.contentPath)
        out.decimal(record.stamp.size)
        out.decimal(record.stamp.modified)
        out.hex(record.sourceHash)
        out.hex(record.renderKey)
        out.decimal(Int64(record.scenarios))
        out.decimal(Int64(record.passed))
        out.decimal(Int64(record.failed))
        out.text(summary.title)
        out.end()
        let front = summary.frontMatter
        out.start("front")
        out.optional(front.title)
        out.optional(front.description)
        out.optional(front.order.map(String.init))
        out.text(front.draft ? "1" : "0")
        out.optional(front.lang)
        out.end()
        out.start("anchors")
        for anchor in summary.anchors { out.text(anchor) }
        out.end()
        for reference in summary.references.value {
            out.start("ref")
            out.text(reference.kind.rawValue)
            out.text(reference.origin.rawValue)
            out.decimal(Int64(reference.position.line))
            out.decimal(Int64(reference.position.column))
            out.text(reference.destination)
            out.end()
        }
        for file in summary.linkedFiles { out.line("copy", file) }
        for diagnostic in summary.linkDiagnostics { out.line("link", json(diagnostic)) }
        for diagnostic in record.diagnostics { out.line("diag", json(diagnostic)) }
        return out.bytes
    }

    private static func json(_ diagnostic: Diagnostic) -> String {
        (try? JSONEncoder().encode(diagnostic)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Appends tab-separated, escaped fields as lines of bytes.
    private struct LineWriter {
        var bytes: [UInt8] = []

        mutating func line(_ fields: String...) {
            line(fields)
        }

        mutating func line(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(0x09) }
                self.field(field)
            }
            bytes.append(0x0A)
        }

        /// A `file` line: an output file and the hash of its bytes.
        mutating func file(_ path: String, hash: UInt64) {
            bytes += "file\t".utf8
            appendHex(hash)
            bytes.append(0x09)
            field(path)
            bytes.append(0x0A)
        }

        /// Starts a line with its kind.
        mutating func start(_ kind: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: kind.utf8Start, count: kind.utf8CodeUnitCount))
        }

        /// Ends a line.
        mutating func end() {
            bytes.append(0x0A)
        }

        /// A tab and a text field.
        mutating func text(_ value: String) {
            bytes.append(0x09)
            field(value)
        }

        /// A tab and an optional text field: `-` when absent, `+` and the text when present.
        mutating func optional(_ value: String?) {
            bytes.append(0x09)
            guard let value else { return bytes.append(0x2D) }
            bytes.append(0x2B)
            field(value)
        }

        /// A tab and a decimal number.
        mutating func decimal(_ value: Int64) {
            bytes.append(0x09)
            DecimalBytes.append(value, to: &bytes)
        }

        /// A tab and a number as lowercase hex digits.
        mutating func hex(_ value: UInt64) {
            bytes.append(0x09)
            appendHex(value)
        }

        /// A number as lowercase hex digits, without leading zeros.
        mutating func appendHex(_ value: UInt64) {
            var shift = max(0, (64 - value.leadingZeroBitCount + 3) / 4 * 4 - 4)
            while true {
                let digit = UInt8((value >> UInt64(shift)) & 0xF)
                bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
                if shift == 0 { break }
                shift -= 4
            }
        }

        /// One field, escaped: runs without `\\`, tab, newline or carriage return are copied
        /// whole (the sidebar's field is most of a megabyte).
        mutating func field(_ field: String) {
            var field = field
            field.withUTF8 { source in
                var run = 0
                for (index, byte) in source.enumerated() where byte <= 0x5C {
                    let escape: UInt8
                    switch byte {
                    case 0x5C: escape = 0x5C
                    case 0x09: escape = 0x74
                    case 0x0A: escape = 0x6E
                    case 0x0D: escape = 0x72
                    default: continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<index]))
                    bytes.append(0x5C)
                    bytes.append(escape)
                    run = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...]))
            }
        }
    }

    private static func hex(_ value: UInt64) -> String {
        String(value, radix: 16)
    }
}
