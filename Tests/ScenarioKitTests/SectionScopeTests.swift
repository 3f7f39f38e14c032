import ScenarioKit
import Testing

/// A section that describes another kind of invocation is an error at the section, never a
/// setting left unused without a word.
@Suite struct SectionScopeTests {
    private func problems(_ yaml: String) -> [String] {
        ScenarioRunner.run(yaml, path: "content/a.md").diagnostics.map(\.formatted)
    }

    @Test func sectionsOfOtherModesAreErrorsAtTheSection() {
        let yaml = "mode: async\nEventSourceMapping: { BatchSize: 99999 }\nqueue: { VisibilityTimeout: -5 }\nstream: { shards: 0 }\nevents: [ { at: 0s } ]\n"
        #expect(
            problems(yaml) == [
                "content/a.md:3:1: error: 'queue' describes the SQS queue of an sqs or sqs-fifo scenario, not an async one [scenario.unsupported]",
                "content/a.md:4:1: error: 'stream' describes the stream of a kinesis or dynamodb scenario, not an async one [scenario.unsupported]",
                "content/a.md:2:1: error: 'EventSourceMapping' describes an event source mapping (sqs, sqs-fifo, kinesis, dynamodb, kafka, mq or documentdb), not an async one [scenario.unsupported]",
            ])
    }

    @Test func asynchronousSettingsInASynchronousScenarioAreErrors() {
        let yaml = "mode: sync\nEventInvokeConfig: { MaximumRetryAttempts: 1 }\nDeadLetterConfig: { TargetArn: sqs }\nevents: [ { at: 0s } ]\n"
        #expect(
            problems(yaml) == [
                "content/a.md:2:1: error: 'EventInvokeConfig' describes the asynchronous invocation settings of an async scenario, not a sync one [scenario.unsupported]",
                "content/a.md:3:1: error: 'DeadLetterConfig' describes the dead-letter queue of an async scenario, not a sync one [scenario.unsupported]",
            ])
    }

    @Test func eachSectionIsReadInItsOwnModes() {
        #expect(problems("mode: sqs\nqueue: { VisibilityTimeout: 30 }\nEventSourceMapping: { BatchSize: 5 }\nrecords: [ { at: 0s } ]\n").isEmpty)
        #expect(
            problems("mode: kinesis\nstream: { shards: 2 }\nEventSourceMapping: { BatchSize: 5, StartingPosition: TRIM_HORIZON }\nrecords: [ { at: 0s } ]\n")
                .isEmpty)
        #expect(problems("mode: async\nEventInvokeConfig: { MaximumRetryAttempts: 1 }\nDeadLetterConfig: { TargetArn: sqs }\nevents: [ { at: 0s } ]\n").isEmpty)
    }

    /// A trigger preset is read as the mode it stands for: S3 hands events off
    /// asynchronously, so its asynchronous settings are read and a queue is not.
    @Test func aTriggerPresetIsHeldToItsModesSections() {
        #expect(problems("trigger: s3\nEventInvokeConfig: { MaximumRetryAttempts: 1 }\nevents: [ { at: 0s } ]\n").isEmpty)
        #expect(
            problems("trigger: s3\nqueue: { VisibilityTimeout: 30 }\nevents: [ { at: 0s } ]\n") == [
                "content/a.md:2:1: error: 'queue' describes the SQS queue of an sqs or sqs-fifo scenario, not an async one [scenario.unsupported]"
            ])
    }

    /// A record's own `duration` and `fails` were ignored by every mapping; poison records
    /// were ignored on events; a partition key was ignored on a queue. Each is an error at
    /// its key now.
    @Test func scriptsAndKeysThatDoNothingInTheirModeAreErrors() {
        #expect(
            problems("mode: sqs\nrecords:\n  - { at: 0s, duration: 2s, fails: always }\n") == [
                "content/a.md:3:25: error: a record's own duration applies to events (sync and async); a mapping's batches run as function: says (a record that fails: function: { fails: { records: [N] } }) (rule E1) [scenario.unsupported]",
                "content/a.md:3:36: error: a record's own fails applies to events (sync and async); a mapping's batches run as function: says (a record that fails: function: { fails: { records: [N] } }) (rule E1) [scenario.unsupported]",
            ])
        let onEvents =
            "fails: { records } names poison records in a mapping's batches; an event's attempts fail by number (fails: [1, 2]), always, or by rate [scenario.unsupported]"
        #expect(problems("mode: async\nfunction: { fails: { records: [1] } }\nevents: [ { at: 0s } ]\n") == ["content/a.md:2:20: error: " + onEvents])
        #expect(problems("mode: sync\nevents:\n  - { at: 0s, fails: { records: [1] } }\n") == ["content/a.md:3:22: error: " + onEvents])
        #expect(
            problems("mode: sqs\nrecords:\n  - { at: 0s, partition-key: a }\n") == [
                "content/a.md:3:30: error: partition-key 'a' applies to Kinesis and DynamoDB streams (key to Kafka topics) only (rule K1) [scenario.unsupported]"
            ])
        #expect(problems("mode: async\nevents:\n  - { at: 0s, duration: 2s, fails: [1] }\n").isEmpty)
        #expect(problems("mode: kafka\nrecords:\n  - { at: 0s, key: a }\n").isEmpty)
    }

    /// E2: a record over 6 MB in a stream, topic or change stream was invoked as if it
    /// fitted; it is an error at its size. Exactly 6 MB runs.
    @Test func aRecordNoPayloadHoldsIsAnError() {
        #expect(
            problems("mode: kinesis\nrecords:\n  - { at: 0s, size: 7MB }\n") == [
                "content/a.md:3:21: error: a record of 7340032 bytes cannot be in a Lambda payload (at most 6291456, sync-limit), and AWS does not document what this mapping does with one (rule E2) [scenario.unsupported]"
            ])
        #expect(problems("mode: kinesis\nrecords:\n  - { at: 0s, size: 6MB }\n").isEmpty)
        #expect(problems("mode: kafka\nrecords:\n  - { at: 0s, size: 7MB }\n").count == 1)
        // A change event carries its document (D2): 4 MB + 3 MB is one 7 MB record; a delete
        // carries none, so its 7 MB document is no payload.
        let documentDB = "mode: documentdb\nEventSourceMapping: { DocumentDBEventSourceConfig: { DatabaseName: shop } }\nrecords:\n"
        #expect(problems(documentDB + "  - { at: 0s, size: 4MB, document: 3MB }\n").count == 1)
        #expect(problems(documentDB + "  - { at: 0s, operation: delete, document: 7MB }\n").isEmpty)
    }

    /// K8: a DynamoDB stream's retention is 24 hours; 48 was accepted and 24 used.
    @Test func aDynamoDBStreamsRetentionIsFixed() {
        #expect(
            problems("mode: dynamodb\nstream: { RetentionPeriodHours: 48 }\nrecords: [ { at: 0s } ]\n") == [
                "content/a.md:2:33: error: a DynamoDB stream keeps records 24 hours; RetentionPeriodHours (48) sets a Kinesis stream's (rule K8) [scenario.unsupported]"
            ])
        #expect(problems("mode: dynamodb\nstream: { RetentionPeriodHours: 24 }\nrecords: [ { at: 0s } ]\n").isEmpty)
    }

    /// An assumption the block set that its run never relied on is a warning at its key:
    /// `sdk-jitter` without an SDK caller changed nothing. One the run used says nothing.
    @Test func anAssumptionTheRunNeverReliedOnIsAWarning() {
        #expect(
            problems("trigger: eventbridge\ncaller: { hand-off-fails: [1] }\nassume: { sdk-jitter: none }\nevents: [ { at: 0s } ]\n") == [
                "content/a.md:3:23: warning: assume.sdk-jitter changed nothing: this run never relied on it [scenario.unused-assumption]"
            ])
        #expect(problems("mode: async\nfunction: { fails: [1] }\nassume: { retry-from: attempt-start }\nevents: [ { at: 0s } ]\n").isEmpty)
    }

    /// `starting-position` is the mapping's own setting, not a second one in `assume:`.
    @Test func theStartingPositionIsSetOnTheMapping() {
        #expect(
            problems("mode: kinesis\nassume: { starting-position: LATEST }\nrecords: [ { at: 0s } ]\n") == [
                "content/a.md:2:30: error: 'starting-position' is the mapping's: set EventSourceMapping.StartingPosition (TRIM_HORIZON, LATEST or AT_TIMESTAMP) [scenario.value]"
            ])
    }

    @Test func showLanguageIsOneTheFiguresHaveWordsFor() {
        #expect(
            problems("mode: sync\nshow: { language: fr }\nevents: [ { at: 0s } ]\n") == [
                "content/a.md:2:19: error: show.language must be ja or en (the languages figures have words for), not 'fr' [scenario.value]"
            ])
    }

    /// A misspelt StartingPosition gets the closest of AWS's three words.
    @Test func aMisspeltStartingPositionGetsASuggestion() {
        #expect(
            problems("mode: kinesis\nEventSourceMapping: { StartingPosition: LATES }\nrecords: [ { at: 0s } ]\n") == [
                "content/a.md:2:41: error: StartingPosition must be TRIM_HORIZON, LATEST or AT_TIMESTAMP, not 'LATES'; did you mean 'LATEST'? [scenario.value]"
            ])
    }
}
