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
            appendLine(term: term.utf8, postings: postings[...], to: &out)
        }
        return out
    }

    /// Appends one term's line. The postings are written into a buffer of their largest
    /// size, then appended at once: a build writes every posting of the index.
    static func appendLine(term: some Collection<UInt8>, postings: ArraySlice<(id: Int, count: Int)>, to out: inout [UInt8]) {
        out += term
        out.append(UInt8(ascii: "\t"))
        // A posting is at most two numbers of 13 base-36 digits and two separators.
        let line = [UInt8](unsafeUninitializedCapacity: postings.count * 28 + 1) { buffer, written in
            var at = 0
            var previous = 0
            for posting in postings {
                if at > 0 {
                    buffer[at] = UInt8(ascii: ",")
                    at += 1
                }
                writeBase36(posting.id - previous, to: buffer, at: &at)
                if posting.count != 1 {
                    buffer[at] = UInt8(ascii: ":")
                    at += 1
                    writeBase36(posting.count, to: buffer, at: &at)
                }
                previous = posting.id
            }
            buffer[at] = UInt8(ascii: "\n")
            written = at + 1
        }
        out += line
    }

    /// The terms of a shard's text; nil when it is not one.
    public static func decode(_ bytes: [UInt8]) -> [(term: String, postings: Postings)]? {
        var terms: [(term: String, postings: Postings)] = []
        for line in lines(bytes) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")), let postings = decodePostings(line[(tab + 1)...]) else { return nil }
            terms.append((String(decoding: line[..<tab], as: UTF8.self), postings))
        }
        return terms
    }

    /// The lines of a shard, without their line ends.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"))
    }

    /// The postings after a term's tab; nil when they are malformed.
    static func decodePostings(_ bytes: ArraySlice<UInt8>) -> Postings? {
        var postings: Postings = []
        var id = 0
        var number = 0
        var digits = 0
        var delta: Int?
        for byte in bytes + [UInt8(ascii: ",")] {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard digits > 0, digits < 12 else { return nil }
                if byte == UInt8(ascii: ":") {
                    guard delta == nil else { return nil }
                    delta = number
                } else {
                    id += delta ?? number
                    postings.append((id, delta == nil ? 1 : number))
                    delta = nil
                }
                number = 0
                digits = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = number * 36 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                number = number * 36 + Int(byte - UInt8(ascii: "a")) + 10
                digits += 1
            default:
                return nil
            }
        }
        return postings
    }

    /// Writes `value` (not negative) in base 36 at `at`, which it moves past the digits.
    @inline(__always)
    static func writeBase36(_ value: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        if value < 36 {
            // Most gaps between ids and most counts: one digit.
            let digit = UInt8(truncatingIfNeeded: value)
            buffer[at] = digit < 10 ? 0x30 + digit : 0x57 + digit
            at += 1
            return
        }
        var divisor = 1
        while divisor <= value / 36 { divisor *= 36 }
        var value = value
        while divisor > 0 {
            let digit = UInt8(truncatingIfNeeded: value / divisor)
            buffer[at] = digit < 10 ? 0x30 + digit : 0x57 + digit
            at += 1
            value %= divisor
            divisor /= 36
        }
    }
}
