import Foundation
import Testing

/// Whatever a note or a file name holds, `check` and `build` print each diagnostic on its own
/// line(s): control characters shown escaped, GitHub annotations encoded, JSON valid.
@Suite struct DiagnosticEscapingTests {
    /// Notes whose link destinations, headings and file names carry control characters: a
    /// `%0A` that decodes to a newline followed by a workflow command, raw ESC bytes, C1, DEL,
    /// U+2028, tab, CR, and `%`, `:` and `,` in a file name.
    private func hostileSite() throws -> String {
        try CLI.makeSite([
            "content/a.md": "# A\n\n[x](a%0A::error::pwned.md)\n\n[w](<b\u{1B}[2J.md>)\n\n[z](#rex%E2%80%A8)\n",
            "content/x\ny.md": "[b](missing%C2%85.md)\n",
            "content/t\t%:,.md": "# T\n\n[c](tab%09%0D%7F.md)\n",
            "content/b\u{1B}x.md": "# B\n",
            "content/s.md": "[s](bx.md)\n",
        ])
    }

    private let textLines = """
        content/a.md:3:5: error: link target 'a%0A::error::pwned.md' does not exist (looked for content/a\\n::error::pwned.md) [link.missing-file]
        content/a.md:5:6: error: link target 'b\\u{1B}[2J.md' does not exist (looked for content/b\\u{1B}[2J.md) [link.missing-file]
        content/a.md:5:6: note: did you mean 'b\\u{1B}x.md'?
        content/a.md:7:5: error: no heading or anchor '#rex\\u{2028}' on this page [link.broken-anchor]
        content/s.md:1:5: error: link target 'bx.md' does not exist (looked for content/bx.md) [link.missing-file]
        content/s.md:1:5: note: did you mean 'b\\u{1B}x.md'?
        content/t\\t%:,.md:3:5: error: link target 'tab%09%0D%7F.md' does not exist (looked for content/tab\\t\\r\\u{7F}.md) [link.missing-file]
        content/x\\ny.md:1:5: error: link target 'missing%C2%85.md' does not exist (looked for content/missing\\u{85}.md) [link.missing-file]

        """

    @Test func textPrintsOneLinePerDiagnosticWithControlCharactersEscaped() throws {
        let site = try hostileSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let check = try CLI.run(["check"], in: site)
        #expect(check.status == 1)
        #expect(check.standardError == textLines)
        let build = try CLI.run(["build", "--no-search"], in: site)
        #expect(build.status == 1)
        #expect(build.standardError == textLines)
    }

    @Test func githubAnnotationsAreOneLineEachAndEncodedAsGitHubDocuments() throws {
        let site = try hostileSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let github = try CLI.run(["check", "--format", "github"], in: site)
        #expect(github.status == 1)
        #expect(
            github.standardOutput == """
                ::error file=content/a.md,line=3,col=5,title=link.missing-file::link target 'a%250A::error::pwned.md' does not exist (looked for content/a\\n::error::pwned.md)
                ::error file=content/a.md,line=5,col=6,title=link.missing-file::link target 'b\\u{1B}[2J.md' does not exist (looked for content/b\\u{1B}[2J.md)%0Adid you mean 'b\\u{1B}x.md'?
                ::error file=content/a.md,line=7,col=5,title=link.broken-anchor::no heading or anchor '#rex\\u{2028}' on this page
                ::error file=content/s.md,line=1,col=5,title=link.missing-file::link target 'bx.md' does not exist (looked for content/bx.md)%0Adid you mean 'b\\u{1B}x.md'?
                ::error file=content/t\\t%25%3A%2C.md,line=3,col=5,title=link.missing-file::link target 'tab%2509%250D%257F.md' does not exist (looked for content/tab\\t\\r\\u{7F}.md)
                ::error file=content/x\\ny.md,line=1,col=5,title=link.missing-file::link target 'missing%25C2%2585.md' does not exist (looked for content/missing\\u{85}.md)
                6 errors in notes, links or settings
                0 passed, 0 failed

                """)
        let lines = github.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("::") }.count == 6, "no line a note smuggled in")
    }

    @Test func jsonIsValidAndKeepsTheExactText() throws {
        let site = try hostileSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let json = try CLI.run(["check", "--format", "json"], in: site)
        #expect(json.status == 1)
        // stdout is one JSON document (issue 22, point 2): the counts are inside it.
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Int == 0 && object?["failed"] as? Int == 0 && object?["version"] as? Int == 1)
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.compactMap { $0["path"] as? String } == [
                "content/a.md", "content/a.md", "content/a.md", "content/s.md", "content/t\t%:,.md", "content/x\ny.md",
            ])
        #expect(diagnostics.first?["message"] as? String == "link target 'a%0A::error::pwned.md' does not exist (looked for content/a\n::error::pwned.md)")
        #expect(diagnostics[1]["message"] as? String == "link target 'b\u{1B}[2J.md' does not exist (looked for content/b\u{1B}[2J.md)")
        #expect(diagnostics[3]["hint"] as? String == "did you mean 'b\u{1B}x.md'?")
    }

    @Test func aCommandsOwnErrorsEscapeThePathsTheyName() throws {
        let folder = try CLI.makeSite([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let simulate = try CLI.run(["simulate", "no\n::error::such.md#1"], in: folder)
        #expect(simulate.status == 1)
        #expect(
            simulate.standardError == "no\\n::error::such.md: error: cannot read the file: no\\n::error::such.md: no such file or directory [file.unreadable]\n"
        )
        let publish = try CLI.run(["publish", "--output", "x\u{1B}[2J", "--to", "out"], in: folder)
        #expect(publish.status == 1)
        #expect(publish.standardError == "x\\u{1B}[2J: error: no built site here; run 'notesim build' first [publish.not-built]\n")
    }
}
