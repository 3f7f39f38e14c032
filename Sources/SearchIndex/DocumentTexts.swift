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

    /// The bytes of `documents`, written into one buffer of their exact size (a build writes
    /// every page's text here).
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
        let out = MarkupWriter(capacity: size)
        out.raw(bytes: header)
        func field(_ bytes: UnsafeBufferPointer<UInt8>) {
            out.integer(bytes.count)
            out.raw(byte: UInt8(ascii: ":"))
            out.raw(buffer: bytes)
        }
        func field(_ text: String) {
            var text = text
            text.withUTF8(field)
        }
        for document in documents {
            field(document.url)
            field(document.title)
            field(String(document.sections.count))
            for section in document.sections {
                field(section.anchor)
                field(section.heading)
                section.utf8.withUnsafeBufferPointer(field)
            }
        }
        return out.bytes
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
