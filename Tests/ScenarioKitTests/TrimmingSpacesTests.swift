import Testing

@testable import ScenarioKit

/// `trimmingSpaces`: spaces at either end go; a text with none comes back as it is.
@Suite struct TrimmingSpacesTests {
    @Test func spacesAtEitherEndAreTrimmed() {
        #expect("  1.5s ".trimmingSpaces == "1.5s")
        #expect(" 150ms".trimmingSpaces == "150ms")
        #expect("2min ".trimmingSpaces == "2min")
        #expect("   ".trimmingSpaces == "")
        #expect("".trimmingSpaces == "")
    }

    @Test func aTextWithoutEndSpacesIsKept() {
        #expect("1 s".trimmingSpaces == "1 s")
        #expect("秒".trimmingSpaces == "秒")
        // A space that a combining mark joins is another character, not a space.
        #expect(" \u{0301}1s".trimmingSpaces == " \u{0301}1s")
        #expect(Quantity.duration(" 1.5s ") == 1_500)
        #expect(Quantity.duration("1.5 s") == 1_500)
    }
}
