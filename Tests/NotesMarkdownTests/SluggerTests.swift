import NotesMarkdown
import Testing

/// Heading ids follow github-slugger (see design/architecture.md, "Site behaviour").
@Suite struct SluggerTests {
    @Test(arguments: [
        ("Hello World", "hello-world"),
        ("コールドスタートとは？", "コールドスタートとは"),
        ("Lambda の同時実行数（Reserved Concurrency）", "lambda-の同時実行数reserved-concurrency"),
        ("非同期呼び出し・再試行", "非同期呼び出し再試行"),
        ("コールド\u{3000}スタート", "コールドスタート"),
        ("a - b", "a---b"),
        ("C++ & Swift", "c--swift"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("😄 emoji", "-emoji"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
        ("バッチサイズ (BatchSize)", "バッチサイズ-batchsize"),
        ("1. 同期実行", "1-同期実行"),
        ("Destinations (送信先)", "destinations-送信先"),
    ])
    func baseSlugMatchesGitHub(heading: String, slug: String) {
        #expect(Slugger.baseSlug(heading) == slug)
    }

    /// The definition before the fast path: lowercase the whole text, then keep scalars by
    /// their Unicode properties.
    private func definition(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " { scalars.append("-"); continue }
            let properties = scalar.properties
            if scalar == "-" || scalar == "_" || properties.isAlphabetic { scalars.append(scalar); continue }
            switch properties.generalCategory {
            case .otherNumber, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
                .otherPunctuation, .dashPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
                .control, .format, .privateUse, .unassigned, .surrogate, .spaceSeparator, .lineSeparator, .paragraphSeparator:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    @Test(arguments: [
        "Hello World", "ÀÉÎ Ünïcödé", "İstanbul", "Straße", "ΣΊΣΥΦΟΣ", "ＡＢＣ全角１２３", "ｶﾀｶﾅ", "ゔゕゖ゛゜ゝ", "ヷヸヹヺ・ー",
        "一丁鿿", "㐀𠀀", "😄‍👩 emoji", "tab\there", "control\u{7F}\u{1}", "١٢٣ عربى", "한국어", "Ⅻ ⅰ ①", "a\u{301}",
    ])
    func baseSlugFollowsTheDefinition(_ heading: String) {
        #expect(Slugger.baseSlug(heading) == definition(heading))
    }

    /// Every scalar of the Japanese blocks (CJK punctuation, kana, ideographs, full-width
    /// forms), one by one and between ASCII letters: the fast path must agree with the definition.
    @Test func everyJapaneseScalarFollowsTheDefinition() {
        let ranges: [ClosedRange<UInt32>] = [0x3000...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF]
        var mismatches: [String] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let heading = "A" + String(Character(scalar)) + "b"
                if Slugger.baseSlug(heading) != definition(heading) { mismatches.append(String(value, radix: 16)) }
            }
        }
        #expect(mismatches == [])
    }

    @Test func duplicatesGetNumberedSuffixes() {
        var slugger = Slugger()
        #expect(slugger.slug("概要") == "概要")
        #expect(slugger.slug("概要") == "概要-1")
        #expect(slugger.slug("概要") == "概要-2")
        #expect(slugger.slug("概要-1") == "概要-1-1")
    }

    @Test func headingWithNoLetterGetsAFallback() {
        var slugger = Slugger()
        #expect(slugger.slug("？！") == "section")
        #expect(slugger.slug("…") == "section-1")
    }
}
