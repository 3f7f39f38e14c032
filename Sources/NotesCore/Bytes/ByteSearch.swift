#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search over UTF-8 bytes.
///
/// Foundation's `String.range(of:)` goes through NSString and UTF-16 on Linux and took a
/// third of a site build; these compare bytes. UTF-8 is self-synchronising, so a match of
/// a valid needle always starts and ends on character boundaries.
public enum ByteSearch {
    /// The first occurrence of `needle` in `haystack` at or after byte `start`, as a byte
    /// range of `haystack.utf8`.
    public static func firstRange(of needle: String, in haystack: String, from start: Int = 0) -> Range<Int>? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in firstRange(of: pattern, in: text, from: start) }
        }
    }

    /// The first occurrence of `needle` in `bytes` at or after byte `start`.
    public static func firstRange(of needle: String, in bytes: [UInt8], from start: Int = 0) -> Range<Int>? {
        var needle = needle
        return bytes.withUnsafeBufferPointer { text in
            needle.withUTF8 { pattern in firstRange(of: pattern, in: text, from: start) }
        }
    }

    /// The first occurrence of `pattern` in `text` at or after `start`: `memchr` (vectorised)
    /// finds each candidate first byte, `memcmp` checks the rest.
    public static func firstRange(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Range<Int>? {
        guard let first = pattern.first, pattern.count <= text.count, let base = text.baseAddress, let needle = pattern.baseAddress else { return nil }
        var index = max(0, start)
        let last = text.count - pattern.count
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if memcmp(base + index + 1, needle + 1, pattern.count - 1) == 0 { return index..<(index + pattern.count) }
            index += 1
        }
        return nil
    }

    /// Whether `bytes` hold `byte`: `memchr` (vectorised), where `Array.contains` compared
    /// byte by byte (a page's parse asks this of the whole note for rare characters).
    public static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains(byte, in: $0) }
    }

    /// Whether `buffer` holds `byte` (`memchr`): the same for any contiguous bytes, such as a
    /// string's UTF-8.
    public static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        return memchr(base, Int32(byte), buffer.count) != nil
    }

    /// Offsets of every `byte` in `text`, found with `memchr`.
    public static func offsets(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = text.baseAddress else { return [] }
        var offsets: [Int] = []
        offsets.reserveCapacity(text.count / 32 + 8)
        var index = 0
        while index < text.count, let hit = memchr(base + index, Int32(byte), text.count - index) {
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            offsets.append(offset)
            index = offset + 1
        }
        return offsets
    }
}
