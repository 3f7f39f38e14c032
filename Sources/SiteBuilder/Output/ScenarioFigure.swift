import LambdaSimulator
import NotesCore
import NotesMarkdown
import ScenarioKit
import TimelineRender

/// The HTML (UTF-8) that replaces a scenario block on the page, rendered from the theme's
/// `partials/scenario-figure.mustache` so that a site can change it from `templates/`.
///
/// The figure shows what the block got to: the timeline with its verdicts, assumptions,
/// rules and event log; AWS's rejection; or the block's problems; and always its source.
enum ScenarioFigure {
    /// What a block's figure shows, as the template's context.
    struct Context {
        /// How far the block got: one of the three is true.
        enum Kind { case timeline, rejected, broken }

        var kind: Kind
        /// The figure's id (`scenario-2`): anchors of its assumptions and source derive from it.
        var id: String
        var title: String
        /// The legend, the fixed lane-name column and the SVG (raw markup; empty unless `timeline`).
        var legend: [UInt8] = []
        var laneColumn: [UInt8] = []
        var svg: [UInt8] = []
        /// The event log table (raw markup; empty unless `timeline`).
        var eventLog: [UInt8] = []
        /// Failed claims or the block's errors, formatted as diagnostics.
        var problems: [String] = []
        /// AWS's reasons for rejecting the configuration.
        var rejections: [String] = []
        var verdicts: [Verifier.Verdict] = []
        var assumptions: [Assumptions.Name] = []
        /// The reference's rule ids that explain the run, in reference order.
        var rules: [String] = []
        /// The block's YAML.
        var source: String
        var ui: UIStrings

        var object: TemplateObject {
            [
                "id": .text(id), "title": .text(title),
                "timeline": .flag(kind == .timeline), "rejected": .flag(kind == .rejected), "broken": .flag(kind == .broken),
                "legend": .bytes(legend[...]), "laneColumn": .bytes(laneColumn[...]), "svg": .bytes(svg.last == 0x0A ? svg.dropLast() : svg[...]),
                "eventLog": .bytes(eventLog[...]),
                "hasProblems": .flag(!problems.isEmpty), "problems": .list(problems.map { .text($0) }),
                "rejections": .list(rejections.map { .text($0) }),
                "hasVerdicts": .flag(!verdicts.isEmpty),
                "verdicts": .list(verdicts.map { ["passed": .flag($0.passed), "key": .text($0.key.name), "summary": .text($0.summary)] }),
                "hasAssumptions": .flag(!assumptions.isEmpty),
                "assumptions": .list(
                    assumptions.enumerated().map { index, name in
                        ["first": .flag(index == 0), "name": .text(name.rawValue), "explanation": .text(name.explanation)]
                    }),
                "hasRules": .flag(!rules.isEmpty), "rules": .text(rules.joined(separator: " ")),
                "source": .text(source), "ui": .object(ui.context),
            ]
        }
    }

    /// The figure for a block as far as it got; empty without a theme (nothing is rendered then).
    static func html(for run: ScenarioRun, block: CodeBlock, id: String, language pageLanguage: String, theme: Theme?) -> [UInt8] {
        guard let theme else { return [] }
        let language = run.document?.language ?? pageLanguage
        var context = Context(kind: .broken, id: id, title: run.document?.title ?? "", source: block.literal, ui: UIStrings.forLanguage(language))
        switch run.status {
        case .simulated(let trace):
            if let document = run.document { drawTimeline(trace, document: document, language: language, into: &context) }
            context.problems = run.verdicts.filter { !$0.passed }.map { $0.diagnostic?.formatted ?? $0.summary }
            context.verdicts = run.verdicts
        case .rejected:
            context.kind = .rejected
            context.rejections = run.document?.validationIssues.map(\.description) ?? []
            context.verdicts = run.verdicts
        case .broken, .stopped:
            context.problems = run.diagnostics.filter(\.isError).map(\.formatted)
        }
        return theme.render(context.object, template: Theme.scenarioFigureTemplate)
    }

    /// The timeline, its legend and event log, the assumptions and the rules of a run.
    private static func drawTimeline(_ trace: Trace, document: ScenarioDocument, language: String, into context: inout Context) {
        context.kind = .timeline
        let options = TimelineOptions(language: language, idPrefix: context.id, linearAxis: document.linearAxis, title: document.title)
        let model = TimelineLayout.layout(trace, options: options)
        let legend = MarkupWriter(capacity: 1024)
        Legend.write(model, language: language, into: legend)
        context.legend = legend.bytes
        let column = MarkupWriter(capacity: 256)
        SVGWriter.writeLaneColumn(model, idPrefix: context.id, into: column)
        context.laneColumn = column.bytes
        let svg = MarkupWriter(capacity: 8192)
        SVGWriter.write(model, idPrefix: context.id, into: svg)
        context.svg = svg.bytes
        let log = MarkupWriter(capacity: 4096)
        EventLog.write(trace, options: options, into: log)
        context.eventLog = log.bytes
        context.assumptions = trace.assumptionsUsed.sorted()
        // In reference order: the few fired ids as a set of bits (not all 64 ids looked up).
        context.rules = trace.rulesFired.reduce(RuleSet()) { $0.union(RuleSet(id: $1) ?? []) }.names
    }
}
