import Foundation
@testable import NotesCLI
import SiteBuilder
import Testing

/// The live progress line: late first draw, throttled redraws, erased at the end.
@Suite struct ProgressLineTests {
    /// A clock the test moves by hand, and the text written so far.
    private final class Terminal: @unchecked Sendable {
        var time = 0.0
        var written: [String] = []
    }

    @Test func aQuickBuildDrawsNothing() {
        let terminal = Terminal()
        let line = ProgressLine(now: { terminal.time }, write: { terminal.written.append($0) })
        terminal.time = 0.2
        line.update(BuildProgress(.notes, done: 1, total: 2))
        line.finish()
        #expect(terminal.written == [])
    }

    @Test func aLongBuildRedrawsAtMostTenTimesASecondAndErasesTheLine() {
        let terminal = Terminal()
        let line = ProgressLine(now: { terminal.time }, write: { terminal.written.append($0) })
        terminal.time = 0.5
        line.update(BuildProgress(.notes, done: 1_200, total: 10_000))
        terminal.time = 0.55
        line.update(BuildProgress(.notes, done: 1_300, total: 10_000))  // too soon: skipped
        terminal.time = 0.61
        line.update(BuildProgress(.scenarios, done: 30, total: 30_000))
        line.finish()
        #expect(
            terminal.written == [
                "\r\u{1B}[2KBuilding: 1,200/10,000 notes",
                "\r\u{1B}[2KBuilding: 1,300/10,000 notes · 30/30,000 scenarios",
                "\r\u{1B}[2K",
            ])
    }

    @Test func searchIndexingIsNamed() {
        #expect(
            ProgressLine.text([.pages: BuildProgress(.pages, done: 5, total: 5), .search: BuildProgress(.search, done: 0, total: 1)])
                == "Building: 5/5 pages · indexing for search")
    }
}

/// On a real terminal (a pseudo-terminal from `script`), a long build shows the live line
/// and erases it before the summary; `--quiet` shows neither.
@Suite struct TerminalProgressTests {
    @Test func aLongBuildOnATerminalShowsLiveProgress() throws {
        var files: [String: String] = [:]
        for number in 1...1_500 {
            files["content/n\(number).md"] =
                "# Note \(number)\n\n```scenario\nmode: async\nfunction: { fails: always }\nevents:\n  - at: 0s\nexpect:\n  attempts: 3\n```\n"
        }
        let site = try CLI.makeSite(files)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let shown = try CLI.run(["script", "-qec", "\(CLI.executable) build --no-search --no-cache", "/dev/null"], in: site, program: "/usr/bin/env")
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("\r\u{1B}[2KBuilding: 1,500/1,500 notes"))
        #expect(shown.standardOutput.contains("\r\u{1B}[2KBuilt 1501 pages from 1500 notes"), "the line is erased, then the summary")
        let quiet = try CLI.run(["script", "-qec", "\(CLI.executable) build --no-search --no-cache --quiet", "/dev/null"], in: site, program: "/usr/bin/env")
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput == "")
    }
}
