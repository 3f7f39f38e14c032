import Foundation
import LambdaSimulator
import NotesCore
import PropertyBased
import Testing
@testable import TimelineRender

/// Structural checks over every canonical figure and over random traces: labels never
/// overlap, no text leaves the view box, and the SVG follows the theming rules.
@Suite struct TimelineStructureTests {
    static func problems(in model: TimelineModel) -> [String] {
        var problems: [String] = []
        let boxes = model.textBoxes
        for box in boxes where box.x0 < 0 || box.x1 > model.width || box.y0 < 0 || box.y1 > model.height {
            problems.append("'\(box.text)' leaves the view box")
        }
        for (index, a) in boxes.enumerated() {
            for b in boxes[(index + 1)...] where a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
                problems.append("'\(a.text)' overlaps '\(b.text)'")
            }
        }
        // A break's slashes: 7 px either side of it, from 9 px over the axis to 3 px under it.
        let axisY = model.plotTop + Double(model.lanes.count) * (model.lanes.first?.height ?? 44)
        for item in model.breaks {
            for box in boxes where box.x0 < item.x + 7 && item.x - 7 < box.x1 && box.y0 < axisY + 3 && axisY - 9 < box.y1 {
                problems.append("'\(box.text)' crosses the break at \(SVGWriter.n(item.x))")
            }
        }
        return problems + repeatedLabels(in: model)
    }

    /// Ten asynchronous calls failing once each, 100 ms apart: the last first attempt's error
    /// label, written under its bar, came to the break before the retries a minute later and
    /// ran into its slashes ("✗ #10" over them, found by `Tools/figure-check.py` on the heavy
    /// benchmark corpus).
    @Test func labelsUnderTheLastLanesBarsKeepClearOfTheBreaks() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.function.durations = [50]
        spec.function.fails = .attempts([1])
        spec.arrivals = [ArrivalGroup(at: 0, count: 10, every: 100)]
        let trace = try Simulator.simulate(spec)
        let model = TimelineLayout.layout(trace, options: TimelineOptions(language: "ja", title: "async"))
        #expect(model.breaks.count == 1)
        // The tenth has room for its glyph only: the mark's tooltip keeps the whole text.
        #expect(model.marks.filter { $0.kind == .attemptError }.map { $0.label ?? "-" } == (1...9).map { "✗ #\($0)" } + ["✗ …"])
        #expect(Self.problems(in: model) == [])
    }

    /// Labels said twice: the same text twice over the same x range of a lane, ticks closer
    /// than 6 px, a break labelled inside a retry wait whose label already says the time.
    static func repeatedLabels(in model: TimelineModel) -> [String] {
        var problems: [String] = []
        let labelled = model.marks.filter { $0.label != nil }
        for (index, a) in labelled.enumerated() {
            let aRange = a.labelX...(a.labelX + TextWidth.estimate(a.label!, fontSize: model.fontSize))
            for b in labelled[(index + 1)...] where a.label == b.label && a.lane == b.lane {
                let bRange = b.labelX...(b.labelX + TextWidth.estimate(b.label!, fontSize: model.fontSize))
                if aRange.overlaps(bRange) { problems.append("'\(a.label!)' drawn twice in lane \(a.lane)") }
            }
        }
        let tickBoxes = model.ticks.map { tick in
            let half = TextWidth.estimate(tick.label, fontSize: model.fontSize) / 2
            return (tick.label, tick.x - half, tick.x + half)
        }
        for (a, b) in zip(tickBoxes, tickBoxes.dropFirst()) where b.1 - a.2 < 6 {
            problems.append("ticks '\(a.0)' and '\(b.0)' touch")
        }
        let waits = model.marks.filter { $0.kind == .wait && $0.label?.hasSuffix("…") == false }
        for item in model.breaks where item.label != nil && waits.contains(where: { $0.x0 < item.x && item.x < $0.x1 }) {
            problems.append("break '\(item.label!)' inside a labelled retry wait")
        }
        return problems
    }

    @Test(arguments: try! CanonicalFigures.all().map(\.name))
    func canonicalFiguresHaveNoOverlapsAndStayInside(name: String) throws {
        let figure = try #require(try CanonicalFigures.all().first { $0.name == name })
        let model = TimelineLayout.layout(figure.trace, options: TimelineOptions(language: figure.language, title: figure.title, width: figure.width))
        #expect(Self.problems(in: model) == [])
    }

    @Test func randomTracesHaveNoOverlaps() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...InvocationMode.allCases.count - 1), Gen.int(in: 1...20), Gen.int(in: 0...3), Gen.int(in: 0...999))
        { mode, count, failure, seed in
            var spec = ScenarioSpec(mode: InvocationMode.allCases[mode])
            spec.arrivals = [ArrivalGroup(at: 0, count: count, every: Int64(seed % 400))]
            spec.function.fails = [.never, .always, .rate(perMille: 400), .attempts([1])][failure]
            spec.seed = UInt64(seed)
            spec.until = 600_000
            spec.eventInvokeConfig.onFailure = .sqs
            switch spec.mode.eventSource {
            case nil: break
            case .queue: spec.queue.maxReceiveCount = 2
            case .stream: spec.mapping.maximumRetryAttempts = 1; spec.mapping.onFailure = .sqs
            case .topic: spec.topic.partitions = 2; spec.mapping.maximumRetryAttempts = 1; spec.mapping.onFailure = .kafka
            case .broker: spec.broker.engine = seed % 2 == 0 ? .activemq : .rabbitmq
            case .changeStream: spec.changeStream.databaseName = "shop"
            }
            guard let trace = try? Simulator.simulate(spec) else { Issue.record("simulation failed"); return }
            let model = TimelineLayout.layout(trace, options: TimelineOptions(language: seed % 2 == 0 ? "ja" : "en", title: "random"))
            #expect(Self.problems(in: model) == [], "\(spec.mode) \(count) \(failure) \(seed)")
        }
    }

    @Test func svgUsesClassesNotColours() throws {
        for figure in try CanonicalFigures.all() {
            let svg = TimelineRenderer.svg(figure.trace, options: TimelineOptions(language: figure.language, idPrefix: "f", title: figure.title))
            #expect(!svg.contains("=\"#"), "no colour literals")
            #expect(!svg.contains("rgb("))
            #expect(!svg.contains("stroke=\""), "strokes come from CSS")
            #expect(svg.components(separatedBy: "fill=\"").dropFirst().allSatisfy { $0.hasPrefix("currentColor\"") })
            #expect(!svg.contains("foreignObject"))
            #expect(!svg.contains("textLength"))
            #expect(svg.contains("role=\"img\" aria-labelledby=\"f-title f-desc\""))
        }
    }

    @Test func narrowFiguresTruncateLabelsAndKeepTheWholeTextInTheTitle() throws {
        let figure = try #require(try CanonicalFigures.all().first { $0.name == "sqs-mixed-truncation" })
        // Narrower than its golden (300 px), where no label needs cutting since each is drawn once.
        let model = TimelineLayout.layout(figure.trace, options: TimelineOptions(language: "ja", title: figure.title, width: 200))
        let truncated = model.marks.filter { $0.label?.hasSuffix("…") == true }
        #expect(!truncated.isEmpty)
        #expect(Self.problems(in: model) == [])
    }

    /// Each legend entry has one glyph: the swatch draws the delivery's diamond and the
    /// discard's cross, so their words go without them ("◆ ◆ 送信" before).
    @Test func theLegendShowsEachGlyphOnce() {
        for labels in [TimelineLabels.en, TimelineLabels.ja] {
            for kind in [TimelineModel.Kind.delivery, .deliveryFailed, .discard] {
                let word = Legend.word(kind, labels)
                #expect(!word.contains("◆") && !word.contains("×"), "\(kind): \(word)")
            }
            let words = TimelineModel.Kind.allCases.map { Legend.word($0, labels) }
            #expect(Set(words).count == words.count)
        }
    }

    /// Every stretch of the axis says when it is: the last, narrow segment of this figure
    /// (the second window's batch at 10.1 s) had no tick once its only candidate, 10.2 s,
    /// no longer fitted at the right edge.
    @Test func aNarrowLastSegmentStillGetsATime() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0), ArrivalGroup(at: 6_000)]
        spec.mapping.batchSize = 10
        spec.mapping.batchingWindowSeconds = 5
        spec.mapping.maximumConcurrency = 2
        spec.function.durations = [100]
        let model = TimelineLayout.layout(try Simulator.simulate(spec), options: TimelineOptions(language: "ja", title: "t"))
        let last = try #require(model.segments.last)
        #expect(model.ticks.contains { (last.x0...last.x1).contains($0.x) && !$0.label.hasPrefix("+") }, "\(model.ticks)")
        #expect(Self.problems(in: model) == [])
    }

    /// Inputs arriving every 50 ms are one mark, a dot per arrival and one label for the run;
    /// arrivals seconds apart stay marks of their own.
    @Test func closeArrivalsAreOneRunOfDots() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 24, every: 50)]
        spec.mapping.batchSize = 10
        let model = TimelineLayout.layout(try Simulator.simulate(spec), options: TimelineOptions(language: "en", title: "t"))
        let runs = model.marks.filter { $0.kind == .arrival }
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.dots.count == 24 && run.dots.first == run.x0)
        #expect(zip(run.dots, run.dots.dropFirst()).allSatisfy { $1 > $0 && $1 - $0 < 24 })
        #expect(run.label == "#1-24" && run.title == "arrives: #1-24")
        #expect(SVGWriter.svg(model, idPrefix: "f").components(separatedBy: "h0").count == 25)
        #expect(Self.problems(in: model) == [])

        spec.arrivals = [ArrivalGroup(at: 0), ArrivalGroup(at: 6_000)]
        let apart = TimelineLayout.layout(try Simulator.simulate(spec), options: TimelineOptions(language: "en", title: "t"))
        #expect(apart.marks.filter { $0.kind == .arrival }.map(\.label) == ["#1", "#2"])
        #expect(apart.marks.allSatisfy { $0.dots.isEmpty })
    }

    /// The page's fixed lane-name column shows the figure's own lanes group, at the gutter's width.
    @Test func theLaneColumnUsesTheFiguresLanes() throws {
        let figure = try #require(try CanonicalFigures.all().first)
        let model = TimelineLayout.layout(figure.trace, options: TimelineOptions(language: "en", idPrefix: "f", title: "t"))
        let column = MarkupWriter()
        SVGWriter.writeLaneColumn(model, idPrefix: "f", into: column)
        #expect(SVGWriter.svg(model, idPrefix: "f").contains("<g class=\"tl-lanes\" id=\"f-lanes\">"))
        #expect(
            column.string
                == "<svg class=\"tl-lane-column\" width=\"\(SVGWriter.n(model.gutter))\" height=\"\(SVGWriter.n(model.height))\" aria-hidden=\"true\"><use href=\"#f-lanes\"/></svg>"
        )
    }

    @Test func theLegendListsOnlyTheKindsPresent() throws {
        let figure = try #require(try CanonicalFigures.all().first { $0.name == "async-dlq" })
        let model = TimelineLayout.layout(figure.trace, options: TimelineOptions(language: "en", title: "t"))
        #expect(model.legend == [.attemptError, .arrival, .wait, .delivery])
        let html = Legend.html(model, language: "en")
        #expect(html.contains("✗ error"))
        #expect(!html.contains("✓ ok"))
    }

    @Test func titlesAndLabelsAreEscaped() throws {
        var spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0)]
        let trace = try Simulator.simulate(spec)
        let svg = TimelineRenderer.svg(trace, options: TimelineOptions(idPrefix: "x\"y", title: "<script>alert(\"x\")</script>"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(svg.contains("aria-labelledby=\"x&quot;y-title x&quot;y-desc\""))
    }

    @Test func descriptionSaysHowTheAxisWasCompressed() throws {
        let figure = try #require(try CanonicalFigures.all().first { $0.name == "async-dlq" })
        let model = TimelineLayout.layout(figure.trace, options: TimelineOptions(language: "en", title: "t"))
        #expect(model.breaks.count == 2)
        #expect(model.description.hasSuffix("Time axis compressed: 2 idle gaps hidden (+1 min, +2 min)."))
    }
}

/// X6: a cold start is drawn as an `init` box over the start of its attempt's bar.
@Suite struct ColdStartMarkTests {
    @Test func aColdStartIsMarkedOverItsAttempt() throws {
        var spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0), ArrivalGroup(at: 60_000)]
        spec.function.initDuration = 800
        let model = TimelineLayout.layout(try Simulator.simulate(spec), options: TimelineOptions(language: "en", title: "t"))
        let attempts = model.marks.filter(\.kind.isAttempt)
        #expect(attempts.count == 2)
        let cold = try #require(attempts.first)
        #expect(cold.start == 0 && cold.end == 900)
        let initX1 = try #require(cold.initX1, "the cold attempt carries its Init")
        #expect(initX1 > cold.x0 && initX1 < cold.x1, "the Init box stays inside its attempt's bar")
        #expect(cold.title.contains("cold start (Init) 800 ms"))
        #expect(attempts[1].initX1 == nil, "the warm attempt has none")
        let svg = SVGWriter.svg(model, idPrefix: "f")
        #expect(svg.components(separatedBy: "tl-init-part").count == 2)
        #expect(model.legend.contains(.coldStart))
        #expect(Legend.word(.coldStart, .en) == "cold start (Init)")
        #expect(TimelineStructureTests.problems(in: model).isEmpty)
    }
}
