import Foundation
import SiteBuilder
import Testing
import TestSupport

/// The scenario figure is the theme's `partials/scenario-figure.mustache`: a site changes it
/// from `templates/`, its words follow the page's language, and cached figures follow the
/// template.
@Suite struct ScenarioFigureTemplateTests {
    private func note(lang: String) -> String {
        """
        ---
        lang: \(lang)
        ---
        # N

        ```scenario
        title: "Three retries"
        mode: async
        EventInvokeConfig: { MaximumRetryAttempts: 3 }
        events:
          - at: 0s
        expect:
          rejected: MaximumRetryAttempts
        ```

        ```scenario
        title: "Throttled"
        mode: sync
        function: { ReservedConcurrentExecutions: 1, duration: 1s }
        events:
          - { at: 0s, count: 2 }
        ```
        """
    }

    private func build(_ fileSystem: MemoryFileSystem, cached: Bool = false) -> SitePipeline.Result {
        let cache = cached ? FileScenarioCache(siteDirectory: "s", fileSystem: fileSystem) : nil
        return SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem, options: .init(cache: cache))
    }

    @Test func theWordsOnTheFigureFollowThePagesLanguage() throws {
        let japanese = try #require(build(MemoryFileSystem(files: ["s/content/a.md": note(lang: "ja")])).text(at: "a.html"))
        #expect(japanese.contains("<li>AWS が拒否する設定: EventInvokeConfig.MaximumRetryAttempts: "))
        #expect(japanese.contains("<summary>シナリオのソース</summary>"))
        #expect(japanese.contains("<li class=\"tl-throttle\">429 スロットリング</li>"))
        #expect(!japanese.contains("Scenario source"))
        #expect(!japanese.contains("429 throttled"))
        let english = try #require(build(MemoryFileSystem(files: ["s/content/a.md": note(lang: "en")])).text(at: "a.html"))
        #expect(english.contains("<li>AWS rejects: EventInvokeConfig.MaximumRetryAttempts: "))
        #expect(english.contains("<summary>Scenario source</summary>"))
        #expect(english.contains("<li class=\"tl-throttle\">429 throttled</li>"))
    }

    /// A note of `lang` whose block sets one assumption and relies on another as well.
    private static func reuseNote(lang: String) -> String {
        """
        ---
        lang: \(lang)
        ---
        # N

        ```scenario
        title: "Least recently used"
        mode: sync
        function: { init: 800ms }
        assume: { environment-reuse: least-recent }
        events:
          - { at: 0s, count: 2 }
          - at: 1m
        ```
        """
    }

    /// An assumption the scenario set is marked so: its explanation states the default.
    @Test func anAssumptionTheScenarioSetIsMarkedOnTheFigure() throws {
        let page = try #require(build(MemoryFileSystem(files: ["s/content/a.md": Self.reuseNote(lang: "en")])).text(at: "a.html"))
        #expect(page.contains("<dt><code>environment-reuse</code><dd>(set by this scenario; the default is) Of several idle environments"))
        #expect(page.contains("<dt><code>idle-lifetime</code><dd>AWS does not publish"), "not set: the explanation alone")
    }

    /// On a Japanese page the assumptions are explained in Japanese, the one the block set
    /// marked as on an English page.
    @Test func aJapanesePageExplainsItsAssumptionsInJapanese() throws {
        let page = try #require(build(MemoryFileSystem(files: ["s/content/a.md": Self.reuseNote(lang: "ja")])).text(at: "a.html"))
        #expect(page.contains("<dt><code>environment-reuse</code><dd>(このシナリオで値を設定。既定の値の説明:) アイドル状態の実行環境が複数あるときは"))
        #expect(page.contains("<dt><code>idle-lifetime</code><dd>アイドル状態の実行環境を保持する時間は公開されていない。"))
        #expect(!page.contains("AWS does not publish"))
    }

    @Test func aSiteOverridesTheFigureAndCachedFiguresFollow() throws {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": note(lang: "en"),
            "s/templates/partials/scenario-figure.mustache":
                "<div class=\"mine\" id=\"{{id}}\">{{title}}: {{#verdicts}}{{key}} {{#passed}}holds{{/passed}}{{/verdicts}}</div>",
        ])
        let first = build(fileSystem, cached: true)
        let page = try #require(first.text(at: "a.html"))
        #expect(page.contains("<div class=\"mine\" id=\"scenario-1\">Three retries: rejected holds</div>"))
        #expect(page.contains("<div class=\"mine\" id=\"scenario-2\">Throttled: </div>"))
        #expect(!page.contains("<figure class=\"timeline scenario"))
        fileSystem.add("s/templates/partials/scenario-figure.mustache", "<p>{{id}}</p>")
        let second = build(fileSystem, cached: true)
        #expect(second.scenariosSimulated == 2, "a changed template draws the figures again")
        #expect(try #require(second.text(at: "a.html")).contains("<p>scenario-1</p>"))
        let third = build(fileSystem, cached: true)
        #expect(third.scenariosSimulated == 0)
        #expect(third.files == second.files)
    }
}
