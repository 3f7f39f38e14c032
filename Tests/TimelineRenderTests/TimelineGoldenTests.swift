import LambdaSimulator
import NotesCore
import Testing
import TestSupport
import TimelineRender

/// Golden files for the three stages of every canonical figure: the trace dump, the layout
/// (model dump) and the SVG bytes.
@Suite struct TimelineGoldenTests {
    @Test(arguments: try! CanonicalFigures.all().map(\.name))
    func figureMatchesGoldens(name: String) throws {
        let figure = try #require(try CanonicalFigures.all().first { $0.name == name })
        let options = TimelineOptions(language: figure.language, idPrefix: "fig-\(name)", title: figure.title, width: figure.width)
        let model = TimelineLayout.layout(figure.trace, options: options)
        expectSnapshot(figure.trace.dump, named: "\(name).trace.txt")
        expectSnapshot(model.dump, named: "\(name).layout.txt")
        expectSnapshot(SVGWriter.svg(model, idPrefix: options.idPrefix), named: "\(name).svg")
    }
}

/// Golden files for the aggregate view of large traces: the layout (model dump) and the SVG
/// (beside the detailed figures' goldens, so the screenshot gallery shows both views).
@Suite struct AggregateGoldenTests {
    @Test(arguments: try! LargeFigures.all().map(\.name))
    func aggregateFigureMatchesGoldens(name: String) throws {
        let figure = try #require(try LargeFigures.all().first { $0.name == name })
        let options = TimelineOptions(language: figure.language, idPrefix: "fig-\(name)", title: figure.title)
        guard case .aggregate(let model) = TimelineView.choose(figure.trace, options: options) else {
            Issue.record("\(name) should be drawn as the aggregate view")
            return
        }
        expectSnapshot(model.dump, named: "\(name).layout.txt")
        expectSnapshot(AggregateSVG.svg(model, idPrefix: options.idPrefix), named: "\(name).svg")
    }

    /// Whatever the trace, the SVG of either view stays under the figure's budget.
    @Test(arguments: try! LargeFigures.all().map(\.name))
    func aggregateFiguresAreLight(name: String) throws {
        let figure = try #require(try LargeFigures.all().first { $0.name == name })
        let out = MarkupWriter()
        _ = TimelineView.write(figure.trace, options: TimelineOptions(language: figure.language, title: figure.title), into: out)
        #expect(out.bytes.count < 20_000)
    }

    @Test func smallTracesKeepTheDetailedView() throws {
        for figure in try CanonicalFigures.all() {
            guard case .detailed = TimelineView.choose(figure.trace, options: TimelineOptions()) else {
                Issue.record("\(figure.name) should keep the detailed view")
                continue
            }
        }
    }
}
