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

    /// The bytes of `documents`.
    public static func encode(_ documents: some Sequence<SearchDocument>) -> [UInt8] {
        var out = header
        func field(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                out += String(bytes.count).utf8
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: bytes)
            }
        }
        for document in documents {
            field(document.url)
            field(document.title)
            field(String(document.sections.count))
            for section in document.sections {
                field(section.anchor)
                field(section.heading)
                field(section.text)
            }
        }
        return out
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
