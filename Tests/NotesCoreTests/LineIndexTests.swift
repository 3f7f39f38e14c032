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
