import NotesCore

/// Each page's counted terms, kept beside the build's manifest by chunk of pages, never
/// published.
///
/// Why: an edit patches the index, and the patch must take the edited page's old terms out
/// of their shards; only this file still knows them. It keeps the terms, not the pages'
/// texts: several times smaller to write on every build and to hold until then, and the
/// patch reads the old terms without counting them again.
///
/// A chunk is a header line, then one record per page: its byte length (`VarInt`), then
/// the title (length and UTF-8), the page's length in tokens, the number of terms, and
/// each term in the order the page was counted in: its key (`TermKey`) turned so that its
/// kind is in the low bits and a character pair takes seven bytes, the weighted count and,
/// for a word, its text. Equal pages have equal records, so a patch compares bytes to find
/// the pages whose terms did not change. (Keys sorted and written as distances would take
/// a third of the bytes, but sorting them cost more than writing the difference.)
public enum KeptTerms {
    private static let header = Array("notesim search terms 1\n".utf8)

    /// What a page's record says.
    public struct Page {
        public var title: String
        public var length: Int
        /// The terms and their weighted counts, in the order they were counted.
        public var terms: [(term: String, count: Int)]
    }

    /// The record of `document`, without its length prefix, written into memory of its
    /// largest size: every page of a build passes here.
    public static func record(_ document: CountedDocument) -> [UInt8] {
        var title = document.title
        let capacity = 3 * VarInt.longest + title.utf8.count + document.keys.count * (VarInt.longest + 5) + document.words.textBytes
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
            var out = buffer.baseAddress!
            func text(_ bytes: UnsafeBufferPointer<UInt8>) {
                out += VarInt.write(UInt64(bytes.count), to: out)
                if let base = bytes.baseAddress { out.update(from: base, count: bytes.count) }
                out += bytes.count
            }
            title.withUTF8(text)
            out += VarInt.write(UInt64(document.length), to: out)
            out += VarInt.write(UInt64(document.keys.count), to: out)
            document.keys.withUnsafeBufferPointer { keys in
                document.counts.withUnsafeBufferPointer { counts in
                    for index in keys.indices {
                        let key = keys[index]
                        out += VarInt.write(key << 2 | key >> 62, to: out)
                        out += VarInt.write(UInt64(counts[index]), to: out)
                        guard TermKey.isWord(key) else { continue }
                        var word = document.words[key] ?? ""
                        word.withUTF8(text)
                    }
                }
            }
            written = out - buffer.baseAddress!
        }
    }

    /// A chunk of `records` (each as `record` gives it).
    public static func chunk(_ records: some Sequence<some Collection<UInt8>>) -> [UInt8] {
        var out = header
        for record in records {
            VarInt.append(UInt64(record.count), to: &out)
            out += record
        }
        return out
    }

    /// The records of a chunk, in page order; nil when the bytes are not a chunk.
    public static func records(_ bytes: [UInt8]) -> [ArraySlice<UInt8>]? {
        guard bytes.starts(with: header) else { return nil }
        var records: [ArraySlice<UInt8>] = []
        var at = header.count
        while at < bytes.count {
            guard let length = VarInt.read(bytes[...], at: &at), length <= UInt64(bytes.count - at) else { return nil }
            records.append(bytes[at..<(at + Int(length))])
            at += Int(length)
        }
        return records
    }

    /// The title `record` begins with; nil when it does not begin with one.
    public static func title(_ record: ArraySlice<UInt8>) -> String? {
        var at = record.startIndex
        return readText(record, at: &at)
    }

    /// What `record` says; nil when it is not a record.
    public static func page(_ record: ArraySlice<UInt8>) -> Page? {
        var at = record.startIndex
        guard let title = readText(record, at: &at), let length = VarInt.read(record, at: &at), length <= UInt64(Int32.max),
            let count = VarInt.read(record, at: &at), count <= UInt64(record.count)
        else { return nil }
        var terms: [(term: String, count: Int)] = []
        terms.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let turned = VarInt.read(record, at: &at), let weight = VarInt.read(record, at: &at), weight <= UInt64(Int32.max) else { return nil }
            let key = turned >> 2 | turned << 62
            let term: String?
            if TermKey.isWord(key) { term = readText(record, at: &at) } else { term = TermKey.characters(key) }
            guard let term else { return nil }
            terms.append((term, Int(weight)))
        }
        guard at == record.endIndex else { return nil }
        return Page(title: title, length: Int(length), terms: terms)
    }

    private static func readText(_ bytes: ArraySlice<UInt8>, at index: inout Int) -> String? {
        guard let length = VarInt.read(bytes, at: &index), length <= UInt64(bytes.endIndex - index) else { return nil }
        let text = String(decoding: bytes[index..<(index + Int(length))], as: UTF8.self)
        index += Int(length)
        return text
    }
}
