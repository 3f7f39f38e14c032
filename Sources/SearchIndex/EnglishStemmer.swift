/// A small English stemmer: plurals, `-ing`, `-ed` and a final `e`, so that `retries`,
/// `retried` and `retry`, or `invoke`, `invoked` and `invoking`, are one term.
///
/// Deliberately simpler than Porter's: the same rules run in the browser (`search.js`) for
/// every query, and a few lines are easy to keep identical there. Only lowercase ASCII words
/// are stemmed; anything else is its own term.
public enum EnglishStemmer {
    /// The stem of a lowercase word.
    public static func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        guard stem(&letters) else { return word }
        return String(decoding: letters, as: UTF8.self)
    }

    /// Stems UTF-8 bytes in place; false (and untouched) when they are not a lowercase ASCII
    /// word of at least four letters.
    static func stem(_ letters: inout [UInt8]) -> Bool {
        guard letters.count >= 4, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        // Every rule below removes an ending in s, d, g or e; most words end otherwise.
        guard let last = letters.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "d") || last == UInt8(ascii: "g") || last == UInt8(ascii: "e")
        else { return true }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard letters.count > count else { return false }
            return suffix.withUTF8Buffer { letters.suffix(count).elementsEqual($0) }
        }
        func replace(_ count: Int, with tail: UInt8? = nil) {
            letters.removeLast(count)
            if let tail { letters.append(tail) }
        }
        if letters.count >= 5, ends("ies") || ends("ied") {
            replace(3, with: UInt8(ascii: "y"))
        } else if ends("sses") {
            replace(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            replace(1)
        }
        if letters.count >= 6, ends("ing") {
            replace(3)
            undouble(&letters)
        } else if letters.count >= 5, ends("ed") {
            replace(2)
            undouble(&letters)
        }
        if letters.count >= 4, letters.last == UInt8(ascii: "e") { replace(1) }
        return true
    }

    /// `runn` -> `run`, `stopp` -> `stop`, but `fall`, `pass` and `buzz` keep their pair.
    private static func undouble(_ letters: inout [UInt8]) {
        guard letters.count >= 3, letters[letters.count - 1] == letters[letters.count - 2] else { return }
        let last = letters[letters.count - 1]
        if !"aeioulsz".utf8.contains(last) { letters.removeLast() }
    }
}
