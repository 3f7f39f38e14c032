import LambdaSimulator
import NotesCore
import SiteBuilder
import Testing

@testable import ScenarioKit

/// No number in a scenario crashes notesim (issue 18, point 2): every numeric key of the
/// language, in every mode, with the extremes of 64-bit integers, one beyond them, -1 and 0,
/// gives a result or a diagnostic. Swift traps on arithmetic overflow, so a missed bound
/// would end this test's process, not fail an expectation.
@Suite struct NumericExtremesTests {
    static let modes = ["sync", "async", "sqs", "sqs-fifo", "kinesis", "dynamodb"]

    /// What a key holds, and the extreme texts tried for it.
    enum Kind {
        case integer, duration, size

        var extremes: [String] {
            switch self {
            case .integer:
                ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "-1", "0", "99999999999999999999999"]
            case .duration:
                [
                    "9223372036854775807ms", "-9223372036854775808ms", "9223372036854775808ms", "-1ms", "0", "106751991167d", "9223372036854775807s",
                    "9223372036854775807", "1e300s", "-0.5ms",
                ]
            case .size:
                [
                    "9223372036854775807", "9223372036854775807B", "-9223372036854775808B", "9223372036854775808", "-1B", "0", "9999999999999999GB",
                    "8589934592GB",
                ]
            }
        }
    }

    /// Every numeric key of the scenario language (content/guide/index.md, "The language",
    /// and the parser), as a fragment with `%V%` where the value goes. Each runs in every mode:
    /// a key for another mode must be refused, not crash either.
    static let keys: [(yaml: String, kind: Kind)] =
        [
            ("events:\n  - { at: 0s, count: %V% }\n  - at: 0s\n", .integer),
            ("events:\n  - { at: 0s, count: 3, every: %V% }\n", .duration),
            ("events:\n  - { at: %V%, count: 2, every: 1h }\n", .duration),
            ("events:\n  - { at: 0s, size: %V% }\n", .size),
            ("events:\n  - { at: 0s, payload: { size: %V% } }\n", .size),
            ("events:\n  - { at: 0s, duration: [1ms, %V%] }\n", .duration),
            ("events:\n  - { at: 0s, fails: [%V%] }\n", .integer),
            ("events:\n  - { at: 0s, shard: %V% }\n", .integer),
            ("records:\n  - { at: 0s, count: %V% }\n  - at: 0s\n", .integer),
            ("records:\n  - { at: 0s, count: 3, every: %V% }\n", .duration),
            ("records:\n  - { at: %V%, count: 2, every: 1h }\n", .duration),
            ("records:\n  - { at: 0s, size: %V% }\n", .size),
            ("records:\n  - { at: 0s, shard: %V% }\n", .integer),
            ("records:\n  - { at: 0s, fails: { records: [%V%], times: 2 } }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { Timeout: %V% }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { Timeout: %V% }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { ReservedConcurrentExecutions: %V% }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { duration: %V% }\n", .duration),
            ("events:\n  - { at: 0s, count: 2 }\nfunction: { duration: %V% }\n", .duration),
            ("events:\n  - at: 0s\nfunction: { fails: [%V%] }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { fails: { records: [1], times: %V% } }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { fails: { records: [1], times: %V% } }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { response-size: %V% }\n", .size),
            ("events:\n  - at: 0s\nfunction: { fails: always, error-message: { size: %V% } }\n", .size),
            ("events:\n  - at: 0s\nfunction: { result: { size: %V% } }\n", .size),
            ("events:\n  - { at: 0s, count: 3 }\naccount: { ConcurrentExecutions: %V% }\n", .integer),
            ("records:\n  - { at: 0s, count: 3 }\naccount: { ConcurrentExecutions: %V% }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { fails: always, failure: throttled }\ncaller: { retries: %V%, retry-on: [throttled] }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { duration: 5s }\ncaller: { timeout: %V%, retries: 2, retry-on: [timeout] }\n", .duration),
            ("events:\n  - at: 0s\nuntil: %V%\n", .duration),
            ("records:\n  - at: 0s\nuntil: %V%\n", .duration),
            ("events:\n  - at: 0s\nfunction: { fails: { rate: 50% } }\nseed: %V%\n", .integer),
            ("events:\n  - { at: 0s, count: 2 }\nfaults: { duplicate: [%V%], drop: %V% }\n", .integer),
            ("records:\n  - { at: 0s, count: 2 }\nfaults: { duplicate: %V% }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { fails: always }\nEventInvokeConfig: { MaximumRetryAttempts: %V% }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { fails: always }\nEventInvokeConfig: { MaximumEventAgeInSeconds: %V% }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { fails: [1] }\nqueue: { VisibilityTimeout: %V% }\n", .integer),
            ("records:\n  - at: 0s\nqueue: { MessageRetentionPeriod: %V% }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { fails: always }\nqueue: { RedrivePolicy: { maxReceiveCount: %V% } }\n", .integer),
            ("records:\n  - { at: 0s, count: 5 }\nEventSourceMapping: { BatchSize: %V% }\n", .integer),
            ("records:\n  - { at: 0s, count: 5 }\nEventSourceMapping: { MaximumBatchingWindowInSeconds: %V% }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { fails: always }\nEventSourceMapping: { MaximumRetryAttempts: %V% }\n", .integer),
            ("records:\n  - at: 0s\nfunction: { fails: always }\nEventSourceMapping: { MaximumRecordAgeInSeconds: %V% }\n", .integer),
            ("records:\n  - { at: 0s, count: 4 }\nEventSourceMapping: { ParallelizationFactor: %V% }\n", .integer),
            ("records:\n  - { at: 0s, count: 4 }\nEventSourceMapping: { TumblingWindowInSeconds: %V% }\n", .integer),
            ("records:\n  - { at: -1s, count: 4 }\nEventSourceMapping: { StartingPosition: AT_TIMESTAMP, StartingPositionTimestamp: %V% }\n", .duration),
            ("records:\n  - at: 0s\nEventSourceMapping: { ScalingConfig: { MaximumConcurrency: %V% } }\n", .integer),
            ("records:\n  - at: 0s\nEventSourceMapping: { ProvisionedPollerConfig: { MinimumPollers: %V% } }\n", .integer),
            ("records:\n  - at: 0s\nEventSourceMapping: { ProvisionedPollerConfig: { MaximumPollers: %V% } }\n", .integer),
            ("records:\n  - { at: 0s, count: 3 }\nstream: { shards: %V% }\n", .integer),
            ("records:\n  - at: 0s\nstream: { RetentionPeriodHours: %V% }\n", .integer),
            ("events:\n  - at: 0s\nexpect: { attempts: %V% }\n", .integer),
            ("events:\n  - at: 0s\nexpect: { attempts: { min: %V%, max: %V% } }\n", .integer),
            ("events:\n  - at: 0s\nexpect: { max-concurrency: %V%, outcomes: { ok: %V% } }\n", .integer),
            ("events:\n  - at: 0s\nexpect: { attempts-at: [%V%], ends-at: [%V%], throttles-at: [%V%] }\n", .duration),
            ("events:\n  - at: 0s\nexpect: { first-attempt-at: %V% }\n", .duration),
            ("events:\n  - at: 0s\nexpect: { first-attempt-at: { min: %V%, max: %V% } }\n", .duration),
            ("events:\n  - at: 0s\nexpect: { attempts-at: [0s], tolerance: %V% }\n", .duration),
            ("events:\n  - at: 0s\nexpect: { attempts-at: { value: [0s], tolerance: %V% } }\n", .duration),
            ("events:\n  - at: 0s\nexpect: { responses: { %V%: { status: 200, at: %V% } } }\n", .integer),
            ("events:\n  - at: 0s\nfunction: { fails: always }\nDeadLetterConfig: { TargetArn: sqs }\nexpect: { delivered: { DLQ: %V% } }\n", .integer),
            (
                "events:\n  - at: 0s\nfunction: { fails: always }\nDeadLetterConfig: { TargetArn: sqs }\nexpect: { deliveries: [{ to: DLQ, at: %V%, approximateInvokeCount: %V% }] }\n",
                .integer
            ),
            ("records:\n  - { at: 0s, count: 3 }\nexpect: { batches: [%V%, \"1-%V%\"], batches-at: [%V%] }\n", .integer),
            ("records:\n  - { at: 0s, count: 3 }\nexpect: { batches-at: [%V%] }\n", .duration),
        ] + assumptions

    /// Every assumption that takes a number, with a failing function so that it is used.
    static let assumptions: [(yaml: String, kind: Kind)] = [
        ("first-attempt-delay", Kind.duration), ("throttle-backoff", .duration), ("stream-retry-delay", .duration), ("sqs-error-backoff", .duration),
        ("delivery-latency", .duration), ("poll-latency", .duration), ("sqs-low-traffic-wait", .duration), ("record-overhead", .size),
        ("sync-limit", .size),
    ].flatMap { name, kind in
        ["events", "records"].map { inputs in
            ("\(inputs):\n  - { at: 0s, count: 2, size: 1KB }\nfunction: { fails: [1], failure: throttled }\nassume: { \(name): %V% }\n", kind)
        }
    }

    /// Small limits keep thousands of runs quick; the limits themselves are tried below.
    private static let limits: SimulationLimits = {
        var limits = SimulationLimits()
        limits.maximumSteps = 2_000
        limits.maximumInputs = 1_000
        return limits
    }()

    @Test(arguments: modes)
    func everyNumericKeyAtEveryExtremeGivesAResultOrADiagnostic(mode: String) {
        for (fragment, kind) in Self.keys {
            for value in kind.extremes {
                let yaml = "mode: \(mode)\n" + fragment.replacingOccurrences(of: "%V%", with: value)
                let run = ScenarioRunner.run(yaml, path: "a.md", limits: Self.limits)
                #expect(run.trace != nil || run.diagnostics.contains(where: \.isError) || run.status.isRejection, "\(yaml)")
            }
        }
    }

    /// Whether every section `fragment` writes belongs to `mode`: one that does not is an
    /// error at the section (`ScenarioParser.sectionScopes`), and its values are not read.
    private static func sectionsBelong(_ fragment: String, to mode: String) -> Bool {
        guard let invocation = InvocationMode(rawValue: mode) else { return false }
        return ScenarioParser.sectionScopes.allSatisfy { scope in
            !fragment.split(separator: "\n").contains { $0.hasPrefix(scope.key + ":") } || scope.applies(invocation)
        }
    }

    /// The range test skips a fragment in a mode its sections do not belong to: each must
    /// still be tried in some mode.
    @Test func everyIntegerFragmentIsTriedInAModeItBelongsTo() {
        for (fragment, kind) in Self.keys where kind == .integer && !fragment.contains("expect:") {
            let tried = Self.modes.contains { mode in
                let inputs = ["sync", "async"].contains(mode) ? "events:" : "records:"
                return fragment.hasPrefix(inputs) && Self.sectionsBelong(fragment, to: mode)
            }
            #expect(tried || !(fragment.hasPrefix("events:") || fragment.hasPrefix("records:")), "\(fragment)")
        }
    }

    @Test(arguments: modes)
    func aWholeNumberBeyond64BitsIsARangeErrorAtItsValue(mode: String) {
        let inputs = ["sync", "async"].contains(mode) ? "events:" : "records:"
        for (fragment, kind) in Self.keys
        where kind == .integer && !fragment.contains("expect:") && fragment.hasPrefix(inputs) && Self.sectionsBelong(fragment, to: mode) {
            for value in ["9223372036854775808", "-9223372036854775809"] {
                let yaml = "mode: \(mode)\n" + fragment.replacingOccurrences(of: "%V%", with: value)
                let position = Self.position(of: value, in: yaml)
                let diagnostics = ScenarioRunner.run(yaml, path: "a.md", limits: Self.limits).diagnostics
                #expect(diagnostics.contains { $0.id == "scenario.range" && $0.position == position }, "\(yaml)\n\(diagnostics.map(\.formatted))")
            }
        }
    }

    /// The line and column of the first `text` in `yaml`.
    static func position(of text: String, in yaml: String) -> SourcePosition {
        let before = yaml[..<yaml.range(of: text)!.lowerBound]
        let line = before.count { $0 == "\n" } + 1
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
        return SourcePosition(line: line, column: column)
    }
}

extension ScenarioRun.Status {
    /// A configuration AWS rejects (reported, not simulated).
    fileprivate var isRejection: Bool {
        if case .simulated = self { return false }
        return true
    }
}

/// The examples of issue 18 and the messages they get.
@Suite struct NumericExtremeExampleTests {
    private func errors(_ yaml: String) -> [String] {
        ScenarioRunner.run(yaml, path: "a.md").diagnostics.map(\.formatted)
    }

    @Test func theLargestCountPlusOneMoreEventIsTheRecordsLimit() {
        // The sum of the counts overflowed 64 bits: a trap before.
        #expect(
            errors("mode: sync\nevents:\n  - { at: 0s, count: 9223372036854775807 }\n  - at: 0s\n") == [
                "a.md:3:22: error: the scenario has at least 9223372036854775807 events; the limit is 50000 (limits.records) [scenario.limit]"
            ])
    }

    @Test func theSmallestAccountConcurrencyIsARangeError() {
        // `ConcurrentExecutions - 100` overflowed when it was checked against the reserved concurrency: a trap before.
        #expect(
            errors("mode: sync\naccount: { ConcurrentExecutions: -9223372036854775808 }\nfunction: { ReservedConcurrentExecutions: 5 }\nevents:\n  - at: 0s\n")
                == [
                    "a.md:2:34: error: ConcurrentExecutions must be at least 1, not -9223372036854775808 (rule C1) [scenario.range]"
                ])
    }

    @Test func aHugeAccountConcurrencyIsASimulationLimit() {
        #expect(
            errors("mode: sync\naccount: { ConcurrentExecutions: 9223372036854775807 }\nevents:\n  - at: 0s\n") == [
                "a.md:2:34: error: ConcurrentExecutions must be at most 1000000 (simulation limit), not 9223372036854775807 (rule C1) [scenario.range]"
            ])
    }

    @Test func durationsBeyondAHundredThousandDaysAreRangeErrorsAtTheirValue() {
        #expect(
            errors("mode: sync\nevents:\n  - { at: 0s, count: 2, every: 9223372036854775807ms }\n") == [
                "a.md:3:32: error: 'every' is out of range: 9223372036854775807ms is longer than 100000d [scenario.range]"
            ])
        #expect(
            errors("mode: sync\nevents:\n  - at: 9223372036854775807ms\n") == [
                "a.md:3:9: error: 'at' is out of range: 9223372036854775807ms is longer than 100000d [scenario.range]"
            ])
        #expect(
            errors("mode: async\nuntil: 106751991167d\nevents:\n  - at: 0s\n") == [
                "a.md:2:8: error: 'until' is out of range: 106751991167d is longer than 100000d [scenario.range]"
            ])
    }

    @Test func sizesBeyondATerabyteAreRangeErrors() {
        #expect(
            errors("mode: sync\nevents:\n  - { at: 0s, size: 9999999999999999GB }\n") == [
                "a.md:3:21: error: 'size' is out of range: 9999999999999999GB is more than 1024GB [scenario.range]"
            ])
    }

    @Test func aWholeNumberBeyond64BitsIsARangeErrorNotATypeError() {
        #expect(
            errors("mode: kinesis\nstream: { shards: 9223372036854775808 }\nrecords:\n  - at: 0s\n") == [
                "a.md:2:19: error: 'shards' is out of range: 9223372036854775808 is more than 9223372036854775807 [scenario.range]"
            ])
    }
}

/// `limits:` in notesim.yml at the extremes: a limit or an error, never a trap.
@Suite struct LimitExtremesTests {
    @Test(arguments: ["records", "steps", "horizon", "note-size"])
    func everyLimitAtEveryExtremeIsAValueOrAnError(key: String) {
        for value in ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "0", "106751991167d", "9999999999999999GB"] {
            let (config, diagnostics) = SiteConfig.parse("limits: { \(key): \(value) }\n", path: "notesim.yml")
            #expect(diagnostics.allSatisfy { $0.id == "config.type" }, "\(key): \(value)")
            #expect(config.limits.horizon <= Quantity.maximumDuration && config.limits.records > 0 && config.limits.steps > 0)
        }
    }
}
