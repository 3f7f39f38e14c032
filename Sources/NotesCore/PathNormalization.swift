import Foundation

/// Names of pages and files as the site writes and links them: precomposed (NFC).
///
/// Why: a file named on macOS may be decomposed (`テ` + `゙` for `デ`), while a link typed to
/// it is precomposed. Swift compares the two as equal, so the link checked fine, but the
/// page was written under one spelling and linked under the other, and a static host
/// matches bytes: the link was broken. Written and linked in NFC, both agree.
public enum PathNormalization {
    /// `path` in NFC. An ASCII path (most are) is returned as it is.
    public static func nfc(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 >= 0x80 }) else { return path }
        return path.precomposedStringWithCanonicalMapping
    }
}
