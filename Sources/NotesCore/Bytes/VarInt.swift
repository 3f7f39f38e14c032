/// Unsigned whole numbers in as few bytes as they need: seven bits a byte, the high bit set
/// on every byte but the last (LEB128).
///
/// Why: the search index keeps every page's terms beside the build's manifest: lengths,
/// counts (mostly below 128) and keys of at most 44 significant bits for characters, which
/// take one to seven bytes here where a fixed width would take eight.
public enum VarInt {
    /// The most bytes a number takes.
    public static let longest = 10

    /// Writes `value` at `out`, which has room for `longest` bytes; returns how many it wrote.
    @inlinable public static func write(_ value: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var rest = value
        var count = 0
        while rest >= 0x80 {
            out[count] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            count += 1
        }
        out[count] = UInt8(rest)
        return count + 1
    }

    /// Appends `value`, written by `write`.
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest) { scratch in
            let count = write(value, to: scratch.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }

    /// The number at `index` in `bytes`, moving `index` past it; nil when the bytes end
    /// first or the number does not fit in 64 bits.
    public static func read(_ bytes: ArraySlice<UInt8>, at index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            let bits = UInt64(byte & 0x7F)
            guard shift < 64, (bits << shift) >> shift == bits else { return nil }
            value |= bits << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
