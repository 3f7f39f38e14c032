import Foundation
import NotesCore

/// `search-index/index.json`: what a browser needs before it fetches any shard.
///
/// `documents` and `length` (the total of every page's length) give BM25 its page count and
/// average length; `lengths` has one character per page, its length on a logarithmic scale
/// (`lengthBucket`), so a page's length costs one byte, not a field in every posting. `key`
/// is a hash of the pages' addresses in id order: a later build patches the index only
/// when its pages are the same ones, with the same ids.
public struct IndexManifest: Equatable, Sendable {
    public static let format = 2
    public var documents: Int
    public var length: Int
    public var lengths: [UInt8]
    public var key: String

    /// The 64 characters of `lengths`, bucket 0 first.
    static let bucketCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// The bucket of a length: the smallest b with 1.25^b ≥ length (at most 63). The browser
    /// takes 1.25^b as the page's length.
    static func lengthBucket(_ length: Int) -> UInt8 {
        var bucket = 0
        var bound = 1.0
        while bound < Double(length), bucket < 63 {
            bound *= 1.25
            bucket += 1
        }
        return bucketCharacters[bucket]
    }

    /// The key of a list of page addresses.
    static func key(of urls: [String]) -> String {
        var hasher = FNV1a()
        for url in urls {
            hasher.combine(url)
            hasher.combine(byte: 0)
        }
        return FNV1a.hex(hasher.value)
    }

    func encode() -> [UInt8] {
        var out = Array(
            #"{"format":\#(Self.format),"documents":\#(documents),"length":\#(length),"chunk":\#(IndexLayout.chunkSize),"key":"\#(key)","lengths":""#.utf8)
        out += lengths
        out += Array("\"}\n".utf8)
        return out
    }

    static func decode(_ bytes: [UInt8]) -> IndexManifest? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            object["format"] as? Int == format, let documents = object["documents"] as? Int, let length = object["length"] as? Int,
            let key = object["key"] as? String, let lengths = object["lengths"] as? String, lengths.utf8.count == documents
        else { return nil }
        return IndexManifest(documents: documents, length: length, lengths: Array(lengths.utf8), key: key)
    }
}
