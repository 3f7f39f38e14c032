/// What the term scan needs to know of each character of U+2000–U+30FF, one byte each: its
/// class (`SearchTokenizer.classify`) and whether NFKC may change it.
///
/// Why: Japanese prose is kanji (compared as a range), kana and punctuation (this table), so
/// one lookup both classifies a character and checks that the text needs no folding, where
/// the check used to be a pass of its own over every page (`SearchTokenizer.needsFolding`).
enum ScanTable {
    /// The byte of a character class: separator, word, CJK.
    static let separator: UInt8 = 0
    static let word: UInt8 = 1
    static let cjk: UInt8 = 2
    /// Set beside the class when NFKC may change the character.
    static let unstable: UInt8 = 4

    static let start = SearchTokenizer.tableStart
    static let end = SearchTokenizer.tableEnd

    /// The table, made once and never freed (a pointer: the scan reads it once per character).
    nonisolated(unsafe) static let entries: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(end - start))
        for value in start..<end {
            let stable = SearchTokenizer.foldStable[Int(value >> 6)] & 1 << (value & 63) != 0
            table[Int(value - start)] = classByte(SearchTokenizer.classify(value)) | (stable ? 0 : unstable)
        }
        return UnsafePointer(table)
    }()

    /// The byte of a class.
    @inline(__always)
    static func classByte(_ kind: SearchTokenizer.CharacterClass) -> UInt8 {
        switch kind {
        case .separator: separator
        case .word: word
        case .cjk: cjk
        }
    }
}
