import Testing
@testable import TimelineRender

/// Text is measured per grapheme cluster by its first scalar; the scalar-by-scalar fast
/// path must give the same widths.
@Suite struct TextWidthTests {
    /// The definition: one width per Character.
    private func reference(_ text: String, fontSize: Double) -> Double {
        text.reduce(0.0) { $0 + ($1.unicodeScalars.first.map(TextWidth.width(of:)) ?? 0) } * fontSize * 1.05
    }

    @Test(arguments: [
        "", "attempt 1 (ok)", "再試行 2 回目", "ｶﾀｶﾅ と カタカナ", "か\u{3099}き\u{309A}", "〇〡\u{302A}", "e\u{301}cole",
        "👩‍💻 dev", "🇯🇵", "\r\n", "한국어", "全角ＡＢＣ！", "〜〰〽", "tab\there",
    ])
    func fastPathMeasuresLikeGraphemeClusters(_ text: String) {
        #expect(TextWidth.estimate(text, fontSize: 12) == reference(text, fontSize: 12))
    }

    @Test func wideCharactersAreOneEm() {
        #expect(TextWidth.estimate("再試行", fontSize: 10) == 3 * 10 * 1.05)
        #expect(TextWidth.estimate("か\u{3099}", fontSize: 10) == 10 * 1.05)
    }
}
