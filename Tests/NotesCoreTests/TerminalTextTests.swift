import NotesCore
import Testing

/// A diagnostic is printed on its own line(s) whatever the text it quotes holds.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("a\nb", "a\\nb"), ("a\r\nb", "a\\r\\nb"), ("a\tb", "a\\tb"), ("\u{1B}[31mred", "\\u{1B}[31mred"),
        ("nul\u{0}", "nul\\u{0}"), ("del\u{7F}", "del\\u{7F}"), ("nel\u{85}", "nel\\u{85}"), ("csi\u{9B}", "csi\\u{9B}"),
        ("ls\u{2028}ps\u{2029}", "ls\\u{2028}ps\\u{2029}"), ("日本語 a\\_b.md", "日本語 a\\_b.md"), ("", ""),
    ])
    func controlCharactersAreShownEscaped(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    @Test func everyControlCharacterIsEscapedAndNothingElse() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let escaped = TerminalText.escaped(String(Character(scalar)))
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            #expect((escaped != String(Character(scalar))) == isControl, "U+\(String(value, radix: 16))")
            #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 })
        }
    }

    @Test func aDiagnosticQuotingANewlineStaysOnItsLines() {
        let diagnostic = Diagnostic.error(
            "link.missing-file", path: "content/x\ny.md", at: SourcePosition(line: 2, column: 3),
            "link target 'a\n::error::pwned.md' does not exist", hint: "did you mean 'a\u{1B}]0;t\u{7}'?"
        )
        #expect(
            diagnostic.formatted == """
                content/x\\ny.md:2:3: error: link target 'a\\n::error::pwned.md' does not exist [link.missing-file]
                content/x\\ny.md:2:3: note: did you mean 'a\\u{1B}]0;t\\u{7}'?
                """)
    }

    @Test func aGitHubAnnotationIsOneLineAndEncodesItsFields() {
        let diagnostic = Diagnostic.error(
            "link.missing-file", path: "content/a:b,c%\r\n.md", at: SourcePosition(line: 2, column: 3),
            "50% of 'a\n::error::pwned.md'\r", hint: "x\u{2028}y"
        )
        #expect(
            diagnostic.githubAnnotation
                == "::error file=content/a%3Ab%2Cc%25\\r\\n.md,line=2,col=3,title=link.missing-file::50%25 of 'a\\n::error::pwned.md'\\r%0Ax\\u{2028}y")
    }
}

/// Severities in colour for a terminal, as compilers print them; the text itself unchanged.
@Suite struct ColoredDiagnosticTests {
    @Test func severitiesArePaintedAndTheRestIsTheSame() {
        let diagnostic = Diagnostic.error(
            "link.broken", path: "content/a.md", at: SourcePosition(line: 3, column: 5), "no such note", hint: "did you mean 'b.md'?")
        #expect(
            diagnostic.formatted(colored: true)
                == "content/a.md:3:5: \u{1B}[1;31merror\u{1B}[0m: no such note [link.broken]\ncontent/a.md:3:5: \u{1B}[1;36mnote\u{1B}[0m: did you mean 'b.md'?"
        )
        #expect(diagnostic.formatted(colored: false) == diagnostic.formatted)
        #expect(!diagnostic.formatted.contains("\u{1B}"))
    }
}
