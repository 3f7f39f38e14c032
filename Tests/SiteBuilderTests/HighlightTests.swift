import Foundation
import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Code blocks are highlighted by Pygments at build time, once per build for the blocks not
/// cached; without the highlighter the site still builds, with one warning and plain code.
@Suite struct HighlightTests {
    /// Counts the batches and blocks a highlighter is asked for.
    final class Counting: Highlighter, @unchecked Sendable {
        let inner: any Highlighter
        private let lock = NSLock()
        private var counts = (calls: 0, blocks: 0)

        init(_ inner: any Highlighter = PygmentsHighlighter()) {
            self.inner = inner
        }

        var identity: String { inner.identity }
        var calls: Int { lock.withLock { counts.calls } }
        var blocks: Int { lock.withLock { counts.blocks } }

        func highlight(_ requests: [HighlightRequest]) -> Result<[String?], HighlighterFailure> {
            lock.withLock {
                counts.calls += 1
                counts.blocks += requests.count
            }
            return inner.highlight(requests)
        }
    }

    private static let note = """
        # A

        ```yaml
        # retries
        MaximumRetryAttempts: 1
        ```

        ```console
        $ echo "hi"
        hi
        ```

        """

    private static func build(
        _ fileSystem: MemoryFileSystem, highlighter: (any Highlighter)?, cached: Bool = true
    ) -> SitePipeline.Result {
        let cache = cached ? FileHighlightCache(siteDirectory: "s", fileSystem: fileSystem) : nil
        return SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem, options: .init(highlighter: highlighter, highlightCache: cache))
    }

    private static func main(_ result: SitePipeline.Result, _ path: String = "a.html") -> String {
        Fixtures.mainElement(of: result.text(at: path) ?? "")
    }

    @Test func yamlAndShellGiveExactHTML() throws {
        let html = try PygmentsHighlighter().highlight([
            HighlightRequest(language: "yaml", code: "# retries\nkey: \"v\" # why\nn: 1\n"),
            HighlightRequest(language: "sh", code: "echo \"$X\" > 'f' && exit 0\n"),
        ]).get()
        #expect(
            html == [
                "<span class=\"c1\"># retries</span>\n<span class=\"nt\">key</span>: <span class=\"s\">&quot;v&quot;</span> "
                    + "<span class=\"c1\"># why</span>\n<span class=\"nt\">n</span>: <span class=\"l\">1</span>\n",
                "<span class=\"nb\">echo</span> <span class=\"s2\">&quot;</span><span class=\"nv\">$X</span><span class=\"s2\">&quot;</span> "
                    + "&gt; <span class=\"s1\">'f'</span> <span class=\"o\">&amp;&amp;</span> "
                    + "<span class=\"nb\">exit</span> <span class=\"m\">0</span>\n",
            ])
    }

    /// Every language the issue names has a lexer, and each colours something.
    @Test(arguments: [
        ("yaml", "a: 1\n"), ("json", "{\"a\": 1}\n"), ("sh", "echo $HOME\n"), ("bash", "if true; then :; fi\n"),
        ("console", "$ ls\nout\n"), ("python", "def f(): pass\n"), ("javascript", "const a = 1;\n"),
        ("typescript", "let a: number = 1;\n"), ("java", "class A {}\n"), ("go", "func f() {}\n"),
        ("sql", "SELECT 1;\n"), ("dockerfile", "FROM debian\n"), ("hcl", "resource \"a\" \"b\" {}\n"),
    ])
    func everyNamedLanguageIsHighlighted(_ language: String, _ code: String) throws {
        let html = try PygmentsHighlighter().highlight([HighlightRequest(language: language, code: code)]).get()
        #expect(html.count == 1)
        #expect(html[0]?.contains("<span class=\"") == true, "\(language): \(html)")
    }

    @Test func aSiteIsHighlightedAndKeepsItsLanguageClasses() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": Self.note])
        let result = Self.build(fileSystem, highlighter: PygmentsHighlighter())
        let main = Self.main(result)
        #expect(result.diagnostics.isEmpty)
        #expect(main.contains("<pre><code class=\"language-yaml\"><span class=\"c1\"># retries</span>\n<span class=\"nt\">MaximumRetryAttempts</span>"))
        #expect(main.contains("<pre><code class=\"language-console\"><span class=\"gp\">$ </span>"))
        #expect(!main.contains("notesim-code"))
        #expect(result.codeBlocksHighlighted == 2)
    }

    @Test func aMissingHighlighterGivesOneWarningAndPlainCode() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": Self.note, "s/content/b.md": "# B\n\n```python\nx = 1\n```\n"])
        let missing = Counting(PygmentsHighlighter(command: ["/nonexistent/python3"]))
        let result = Self.build(fileSystem, highlighter: missing)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "content/a.md:3:1: warning: code blocks are shown without colours: the highlighter did not run "
                    + "(cannot start /nonexistent/python3) [highlight.unavailable]\n"
                    + "content/a.md:3:1: note: install Pygments (Debian: apt-get install python3-pygments), or ignore this: the site is complete"
            ])
        #expect(missing.calls == 1, "one attempt for the whole build")
        #expect(!result.hasErrors)
        #expect(
            Self.main(result).contains(
                "<pre><code class=\"language-yaml\"># retries\nMaximumRetryAttempts: 1\n</code></pre>\n"
                    + "<pre><code class=\"language-console\">$ echo &quot;hi&quot;\nhi\n</code></pre>"))
        #expect(Self.main(result, "b.html").contains("<pre><code class=\"language-python\">x = 1\n</code></pre>"))
        #expect(fileSystem.tree(under: "s/.notesim-cache/highlight").isEmpty, "plain code is not cached")
    }

    @Test func plainCodeIsWhatCmarkWrites() {
        let note = "# A\n\n```yaml\na: \"<b>\" & 'c'\n```\n"
        let off = SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: ["s/content/a.md": note]))
        let failed = Self.build(MemoryFileSystem(files: ["s/content/a.md": note]), highlighter: PygmentsHighlighter(command: ["/bin/false"]))
        #expect(Self.main(off).contains("<pre><code class=\"language-yaml\">a: &quot;&lt;b&gt;&quot; &amp; 'c'\n</code></pre>"))
        #expect(Self.main(off) == Self.main(failed))
        #expect(failed.diagnostics.map(\.id) == ["highlight.unavailable"])
        #expect(failed.diagnostics.first?.message.contains("/bin/false exited with status 1") == true)
    }

    @Test func aHighlighterThatHangsIsStoppedAndTheSiteBuilds() {
        let hanging = PygmentsHighlighter(command: ["/bin/sh", "-c", "exec sleep 30"], timeout: { _ in .milliseconds(300) })
        let result = Self.build(MemoryFileSystem(files: ["s/content/a.md": Self.note]), highlighter: hanging)
        #expect(result.diagnostics.map(\.id) == ["highlight.unavailable"])
        #expect(result.diagnostics.first?.message.contains("took longer than") == true)
        #expect(Self.main(result).contains("<pre><code class=\"language-yaml\"># retries\n"))
    }

    @Test func aSecondBuildRunsNoHighlighter() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": Self.note])
        let first = Counting()
        let firstResult = Self.build(fileSystem, highlighter: first)
        let second = Counting()
        let secondResult = Self.build(fileSystem, highlighter: second)
        #expect(first.calls == 1 && first.blocks == 2)
        #expect(second.calls == 0, "every block came from the cache")
        #expect(firstResult.files == secondResult.files)
        #expect(fileSystem.tree(under: "s/.notesim-cache/highlight").count == 2)
        // A new block costs one run, for that block only.
        fileSystem.add("s/content/b.md", "# B\n\n```go\nfunc f() {}\n```\n\n```yaml\n# retries\nMaximumRetryAttempts: 1\n```\n")
        let third = Counting()
        _ = Self.build(fileSystem, highlighter: third)
        #expect(third.calls == 1 && third.blocks == 1)
    }

    @Test func aSiteWithoutCodeRunsNoHighlighter() {
        let counting = Counting()
        let result = Self.build(MemoryFileSystem(files: ["s/content/a.md": "# A\n\n```\nno language\n```\n\n    indented\n"]), highlighter: counting)
        #expect(counting.calls == 0)
        #expect(Self.main(result).contains("<pre><code>no language\n</code></pre>"))
    }

    @Test func anUnknownLanguageStaysPlainAndIsCachedToo() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n\n```no-such-language\nx <y>\n```\n"])
        let result = Self.build(fileSystem, highlighter: PygmentsHighlighter())
        #expect(result.diagnostics.isEmpty)
        #expect(Self.main(result).contains("<pre><code class=\"language-no-such-language\">x &lt;y&gt;\n</code></pre>"))
        let again = Counting()
        _ = Self.build(fileSystem, highlighter: again)
        #expect(again.calls == 0)
    }

    @Test func crlfEmptyAndHugeBlocks() {
        let huge = String(repeating: "key: \"value\" # comment\n", count: 20_000)
        let fileSystem = MemoryFileSystem(files: [:])
        fileSystem.add("s/content/a.md", bytes: Array("# A\r\n\r\n```python\r\nx = 1\r\ny = 2\r\n```\r\n\r\n```yaml\r\n```\r\n".utf8))
        fileSystem.add("s/content/b.md", "# B\n\n```yaml\n\(huge)```\n")
        let result = Self.build(fileSystem, highlighter: PygmentsHighlighter())
        #expect(result.diagnostics.isEmpty)
        let a = Self.main(result)
        #expect(a.contains("<pre><code class=\"language-python\"><span class=\"n\">") == false, "plain names get no span")
        #expect(a.contains("x <span class=\"o\">=</span> <span class=\"mi\">1</span>\ny <span class=\"o\">=</span> <span class=\"mi\">2</span>\n</code></pre>"))
        #expect(a.contains("<pre><code class=\"language-yaml\"></code></pre>"))
        let b = Self.main(result, "b.html")
        #expect(b.components(separatedBy: "<span class=\"nt\">key</span>").count == 20_001)
    }

    @Test func identicalInputGivesAnIdenticalSite() {
        let files = ["s/content/a.md": Self.note, "s/content/b.md": "# B\n\n```ts\nconst a: number = 1;\n```\n"]
        let first = Self.build(MemoryFileSystem(files: files), highlighter: PygmentsHighlighter(), cached: false)
        let second = Self.build(MemoryFileSystem(files: files), highlighter: PygmentsHighlighter(), cached: false)
        let fileSystem = MemoryFileSystem(files: files)
        _ = Self.build(fileSystem, highlighter: PygmentsHighlighter())
        let fromCache = Self.build(fileSystem, highlighter: PygmentsHighlighter())
        #expect(first.files == second.files)
        #expect(first.files == fromCache.files)
    }

    @Test func codeIsStillSearchable() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": Self.note])
        let result = Self.build(fileSystem, highlighter: PygmentsHighlighter())
        // The highlighted code's words are in the index's shards, as its camelCase parts.
        let shards = result.files.filter { $0.path.hasPrefix("search-index/t/") }.map { Fixtures.text(of: $0) }.joined()
        #expect(shards.contains("maximum\t0"))
        #expect(shards.contains("attempt\t0"))
    }

    /// A page built with plain code because the highlighter failed is not kept by the next
    /// build, which highlights it.
    @Test func aBuildAfterAFailedHighlighterIsWhole() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": Self.note, "s/content/b.md": "# B\n"])
        func build(_ highlighter: any Highlighter) -> SiteBuild.Report {
            SiteBuild.run(
                siteDirectory: "s", output: "s/public", fileSystem: fileSystem,
                options: .init(highlighter: highlighter, highlightCache: FileHighlightCache(siteDirectory: "s", fileSystem: fileSystem)))
        }
        let failed = build(PygmentsHighlighter(command: ["/nonexistent/python3"]))
        #expect(failed.result.diagnostics.map(\.id) == ["highlight.unavailable"])
        let next = build(PygmentsHighlighter())
        #expect(!next.incremental)
        #expect(next.result.diagnostics.isEmpty)
        #expect(fileSystem.tree(under: "s/public")["a.html"]?.contains("<span class=\"nt\">MaximumRetryAttempts</span>") == true)
        #expect(build(PygmentsHighlighter()).incremental, "and the build after that is incremental again")
    }

    @Test func theEnvironmentCanTurnHighlightingOff() {
        #expect(PygmentsHighlighter.standard(environment: ["NOTESIM_HIGHLIGHT": "off"]) == nil)
        #expect(PygmentsHighlighter.standard(environment: [:]) != nil)
    }
}
