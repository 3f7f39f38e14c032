import NotesCore
import Testing

@Suite struct DiagnosticTests {
    @Test func printsCompilerStyleWithHintAsNote() {
        let diagnostic = Diagnostic.error(
            "link.broken-anchor", path: "content/a.md", at: SourcePosition(line: 68, column: 64),
            "no heading or anchor '#x' on this page", hint: "did you mean '#y'?"
        )
        #expect(
            diagnostic.formatted == """
                content/a.md:68:64: error: no heading or anchor '#x' on this page [link.broken-anchor]
                content/a.md:68:64: note: did you mean '#y'?
                """)
    }

    @Test func withoutPositionPrintsThePathAlone() {
        let diagnostic = Diagnostic.warning("file.symlink", path: "content/l", at: nil, "ignored")
        #expect(diagnostic.formatted == "content/l: warning: ignored [file.symlink]")
    }

    @Test func githubAnnotationEscapesItsFields() {
        let diagnostic = Diagnostic.error("x.y", path: "content/a,b.md", at: SourcePosition(line: 3, column: 5), "50% wrong\nreally")
        #expect(diagnostic.githubAnnotation == "::error file=content/a%2Cb.md,line=3,col=5,title=x.y::50%25 wrong\\nreally")
    }

    @Test func sortsByPathThenPosition() {
        let late = Diagnostic.error("a", path: "content/a.md", at: SourcePosition(line: 9, column: 1), "m")
        let early = Diagnostic.error("a", path: "content/a.md", at: SourcePosition(line: 2, column: 7), "m")
        let other = Diagnostic.error("a", path: "content/b.md", at: SourcePosition(line: 1, column: 1), "m")
        #expect([other, late, early].sorted() == [early, late, other])
    }
}
