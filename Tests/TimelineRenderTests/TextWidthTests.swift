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

/// Tick steps: durations a reader counts in, the first wide enough.
@Suite struct TickStepTests {
    @Test func stepsFollowTheClockAboveASecond() {
        let minute: Int64 = 60_000
        let cases: [(pixelsPerMillisecond: Double, step: Int64)] = [
            (80, 1), (1, 100), (0.13, 500), (0.05, 2_000), (0.004, 15_000), (0.0015, 1 * minute), (0.0001, 10 * minute),
            (0.000_04, 30 * minute), (0.000_01, 2 * 60 * minute), (0.000_001, 24 * 60 * minute), (1e-12, 5_000 * 24 * 60 * minute),
        ]
        for (pixelsPerMillisecond, step) in cases {
            #expect(TimeAxis.tickStep(pixelsPerMillisecond: pixelsPerMillisecond, spacing: 60) == step, "\(pixelsPerMillisecond)")
        }
        // No step of 100 or 200 seconds: after 1 minute comes 2.
        #expect(!TimeAxis.tickSteps.contains(100_000) && !TimeAxis.tickSteps.contains(200_000))
        #expect(TimeAxis.tickSteps == TimeAxis.tickSteps.sorted())
    }
}
