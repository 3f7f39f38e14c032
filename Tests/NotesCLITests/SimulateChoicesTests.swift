import Foundation
import Testing

/// What `notesim simulate` takes from its arguments and from the site around the note: the
/// figure's label language, a block number that is not one, and a broken block's title.
@Suite struct SimulateChoicesTests {
    private static let note = """
        # N

        ```scenario
        title: bad mode
        mode: asynk
        events: [ { at: 0s } ]
        ```

        ```scenario
        title: ok one
        mode: async
        events: [ { at: 0s } ]
        ```

        """

    /// The lane names of an SVG figure, in order.
    private func laneNames(_ svg: String) -> [String] {
        guard let lanes = svg.range(of: "<g class=\"tl-lane-name\">"), let end = svg.range(of: "</g>", range: lanes.upperBound..<svg.endIndex) else {
            return []
        }
        return svg[lanes.upperBound..<end.lowerBound].components(separatedBy: "</text>").compactMap { piece in
            piece.range(of: ">", options: .backwards).map { String(piece[$0.upperBound...]) }
        }.filter { !$0.isEmpty }
    }

    @Test func theFigureSpeaksTheSitesLanguageUnlessTheNoteOrTheCommandSaysOtherwise() throws {
        let site = try CLI.makeSite([
            "notesim.yml": "title: T\nlanguage: en\n", "content/n.md": Self.note,
            "content/ja.md": "---\nlang: ja\n---\n" + Self.note,
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let english = try CLI.run(["simulate", "content/n.md#2", "--format", "svg"], in: site)
        #expect(english.status == 0)
        #expect(laneNames(english.standardOutput) == ["Caller", "Event queue", "Function"])
        let japanese = try CLI.run(["simulate", "content/ja.md#2", "--format", "svg"], in: site)
        #expect(laneNames(japanese.standardOutput) == ["呼び出し元", "内部キュー", "関数"])
        let chosen = try CLI.run(["simulate", "content/n.md#2", "--format", "svg", "--language", "ja"], in: site)
        #expect(laneNames(chosen.standardOutput) == ["呼び出し元", "内部キュー", "関数"])
        let unknown = try CLI.run(["simulate", "content/n.md#2", "--format", "svg", "--language", "fr"], in: site)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.hasPrefix("Error: --language is ja or en, not 'fr'\n"))
    }

    @Test func aBlockNumberThatIsNoNumberIsSaidToBeSo() throws {
        let site = try CLI.makeSite(["n.md": Self.note])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(["simulate", "n.md#abc"], in: site)
        #expect(run.status == 1)
        #expect(run.standardError == "n.md: error: 'abc' is not a block number: name a scenario block as NOTE.md#N, N from 1 [simulate.no-block]\n")
    }

    /// The site's `limits:` hold for `simulate` as for `build`: a block that builds simulates,
    /// and one over the site's lower limit is refused as `check` refuses it.
    @Test func theSitesLimitsHoldForSimulateAsForBuild() throws {
        let long = "# L\n\n```scenario\nmode: sync\nevents: [ { at: 0s }, { at: 10d } ]\nuntil: 10d\n```\n"
        let site = try CLI.makeSite(["notesim.yml": "limits: { horizon: 30d }\n", "content/l.md": long])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let raised = try CLI.run(["simulate", "content/l.md#1"], in: site)
        #expect(raised.status == 0, "\(raised.standardError)")
        try Data("limits: { horizon: 1d }\n".utf8).write(to: URL(fileURLWithPath: site + "/notesim.yml"))
        let lowered = try CLI.run(["simulate", "content/l.md#1"], in: site)
        #expect(lowered.status == 1)
        #expect(lowered.standardError.contains("(limits.horizon)"), "\(lowered.standardError)")
        // A broken notesim.yml fails simulate as it fails build, rather than running with defaults.
        try Data("limits: { horizon: soon }\n".utf8).write(to: URL(fileURLWithPath: site + "/notesim.yml"))
        let broken = try CLI.run(["simulate", "content/l.md#1"], in: site)
        #expect(broken.status == 1)
        #expect(
            broken.standardError.contains("notesim.yml:1:20: error: 'limits.horizon' must be a positive duration such as 7d, not 'soon' [config.type]"),
            "\(broken.standardError)")
    }

    /// The event log's page shows a run's first 2,000 entries and says `notesim simulate`
    /// prints them all: its text and JSON traces keep every entry (they stopped at 2,000,
    /// with no word, and the JSON's last invocations had no end).
    @Test func textAndJSONTracesHoldEveryEntry() throws {
        let many = "mode: sync\nfunction: { duration: 100ms }\nevents: [ { at: 0s, count: 1500, every: 1s } ]\n"
        let site = try CLI.makeSite(["m.yml": many])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let text = try CLI.run(["simulate", "m.yml", "--format", "text"], in: site)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.components(separatedBy: "\n").count { $0.contains("  end ") } == 1500)
        let json = try CLI.run(["simulate", "m.yml", "--format", "json"], in: site)
        #expect(json.status == 0)
        #expect(!json.standardOutput.contains("\"end\":null"))
        #expect(json.standardOutput.components(separatedBy: "\"result\":\"ok\"").count - 1 == 1500)
    }

    @Test func aFrontMatterErrorIsReportedAtThePathAsGiven() throws {
        let site = try CLI.makeSite(["content/a.md": "---\norder: x\n---\n" + Self.note])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(["simulate", "content/a.md#2"], in: site)
        #expect(run.standardError.hasPrefix("content/a.md:2:8: error: "), "\(run.standardError)")
    }

    @Test func aBlockThatCannotRunIsListedByItsTitle() throws {
        let site = try CLI.makeSite(["n.md": Self.note])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(["simulate", "n.md"], in: site)
        #expect(run.standardError.hasSuffix("  #1  line 3  bad mode\n  #2  line 9  ok one\n"))
    }
}
