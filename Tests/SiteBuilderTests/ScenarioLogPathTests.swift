@testable import SiteBuilder
import Testing

/// A note's log page sits beside its page, and a figure links to its own section of it.
@Suite struct ScenarioLogPathTests {
    @Test(arguments: [
        ("n00001.html", 2, "n00001.event-log.html#scenario-2"),
        ("guide/lambda/非同期.html", 1, "%E9%9D%9E%E5%90%8C%E6%9C%9F.event-log.html#scenario-1"),
        ("a b/c d.html", 3, "c%20d.event-log.html#scenario-3"),
    ])
    func aFigureLinksToItsSectionOfTheLogBesideThePage(page: String, slot: Int, href: String) {
        #expect(ScenarioLog.href(of: page, slot: slot) == href)
    }

    @Test func theLogPageIsNamedAfterThePage() {
        #expect(ScenarioLog.path(of: "guide/非同期.html") == "guide/非同期.event-log.html")
        #expect(ScenarioLog.isLogPath("guide/非同期.event-log.html"))
        #expect(!ScenarioLog.isLogPath("guide/.event-log.html"))
    }
}
