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
        public var passed = 0
        public var failed = 0
        public var scenarios = 0
        /// Scenarios simulated in this run (the rest came from the cache).
        public var simulated = 0

        public init() {}

        init(figures: [Int: [UInt8]], passed: Int, failed: Int, diagnostics: [Diagnostic]) {
            self.figures = figures
            self.passed = passed
            self.failed = failed
            self.diagnostics = diagnostics
        }

        /// Adds what one block produced (its figure, verdict counts and diagnostics).
        mutating func add(_ block: Output) {
            figures.merge(block.figures) { _, new in new }
            passed += block.passed
            failed += block.failed
            diagnostics += block.diagnostics
        }
    }

    /// Runs every scenario block of a note.
    public static func run(_ note: Note, language: String, cache: (any ScenarioResultCache)? = nil, limits: SimulationLimits = SimulationLimits()) -> Output {
        var output = Output()
        for block in note.page.codeBlocks {
            guard let slot = block.slot else { continue }
            output.scenarios += 1
            guard let cache else {
                output.add(runBlock(block, slot: slot, note: note, language: language, limits: limits))
                output.simulated += 1
                continue
            }
            let key = ScenarioCacheKey.make(text: block.literal, path: note.sourcePath, line: block.contentStartLine,
                                            column: block.position.column, slot: slot, language: language)
                + "\nlimits \(limits.maximumInputs) \(limits.horizon) \(limits.maximumSteps)"
            if let cached = cache.load(key) {
                output.add(Output(figures: [slot: Array(cached.figureHTML.utf8)], passed: cached.passed, failed: cached.failed,
                                  diagnostics: cached.diagnostics))
            } else {
                let single = runBlock(block, slot: slot, note: note, language: language, limits: limits)
                cache.save(CachedScenario(key: key, figureHTML: String(decoding: single.figures[slot] ?? [], as: UTF8.self),
                                          passed: single.passed, failed: single.failed, diagnostics: single.diagnostics))
                output.add(single)
                output.simulated += 1
            }
        }
        return output
    }

    /// Parses, validates, simulates, verifies and draws one block.
    private static func runBlock(_ block: CodeBlock, slot: Int, note: Note, language: String, limits: SimulationLimits) -> Output {
        var output = Output()
        let figureID = "scenario-\(slot)"
        let (document, problems) = ScenarioParser.parse(block.literal, path: note.sourcePath, firstLine: block.contentStartLine, columnOffset: block.position.column - 1, limits: limits)
        output.diagnostics += problems
        guard let document, !problems.contains(where: \.isError) else {
            output.figures[slot] = ScenarioFigure.broken(block: block, id: figureID, problems: problems)
            if document?.expectations.isEmpty == false { output.failed += document!.expectations.filter { $0.key != "tolerance" }.count }
            return output
        }
        let claimsRejection = document.expectations.contains { $0.key == "rejected" }
        if !document.validationIssues.isEmpty || claimsRejection {
            var verdicts = Verifier.verifyRejection(document, path: note.sourcePath)
            if !claimsRejection {
                output.diagnostics += document.validationIssues.map { document.diagnostic(for: $0, path: note.sourcePath) }
            } else if document.expectations.count > (document.expectations.contains { $0.key == "tolerance" } ? 2 : 1) {
                output.diagnostics.append(.error("expect.rejected", path: note.sourcePath, at: document.position(of: "expect"),
                                                 "a scenario that claims 'rejected' has no other expectations: AWS runs nothing"))
            }
            if claimsRejection, document.validationIssues.isEmpty {
                verdicts = [Verifier.Verdict(key: "rejected", passed: false, summary: "AWS accepts this configuration",
                                             diagnostic: .error("expect.rejected", path: note.sourcePath, at: document.expectations.first { $0.key == "rejected" }?.position,
                                                                "expected AWS to reject this configuration, but it is valid"))]
            }
            record(verdicts, into: &output)
            output.figures[slot] = ScenarioFigure.rejected(document: document, block: block, id: figureID, verdicts: verdicts, path: note.sourcePath)
            return output
        }
        do {
            let trace = try Simulator.simulate(document.spec)
            let verdicts = Verifier.verify(document, trace: trace, path: note.sourcePath)
            record(verdicts, into: &output)
            output.figures[slot] = ScenarioFigure.html(document: document, trace: trace, block: block, id: figureID, verdicts: verdicts,
                                                       language: document.language ?? language)
        } catch {
            output.diagnostics.append(.error("scenario.simulation", path: note.sourcePath, at: document.start, "the simulation stopped: \(error)"))
            output.figures[slot] = ScenarioFigure.broken(block: block, id: figureID, problems: output.diagnostics)
        }
        return output
    }

    private static func record(_ verdicts: [Verifier.Verdict], into output: inout Output) {
        for verdict in verdicts {
            if verdict.passed { output.passed += 1 } else { output.failed += 1 }
            if let diagnostic = verdict.diagnostic { output.diagnostics.append(diagnostic) }
        }
    }
}
