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
        /// The event log table (raw markup; empty unless `timeline` and short enough to show inline).
        var eventLog: [UInt8] = []
        /// The link to the log's own page and its size in words, when the log is too long to
        /// show inline.
        var logFile: String?
        var logSize = ""
        /// Failed claims or the block's errors, formatted as diagnostics.
        var problems: [String] = []
        /// AWS's reasons for rejecting the configuration.
        var rejections: [String] = []
        var verdicts: [Verifier.Verdict] = []
        var assumptions: [Assumptions.Name] = []
        /// The values the block set, so a figure explains the one its run used.
        var assumptionValues = Assumptions()
        /// The assumptions the block's `assume:` gave a value.
        var assumptionsSet: Set<Assumptions.Name> = []
        /// The figure's language, for the assumptions' explanations.
        var language = "en"
        /// The reference's rule ids that explain the run, in reference order.
        var rules: [String] = []
        /// The block's YAML, and whether it is shown open (front matter `scenario-source: open`).
        var source: String
        var sourceOpen = false
        /// The link text of a long event log, with `%d` entries (`UIStrings.eventLogEntries`
        /// in the figure's language; the strings themselves are not copied into every figure).
        var eventLogEntries: String
        /// `ui` as a template context (`UIStrings.context(forLanguage:)`).
        var uiContext: TemplateObject

        /// The context's names, in the order the template has always been given them.
        private static let shape = TemplateShape([
            "id", "title", "timeline", "rejected", "broken", "legend", "laneColumn", "svg", "eventLog", "logFile", "logSize",
            "hasProblems", "problems", "rejections", "hasVerdicts", "verdicts", "hasAssumptions", "assumptions", "hasRules", "rules",
            "source", "sourceOpen", "ui",
        ])
        /// The names of a verdict of the list, made once for every figure's verdicts.
        private static let verdictShape = TemplateShape(["passed", "key", "summary"])
        /// The names of an assumption of the list, made once for every figure's assumptions.
        private static let assumptionShape = TemplateShape(["first", "name", "explanation", "set"])

        var object: TemplateObject {
            TemplateObject(
                Self.shape,
                values: [
                    .text(id), .text(title), .flag(kind == .timeline), .flag(kind == .rejected), .flag(kind == .broken),
                    .bytes(legend[...]), .bytes(laneColumn[...]), .bytes(svg.last == 0x0A ? svg.dropLast() : svg[...]),
                    .bytes(eventLog[...]), logFile.map { .text($0) } ?? .flag(false), .text(logSize),
                    .flag(!problems.isEmpty), .list(problems.map { .text($0) }), .list(rejections.map { .text($0) }),
                    .flag(!verdicts.isEmpty),
                    .list(verdicts.map { .object(TemplateObject(Self.verdictShape, values: [.flag($0.passed), .text($0.key.name), .text($0.summary)])) }),
                    .flag(!assumptions.isEmpty),
                    .list(assumptions.enumerated().map { index, name in assumption(name, first: index == 0) }),
                    .flag(!rules.isEmpty), .text(rules.joined(separator: " ")), .text(source), .flag(sourceOpen), .object(uiContext),
                ])
        }

        /// One assumption of the list: what the run used, marked as set by the block while the
        /// explanation is still the default's.
        private func assumption(_ name: Assumptions.Name, first: Bool) -> TemplateValue {
            let explanation = name.explanation(under: assumptionValues, language: language)
            return .object(
                TemplateObject(
                    Self.assumptionShape,
                    values: [
                        .flag(first), .text(name.rawValue), .text(explanation),
                        .flag(assumptionsSet.contains(name) && explanation == name.explanation(language: language)),
                    ]))
        }
    }

    /// The figure for a block as far as it got, and its event log when it is too long to show
    /// inline (`logHref` is where the figure links to it, worked out only then: percent-encoding
    /// the note's path cost every figure as much as its legend); empty without a theme
    /// (nothing is rendered then).
    static func html(
        for run: ScenarioRun, block: CodeBlock, id: String, language pageLanguage: String, theme: Theme?, logHref: @autoclosure () -> String,
        sourceOpen: Bool = false
    ) -> (figure: [UInt8], log: ScenarioLog?) {
        guard let theme else { return ([], nil) }
        let language = run.document?.language ?? pageLanguage
        var context = Context(
            kind: .broken, id: id, title: shownTitle(run.document?.title ?? ""), source: block.literal,
            eventLogEntries: UIStrings.eventLogEntries(forLanguage: language),
            uiContext: UIStrings.context(forLanguage: language))
        context.sourceOpen = sourceOpen
        context.language = language
        var log: ScenarioLog?
        switch run.status {
        case .simulated(let trace):
            if let document = run.document { log = drawTimeline(trace, document: document, language: language, logHref: logHref(), into: &context) }
            context.problems = run.verdicts.filter { !$0.passed }.map { $0.diagnostic?.formatted ?? $0.summary }
            context.verdicts = run.verdicts
        case .rejected:
            context.kind = .rejected
            context.rejections = run.document?.validationIssues.map(\.description) ?? []
            context.verdicts = run.verdicts
        case .broken, .stopped:
            context.problems = run.diagnostics.filter(\.isError).map(\.formatted)
        }
        return (theme.render(context.object, template: Theme.scenarioFigureTemplate), log)
    }

    /// The most characters of a scenario's title a figure shows (its caption, the SVG's
    /// `<title>`, the log page's heading): a figure's weight stays bounded (40 KB) whatever
    /// the title's length; the block's source below keeps the whole title.
    static let titleLimit = 200

    /// `title`, cut to `titleLimit` characters with an ellipsis.
    static func shownTitle(_ title: String) -> String {
        // No more bytes than the limit means no more characters: most titles skip the count
        // of characters, which walks every grapheme.
        title.utf8.count <= titleLimit || title.count <= titleLimit ? title : String(title.prefix(titleLimit - 1)) + "…"
    }

    /// The timeline (detailed or aggregate, `TimelineView`), its legend and event log, the
    /// assumptions and the rules of a run; returns the log when it goes on a page of its own.
    private static func drawTimeline(
        _ trace: Trace, document: ScenarioDocument, language: String, logHref: @autoclosure () -> String, into context: inout Context
    ) -> ScenarioLog? {
        context.kind = .timeline
        let options = TimelineOptions(language: language, idPrefix: context.id, linearAxis: document.linearAxis, title: context.title)
        let svg = MarkupWriter(capacity: 8192)
        let view = TimelineView.write(trace, options: options, into: svg)
        context.svg = svg.bytes
        let legend = MarkupWriter(capacity: 1024)
        Legend.write(kinds: view.legend, language: language, into: legend)
        context.legend = legend.bytes
        let column = MarkupWriter(capacity: 256)
        let (gutter, height) =
            switch view {
            case .detailed(let model): (model.gutter, model.height)
            case .aggregate(let model): (model.gutter, model.height)
            }
        SVGWriter.writeLaneColumn(gutter: gutter, height: height, idPrefix: context.id, into: column)
        context.laneColumn = column.bytes
        let log = MarkupWriter(capacity: 4096)
        EventLog.write(trace, options: options, into: log)
        context.assumptions = trace.assumptionsUsed.sorted()
        context.assumptionValues = document.spec.assumptions
        context.assumptionsSet = Set(document.namedAssumptions)
        // In reference order: the fired rules are a set of bits, named in that order.
        context.rules = trace.firedRules.names
        let rows = EventLog.rowCount(trace)
        guard !trace.isComplete || rows > EventLog.inlineRows else {
            context.eventLog = log.bytes
            return nil
        }
        context.logFile = logHref()
        context.logSize = Placeholders.fill(context.eventLogEntries, [("d", String(trace.entryCount))])
        return ScenarioLog(table: log.bytes, entries: trace.entryCount, kept: trace.entries.count, title: context.title, language: language)
    }
}
