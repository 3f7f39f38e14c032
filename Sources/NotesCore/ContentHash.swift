/// A fast 64-bit hash of a byte buffer, for noticing that a file's contents changed.
///
/// It mixes eight bytes at a time (multiply and xor-shift, in the style of FNV and
/// SplitMix), several times faster than byte-wise FNV-1a over the hundreds of megabytes a
/// large site writes. Stable across runs and platforms; not for anything adversarial.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(buffer.count)
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
            offset += 8
        }
        while offset < buffer.count {
            hash = (hash ^ UInt64(buffer[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 31)
    }
}
