import Foundation
import Testing

/// The phone drawer and the theme button from a keyboard, in headless Chromium
/// (`Tools/browser-drawer.py`, 390 px): a closed drawer takes no focus, Escape closes an open
/// one and gives the focus back to its button, and the theme button says whether dark is on.
@Suite struct DrawerBrowserTests {
    private struct Report: Decodable {
        struct State: Decodable, Equatable {
            var visibility: String
            var reachable: Int
            var links: Int
            var open: Bool
            var expanded: String
        }
        var closed: State
        var opened: State
        var escapeInside: State
        var focusAfterEscape: String
        var pressed: [String?]
    }

    @Test func aClosedDrawerTakesNoFocusAndEscapeClosesAnOpenOne() throws {
        let site = try CLI.makeSite(["content/index.md": "# Home\n", "content/a.md": "# A\n", "content/b.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        let run = try CLI.run(
            ["python3", CLI.repository + "/Tools/browser-drawer.py", "public/a.html"], in: site, program: "/usr/bin/env")
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
        let closed = Report.State(visibility: "hidden", reachable: 0, links: 3, open: false, expanded: "false")
        #expect(report.closed == closed, "five Tabs went to off-screen links before")
        #expect(report.opened == Report.State(visibility: "visible", reachable: 3, links: 3, open: true, expanded: "true"))
        #expect(report.escapeInside == closed)
        #expect(report.focusAfterEscape == "sidebar-toggle")
        #expect(report.pressed == ["false", "true"])
    }
}
