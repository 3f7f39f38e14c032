import Foundation
import NotesCore

/// Counts a document's terms straight from its UTF-8, checking on the way that NFKC leaves
/// the text alone.
///
/// Why: a build counts every character of every page. One pass decodes, classifies and
/// counts each character, and the check for folding is the same table lookup as the class
/// (`ScanTable`), where it was a pass of its own. Should a text hold a character NFKC may
/// change (rare in notes), what its first part added is taken back by counting that part
/// again with the opposite weight, and the folded text is counted instead; the keys left at
/// 0 are dropped by the caller (`CountedDocument`). The rules are `SearchTokenizer`'s.
struct TermScan {
    let counter: TermCounter
    var words = WordTerms()
    /// Tokens counted (BM25's document length).
    private(set) var length = 0
    private let table = ScanTable.entries

    init(counter: TermCounter) {
        self.counter = counter
    }

    /// Counts the terms of `text`, each occurrence weighing `weight`.
    mutating func count(_ text: UnsafeBufferPointer<UInt8>, weight: Int32) {
        let (tokens, stop) = scan(text, weight: weight, checks: true)
        if stop == text.count {
            length += tokens
            return
        }
        _ = scan(UnsafeBufferPointer(rebasing: text[..<stop]), weight: -weight, checks: true, finishes: false)
        var folded = SearchTokenizer.fold(String(decoding: text, as: UTF8.self))
        length += folded.withUTF8 { scan($0, weight: weight, checks: false).length }
    }

    /// Counts the terms of `text` (a string).
    mutating func count(_ text: String, weight: Int32) {
        var text = text
        text.withUTF8 { count($0, weight: weight) }
    }

    /// Where a scan is between characters.
    private struct State {
        var tokens = 0
        /// The CJK character before, whose pair the next one makes (0: none).
        var previous: UInt32 = 0
        /// Where the open word starts (-1: none), and whether it is all ASCII.
        var wordStart = -1
        var wordASCII = true
        /// The open word's `FNV1a` hash, when it is all ASCII.
        var wordHash: UInt64 = 0
    }

    /// `FNV1a`'s offset basis and prime: an ASCII word is hashed as it is scanned, to the
    /// value `FNV1a.hash` gives its bytes (the word tables find it again by it).
    private static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// What `classify` gives for a character NFKC may change, when the scan checks.
    private static let stopKind: UInt8 = 0xFF

    /// Counts `bytes` up to their end, or with `checks` up to the first character NFKC may
    /// change (`stop`: its offset), without counting the run it is in (`finishes` false:
    /// neither at the end), so that the same call with the opposite weight takes the counts
    /// back. Returns the tokens counted.
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, weight: Int32, checks: Bool, finishes: Bool = true
    ) -> (length: Int, stop: Int) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let end = bytes.count
        // The table's flag for characters NFKC may change, or 0 when they are counted.
        let unstableFlag = checks ? ScanTable.unstable : 0
        var adder = counter.cursor()
        var state = State()
        var index = 0
        while index < end {
            let lead = base[index]
            if lead < 0x80 {
                scanASCII(base, at: &index, end: end, state: &state, weight: weight, adder: &adder)
                continue
            }
            var value: UInt32
            var width = 3
            var kind: UInt8
            if lead & 0xF0 == 0xE0, index &+ 2 < end {
                // Three bytes: kana, kanji and Japanese punctuation, nearly every character.
                value = Self.decode3(base, at: index)
                kind = classify(value, unstableFlag: unstableFlag, checks: checks)
            } else {
                guard let decoded = Self.decode(base, at: index, end: end) else { break }
                (value, width) = decoded
                kind = checks ? Self.stopKind : ScanTable.classByte(SearchTokenizer.classify(value))
            }
            if kind == Self.stopKind { break }
            if state.wordStart >= 0, kind != ScanTable.word { closeWord(base, at: index, state: &state, weight: weight, adder: &adder) }
            if kind == ScanTable.cjk, width == 3 {
                Self.cjkRun(base, at: &index, end: end, first: value, state: &state, weight: weight, adder: &adder, table: table, unstableFlag: unstableFlag)
                continue
            }
            if kind == ScanTable.cjk {
                // Four bytes (an ideograph beyond U+FFFF, such as 𠮟): a pair with the
                // character before it, as `cjkRun` counts the others.
                if state.previous != 0 { adder.add(TermKey.pair(state.previous, value), weight) }
                state.previous = value
                state.tokens &+= 1
                index &+= width
                continue
            }
            if state.previous != 0 {
                adder.add(TermKey.single(state.previous), weight)
                state.previous = 0
            }
            if kind == ScanTable.word {
                if state.wordStart < 0 { state.wordStart = index }
                state.wordASCII = false
            }
            index &+= width
        }
        if index < end, checks {
            // Stopped at a character NFKC may change (a cut-off one ends the text).
            adder.store()
            return (state.tokens, index)
        }
        if finishes {
            if state.previous != 0 { adder.add(TermKey.single(state.previous), weight) }
            if state.wordStart >= 0 { closeWord(base, at: index, state: &state, weight: weight, adder: &adder) }
        }
        adder.store()
        return (state.tokens, end)
    }

    /// Counts the pairs of the run of CJK characters of three bytes that starts at `index`
    /// with `first`, and moves `index` past it: the loop that counts most of a Japanese
    /// page, kept to what a pair needs. A character it does not take ends the run; the
    /// scan reads it again (a CJK character of another length goes on from `previous`).
    ///
    /// A function of its own, with the counter's table in its own variables: inside the
    /// scan, the table's pointers and size were read from the stack for every pair. A pair
    /// already counted is found here; a new one is added by the cursor (which may grow the
    /// table, read again after).
    @inline(never)
    private static func cjkRun(
        _ base: UnsafePointer<UInt8>, at index: inout Int, end: Int, first: UInt32, state: inout State, weight: Int32,
        adder: inout TermCounter.Cursor, table: UnsafePointer<UInt8>, unstableFlag: UInt8
    ) {
        var value = first
        var previous = state.previous
        var at = index
        var tokens = state.tokens
        if previous != 0 { adder.add(TermKey.pair(previous, value), weight) }
        var slots = adder.slots
        var mask = adder.mask
        var keyStore = adder.keyStore
        var countStore = adder.countStore
        while true {
            previous = value
            tokens &+= 1
            at &+= 3
            guard at &+ 2 < end, base[at] & 0xF0 == 0xE0 else { break }
            let next = decode3(base, at: at)
            if next &- 0x4E00 >= 0x5200 {
                guard next &- ScanTable.start < ScanTable.end - ScanTable.start,
                    table[Int(next &- ScanTable.start)] & (unstableFlag | 3) == ScanTable.cjk
                else { break }
            }
            value = next
            let key = TermKey.pair | UInt64(previous) << 21 | UInt64(value)
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while true {
                let found = Int(slots[slot])
                if found == 0 {
                    adder.add(key, weight)
                    (slots, mask, keyStore, countStore) = (adder.slots, adder.mask, adder.keyStore, adder.countStore)
                    break
                }
                if keyStore[found &- 1] == key {
                    countStore[found &- 1] &+= weight
                    break
                }
                slot = (slot &+ 1) & mask
            }
        }
        index = at
        state.previous = previous
        state.tokens = tokens
    }

    /// Reads the ASCII character at `index` (a whole run of letters and digits) and moves
    /// `index` past it.
    @inline(__always)
    private mutating func scanASCII(
        _ base: UnsafePointer<UInt8>, at index: inout Int, end: Int, state: inout State, weight: Int32, adder: inout TermCounter.Cursor
    ) {
        if state.previous != 0 {
            adder.add(TermKey.single(state.previous), weight)
            state.previous = 0
        }
        guard Self.isWordByte(base[index]) else {
            if state.wordStart >= 0 { closeWord(base, at: index, state: &state, weight: weight, adder: &adder) }
            index &+= 1
            return
        }
        if state.wordStart < 0 {
            // An ASCII word is one run (a byte after it that is no ASCII letter or digit
            // ends it, or makes it a word of other characters): its hash is made here.
            state.wordStart = index
            state.wordASCII = true
            var hash = Self.fnvOffsetBasis
            while index < end, Self.isWordByte(base[index]) {
                hash = (hash ^ UInt64(base[index])) &* Self.fnvPrime
                index &+= 1
            }
            state.wordHash = hash
            return
        }
        index &+= 1
        while index < end, Self.isWordByte(base[index]) { index &+= 1 }
    }

    /// Counts the open word, which ends before `index`, and closes it.
    private mutating func closeWord(_ base: UnsafePointer<UInt8>, at index: Int, state: inout State, weight: Int32, adder: inout TermCounter.Cursor) {
        state.tokens &+= countWord(base, from: state.wordStart, to: index, ascii: state.wordASCII, hash: state.wordHash, weight: weight, adder: &adder)
        state.wordStart = -1
    }

    /// The class byte (`ScanTable`) of a character of three bytes, or `stopKind` when the
    /// scan checks (`checks`, `unstableFlag` set) and NFKC may change it.
    @inline(__always)
    private func classify(_ value: UInt32, unstableFlag: UInt8, checks: Bool) -> UInt8 {
        if value &- 0x4E00 < 0x5200 { return ScanTable.cjk }
        if value &- ScanTable.start < ScanTable.end - ScanTable.start {
            let entry = table[Int(value &- ScanTable.start)]
            return entry & unstableFlag != 0 ? Self.stopKind : entry & 3
        }
        return checks ? Self.stopKind : ScanTable.classByte(SearchTokenizer.classify(value))
    }

    /// The character of three bytes at `index`.
    @inline(__always)
    private static func decode3(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(base[index] & 0x0F) << 12 | UInt32(base[index &+ 1] & 0x3F) << 6 | UInt32(base[index &+ 2] & 0x3F)
    }

    /// Whether an ASCII byte is a letter or digit.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// The character of two to four bytes at `index` (`UTF8Scalar.decode`); nil when it is
    /// cut off by the end.
    private static func decode(_ base: UnsafePointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int)? {
        let width = base[index] < 0xE0 ? 2 : base[index] < 0xF0 ? 3 : 4
        guard index + width <= end else { return nil }
        let decoded = UTF8Scalar.decode(UnsafeBufferPointer(start: base, count: end), at: index)
        return (decoded.value, decoded.width)
    }

    /// Counts the word of bytes `start..<end` (`hash`: its hash, when `ascii`); returns how
    /// many terms it had.
    private mutating func countWord(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, ascii: Bool, hash: UInt64, weight: Int32, adder: inout TermCounter.Cursor
    ) -> Int {
        let word = UnsafeBufferPointer(start: base + start, count: end - start)
        guard ascii else {
            let terms = SearchTokenizer.wordTerms(String(decoding: word, as: UTF8.self), whole: true)
            for term in terms {
                let key = TermKey.word(term)
                if adder.add(key, weight) { words.texts.add(key, term) }
            }
            return SearchTokenizer.tokens(ofTerms: terms.count)
        }
        return SearchTokenizer.tokens(ofTerms: words.countASCII(word, hash: hash, weight: weight, adder: &adder))
    }
}
