import Foundation
import NotesCore
import NotesMarkdown

/// Reads and writes `BuildManifest` as lines of tab-separated fields.
///
/// A 10,000-note site has a manifest of a few megabytes that every incremental build reads
/// and writes; a line format read with byte scanning takes milliseconds where a JSON
/// decoder took a large part of the build. Fields escape `\`, tab and newline; an optional
/// field is `-` when absent and `+value` when present. Any malformed line makes the whole
/// manifest unreadable, which only costs a full build.
public enum ManifestCodec {
    static let header = "notesim-build-manifest 1"

    public static func encode(_ manifest: BuildManifest) -> [UInt8] {
        var out = LineWriter()
        out.bytes.reserveCapacity(manifest.notes.count * 1_024 + manifest.files.count * 64)
        out.line(header)
        out.line("global", hex(manifest.globalKey))
        out.line("output", manifest.output)
        if let toc = manifest.toc { out.line("toc", hex(toc.key), toc.html) }
        out.line("content", hex(manifest.contentKey))
        // Keys are sorted, not (key, value) pairs: moving 10,000 records around was most of
        // the encoding.
        for path in sorted(manifest.files, known: manifest.sortedPaths?.files) {
            out.bytes += "file\t".utf8
            out.appendHex(manifest.files[path]!)
            out.bytes.append(0x09)
            out.field(path)
            out.bytes.append(0x0A)
        }
        // Notes are encoded on every core, then joined in path order; a record unchanged
        // since it was read is copied as it was.
        let paths = sorted(manifest.notes, known: manifest.sortedPaths?.notes)
        let notes = manifest.notes
        let parts = ForkJoin.map(paths) { path in notes[path]!.encoded == nil ? encodeNote(path: path, record: notes[path]!) : [] }
        for (path, part) in zip(paths, parts) {
            out.bytes += notes[path]!.encoded ?? part[...]
        }
        return out.bytes
    }

    /// The dictionary's keys in order: `known` when it holds exactly those keys.
    private static func sorted<Value>(_ dictionary: [String: Value], known: [String]?) -> [String] {
        if let known, known.count == dictionary.count, known.allSatisfy({ dictionary[$0] != nil }) { return known }
        return dictionary.keys.sorted()
    }

    private static func encodeNote(path: String, record: BuildManifest.NoteRecord) -> [UInt8] {
        var out = LineWriter()
        let summary = record.summary
        out.line("note", path, summary.contentPath, String(record.stamp.size), String(record.stamp.modified),
                 hex(record.sourceHash), hex(record.renderKey), String(record.scenarios), String(record.passed), String(record.failed), summary.title)
        let front = summary.frontMatter
        out.line("front", optional(front.title), optional(front.description), optional(front.order.map(String.init)),
                 front.draft ? "1" : "0", optional(front.lang))
        out.line(["anchors"] + summary.anchors)
        for reference in summary.references.value {
            out.line("ref", reference.kind.rawValue, reference.origin.rawValue, String(reference.position.line),
                     String(reference.position.column), reference.destination)
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

        /// One field, escaped.
        mutating func field(_ field: String) {
            var field = field
            field.withUTF8 { source in
                // Most fields need no escaping: copied in one go.
                guard source.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                    bytes.append(contentsOf: source)
                    return
                }
                for byte in source {
                    switch byte {
                    case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                    case 0x09: bytes.append(0x5C); bytes.append(0x74)
                    case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                    case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                    default: bytes.append(byte)
                    }
                }
            }
        }
    }

    /// Decodes a manifest; nil when any line is malformed.
    ///
    /// Works on byte ranges of the one buffer: lines and fields are found by scanning, and
    /// only the fields that become text are turned into strings.
    public static func decode(_ bytes: [UInt8]) -> BuildManifest? {
        var notesStart = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            notePrefixAfterNewline.withUnsafeBufferPointer { pattern in
                if let found = ByteSearch.firstRange(of: pattern, in: buffer) { notesStart = found.lowerBound + 1 }
            }
        }
        var manifest = BuildManifest(globalKey: 0, output: "")
        // Site-wide lines come first; then one block of lines per note, decoded on every core.
        var filePaths: [String] = []
        var lines = LineCursor(bytes[..<notesStart])
        guard let first = lines.next(), first.elementsEqual(header.utf8) else { return nil }
        while let line = lines.next() {
            let fields = split(line)
            switch (fields.first.map { String(decoding: $0, as: UTF8.self) } ?? "", fields.count) {
            case ("global", 2):
                guard let key = hexNumber(fields[1]) else { return nil }
                manifest.globalKey = key
            case ("output", 2):
                manifest.output = unescape(fields[1])
            case ("toc", 3):
                guard let key = hexNumber(fields[1]) else { return nil }
                manifest.toc = (key, unescape(fields[2]))
            case ("content", 2):
                guard let key = hexNumber(fields[1]) else { return nil }
                manifest.contentKey = key
            case ("file", 3):
                guard let hash = hexNumber(fields[1]) else { return nil }
                let path = unescape(fields[2])
                manifest.files[path] = hash
                filePaths.append(path)
            default:
                return nil
            }
        }
        var starts: [Int] = []
        if notesStart < bytes.count {
            starts.append(notesStart)
            bytes.withUnsafeBufferPointer { buffer in
                notePrefixAfterNewline.withUnsafeBufferPointer { pattern in
                    var from = notesStart
                    while let found = ByteSearch.firstRange(of: pattern, in: buffer, from: from) {
                        starts.append(found.lowerBound + 1)
                        from = found.upperBound
                    }
                }
            }
        }
        let blocks = starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : bytes.count) }
        let records = ForkJoin.map(blocks) { range -> (path: String, record: BuildManifest.NoteRecord)? in
            guard var decoded = decodeNote(bytes[range]) else { return nil }
            // The block's bytes, with the newline after its last line, for writing it back.
            decoded.record.encoded = bytes[range]
            return decoded
        }
        manifest.notes.reserveCapacity(records.count)
        var notePaths: [String] = []
        notePaths.reserveCapacity(records.count)
        for record in records {
            guard let record else { return nil }
            manifest.notes[record.path] = record.record
            notePaths.append(record.path)
        }
        if isSorted(notePaths), isSorted(filePaths) { manifest.sortedPaths = (notePaths, filePaths) }
        return manifest
    }

    /// A note block starts at a line beginning with `note` and a tab.
    private static let notePrefixAfterNewline: [UInt8] = Array("\nnote\t".utf8)

    /// One note's block of lines: its `note` line and the lines that follow it. The `ref`
    /// lines are kept as bytes and decoded only when asked for.
    private static func decodeNote(_ block: ArraySlice<UInt8>) -> (path: String, record: BuildManifest.NoteRecord)? {
        // The fields are collected first and the record made once at the end: assigning
        // them one by one through the summary's shared box copied it for every line.
        var head: (path: String, contentPath: String, title: String, stamp: FileStamp, source: UInt64, render: UInt64,
                   scenarios: Int, passed: Int, failed: Int)?
        var frontMatter = FrontMatter()
        var anchors: [String] = []
        var linkedFiles: [String] = []
        var linkDiagnostics: [Diagnostic] = []
        var diagnostics: [Diagnostic] = []
        var references: [UInt8] = []
        var lines = LineCursor(block)
        while let raw = lines.next() {
            if raw.starts(with: refPrefix) {
                references += raw
                references.append(0x0A)
                continue
            }
            let fields = split(raw)
            switch (String(decoding: fields[0], as: UTF8.self), fields.count) {
            case ("note", 11):
                guard head == nil, let size = decimal(fields[3]), let modified = decimal(fields[4]), let source = hexNumber(fields[5]),
                      let render = hexNumber(fields[6]), let scenarios = decimal(fields[7]), let passed = decimal(fields[8]),
                      let failed = decimal(fields[9]) else { return nil }
                head = (unescape(fields[1]), unescape(fields[2]), unescape(fields[10]), FileStamp(size: size, modified: modified), source, render,
                        Int(scenarios), Int(passed), Int(failed))
            case ("front", 6):
                guard head != nil, let title = parseOptional(unescape(fields[1])), let description = parseOptional(unescape(fields[2])),
                      let order = parseOptional(unescape(fields[3])), let lang = parseOptional(unescape(fields[5])) else { return nil }
                frontMatter = FrontMatter(title: title, description: description, order: order.flatMap { Int($0) },
                                          draft: fields[4].elementsEqual([0x31]), lang: lang)
            case ("anchors", _):
                guard head != nil else { return nil }
                anchors = fields.dropFirst().map(unescape)
            case ("copy", 2):
                guard head != nil else { return nil }
                linkedFiles.append(unescape(fields[1]))
            case ("link", 2), ("diag", 2):
                guard head != nil, let diagnostic = try? JSONDecoder().decode(Diagnostic.self, from: Data(unescape(fields[1]).utf8)) else { return nil }
                if fields[0].elementsEqual("link".utf8) {
                    linkDiagnostics.append(diagnostic)
                } else {
                    diagnostics.append(diagnostic)
                }
            default:
                return nil
            }
        }
        guard let head else { return nil }
        let summary = NoteSummary(sourcePath: head.path, contentPath: head.contentPath, frontMatter: frontMatter, title: head.title,
                                  anchors: anchors, references: references.isEmpty ? LazyReferences([]) : LazyReferences(encoded: references),
                                  linkDiagnostics: linkDiagnostics, linkedFiles: linkedFiles)
        return (head.path, BuildManifest.NoteRecord(
            stamp: head.stamp, sourceHash: head.source, renderKey: head.render, summary: summary,
            diagnostics: diagnostics, scenarios: head.scenarios, passed: head.passed, failed: head.failed))
    }

    /// The lines of a byte range, without their newlines; empty lines are skipped.
    private struct LineCursor {
        private let bytes: ArraySlice<UInt8>
        private var position: Int

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        mutating func next() -> ArraySlice<UInt8>? {
            while position < bytes.endIndex {
                let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.endIndex
                defer { position = end + 1 }
                if end > position { return bytes[position..<end] }
            }
            return nil
        }
    }

    /// A line's tab-separated fields (still escaped).
    private static func split(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(12)
        var start = line.startIndex
        for index in line.indices where line[index] == 0x09 {
            fields.append(line[start..<index])
            start = index + 1
        }
        fields.append(line[start...])
        return fields
    }

    private static func isSorted(_ paths: [String]) -> Bool {
        zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 }
    }

    private static func hexNumber(_ field: ArraySlice<UInt8>) -> UInt64? {
        guard !field.isEmpty, field.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in field {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x57
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    private static func decimal(_ field: ArraySlice<UInt8>) -> Int64? {
        Int64(String(decoding: field, as: UTF8.self))
    }

    private static let refPrefix: [UInt8] = Array("ref\t".utf8)

    /// Decodes `ref` lines (malformed lines are skipped: the manifest was written by us).
    static func decodeReferences(_ bytes: [UInt8]) -> [Reference] {
        bytes.split(separator: 0x0A).compactMap { raw in
            let fields = raw.split(separator: 0x09, omittingEmptySubsequences: false).map(unescape)
            guard fields.count == 6, let kind = Reference.Kind(rawValue: fields[1]), let origin = Reference.Origin(rawValue: fields[2]),
                  let line = Int(fields[3]), let column = Int(fields[4]) else { return nil }
            return Reference(kind: kind, origin: origin, destination: fields[5], position: SourcePosition(line: line, column: column))
        }
    }

    private static func hex(_ value: UInt64) -> String {
        String(value, radix: 16)
    }

    private static func optional(_ value: String?) -> String {
        value.map { "+" + $0 } ?? "-"
    }

    /// nil for a malformed field; `.some(nil)` for an absent value.
    private static func parseOptional(_ field: String) -> String??  {
        if field == "-" { return .some(nil) }
        guard field.hasPrefix("+") else { return nil }
        return .some(String(field.dropFirst()))
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case 0x74: out.append(0x09)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
