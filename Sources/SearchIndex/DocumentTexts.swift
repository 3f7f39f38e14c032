import NotesCore

/// The full text of a chunk of documents, kept beside the build's manifest, never published.
///
/// Why: an edit patches the index, and the patch must take the edited page's old terms out
/// of their shards; they are counted again from the page's old text, which only this file
/// still has. Readers never need it (a result's excerpt comes from the page itself), so it
/// is not part of the site. Each field is its UTF-8 length in decimal, a colon and its
/// bytes: no escaping to do on the way out, and any text round-trips.
public enum DocumentTexts {
    private static let header = Array("notesim search texts 1\n".utf8)

    /// The bytes of `documents`, written into one array of their exact size (a build writes
    /// every page's text here): measured first, then each field copied in place, with no
    /// writer whose bytes would be copied out once more.
    public static func encode(_ documents: some Sequence<SearchDocument>) -> [UInt8] {
        var size = header.count
        func measure(_ length: Int) { size += decimalDigits(length) + 1 + length }
        for document in documents {
            measure(document.url.utf8.count)
            measure(document.title.utf8.count)
            measure(decimalDigits(document.sections.count))
            for section in document.sections {
                measure(section.anchor.utf8.count)
                measure(section.heading.utf8.count)
                measure(section.utf8.count)
            }
        }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, written in
            var out = FieldWriter(base: buffer.baseAddress!)
            header.withUnsafeBufferPointer { out.raw($0) }
            for document in documents {
                out.field(document.url)
                out.field(document.title)
                out.field(String(document.sections.count))
                for section in document.sections {
                    out.field(section.anchor)
                    out.field(section.heading)
                    section.utf8.withUnsafeBufferPointer { out.field($0) }
                }
            }
            written = out.at
        }
    }

    /// Writes fields into memory measured for them: each one's length in decimal, a colon
    /// and its bytes.
    private struct FieldWriter {
        let base: UnsafeMutablePointer<UInt8>
        var at = 0

        mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let start = bytes.baseAddress else { return }
            (base + at).update(from: start, count: bytes.count)
            at += bytes.count
        }

        mutating func field(_ bytes: UnsafeBufferPointer<UInt8>) {
            var rest = bytes.count
            let digits = decimalDigits(rest)
            for place in stride(from: at + digits - 1, through: at, by: -1) {
                base[place] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            base[at + digits] = UInt8(ascii: ":")
            at += digits + 1
            raw(bytes)
        }

        mutating func field(_ text: String) {
            var text = text
            text.withUTF8 { field($0) }
        }
    }

    /// How many digits `value` (not negative) has in decimal.
    private static func decimalDigits(_ value: Int) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// The documents of `bytes`; nil when they are not what `encode` writes.
    public static func decode(_ bytes: [UInt8]) -> [SearchDocument]? {
        guard bytes.starts(with: header) else { return nil }
        var reader = FieldReader(bytes: bytes, at: header.count)
        var documents: [SearchDocument] = []
        while !reader.isAtEnd {
            guard let url = reader.next(), let title = reader.next(), let count = reader.next().flatMap({ Int($0) }), count >= 0 else { return nil }
            var sections: [SearchDocument.Section] = []
            for _ in 0..<count {
                guard let anchor = reader.next(), let heading = reader.next(), let text = reader.next() else { return nil }
                sections.append(SearchDocument.Section(anchor: anchor, heading: heading, text: text))
            }
            documents.append(SearchDocument(url: url, title: title, sections: sections))
        }
        return documents
    }

    /// Reads length-prefixed fields one after another.
    private struct FieldReader {
        let bytes: [UInt8]
        var at: Int

        var isAtEnd: Bool { at >= bytes.count }

        init(bytes: [UInt8], at: Int) {
            self.bytes = bytes
            self.at = at
        }

        /// The next field; nil at the end or when the bytes are not a field.
        mutating func next() -> String? {
            var length = 0
            var digits = 0
            while at < bytes.count, bytes[at] != UInt8(ascii: ":") {
                let digit = Int(bytes[at]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit), digits < 12 else { return nil }
                length = length * 10 + digit
                digits += 1
                at += 1
            }
            guard digits > 0, at < bytes.count, length <= bytes.count - at - 1 else { return nil }
            let start = at + 1
            at = start + length
            return String(decoding: bytes[start..<at], as: UTF8.self)
        }
    }
}
