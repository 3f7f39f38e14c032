import LambdaSimulator
import NotesCore
import ScenarioKit
import Testing

/// Every problem of a scenario block is an error at its line and column in the note.
@Suite struct ScenarioParserTests {
    /// Parses a block whose content starts on line 10 of `content/a.md`.
    private func problems(_ yaml: String) -> [String] {
        let (document, diagnostics) = ScenarioParser.parse(yaml, path: "content/a.md", firstLine: 10)
        let validation = document?.validationIssues.map { document!.diagnostic(for: $0, path: "content/a.md") } ?? []
        return (diagnostics + validation).map(\.formatted)
    }

    @Test func readsTheFormatExample() throws {
        let yaml = """
            title: "非同期呼び出し: 2 回リトライしてから DLQ へ"
            mode: async
            function: { duration: 100ms, fails: always }
            EventInvokeConfig:
              MaximumRetryAttempts: 2
              MaximumEventAgeInSeconds: 21600
            DeadLetterConfig: { TargetArn: sqs }
            events:
              - at: 0s
            expect:
              attempts: 3
            """
        let (document, diagnostics) = ScenarioParser.parse(yaml, path: "content/a.md", firstLine: 10)
        #expect(diagnostics.isEmpty)
        let spec = try #require(document?.spec)
        #expect(spec.mode == .async)
        #expect(spec.function.fails == .always)
        #expect(spec.function.durations == [100])
        #expect(spec.deadLetter == .sqs)
        #expect(document?.title == "非同期呼び出し: 2 回リトライしてから DLQ へ")
        #expect(document?.expectations.map(\.key) == [.attempts])
        #expect(document?.expectations.first?.position == SourcePosition(line: 20, column: 3))
    }

    @Test func unknownKeysSuggestTheRightOne() {
        #expect(
            problems("mode: async\nEventInvokeConfig:\n  MaximumRetryAttempt: 1\nevents:\n  - at: 0s\n") == [
                """
                content/a.md:12:3: error: unknown key 'MaximumRetryAttempt'; did you mean 'MaximumRetryAttempts'? [scenario.unknown-key]
                content/a.md:12:3: note: keys here: MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig
                """
            ])
    }

    @Test func rangesAreAWSsAndPointAtTheValue() {
        #expect(
            problems("mode: async\nEventInvokeConfig:\n  MaximumRetryAttempts: 3\nevents:\n  - at: 0s\n") == [
                "content/a.md:12:25: error: MaximumRetryAttempts must be 0–2 for asynchronous invocation (AWS limit), not 3 (rule A5) [scenario.range]"
            ])
    }

    /// Records are numbered from 1: `0`, `-1` or a range reaching below 1 names no record,
    /// an error at that value (as `fails: [0]` is for attempts); a number beyond the last
    /// record is a warning at the list (the scenario still runs).
    @Test func failingRecordNumbersCountFromOne() {
        #expect(
            problems("mode: sqs\nfunction: { fails: { records: [99999999999, -1] } }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:11:45: error: record numbers count from 1, not '-1' [scenario.range]",
                "content/a.md:11:31: warning: record 99999999999 in fails does not exist: the scenario has 1 record [scenario.value]",
            ])
        #expect(
            problems("mode: mq\nfunction: { fails: { records: [4] } }\nrecords:\n  - { at: 0s, count: 3 }\n") == [
                "content/a.md:11:31: warning: record 4 in fails does not exist: the scenario has 3 records [scenario.value]"
            ])
        #expect(
            problems("mode: kinesis\nfunction:\n  fails: { records: [0, \"0-2\", 3], times: 1 }\nrecords:\n  - { at: 0s, count: 3 }\n") == [
                "content/a.md:12:22: error: record numbers count from 1, not '0' [scenario.range]",
                "content/a.md:12:25: error: record numbers count from 1, not '0-2' [scenario.range]",
            ])
        #expect(
            problems("mode: sqs\nfunction: { fails: { records: 0 } }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:11:31: error: record numbers count from 1, not '0' [scenario.range]"
            ])
        #expect(problems("mode: sqs\nfunction: { fails: { records: [1, \"2-3\"] } }\nrecords:\n  - { at: 0s, count: 3 }\n") == [])
    }

    @Test func badDurationsSizesAndTypes() {
        #expect(
            problems(
                """
                mode: sync
                function: { duration: -5s, Timeout: three }
                events:
                  - { at: 0s, size: 2 parsecs }
                  - { at: soon }
                """) == [
                    "content/a.md:11:23: error: 'duration' must not be negative [scenario.duration]",
                    "content/a.md:11:37: error: 'Timeout' must be a whole number (AWS counts it in its own unit), not 'three' [scenario.type]",
                    """
                    content/a.md:13:21: error: '2 parsecs' is not a size [scenario.size]
                    content/a.md:13:21: note: write a number of bytes or a unit: 512B, 1KB, 6MB (1 MB = 1,048,576 bytes)
                    """,
                    """
                    content/a.md:14:11: error: 'soon' is not a duration [scenario.duration]
                    content/a.md:14:11: note: write a number with a unit: 150ms, 1.5s, 1m, 2min, 1h
                    """,
                ])
    }

    @Test func anUnquotedColonIsExplained() {
        #expect(
            problems("title: SQS: バッチ\nmode: sqs\n") == [
                """
                content/a.md:10:11: error: invalid YAML: mapping values are not allowed in this context [scenario.syntax]
                content/a.md:10:11: note: a value that contains ': ' must be quoted, for example title: "SQS: batching"
                """
            ])
    }

    @Test func modeProblems() {
        #expect(
            problems("mode: asynk\nevents:\n  - at: 0s\n") == [
                """
                content/a.md:10:7: error: unknown mode 'asynk'; did you mean 'async'? [scenario.value]
                content/a.md:10:7: note: modes: sync, async, sqs, sqs-fifo, kinesis, dynamodb, kafka, mq, documentdb
                """
            ])
        #expect(
            problems("events:\n  - at: 0s\n") == [
                """
                content/a.md:10:1: error: the scenario has no mode [scenario.missing-key]
                content/a.md:10:1: note: add mode: sync | async | sqs | sqs-fifo | kinesis | dynamodb | kafka | mq | documentdb (or trigger: s3, api-gateway, …)
                """
            ])
        #expect(
            problems("mode: sqs\nevents:\n  - at: 0s\n") == [
                "content/a.md:11:1: error: 'events' is for sync and async scenarios; this sqs scenario takes 'records' [scenario.unsupported]"
            ])
    }

    @Test func triggersImplyTheMode() throws {
        let (document, diagnostics) = ScenarioParser.parse("trigger: api-gateway\nevents:\n  - at: 0s\n", path: "a.md", firstLine: 1)
        #expect(diagnostics.isEmpty)
        #expect(document?.spec.mode == .sync)
        #expect(document?.spec.trigger == .apiGateway)
    }

    @Test func combinationRulesComeFromTheSimulator() {
        #expect(
            problems("mode: sqs\nEventSourceMapping:\n  BatchSize: 20\nrecords:\n  - { at: 0s, count: 25 }\n") == [
                "content/a.md:12:14: error: a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1 on an SQS standard queue (rule E4) [scenario.combination]"
            ])
    }
}
