import Testing

@testable import SiteBuilder

/// Numbers in templates are written as their `description` reads.
@Suite struct TemplateNumberTests {
    @Test(arguments: [0, 7, 10, 42, 999, 1_000, -1, -305, Int.max, Int.min])
    func aNumberIsWrittenAsItsDescription(_ number: Int) {
        var output: [UInt8] = Array("x".utf8)
        TemplateRenderer.appendDecimal(number, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "x" + number.description)
    }
}
