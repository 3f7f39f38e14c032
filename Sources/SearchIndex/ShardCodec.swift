/// One shard as text: a line per term, `term<TAB>postings`, terms in byte order.
///
/// Postings are the pages that have the term, in increasing id order, comma-separated, each
/// the id's distance from the previous one in base 36, followed by `:count` (base 36) when
/// the weighted count is not 1. `の\t0,1:3,a` means pages 0, 1 (count 3) and 11.
public enum ShardCodec {
    /// A term's postings: page ids and weighted counts, ids increasing.
    public typealias Postings = [(id: Int, count: Int)]

    /// The text of a shard whose terms are given in any order.
    public static func encode(_ terms: [(term: String, postings: Postings)]) -> [UInt8] {
        var out: [UInt8] = []
        for (term, postings) in terms.sorted(by: { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }) {
            out += term.utf8
            out.append(UInt8(ascii: "\t"))
            var previous = 0
            for (index, posting) in postings.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendBase36(posting.id - previous, to: &out)
                if posting.count != 1 {
                    out.append(UInt8(ascii: ":"))
                    appendBase36(posting.count, to: &out)
                }
                previous = posting.id
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The terms of a shard's text; nil when it is not one.
    public static func decode(_ bytes: [UInt8]) -> [(term: String, postings: Postings)]? {
        var terms: [(term: String, postings: Postings)] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            var postings: Postings = []
            var id = 0
            for entry in line[(tab + 1)...].split(separator: UInt8(ascii: ",")) {
                let parts = entry.split(separator: UInt8(ascii: ":"), maxSplits: 1)
                guard let delta = base36(parts[0]), let count = parts.count > 1 ? base36(parts[1]) : 1 else { return nil }
                id += delta
                postings.append((id, count))
            }
            terms.append((String(decoding: line[..<tab], as: UTF8.self), postings))
        }
        return terms
    }

    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    static func appendBase36(_ value: Int, to out: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 36 { divisor *= 36 }
        var value = value
        while divisor > 0 {
            out.append(digits[value / divisor])
            value %= divisor
            divisor /= 36
        }
    }

    static func base36(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 12 else { return nil }
        var value = 0
        for byte in bytes {
            guard let digit = digits.firstIndex(of: byte) else { return nil }
            value = value * 36 + digit
        }
        return value
    }
}
