import NotesCore
import Testing

@Suite struct LineIndexTests {
    @Test func byteColumnsBecomeCharacterColumns() {
        let index = LineIndex("abc\n同期呼び出し [x](y)\n")
        // "同期呼び出し " is 6 characters (18 bytes) + 1 space: '[' is byte column 20.
        #expect(index.position(line: 2, byteColumn: 20) == SourcePosition(line: 2, column: 8))
        #expect(index.position(line: 1, byteColumn: 2) == SourcePosition(line: 1, column: 2))
    }

    @Test func offsetsMapToLinesAndColumns() {
        let index = LineIndex("ab\nこれ\n")
        #expect(index.position(ofOffset: 0) == SourcePosition(line: 1, column: 1))
        #expect(index.position(ofOffset: 3) == SourcePosition(line: 2, column: 1))
        #expect(index.position(ofOffset: 6) == SourcePosition(line: 2, column: 2))
        #expect(index.lineCount == 3)
    }

    @Test func crlfLineEndingsKeepPositions() {
        let index = LineIndex("一\r\n二三\r\n")
        #expect(index.lineText(1) == "一")
        #expect(index.lineText(2) == "二三")
        #expect(index.position(line: 2, byteColumn: 4) == SourcePosition(line: 2, column: 2))
    }
}

/// Character counts without grapheme breaking must equal `String.count`.
@Suite struct GraphemesTests {
    @Test(arguments: [
        "", "plain ASCII, with tabs\tand controls\u{1}", "再試行は 2 回まで", "ｶﾀｶﾅ と カタカナ", "か\u{3099}き", "〇〡\u{302A}",
        "e\u{301}cole", "👩‍💻 dev", "🇯🇵🇺🇸", "a\r\nb", "한국어", "全角ＡＢＣ！", "Ελληνικά", "x\u{200D}y", "𠀀𠀁",
    ])
    func countsLikeString(_ text: String) {
        #expect(Graphemes.count(Array(text.utf8)[...]) == text.count)
    }

    @Test func positionsCountCharactersBeforeTheByteColumn() {
        let index = LineIndex("ab\n再試行 x\nか\u{3099}z")
        #expect(index.position(line: 2, byteColumn: 11) == SourcePosition(line: 2, column: 5))
        #expect(index.position(line: 3, byteColumn: 7) == SourcePosition(line: 3, column: 2))
    }
}
