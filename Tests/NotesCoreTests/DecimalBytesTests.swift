import NotesCore
import Testing

/// Numbers written into bytes read as their `description` does (manifest lines, template numbers).
@Suite struct DecimalBytesTests {
    @Test(arguments: [0, 7, 10, 42, 999, 1_000, -1, -305, Int64.max, Int64.min])
    func aNumberIsWrittenAsItsDescription(_ number: Int64) {
        var output: [UInt8] = Array("x".utf8)
        DecimalBytes.append(number, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "x" + number.description)
    }
}
