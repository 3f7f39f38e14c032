import Testing

@testable import ScenarioKit

/// `Quantity.readPlain`: plainly written quantities read from their bytes, exactly as the
/// text reader reads them; anything else left to it.
@Suite struct QuantityPlainTests {
    static let durationUnits: [(String, Double)] = [("ms", 1), ("min", 60_000), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]

    @Test func plainDurationsAreReadFromTheirBytes() {
        let read = { Quantity.readPlain($0, units: Self.durationUnits, maximum: Quantity.maximumDuration) }
        #expect(read("150ms") == .value(150))
        #expect(read("1.5s") == .value(1_500))
        #expect(read("2min") == .value(120_000))
        #expect(read("1m") == .value(60_000))
        #expect(read("0.1s") == .value(100))
        #expect(read("007h") == .value(25_200_000))
        #expect(read("0.0005s") == .fractional, "half a millisecond is not rounded to one")
        #expect(read("100001d") == .outOfRange)
    }

    @Test func otherTextIsLeftToTheTextReader() {
        let read = { Quantity.readPlain($0, units: Self.durationUnits, maximum: Quantity.maximumDuration) }
        for text in ["0", "s", " 5s", "5s ", "5 s", "-5s", "+5s", ".5s", "5.s", "1.2.3s", "1e3ms", "5x", "５s", "1234567890123456ms"] {
            #expect(read(text) == nil, "\(text)")
        }
    }

    @Test func bothReadersAgree() {
        for text in ["150ms", "1.5s", "2min", "0.25h", "3d", "0s", "12.345s", "99999999ms"] {
            let plain = Quantity.readPlain(text, units: Self.durationUnits, maximum: Quantity.maximumDuration)
            let number = Double(text.prefix { $0.isNumber || $0 == "." })!
            let unit = Self.durationUnits.first { text.hasSuffix($0.0) }!.1
            #expect(plain == .value(Int64((number * unit).rounded())), "\(text)")
            #expect(Quantity.readDuration(text) == plain)
        }
        // Past the longest duration, both say so.
        #expect(Quantity.readPlain("999999999999999ms", units: Self.durationUnits, maximum: Quantity.maximumDuration) == .outOfRange)
        #expect(Quantity.readDuration("999999999999999ms") == .outOfRange)
        #expect(Quantity.readSize("6MB") == .value(6_291_456))
        #expect(Quantity.readSize("512B") == .value(512))
        #expect(Quantity.readSize("100") == .value(100))
    }

    /// The text reader reads decimal numbers only (`Double` alone also read hexadecimal,
    /// `inf` and `nan`), says when a number is beyond any duration, and refuses a part of a
    /// millisecond rather than round it to a time the writer never wrote.
    @Test func theTextReaderReadsDecimalNumbersOfWholeMilliseconds() {
        for text in ["0x10s", "0x1p3s", "infs", "nans", "inf", "1e3", "--1s", "1e+s", "1.2.3s"] {
            #expect(Quantity.readDuration(text) == .invalid, "\(text)")
        }
        #expect(Quantity.readDuration("1e3ms") == .value(1_000))
        #expect(Quantity.readDuration("-1.5e1s") == .value(-15_000))
        #expect(Quantity.readDuration("1 s") == .value(1_000))
        #expect(Quantity.readDuration("1e400s") == .outOfRange)
        #expect(Quantity.readDuration("0.5ms") == .fractional)
        #expect(Quantity.readDuration("1.0005s") == .fractional)
        #expect(Quantity.readSize("1.5B") == .fractional)
        #expect(Quantity.readDuration("600000.5ms") == .fractional, "a half millisecond at any size")
        #expect(Quantity.readDuration("1000.0005s") == .fractional)
        #expect(Quantity.readDuration("99999999.999s") == .value(99_999_999_999))
        #expect(Quantity.readDuration(".5s") == .value(500))
        #expect(Quantity.readDuration("+5s") == .value(5_000))
    }
}
