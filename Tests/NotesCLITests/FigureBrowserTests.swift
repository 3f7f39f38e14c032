import Foundation
import Testing
import TimelineRender

/// Timeline figures measured in a real browser: this repository's site and a gallery of every
/// golden figure SVG are loaded in headless Chromium at 1280 and 390 px, light and dark, by
/// `Tools/figure-check.py`, which reads every text's and mark's box and reports collisions,
/// text outside the view box, labels drawn twice, sideways scrolling, small text and lane
/// names that scroll away. `make test` installs Chromium and `fonts-noto-cjk` first (without
/// the Japanese font Chromium measures a fallback's widths, not a reader's).
@Suite(.serialized) struct FigureBrowserTests {
    /// The golden figures: any SVG there is checked, so a new golden is covered by adding it.
    static let goldens = CLI.repository + "/Tests/TimelineRenderTests/__Snapshots__/TimelineGoldenTests"

    @Test func everyFigureReadsWithoutCollisionsOnDesktopAndPhone() throws {
        let site = try CLI.makeSite([:])
        defer { try? FileManager.default.removeItem(atPath: site) }
        for item in ["content", "templates", "notesim.yml"] {
            try FileManager.default.copyItem(atPath: CLI.repository + "/" + item, toPath: site + "/" + item)
        }
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        try JSONEncoder().encode(Self.widthSamples()).write(to: URL(fileURLWithPath: site + "/widths.json"))

        let check = try CLI.run(
            ["python3", CLI.repository + "/Tools/figure-check.py", "--site", "public", "--gallery", Self.goldens, "--widths", "widths.json"],
            in: site, program: "/usr/bin/env")
        let report = try JSONDecoder().decode(Report.self, from: Data(check.standardOutput.utf8))
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Self.goldens).filter { $0.hasSuffix(".svg") }
        // Every golden on its own page, plus the site's figures, in each of the four views.
        #expect(report.pages > goldens.count)
        #expect(report.figures >= 4 * (goldens.count + 1))
        // The marks were found (at least one a figure): collisions with them are checked.
        #expect(report.marks >= report.figures)
        let listed = report.problems.map(\.line).joined(separator: "\n")
        #expect(report.problems.isEmpty, "\(report.problems.count) problems:\n\(listed)")
        #expect(check.status == 0, "\(check.standardError)")
        #expect(report.widths?.keys.sorted() == ["ascii", "kana", "kanji", "mixed"])
    }

    /// The figures of generated heavy notes (`Benchmarks/corpus.py --heavy`: three blocks of
    /// 100–500 trace events a note, every mode), traces no golden has: on them a label under
    /// the last lane's bars once ran into an axis break's slashes.
    @Test func generatedHeavyNotesReadWithoutCollisions() throws {
        let folder = try CLI.makeSite([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try CLI.run(
            ["python3", CLI.repository + "/Benchmarks/corpus.py", "24", "corpus", "--heavy"], in: folder, program: "/usr/bin/env")
        #expect(corpus.status == 0, "\(corpus.standardError)")
        #expect(try CLI.run(["build", "--no-search"], in: folder + "/corpus").status == 0)
        let check = try CLI.run(["python3", CLI.repository + "/Tools/figure-check.py", "--site", "public"], in: folder + "/corpus", program: "/usr/bin/env")
        let report = try JSONDecoder().decode(Report.self, from: Data(check.standardOutput.utf8))
        // Three figures a note, in each of the four views.
        #expect(report.figures == 24 * 3 * 4)
        #expect(report.marks > 10 * report.figures)
        let listed = report.problems.map(\.line).joined(separator: "\n")
        #expect(report.problems.isEmpty, "\(report.problems.count) problems:\n\(listed)")
        #expect(check.status == 0, "\(check.standardError)")
    }

    /// Every mark kind has its legend swatch in the stylesheet: the legend writes each kind's
    /// word with its class, and the stylesheet draws the swatch, so a new kind without a rule
    /// would show a plain bar for its shape.
    @Test func everyMarkKindHasALegendSwatch() throws {
        let css = try String(contentsOfFile: CLI.repository + "/Sources/SiteBuilder/Theme/style.css", encoding: .utf8)
        for kind in TimelineModel.Kind.allCases {
            #expect(css.contains(".tl-legend .tl-\(kind.rawValue)::before"), "\(kind)")
        }
    }

    /// Labels the figures use, with the estimator's width at the figures' 11 px, grouped by
    /// script: ASCII from the English figures, kana and kanji from the Japanese ones.
    static func widthSamples() -> [Sample] {
        let en = TimelineLabels.en
        let ja = TimelineLabels.ja
        let samples: [(String, [String])] = [
            (
                "ascii",
                [en.caller, en.internalQueue, en.onFailure, en.redrive, "retry in 2 min", "+100 ms", "#1-10", "[window]", "429", en.timeout, "✓ #11-20"]
            ),
            ("kana", [ja.poller, ja.timeout, ja.throttledWord, ja.window, ja.size, "ミリ秒"]),
            ("kanji", [ja.instance, ja.function, ja.discarded, ja.deliveryFailed, ja.error, "再試行"]),
            ("mixed", [ja.caller, ja.onSuccess, ja.redrive, "再試行まで 1分", "+100ミリ秒", "[\(ja.window)]", "1分 30秒"]),
        ]
        return samples.flatMap { script, texts in
            texts.map { Sample(text: $0, script: script, estimate: TextWidth.estimate($0, fontSize: 11)) }
        }
    }

    struct Sample: Codable {
        var text: String
        var script: String
        var estimate: Double
    }

    private struct Report: Decodable {
        struct Problem: Decodable {
            var kind: String
            var `where`: String
            var figure: String?
            var message: String
            var line: String { "\(kind): \(`where`) \(figure ?? ""): \(message)" }
        }
        var pages: Int
        var marks: Int
        var figures: Int
        var texts: Int
        var problems: [Problem]
        var widths: [String: [String: Double]]?
    }
}
