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

    /// The first occurrence of `pattern` in `text` at or after `start`.
    public static func firstRange(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Range<Int>? {
        guard let first = pattern.first, pattern.count <= text.count else { return nil }
        var index = max(0, start)
        let last = text.count - pattern.count
        while index <= last {
            if text[index] == first {
                var matched = 1
                while matched < pattern.count, text[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index..<(index + pattern.count) }
            }
            index += 1
        }
        return nil
    }
}
