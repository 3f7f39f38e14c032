import NotesCore
import Testing

/// `Placeholders.fill`: translated sentences with `%x` placeholders, in one pass.
@Suite struct PlaceholdersTests {
    @Test func everyPlaceholderIsFilledOnceInOnePass() {
        #expect(Placeholders.fill("全 %t 件のうち最初の %d 件", [("d", "2000"), ("t", "5120")]) == "全 5120 件のうち最初の 2000 件")
        // A value that looks like a placeholder is not filled again.
        #expect(Placeholders.fill("%a and %b", [("a", "%b"), ("b", "x")]) == "%b and x")
    }

    @Test func anUnknownOrTrailingPercentStays() {
        #expect(Placeholders.fill("100% of %q, %", [("d", "1")]) == "100% of %q, %")
        #expect(Placeholders.fill("", [("d", "1")]) == "")
        // A percent sign before a placeholder stays; the placeholder is filled.
        #expect(Placeholders.fill("%%d 件%", [("d", "7")]) == "%7 件%")
    }
}
