import LambdaSimulator
import NotesCore

/// What running one scenario block gave: how far it got, the parsed document, the trace, the
/// verdicts on its claims and every diagnostic to report.
public struct ScenarioRun: Sendable {
    /// How far the block got.
    public enum Status: Sendable {
        /// The block could not be read (YAML or the scenario language): nothing ran.
        case broken
        /// AWS rejects the configuration, or the block claims it does (`expect: rejected`):
        /// nothing ran, and the verdict is on the rejection.
        case rejected
        /// The simulator ran to the end.
        case simulated(Trace)
        /// The simulator stopped at a limit before the end.
        case stopped(SimulationError)
    }

    public var status: Status
    /// The block as parsed; nil when it was not even YAML.
    public var document: ScenarioDocument?
    /// One verdict per claim that was checked.
    public var verdicts: [Verifier.Verdict]
    /// Everything to report, in the order found: reading problems, AWS's rejections, failed claims.
    public var diagnostics: [Diagnostic]
    /// Claims that held and that did not (a broken block fails every claim it makes).
    public var passed: Int
    public var failed: Int

    /// The trace, when the simulator ran to the end.
    public var trace: Trace? {
        if case .simulated(let trace) = status { return trace }
        return nil
    }

    /// The undocumented values the result relied on (`Assumptions`), in name order.
    public var assumptionsUsed: [Assumptions.Name] {
        trace?.assumptionsUsed.sorted() ?? []
    }
}

/// Runs a scenario block from its text: parse, validate against AWS's rules, simulate and
/// verify the claims.
///
/// The one place a block is run: `build`, `check`, `serve`, `simulate` and the tests all call
/// it, so they cannot disagree on a verdict.
public enum ScenarioRunner {
    /// The most entries a run keeps one by one (for the detailed figure and the event log).
    /// Why: a reader scrolls through a few thousand lines at most; past that, claims and the
    /// aggregate view use counts and bounded lists, so a run's memory stays flat however
    /// long the scenario goes on.
    public static let detailLimit = 2_000

    /// Runs the block whose text is `text`, found in `path` with its first line at `firstLine`
    /// and its columns shifted by `columnOffset` (diagnostics point into the note), keeping
    /// its first `keeping` entries one by one (`simulate`'s text and JSON keep every one).
    public static func run(
        _ text: String, path: String, firstLine: Int = 1, columnOffset: Int = 0,
        limits: SimulationLimits = SimulationLimits(), keeping: Int = detailLimit
    ) -> ScenarioRun {
        let text = startsWithByteOrderMark(text) ? String(text.dropFirst()) : text
        let (parsed, problems) = ScenarioParser.parse(text, path: path, firstLine: firstLine, columnOffset: columnOffset, limits: limits)
        guard let document = parsed, !problems.contains(where: \.isError) else {
            let claims = parsed?.expectations.count { $0.key.hasVerdict } ?? ScenarioParser.claimCount(of: text)
            return ScenarioRun(status: .broken, document: parsed, verdicts: [], diagnostics: problems, passed: 0, failed: claims)
        }
        let claimsRejection = document.expectations.contains { $0.key == .rejected }
        if !document.validationIssues.isEmpty || claimsRejection {
            return rejection(document, claimsRejection: claimsRejection, path: path, problems: problems)
        }
        do {
            // `validationIssues` is empty here: the spec was validated as it was read.
            let trace = try Simulator.simulate(validated: document.spec, detailLimit: keeping)
            let verdicts = Verifier.verify(document, trace: trace, path: path)
            return ScenarioRun(
                status: .simulated(trace), document: document, verdicts: verdicts,
                diagnostics: problems + unusedAssumptions(document, trace: trace, path: path) + verdicts.compactMap(\.diagnostic),
                passed: verdicts.count(where: \.passed), failed: verdicts.count { !$0.passed })
        } catch {
            let stop: Diagnostic =
                switch error {
                case .limitExceeded(let limit, _, _):
                    .error(
                        "scenario.limit", path: path, at: document.start, "\(error)",
                        hint:
                            "raise limits.\(limit.rawValue) in notesim.yml, or shorten the scenario (until:, fewer \(document.spec.mode.inputsKey), fewer retries)"
                    )
                case .invalid, .noProgress:
                    .error("scenario.simulation", path: path, at: document.start, "the simulation stopped: \(error)")
                }
            // The claims could not be checked: each fails, as a broken block's do.
            let claims = document.expectations.count { $0.key.hasVerdict }
            return ScenarioRun(status: .stopped(error), document: document, verdicts: [], diagnostics: problems + [stop], passed: 0, failed: claims)
        }
    }

    /// A warning for each assumption the block's `assume:` set that its run never relied on:
    /// the value changed nothing, most often because the mode or caller has no such behaviour
    /// (`sdk-jitter` without an SDK caller), and a setting is never left unused without a word.
    static func unusedAssumptions(_ document: ScenarioDocument, trace: Trace, path: String) -> [Diagnostic] {
        guard !document.namedAssumptions.isEmpty else { return [] }
        let used = trace.assumptionsUsed
        return document.namedAssumptions.filter { !used.contains($0) }.map { name in
            .warning(
                "scenario.unused-assumption", path: path, at: document.position(of: "assume.\(name.rawValue)"),
                "assume.\(name.rawValue) changed nothing: this run never relied on it")
        }
    }

    /// Whether the text opens with a byte order mark (U+FEFF, which nothing decomposes to,
    /// so its UTF-8 bytes come first), looked for in those three bytes before `hasPrefix`
    /// compares characters: that comparison cost every block as much as a short section.
    static func startsWithByteOrderMark(_ text: String) -> Bool {
        text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) && text.hasPrefix("\u{FEFF}")
    }

    /// A block AWS would reject, or that claims so: the verdict is on the rejection (A5, Q*,
    /// K*: the validator's rule ids), and nothing is simulated.
    private static func rejection(_ document: ScenarioDocument, claimsRejection: Bool, path: String, problems: [Diagnostic]) -> ScenarioRun {
        var diagnostics = problems
        var verdicts = Verifier.verifyRejection(document, path: path)
        if !claimsRejection {
            diagnostics += document.validationIssues.map { document.diagnostic(for: $0, path: path) }
        } else if document.expectations.count(where: { $0.key.hasVerdict }) > 1 {
            diagnostics.append(
                .error(
                    "expect.rejected", path: path, at: document.position(of: "expect"),
                    "a scenario that claims 'rejected' has no other expectations: AWS runs nothing"))
        }
        if claimsRejection, document.validationIssues.isEmpty {
            let claim = document.expectations.first { $0.key == .rejected }
            verdicts = [
                Verifier.Verdict(
                    key: .rejected, passed: false, summary: "AWS accepts this configuration",
                    diagnostic: .error(
                        "expect.rejected", path: path, at: claim?.position,
                        "expected AWS to reject this configuration, but it is valid"))
            ]
        }
        diagnostics += verdicts.compactMap(\.diagnostic)
        return ScenarioRun(
            status: .rejected, document: document, verdicts: verdicts, diagnostics: diagnostics,
            passed: verdicts.count(where: \.passed), failed: verdicts.count { !$0.passed })
    }
}
