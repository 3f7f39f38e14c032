import Foundation
import Testing

/// `init` and `new` write exactly what was asked, inside the site: titles read back as typed,
/// notes never land outside content/ or through a symbolic link.
@Suite struct ScaffoldSafetyTests {
    private let files = FileManager.default

    @Test(arguments: [
        ("SQS: batching", "SQS: batching"),
        ("Say \"hi\" and 'bye'", "Say &quot;hi&quot; and &#39;bye&#39;"),
        ("C# notes", "C# notes"),
        ("# not a comment", "# not a comment"),
        ("- not a list", "- not a list"),
        ("*alias", "*alias"),
        ("&anchor", "&amp;anchor"),
        ("two\nlines", "two\nlines"),
        ("back\\slash \\n", "back\\slash \\n"),
        ("tab\there", "tab\there"),
        ("{ a: [b] }", "{ a: [b] }"),
        ("yes", "yes"),
        ("null", "null"),
        ("  padded  ", "  padded  "),
        ("@at `tick` | pipe > gt % pct", "@at `tick` | pipe &gt; gt % pct"),
    ])
    func initQuotesTheTitleSoItReadsBackExactly(title: String, html: String) throws {
        let parent = try CLI.makeSite([:])
        defer { try? files.removeItem(atPath: parent) }
        #expect(try CLI.run(["init", "site", "--language", "ja", "--title=" + title], in: parent).status == 0)
        let built = try CLI.run(["build", "site", "--no-search"], in: parent)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try String(contentsOfFile: parent + "/site/public/index.html", encoding: .utf8)
        #expect(page.contains("<title>学習ノート | \(html)</title>"))
    }

    @Test func newQuotesItsTitleToo() throws {
        let parent = try CLI.makeSite(["site/content/index.md": "# Home\n"])
        defer { try? files.removeItem(atPath: parent) }
        let created = try CLI.run(["new", "q", "--site", "site", "--title", "Lambda: \"retries\" # 2\\3"], in: parent)
        #expect(created.status == 0)
        #expect(
            try String(contentsOfFile: parent + "/site/content/q.md", encoding: .utf8)
                == "---\ntitle: \"Lambda: \\\"retries\\\" # 2\\\\3\"\ndescription: \"\"\n---\n# Lambda: \"retries\" # 2\\3\n\n")
        #expect(try CLI.run(["build", "site", "--no-search"], in: parent).status == 0)
        let page = try String(contentsOfFile: parent + "/site/public/q.html", encoding: .utf8)
        #expect(page.contains("<title>Lambda: &quot;retries&quot; # 2\\3 | "))
    }

    @Test(arguments: ["../x", "../../etc/x", "a/../../x", "content/../x", "/etc/x", "/tmp/note.md"])
    func newRefusesAPathOutsideContent(path: String) throws {
        let parent = try CLI.makeSite(["site/content/index.md": "# Home\n"])
        defer { try? files.removeItem(atPath: parent) }
        let result = try CLI.run(["new", path, "--site", "site"], in: parent)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                \(path): error: the note must be inside content/ [new.outside-content]
                \(path): note: give a path relative to content/, such as lambda/cold-start

                """)
        #expect(try files.contentsOfDirectory(atPath: parent + "/site/content") == ["index.md"])
    }

    /// A path that names no note the build would read is a usage error (status 2), and
    /// nothing is created: no `content/.md`, no note in a hidden folder.
    @Test(arguments: [
        ("", "Error: the note needs a name, such as lambda/cold-start\n"),
        ("content/", "Error: the note needs a name, such as lambda/cold-start\n"),
        ("foo/", "Error: 'foo/' names a folder, not a note; give the note's name inside it, such as foo/cold-start\n"),
        ("lambda/.", "Error: 'lambda/.' names a folder, not a note; give the note's name inside it, such as lambda/./cold-start\n"),
        (".hidden/x", "Error: '.hidden/x': '.hidden' starts with '.', so the note would be hidden and the build would skip it\n"),
        ("lambda/.draft", "Error: 'lambda/.draft': '.draft.md' starts with '.', so the note would be hidden and the build would skip it\n"),
        (".", "Error: '.' names a folder, not a note; give the note's name inside it, such as ./cold-start\n"),
    ])
    func newRefusesAPathThatNamesNoVisibleNote(path: String, message: String) throws {
        let parent = try CLI.makeSite(["site/content/index.md": "# Home\n"])
        defer { try? files.removeItem(atPath: parent) }
        let result = try CLI.run(["new", path, "--site", "site"], in: parent)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
        #expect(try files.contentsOfDirectory(atPath: parent + "/site/content") == ["index.md"])
    }

    @Test(arguments: [
        ("lambda/x", "site/content/lambda"),
        ("lambda/deep/x", "site/content/lambda"),
        ("linked", "site/content/linked.md"),
        ("content/linked.md", "site/content/linked.md"),
    ])
    func newRefusesAPathThroughASymbolicLink(path: String, link: String) throws {
        let parent = try CLI.makeSite(["site/content/index.md": "# Home\n", "outside/keep.txt": "mine\n"])
        defer { try? files.removeItem(atPath: parent) }
        try files.createSymbolicLink(atPath: parent + "/site/content/lambda", withDestinationPath: parent + "/outside")
        try files.createSymbolicLink(atPath: parent + "/site/content/linked.md", withDestinationPath: parent + "/outside/new.md")
        let result = try CLI.run(["new", path, "--site", "site"], in: parent)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "\(link): error: this is a symbolic link; a note is never created through one (the build ignores links, and the file would land outside content/) [new.through-link]\n"
        )
        #expect(try files.contentsOfDirectory(atPath: parent + "/outside") == ["keep.txt"])
    }

    @Test func newRefusesAContentFolderThatIsALink() throws {
        let parent = try CLI.makeSite(["site/notesim.yml": "title: T\n", "elsewhere/index.md": "# Home\n"])
        defer { try? files.removeItem(atPath: parent) }
        try files.createSymbolicLink(atPath: parent + "/site/content", withDestinationPath: parent + "/elsewhere")
        let result = try CLI.run(["new", "x", "--site", "site"], in: parent)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("site/content: error: this is a symbolic link; a note is never created through one"))
        #expect(try files.contentsOfDirectory(atPath: parent + "/elsewhere") == ["index.md"])
    }
}
