import LambdaSimulator
import Testing

/// Amazon DocumentDB change stream mappings, rules D1–D4 of reference/lambda-semantics.md §15.
/// Handlers run 100 ms unless set; the window is 500 ms from a batch's first event.
@Suite struct DocumentDBRuleTests {
    @Test func d1_oneInvocationAtATimeInArrivalOrder() throws {
        let trace = try Simulator.simulate(
            Scenarios.documentdb {
                $0.arrivals = [Scenarios.group(at: 0, count: 3, every: 100)]
                $0.mapping.batchSize = 1
                $0.function.durations = [1_000]
            })
        #expect(trace.starts.map { "\($0.items[0])@\($0.time)" } == ["1@0", "2@1000", "3@2000"])
        #expect(trace.stats.maxConcurrency == 1)
    }

    @Test func d2_parametersAndTheWindowFromTheFirstEvent() throws {
        let trace = try Simulator.simulate(
            Scenarios.documentdb { $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 200), Scenarios.group(at: 700)] })
        #expect(trace.batchItems == [[1, 2], [3]])
        #expect(trace.batches.map(\.time) == [500, 1_200])
        let latest = try Simulator.simulate(
            Scenarios.documentdb {
                $0.arrivals = [Scenarios.group(at: -1_000), Scenarios.group(at: 0)]
                $0.mapping.startingPosition = .latest
            })
        #expect(latest.outcomes == [1: [.discarded], 2: [.ok]])
        #expect(ScenarioValidator.validate(Scenarios.documentdb { $0.mapping.startingPosition = .atTimestamp(0) }).isEmpty)
        #expect(ScenarioValidator.validate(Scenarios.documentdb { $0.mapping.batchSize = 10_001 }).map(\.rule) == ["D2"])
        #expect(
            ScenarioValidator.validate(Scenarios.documentdb { $0.changeStream.databaseName = "" }).map(\.description) == [
                "EventSourceMapping.DocumentDBEventSourceConfig: a DocumentDB mapping needs a DocumentDBEventSourceConfig.DatabaseName [D2]"
            ])
    }

    @Test func d3_aFailingBatchIsRetriedUntilItSucceeds() throws {
        let trace = try Simulator.simulate(Scenarios.documentdb { $0.function.fails = .attempts([1, 2]) })
        #expect(trace.startTimes == [500, 1_600, 2_700])
        #expect(trace.outcomes == [1: [.ok]])
        #expect(trace.assumptionsUsed.contains(.changeStreamRetryDelay))
        #expect(ScenarioValidator.validate(Scenarios.documentdb { $0.mapping.explicitlySet = ["MaximumRetryAttempts"] }).map(\.rule) == ["D3"])
    }

    @Test func d3_expiredEventsDisableTheMapping() throws {
        let trace = try Simulator.simulate(
            Scenarios.documentdb {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 10_000)]
                $0.changeStream.retention = 5_000
                $0.function.fails = .records([1], times: nil)
            })
        // Attempts at 0.5 s + 1.1 s × k; the retry due at 6 s finds #1 gone: no skip, the
        // mapping stops and #2 is never read.
        #expect(trace.startTimes == [500, 1_600, 2_700, 3_800, 4_900])
        #expect(trace.outcomes == [1: [.pending], 2: [.pending]])
        let disabled = trace.entries.first { if case .note(let text) = $0.event { text.contains("disabled") } else { false } }
        #expect(disabled?.time == 6_000)
        #expect(disabled?.rules.names == ["D3"])
    }

    @Test func d4_supportedClusters() throws {
        #expect(ScenarioValidator.validate(Scenarios.documentdb { $0.changeStream.version = "3.6" }).map(\.rule) == ["D4"])
        #expect(ScenarioValidator.validate(Scenarios.documentdb { $0.changeStream.clusterType = .elastic }).map(\.rule) == ["D4"])
        #expect(
            ScenarioValidator.validate(
                Scenarios.documentdb {
                    $0.changeStream.version = "4.0"; $0.changeStream.clusterType = .regional
                }
            ).isEmpty)
    }
}
