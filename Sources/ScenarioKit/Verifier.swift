import LambdaSimulator
import NotesCore

/// Checks a scenario's claims against the simulator's trace, one verdict per expectation.
public enum Verifier {
    /// The verdict on one expectation.
    public struct Verdict: Sendable {
        public var key: ClaimKey
        public var passed: Bool
        /// What was checked, in words (for the page).
        public var summary: String
        /// The diagnostic when it failed.
        public var diagnostic: Diagnostic?

        public init(key: ClaimKey, passed: Bool, summary: String, diagnostic: Diagnostic?) {
            self.key = key
            self.passed = passed
            self.summary = summary
            self.diagnostic = diagnostic
        }
    }

    /// Verifies every expectation of `document` against `trace`.
    public static func verify(_ document: ScenarioDocument, trace: Trace, path: String) -> [Verdict] {
        let tolerance = document.expectations.first { $0.key == .tolerance }.flatMap { $0.value.text.flatMap(Quantity.duration) } ?? 1_000
        var verdicts: [Verdict] = []
        for expectation in document.expectations where expectation.key.hasVerdict {
            let scope = expectation.key.scope
            if !scope.contains(document.spec.mode) {
                verdicts.append(
                    fail(
                        expectation, path,
                        "expectation '\(expectation.key)' applies to \(scope.description), not to \(modeWithArticle(document.spec.mode)) scenario",
                        id: "expect.mode"))
                continue
            }
            let checker = Checker(trace: trace, tolerance: expectation.tolerance ?? tolerance, document: document)
            let result = checker.check(expectation)
            switch result {
            case .pass(let summary):
                verdicts.append(Verdict(key: expectation.key, passed: true, summary: summary, diagnostic: nil))
            case .fail(let message):
                verdicts.append(fail(expectation, path, message, id: "expect.\(expectation.key)"))
            case .invalid(let message, let position):
                var verdict = fail(expectation, path, message, id: "expect.value")
                verdict.diagnostic?.position = position
                verdicts.append(verdict)
            }
        }
        return verdicts
    }

    /// The verdict of `rejected` when AWS rejects the configuration (validation issues).
    public static func verifyRejection(_ document: ScenarioDocument, path: String) -> [Verdict] {
        guard let claim = document.expectations.first(where: { $0.key == .rejected }) else { return [] }
        let named = claim.value.text ?? ""
        let matched = document.validationIssues.contains { issue in
            issue.parameter == named || issue.parameter.hasSuffix("." + named) || issue.rule == named
                || document.diagnostic(for: issue, path: path).id == named
        }
        if matched {
            return [Verdict(key: .rejected, passed: true, summary: "AWS rejects \(named)", diagnostic: nil)]
        }
        let actual = document.validationIssues.map(\.parameter).joined(separator: ", ")
        return [fail(claim, path, "expected AWS to reject '\(named)', but the rejected settings are: \(actual)", id: "expect.rejected")]
    }

    /// A mode's name after the article it is read with: "an async", "an sqs", "a kinesis".
    ///
    /// Chosen by sound, not by letter: `sqs` and `mq` are spelled out (es, em), `sync` is not.
    static func modeWithArticle(_ mode: InvocationMode) -> String {
        let article =
            switch mode {
            case .async, .sqs, .sqsFIFO, .mq: "an"
            case .sync, .kinesis, .dynamodb, .kafka, .documentdb: "a"
            }
        return "\(article) \(mode.rawValue)"
    }

    static func fail(_ expectation: Expectation, _ path: String, _ message: String, id: String) -> Verdict {
        Verdict(
            key: expectation.key, passed: false, summary: message,
            diagnostic: .error(id, path: path, at: expectation.position, message))
    }
}
