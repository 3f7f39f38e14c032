/// The 64-bit FNV-1a hash: fast, stable across runs and platforms (unlike `Hasher`), for
/// content fingerprints and cache file names. Not for anything that needs to resist attack.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Mixes bytes into the hash.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ combine(buffer: $0) }) != nil { return }
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// Mixes a string's UTF-8 bytes into the hash.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: $0) }
    }

    /// Mixes one byte into the hash (a separator between fields).
    public mutating func combine(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes a number's 8 bytes (little-endian) into the hash.
    public mutating func combine(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { combine(byte: UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }

    private mutating func combine(buffer: UnsafeBufferPointer<UInt8>) {
        var hash = value
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// The hash of bytes in memory: called across modules, where the generic `hash(_:)` is
    /// not specialized and reaches each byte through its protocols.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(buffer: bytes)
        return hasher.value
    }

    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(bytes)
        return hasher.value
    }

    /// The hash as 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
