import LambdaSimulator
import ScenarioKit
import Testing

/// Issue 22, point 4: every assumption value is checked against its domain, with the shape
/// expected; words are read without regard to case.
@Suite struct AssumptionValueTests {
    /// The first line of the first diagnostic of a block with `assume: { NAME: VALUE }` (a
    /// note with an example may follow it).
    private func problem(_ mode: String, _ name: String, _ value: String) -> String? {
        let inputs = mode == "async" ? "events" : "records"
        let yaml = "mode: \(mode)\nassume: { \(name): \(value) }\n\(inputs):\n  - at: 0s\n"
        // The first error: a value read right may still warn that a run this short never relied on it.
        return ScenarioRunner.run(yaml, path: "content/a.md").diagnostics.first(where: \.isError).map { String($0.formatted.prefix { $0 != "\n" }) }
    }

    @Test(arguments: [
        ("async", "first-attempt-delay", "banana", "content/a.md:2:32: error: 'banana' is not a duration [scenario.duration]"),
        ("async", "first-attempt-delay", "-1s", "content/a.md:2:32: error: 'first-attempt-delay' must not be negative [scenario.duration]"),
        ("async", "throttle-backoff", "5", "content/a.md:2:29: error: '5' is not a duration [scenario.duration]"),
        ("kinesis", "stream-retry-delay", "-5ms", "content/a.md:2:31: error: 'stream-retry-delay' must not be negative [scenario.duration]"),
        ("kinesis", "bisect-at-zero-retries", "maybe", "content/a.md:2:35: error: 'bisect-at-zero-retries' must be true or false [scenario.type]"),
        ("kinesis", "record-overhead", "-1B", "content/a.md:2:28: error: '-1B' is not a size [scenario.size]"),
        ("sqs", "poll-latency", "x", "content/a.md:2:25: error: 'x' is not a duration [scenario.duration]"),
        (
            "sqs", "window-start", "banana",
            "content/a.md:2:25: error: 'window-start' cannot be changed: the simulator implements only its default, after the previous invocation [scenario.value]"
        ),
        (
            "async", "retry-from", "attempt-ends",
            "content/a.md:2:23: error: retry-from: 'attempt-ends' is not a retry reference (attempt-end, attempt-start); did you mean 'attempt-end'? [scenario.value]"
        ),
        (
            "kafka", "kafka-batch-scope", "mixd",
            "content/a.md:2:30: error: kafka-batch-scope must be partition or mixed, not 'mixd'; did you mean 'mixed'? [scenario.value]"
        ),
        (
            "kafka", "topic-expiry", "segments 1h",
            "content/a.md:2:25: error: topic-expiry must be exact or segment DURATION, not 'segments 1h'; did you mean 'segment'? [scenario.value]"
        ),
        (
            "kafka", "topic-expiry", "segment",
            "content/a.md:2:25: error: topic-expiry: segment takes a length above 0 (segment.ms), for example 'segment 1h', not 'segment' [scenario.value]"
        ),
        (
            "kafka", "topic-expiry", "exact 1h",
            "content/a.md:2:25: error: topic-expiry: 'exact' takes no value, not 'exact 1h' [scenario.value]"
        ),
        (
            "mq", "rabbitmq-redelivery", "limt 3",
            "content/a.md:2:32: error: rabbitmq-redelivery must be unlimited or limit N, not 'limt 3'; did you mean 'limit'? [scenario.value]"
        ),
        (
            "mq", "rabbitmq-redelivery", "limit -1",
            "content/a.md:2:32: error: rabbitmq-redelivery: limit takes a whole number of redeliveries, 0 or more (x-delivery-limit), for example 'limit 20', not 'limit -1' [scenario.value]"
        ),
        (
            "async", "environment-reuse", "most-recnt",
            "content/a.md:2:30: error: environment-reuse: 'most-recnt' is not a reuse order (most-recent, least-recent); did you mean 'most-recent'? [scenario.value]"
        ),
        (
            "async", "init-overrun", "twise",
            "content/a.md:2:25: error: init-overrun: 'twise' is not an Init overrun (twice, once); did you mean 'twice'? [scenario.value]"
        ),
        (
            "async", "sfn-retry-from", "attempt-stat",
            "content/a.md:2:27: error: sfn-retry-from: 'attempt-stat' is not a retry reference (attempt-end, attempt-start); did you mean 'attempt-start'? [scenario.value]"
        ),
        (
            "async", "sns-backoff", "geometrik",
            "content/a.md:2:24: error: sns-backoff: 'geometrik' is not an SNS backoffFunction (geometric, linear, arithmetic, exponential); did you mean 'geometric'? [scenario.value]"
        ),
        (
            "async", "s3-hand-off", "retryed",
            "content/a.md:2:24: error: s3-hand-off: 'retryed' is not an S3 hand-off (lost, retried); did you mean 'retried'? [scenario.value]"
        ),
        (
            "async", "eventbridge-backoff", "{ base: 5s, cap: 1s }",
            "content/a.md:2:32: error: eventbridge-backoff needs a base longer than 0s and a cap at least as long as the base [scenario.range]"
        ),
        ("async", "eventbridge-backoff", "{ bass: 5s }", "content/a.md:2:34: error: unknown key 'bass'; did you mean 'base'? [scenario.unknown-key]"),
        (
            "async", "adaptive-limiter", "{ beta: 1.5 }",
            "content/a.md:2:37: error: beta is the share of the rate kept after a throttle: a number between 0 and 1 such as 0.7, not '1.5' [scenario.range]"
        ),
        (
            "async", "adaptive-limiter", "{ minimum-rate: 0 }",
            "content/a.md:2:45: error: minimum-rate is calls per second: a number above 0 such as 0.5, not '0' [scenario.range]"
        ),
        ("async", "max-environment-lifetime", "0s", "content/a.md:2:37: error: max-environment-lifetime must be longer than 0s, or off [scenario.range]"),
        ("async", "provisioned-recycle", "0s", "content/a.md:2:32: error: provisioned-recycle must be longer than 0s, or off [scenario.range]"),
        (
            "async", "provisioned-recycle", "of",
            "content/a.md:2:32: error: provisioned-recycle is off or a duration such as 4h, not 'of'; did you mean 'off'? [scenario.value]"
        ),
        ("async", "provisioned-recycle", "-2h", "content/a.md:2:32: error: 'provisioned-recycle' must not be negative [scenario.duration]"),
        (
            "async", "recursion-threshold", "0",
            "content/a.md:2:32: error: recursion-threshold counts the invocations that run: at least 1, not 0 [scenario.range]"
        ),
        (
            "async", "recursion-condition", "'Recursion exceeded'",
            "content/a.md:2:32: error: recursion-condition is a condition name of letters and digits such as RecursiveInvocationException, not 'Recursion exceeded' [scenario.value]"
        ),
    ])
    func aValueOutsideItsDomainIsAnErrorAtTheValue(mode: String, name: String, value: String, expected: String) {
        #expect(problem(mode, name, value) == expected)
    }

    /// The issue-24 assumptions that took no value before: each value reaches the spec
    /// (KF1, KF4, M4).
    @Test func kafkaAndRabbitMQAssumptionsAreRead() throws {
        let spec = { (mode: String, assume: String) in
            ScenarioRunner.run("mode: \(mode)\nassume: { \(assume) }\nrecords:\n  - at: 0s\n", path: "content/a.md").document?.spec
        }
        #expect(spec("kafka", "kafka-batch-scope: Mixed")?.assumptions.kafkaBatchScope == .mixed)
        #expect(spec("kafka", "kafka-batch-scope: partition")?.assumptions.kafkaBatchScope == .partition)
        #expect(spec("kafka", "topic-expiry: segment 1h")?.assumptions.topicSegment == 3_600_000)
        #expect(spec("kafka", "topic-expiry: exact")?.assumptions.topicSegment == nil)
        #expect(spec("mq", "rabbitmq-redelivery: limit 20")?.assumptions.rabbitmqDeliveryLimit == 20)
        #expect(spec("mq", "rabbitmq-redelivery: unlimited")?.assumptions.rabbitmqDeliveryLimit == nil)
    }

    /// A figure explains the value its run used (KF1, KF4, M4), and the default's sentence
    /// when the block kept the default.
    @Test func figuresExplainTheValueUsed() throws {
        var values = Assumptions()
        #expect(Assumptions.Name.kafkaBatchScope.explanation(under: values) == Assumptions.Name.kafkaBatchScope.explanation)
        #expect(Assumptions.Name.topicExpiry.explanation(under: values) == Assumptions.Name.topicExpiry.explanation)
        values.kafkaBatchScope = .mixed
        values.topicSegment = 3_600_000
        values.rabbitmqDeliveryLimit = 20
        #expect(
            Assumptions.Name.kafkaBatchScope.explanation(under: values)
                == "A Kafka batch takes records of every free partition its event poller owns (partitions spread round-robin over the pollers), one batch in flight per partition (KF1)."
        )
        #expect(
            Assumptions.Name.topicExpiry.explanation(under: values)
                == "Kafka deletes whole segments: records produced in one 1 h segment expire together at its end plus the topic's retention (KF4).")
        #expect(
            Assumptions.Name.rabbitmqRedelivery.explanation(under: values)
                == "RabbitMQ requeues a failed batch at once; a message that failed 1 + 20 deliveries is dead-lettered, as a quorum queue's x-delivery-limit does (M4)."
        )
    }

    /// On a Japanese page a figure explains the value its run used in Japanese too.
    @Test func japaneseFiguresExplainTheValueUsed() throws {
        var values = Assumptions()
        #expect(Assumptions.Name.topicExpiry.explanation(under: values, language: "ja") == Assumptions.Name.topicExpiry.japaneseExplanation)
        values.topicSegment = 3_600_000
        values.rabbitmqDeliveryLimit = 20
        #expect(
            Assumptions.Name.topicExpiry.explanation(under: values, language: "ja")
                == "Kafka はセグメント単位で削除する。長さ 1時間 のセグメントで書き込まれたレコードは、セグメントの終わりにトピックの保持期間を足した時刻にまとめて期限切れになる (KF4)。"
        )
        #expect(Assumptions.Name.rabbitmqRedelivery.explanation(under: values, language: "ja-JP").hasPrefix("RabbitMQ は失敗したバッチをすぐにキューに戻す。1 + 20 回の配信に"))
        #expect(
            Assumptions.Name.rabbitmqRedelivery.explanation(under: values, language: "en").hasPrefix(
                "RabbitMQ requeues a failed batch at once; a message that failed 1 + 20"))
    }

    /// Every assumption has a Japanese sentence that cites the rules and states the numbers
    /// its English one does: a translation that lost a rule id or changed a default would
    /// explain another assumption.
    @Test(arguments: Assumptions.Name.allCases)
    func theJapaneseSentenceCitesWhatTheEnglishOneDoes(_ name: Assumptions.Name) {
        let japanese = name.japaneseExplanation
        #expect(japanese.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }, "written in Japanese")
        #expect(japanese.hasSuffix("。"))
        #expect(Self.ruleIDs(japanese) == Self.ruleIDs(name.explanation))
        #expect(japanese.contains(name.rule))
    }

    /// The rule ids a sentence cites (`A3`, `KF4`, `R11`), in order.
    private static func ruleIDs(_ text: String) -> [String] {
        text.matches(of: /\b[A-Z]{1,2}[0-9]{1,2}\b/).map { String($0.output) }
    }

    @Test func wordsAreReadWithoutRegardToCase() {
        #expect(problem("async", "retry-from", "Attempt-Start") == nil)
        #expect(problem("async", "sns-backoff", "LINEAR") == nil, "as SNS's own BackoffFunction spells it")
    }

    /// Issue 23, point 1: the §17 assumptions of callers, environments and recursion each
    /// take their documented alternative.
    @Test func issue23AssumptionsTakeTheirAlternatives() throws {
        let yaml = """
            mode: async
            assume:
              environment-reuse: least-recent
              max-environment-lifetime: 2h
              provisioned-recycle: 4h
              init-overrun: once
              sfn-retry-from: attempt-start
              sns-backoff: exponential
              eventbridge-backoff: { base: 2s, cap: 5m }
              s3-hand-off: retried
              adaptive-limiter: { beta: 0.5, minimum-rate: 1 }
              recursion-threshold: 20
            events:
              - at: 0s

            """
        let run = ScenarioRunner.run(yaml, path: "content/a.md")
        #expect(!run.diagnostics.contains { $0.isError }, "read without error (one event relies on few of them, and says so in warnings)")
        let assumptions = try #require(run.document?.spec.assumptions)
        #expect(assumptions.environmentReuse == .leastRecent)
        #expect(assumptions.maxEnvironmentLifetime == 7_200_000)
        #expect(assumptions.provisionedRecycle == 14_400_000)
        #expect(assumptions.initOverrun == .once)
        #expect(assumptions.sfnRetryFrom == .attemptStart)
        #expect(assumptions.snsBackoff == .exponential)
        #expect(assumptions.eventbridgeBackoffBase == 2_000)
        #expect(assumptions.eventbridgeBackoffCap == 300_000)
        #expect(assumptions.s3HandOff == .retried)
        #expect(assumptions.adaptiveBeta == 0.5)
        #expect(assumptions.adaptiveMinimumRate == 1)
        #expect(assumptions.recursionThreshold == 20)
        let base = ScenarioRunner.run(
            "mode: async\nassume: { eventbridge-backoff: 3s, max-environment-lifetime: off, provisioned-recycle: off }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(!base.diagnostics.contains { $0.isError })
        #expect(base.document?.spec.assumptions.eventbridgeBackoffBase == 3_000)
        #expect(base.document?.spec.assumptions.eventbridgeBackoffCap == 480_000, "the cap stays 480 s")
        #expect(base.document?.spec.assumptions.maxEnvironmentLifetime == nil)
        let snapStart = ScenarioRunner.run(
            "mode: sync\nfunction: { SnapStart: { ApplyOn: PublishedVersions }, last-invoked: 20d }\nassume: { snapstart-reactivation: 30s, hand-off-latency: 2s }\nevents:\n  - at: 0s\n",
            path: "a.md")
        #expect(!snapStart.diagnostics.contains { $0.isError })
        #expect(snapStart.document?.spec.function.lastInvoked == 1_728_000_000)
        #expect(snapStart.document?.spec.assumptions.snapstartReactivation == 30_000)
        #expect(snapStart.document?.spec.assumptions.handOffLatency == 2_000)
    }
}

/// The simulation's own words (`mode`, `failure`, `fails`) are read without regard to case; a
/// word that names nothing gets the list and the closest one.
@Suite struct ScenarioWordTests {
    @Test func wordsInAnyCaseAreRead() {
        let run = ScenarioRunner.run("mode: SQS\nfunction: { fails: Always, failure: Timeout }\nrecords:\n  - at: 0s\n", path: "content/a.md")
        #expect(run.diagnostics.isEmpty)
        #expect(run.document?.spec.mode == .sqs)
        #expect(run.document?.spec.function.failure == .timeout)
    }

    @Test func aWordThatNamesNothingGetsTheClosestOne() {
        let run = ScenarioRunner.run("mode: sync\nfunction: { fails: always, failure: timout }\nevents:\n  - at: 0s\n", path: "content/a.md")
        #expect(
            run.diagnostics.map(\.formatted) == [
                "content/a.md:2:37: error: failure: 'timout' is not a kind of failure (error, timeout, throttled, service-error); did you mean 'timeout'? [scenario.value]"
            ])
    }

    @Test func receivedAtFailsWithTheTimesItHad() {
        let yaml = "mode: sqs\nqueue: { VisibilityTimeout: 30 }\nfunction: { fails: [1] }\nrecords:\n  - at: 0s\nexpect:\n  received-at: [0s, 20s]\n"
        #expect(
            ScenarioVerdicts.of(yaml) == [
                "content/a.md:7:3: error: expected receives at 0 s, 20 s, the simulator had them at 0 s, 30 s (#2 is off by 10 s, more than the 1 s tolerance) [expect.received-at]"
            ])
    }

    /// A boolean in quotes is text to YAML: the hint names the quotes as the mistake.
    @Test func aQuotedBooleanIsToldToDropItsQuotes() {
        let run = ScenarioRunner.run("mode: kinesis\nassume: { bisect-at-zero-retries: \"yes\" }\nrecords:\n  - at: 0s\n", path: "content/a.md")
        #expect(
            run.diagnostics.map(\.formatted) == [
                """
                content/a.md:2:35: error: 'bisect-at-zero-retries' must be true or false [scenario.type]
                content/a.md:2:35: note: write yes without quotes: quoted, it is text
                """
            ])
    }
}
