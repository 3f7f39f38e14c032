import LambdaSimulator
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
