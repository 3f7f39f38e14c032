import Foundation
import NotesCore

/// A chunk of documents as JSON: `[[url, title, [[anchor, heading, text], …]], …]`.
///
/// The browser reads it to show results; a later build reads it back to learn what a
/// changed page said before (its old terms leave the shards).
public enum DocumentChunk {
    /// The JSON of `documents`.
    public static func encode(_ documents: some Sequence<SearchDocument>) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, document) in documents.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            out += JSONString.quotedBytes(document.url)
            out.append(UInt8(ascii: ","))
            out += JSONString.quotedBytes(document.title)
            out += Array(",[".utf8)
            for (number, section) in document.sections.enumerated() {
                out += Array((number > 0 ? ",[" : "[").utf8)
                out += JSONString.quotedBytes(section.anchor)
                out.append(UInt8(ascii: ","))
                out += JSONString.quotedBytes(section.heading)
                out.append(UInt8(ascii: ","))
                out += JSONString.quotedBytes(section.text)
                out.append(UInt8(ascii: "]"))
            }
            out += Array("]]".utf8)
        }
        out += Array("]\n".utf8)
        return out
    }

    /// The documents of a chunk; nil when the bytes are not one.
    public static func decode(_ bytes: [UInt8]) -> [SearchDocument]? {
        guard let list = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any] else { return nil }
        var documents: [SearchDocument] = []
        for item in list {
            guard let fields = item as? [Any], fields.count == 3, let url = fields[0] as? String, let title = fields[1] as? String,
                let sections = fields[2] as? [[String]]
            else { return nil }
            var parts: [SearchDocument.Section] = []
            for section in sections {
                guard section.count == 3 else { return nil }
                parts.append(SearchDocument.Section(anchor: section[0], heading: section[1], text: section[2]))
            }
            documents.append(SearchDocument(url: url, title: title, sections: parts))
        }
        return documents
    }
}
