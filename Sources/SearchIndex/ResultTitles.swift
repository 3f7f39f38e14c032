import NotesCore

/// A chunk of the published index: each page's address and title, for the result list.
///
/// `{"texts":"<hash>","pages":[[url,title],…]}`. A result's excerpt and best heading come
/// from the page itself, which the browser fetches (and keeps for the click that follows),
/// so the index does not carry every page's text a second time. `texts` is the content
/// hash of the chunk's `DocumentTexts`: a later build patches the index only when the texts
/// it kept are those this chunk was written with.
public enum ResultTitles {
    /// The JSON of `documents`, whose full texts encode to bytes with hash `texts`.
    public static func encode(_ documents: some Sequence<SearchDocument>, texts: UInt64) -> [UInt8] {
        var out = Array(#"{"texts":""#.utf8) + Array(FNV1a.hex(texts).utf8) + Array(#"","pages":["#.utf8)
        for (index, document) in documents.enumerated() {
            out += Array((index > 0 ? ",[" : "[").utf8)
            out += JSONString.quotedBytes(document.url)
            out.append(UInt8(ascii: ","))
            out += JSONString.quotedBytes(document.title)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("]}\n".utf8)
        return out
    }

    /// The texts hash a chunk was written with; nil when the bytes are not a chunk.
    public static func textsHash(_ bytes: [UInt8]) -> UInt64? {
        let prefix = Array(#"{"texts":""#.utf8)
        guard bytes.starts(with: prefix), bytes.count >= prefix.count + 16 else { return nil }
        return UInt64(String(decoding: bytes[prefix.count..<(prefix.count + 16)], as: UTF8.self), radix: 16)
    }
}
