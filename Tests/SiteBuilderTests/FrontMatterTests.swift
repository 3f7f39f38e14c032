import NotesCore
import SiteBuilder
import Testing
import TestSupport

@Suite struct FrontMatterTests {
    @Test func splitKeepsLineNumbersOfTheBody() {
        let (split, problem) = FrontMatter.split(ArraySlice("---\ntitle: A\n---\n# 見出し\n".utf8), path: "content/a.md")
        #expect(problem == nil)
        #expect(split.yaml == "title: A")
        #expect(String(decoding: split.body, as: UTF8.self) == "\n\n\n# 見出し\n")
    }

    /// Every line ending CommonMark knows, a byte-order mark, trailing blanks on the fences
    /// and a closing `...` with no line ending after it.
    @Test func splitReadsEveryLineEnding() {
        let note = ArraySlice([0xEF, 0xBB, 0xBF] + Array("--- \r\ntitle: A\rlang: ja\r\n...\t".utf8))
        let (split, problem) = FrontMatter.split(note, path: "content/a.md")
        #expect(problem == nil)
        #expect(split.yaml == "title: A\nlang: ja")
        #expect(String(decoding: split.body, as: UTF8.self) == "\n\n\n")
        let crlf = FrontMatter.split(ArraySlice("---\r\ntitle: B\r\n---\r\n本文\r\n".utf8), path: "content/a.md").0
        #expect(crlf.yaml == "title: B")
        #expect(String(decoding: crlf.body, as: UTF8.self) == "\n\n\n本文\r\n")
    }

    @Test func aNoteWithoutFrontMatterIsAllBody() {
        let (split, problem) = FrontMatter.split(ArraySlice("# 見出し\n---\n".utf8), path: "content/a.md")
        #expect(problem == nil)
        #expect(split.yaml == nil)
        #expect(String(decoding: split.body, as: UTF8.self) == "# 見出し\n---\n")
    }

    @Test func parsesEveryKey() {
        let (frontMatter, problems) = FrontMatter.parse("title: \"SQS: バッチ\"\ndescription: 説明\norder: 3\ndraft: true\nlang: en", path: "content/a.md")
        #expect(problems == [])
        #expect(frontMatter == FrontMatter(title: "SQS: バッチ", description: "説明", order: 3, draft: true, lang: "en"))
    }

    @Test func malformedYAMLIsAnErrorAtItsPosition() {
        let (_, problems) = FrontMatter.parse("title: SQS: バッチ", path: "content/a.md")
        #expect(
            problems.map(\.formatted) == [
                """
                content/a.md:2:11: error: invalid YAML: mapping values are not allowed in this context [frontmatter.syntax]
                content/a.md:2:11: note: a value that contains ': ' must be quoted, for example title: "SQS: batching"
                """
            ])
    }

    @Test func wrongTypesAndUnknownKeysAreErrors() {
        let (_, problems) = FrontMatter.parse("order: 二番目\ntitel: x\ndraft: maybe", path: "content/a.md")
        #expect(
            problems.map(\.formatted) == [
                "content/a.md:2:8: error: 'order' must be a whole number [frontmatter.type]",
                """
                content/a.md:3:1: error: unknown front-matter key 'titel' [frontmatter.unknown-key]
                content/a.md:3:1: note: did you mean 'title'?
                """,
                "content/a.md:4:8: error: 'draft' must be true or false [frontmatter.type]",
            ])
    }

    @Test func unclosedFrontMatterIsReported() {
        let (split, problem) = FrontMatter.split(ArraySlice("---\ntitle: A\n# 見出し\n".utf8), path: "content/a.md")
        #expect(split.yaml == nil)
        #expect(String(decoding: split.body, as: UTF8.self) == "---\ntitle: A\n# 見出し\n")
        #expect(
            problem?.formatted == """
                content/a.md:1:1: error: front matter starts here but has no closing '---' line [frontmatter.unclosed]
                content/a.md:1:1: note: end the front matter with a line of three dashes, or start the note with something else
                """)
    }

    @Test func titleFallsBackToFirstHeadingThenFileName() {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/with-title.md": "---\ntitle: 表題\n---\n# 見出し\n",
            "s/content/with-heading.md": "本文\n\n## 最初の見出し\n",
            "s/content/plain-note.md": "本文だけ\n",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.text(at: "with-title.html")?.contains("<title>表題 | Notes</title>") == true)
        #expect(result.text(at: "with-heading.html")?.contains("<title>最初の見出し | Notes</title>") == true)
        #expect(result.text(at: "plain-note.html")?.contains("<title>plain-note | Notes</title>") == true)
    }

    /// A key with no value keeps its default, as in `notesim.yml`; a blank title would blank
    /// the page's `<title>`, sidebar link and pager, so it keeps the default too.
    @Test func nullValuesAndBlankTitlesKeepTheDefaults() {
        let (frontMatter, problems) = FrontMatter.parse("title:\ndescription: ~\norder: null\ndraft:\nlang:", path: "content/a.md")
        #expect(problems == [])
        #expect(frontMatter == FrontMatter())
        #expect(FrontMatter.parse("title: \"  \"", path: "content/a.md") == (FrontMatter(), []))
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "---\ntitle: \"\"\n---\n本文\n\n## 見出し\n"])
        #expect(SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: "a.html")?.contains("<title>見出し | Notes</title>") == true)
    }

    /// `lang` is held to the languages the theme has words for, as the site's `language` is;
    /// `draft` is read as every boolean is (`yes` too; a quoted "true" is text).
    @Test func langAndDraftAreCheckedAsTheSitesSettingsAre() {
        let (frontMatter, problems) = FrontMatter.parse("lang: fr\ndraft: \"true\"", path: "content/a.md")
        #expect(
            problems.map(\.formatted) == [
                "content/a.md:2:7: error: 'lang' must be ja or en (the languages the theme has words for) [frontmatter.type]",
                """
                content/a.md:3:8: error: 'draft' must be true or false [frontmatter.type]
                content/a.md:3:8: note: write true without quotes: quoted, it is text
                """,
            ])
        #expect(frontMatter == FrontMatter())
        #expect(FrontMatter.parse("lang: EN", path: "content/a.md").1.count == 1)
        #expect(FrontMatter.parse("draft: yes\nlang: ja", path: "content/a.md") == (FrontMatter(draft: true, lang: "ja"), []))
    }
}
