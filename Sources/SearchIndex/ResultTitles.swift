import NotesCore

/// A chunk of the published index: each page's address and title, for the result list.
///
/// `{"terms":"<hash>","pages":[[url,title],…]}`. A result's excerpt and best heading come
/// from the page itself, which the browser fetches (and keeps for the click that follows),
/// so the index does not carry every page's text a second time. `terms` is the content
/// hash of the chunk's `KeptTerms`: a later build patches the index only when the terms it
/// kept are those this chunk was written with.
public enum ResultTitles {
    private static let prefix = Array(#"{"terms":""#.utf8)

    /// The JSON of `pages` (address and title), whose kept terms have hash `terms`.
    public static func encode(_ pages: some Sequence<(url: String, title: String)>, terms: UInt64) -> [UInt8] {
        var out = prefix + Array(FNV1a.hex(terms).utf8) + Array(#"","pages":["#.utf8)
        for (index, page) in pages.enumerated() {
            out += Array((index > 0 ? ",[" : "[").utf8)
            out += JSONString.quotedBytes(page.url)
            out.append(UInt8(ascii: ","))
            out += JSONString.quotedBytes(page.title)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("]}\n".utf8)
        return out
    }

    /// The hash of the kept terms a chunk was written with; nil when the bytes are not a chunk.
    public static func termsHash(_ bytes: [UInt8]) -> UInt64? {
        guard bytes.starts(with: prefix), bytes.count >= prefix.count + 16 else { return nil }
        return UInt64(String(decoding: bytes[prefix.count..<(prefix.count + 16)], as: UTF8.self), radix: 16)
    }
}
