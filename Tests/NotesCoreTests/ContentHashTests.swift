import NotesCore
import Testing

/// `ContentHash`: what the build manifest compares to notice a changed note or page.
@Suite struct ContentHashTests {
    /// Bytes 3, 10, 17, … (wrapping), a pattern with no repeats within 256 bytes.
    private func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    }

    @Test func everyChangedByteChangesTheHash() {
        // Lengths around the 8-byte words and the 32-byte blocks of four lanes.
        for count in 1...100 {
            let bytes = pattern(count)
            let original = ContentHash.of(bytes)
            for index in bytes.indices {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var changed = bytes
                    changed[index] ^= flip
                    #expect(ContentHash.of(changed) != original, "length \(count), byte \(index), xor \(flip)")
                }
            }
        }
    }

    @Test func lengthAndWordOrderCount() {
        let zeros = (0...70).map { ContentHash.of([UInt8](repeating: 0, count: $0)) }
        #expect(Set(zeros).count == zeros.count)
        // The same eight-byte words in other lanes or blocks.
        let words = pattern(64)
        let swapped = Array(words[8..<16] + words[0..<8] + words[16..<64])
        let blocks = Array(words[32..<64] + words[0..<32])
        #expect(Set([ContentHash.of(words), ContentHash.of(swapped), ContentHash.of(blocks)]).count == 3)
    }

    /// Hashes are stored in manifests on disk: the same bytes must hash the same everywhere.
    @Test func valuesAreStable() {
        #expect(ContentHash.of([]) == 11_879_830_112_084_838_586)
        #expect(ContentHash.of(Array("notesim".utf8)) == 12_248_117_461_503_183_937)
        #expect(ContentHash.of(pattern(100)) == 12_125_097_128_515_219_263)
    }
}
