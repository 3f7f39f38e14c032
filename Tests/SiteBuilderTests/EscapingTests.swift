import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Every string that comes from a note or a scenario reaches HTML and SVG escaped: a title,
/// a FIFO group, a partition key, a wrong claim, an unknown key, a front-matter field.
@Suite struct EscapingTests {
    private static let payload = #"<script>alert("x")</script>"#

    private func page(_ note: String) -> String {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": note])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        return result.text(at: "a.html") ?? ""
    }

    /// The page has no script element but the theme's own, and no raw quote from the payload.
    private func expectEscaped(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>alert"), sourceLocation: sourceLocation)
        #expect(!html.contains(#"alert("x")"#), sourceLocation: sourceLocation)
        #expect(html.contains("&lt;script&gt;"), sourceLocation: sourceLocation)
    }

    @Test func scenarioTitlesGroupsAndKeysAreEscapedInTheFigureAndTheLog() {
        let html = page(
            """
            # A

            ```scenario
            title: '\(Self.payload)'
            mode: sqs-fifo
            records:
              - { at: 0s, group: '\(Self.payload)' }
            expect:
              batches: [1]
            ```

            ```scenario
            title: '\(Self.payload)'
            mode: kinesis
            records:
              - { at: 0s, partition-key: '\(Self.payload)' }
            ```
            """)
        expectEscaped(html)
        #expect(html.contains("<svg"))
        #expect(html.contains("<title id=") && html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    }

    @Test func errorMessagesShownOnThePageAreEscaped() {
        let html = page(
            """
            # A

            ```scenario
            title: t
            mode: sync
            '\(Self.payload)': 1
            events:
              - at: 0s
            ```

            ```scenario
            mode: sync
            events:
              - at: 0s
            expect:
              outcome: '\(Self.payload)'
            ```
            """)
        expectEscaped(html)
    }

    @Test func frontMatterAndHeadingsAreEscaped() {
        let html = page(
            """
            ---
            title: '\(Self.payload)'
            description: '\(Self.payload)'
            ---
            # 見出し
            """)
        expectEscaped(html)
        #expect(html.contains(#"<meta name="description" content="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">"#))
    }
}
