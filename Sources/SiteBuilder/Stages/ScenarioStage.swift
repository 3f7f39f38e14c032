import LambdaSimulator
import NotesCore
import NotesMarkdown
import ScenarioKit
import TimelineRender

/// Stages 3–5 for scenario blocks: extract, simulate, verify; and the figure for the page.
public enum ScenarioStage {
    /// What running a note's scenarios produced.
    public struct Output: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// Figure HTML (UTF-8) per slot number.
        public var figures: [Int: [UInt8]] = [:]
        /// Event logs too long for their figure, per slot number: each is written as a page
        /// beside the note's (`ScenarioLog.path`).
        public var logs: [Int: ScenarioLog] = [:]
        public var passed = 0
        public var failed = 0
        public var scenarios = 0
        /// Scenarios simulated in this run (the rest came from the cache).
        public var simulated = 0

        public init() {}

        init(figures: [Int: [UInt8]], logs: [Int: ScenarioLog] = [:], passed: Int, failed: Int, diagnostics: [Diagnostic]) {
            self.figures = figures
            self.logs = logs
            self.passed = passed
            self.failed = failed
            self.diagnostics = diagnostics
        }

        /// Adds what one block produced (its figure, verdict counts and diagnostics).
        mutating func add(_ block: Output) {
            figures.merge(block.figures) { _, new in new }
            logs.merge(block.logs) { _, new in new }
            passed += block.passed
            failed += block.failed
            diagnostics += block.diagnostics
        }
    }

    /// Runs every scenario block of a note and draws its figures with `theme` (none without one).
    public static func run(
        _ note: Note, language: String, theme: Theme?, cache: (any ScenarioResultCache)? = nil,
        limits: SimulationLimits = SimulationLimits()
    ) -> Output {
        var output = Output()
        for block in note.page.codeBlocks {
            guard let slot = block.slot else { continue }
            output.scenarios += 1
            guard let cache else {
                output.add(runBlock(block, slot: slot, note: note, language: language, theme: theme, limits: limits))
                output.simulated += 1
                continue
            }
            let key =
                ScenarioCacheKey.make(
                    text: block.literal, path: note.sourcePath, line: block.contentStartLine,
                    column: block.position.column, slot: slot, language: language)
                + "\nlimits \(limits.maximumInputs) \(limits.horizon) \(limits.maximumSteps)"
                + "\nfigure \(theme.map { String($0.scenarioFigureKey) } ?? "none")"
                + (note.frontMatter.scenarioSourceOpen ? "\nsource open" : "")
            if let cached = cache.load(key) {
                output.add(
                    Output(
                        figures: [slot: Array(cached.figureHTML.utf8)], logs: cached.log.map { [slot: $0] } ?? [:], passed: cached.passed,
                        failed: cached.failed, diagnostics: cached.diagnostics))
            } else {
                let single = runBlock(block, slot: slot, note: note, language: language, theme: theme, limits: limits)
                cache.save(
                    CachedScenario(
                        key: key, figureHTML: String(decoding: single.figures[slot] ?? [], as: UTF8.self), log: single.logs[slot],
                        passed: single.passed, failed: single.failed, diagnostics: single.diagnostics))
                output.add(single)
                output.simulated += 1
            }
        }
        return output
    }

    /// Runs one block (`ScenarioRunner`) and draws its figure.
    private static func runBlock(_ block: CodeBlock, slot: Int, note: Note, language: String, theme: Theme?, limits: SimulationLimits) -> Output {
        let run = ScenarioRunner.run(
            block.literal, path: note.sourcePath, firstLine: block.contentStartLine,
            columnOffset: block.position.column - 1, limits: limits)
        let (figure, log) = ScenarioFigure.html(
            for: run, block: block, id: "scenario-\(slot)", language: language, theme: theme,
            logHref: ScenarioLog.href(of: note.outputPath, slot: slot), sourceOpen: note.frontMatter.scenarioSourceOpen)
        return Output(figures: [slot: figure], logs: log.map { [slot: $0] } ?? [:], passed: run.passed, failed: run.failed, diagnostics: run.diagnostics)
    }
}
