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
