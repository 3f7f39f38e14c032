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

/// The figure description's note on a compressed axis, in both languages.
@Suite struct CompressedAxisTextTests {
    @Test func placeholdersAreFilledInBothLanguages() {
        #expect(
            TimelineLabels.forLanguage("en").compressedAxis(gaps: 2, hidden: "+1 m, +30 s")
                == "Time axis compressed: 2 idle gaps hidden (+1 m, +30 s).")
        #expect(
            TimelineLabels.forLanguage("ja").compressedAxis(gaps: 3, hidden: "+1 分")
                == "時間軸を圧縮: 何も起きない 3 区間を省略 (+1 分)。")
    }

    @Test func aPercentSignWithoutAPlaceholderStays() {
        var labels = TimelineLabels.forLanguage("ja")
        labels.axisCompressed = "100% 圧縮 %x 区間 %d%"
        #expect(labels.compressedAxis(gaps: 4, hidden: "") == "100% 圧縮 %x 区間 4%")
    }
}

/// Tick steps: the first of 1, 2, 5, 10, … ms wide enough, as the list of candidates gave it.
@Suite struct TickStepTests {
    @Test func theFirstWideEnoughCandidateIsChosen() {
        var candidates: [Int64] = []
        var step: Int64 = 1
        while step <= 1_000_000_000 {
            candidates += [step, step * 2, step * 5]
            step *= 10
        }
        for pixelsPerMillisecond in [1e-12, 1e-9, 3e-7, 0.0004, 0.013, 0.5, 1, 7.5, 80] {
            let expected = candidates.first { Double($0) * pixelsPerMillisecond >= 60 } ?? candidates.last!
            #expect(TimeAxis.tickStep(pixelsPerMillisecond: pixelsPerMillisecond, spacing: 60) == expected, "\(pixelsPerMillisecond)")
        }
    }
}
