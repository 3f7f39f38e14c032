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
        var unnamed = ScenarioSpec(mode: .documentdb)
        unnamed.arrivals = [Scenarios.group(at: 0)]
        #expect(ScenarioValidator.validate(unnamed).map(\.rule) == ["D2"], "AWS requires DatabaseName: a mapping without one is rejected")
        #expect(
            ScenarioValidator.validate(Scenarios.documentdb { $0.mapping.startingPosition = .atTimestamp(nil) }).map(\.description) == [
                "EventSourceMapping.StartingPosition: StartingPosition AT_TIMESTAMP needs a StartingPositionTimestamp, the time reading starts from [D2]"
            ])
    }

    @Test func d2_collectionNameReadsOneCollection() throws {
        let events = [
            Scenarios.group(at: 0) { $0.collection = "orders" }, Scenarios.group(at: 100) { $0.collection = "users" },
            Scenarios.group(at: 200) { $0.collection = "orders" },
        ]
        let orders = try Simulator.simulate(
            Scenarios.documentdb {
                $0.arrivals = events
                $0.changeStream.collectionName = "orders"
            })
        #expect(orders.batchItems == [[1, 3]])
        #expect(orders.outcomes == [1: [.ok], 2: [.discarded], 3: [.ok]])
        #expect(orders.entries.contains { $0.event == .discarded(items: [2], reason: .otherCollection) && $0.rules.names == ["D2"] })
        // Without CollectionName the mapping reads every collection of the database.
        let all = try Simulator.simulate(Scenarios.documentdb { $0.arrivals = events })
        #expect(all.batchItems == [[1, 2, 3]])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.arrivals[0].collection = "orders" }).map(\.rule) == ["D2"])
    }

    @Test func d2_fullDocumentUpdateLookupPutsTheDocumentInUpdates() throws {
        let updates = { (choice: ChangeStreamSpec.FullDocument) in
            try Simulator.simulate(
                Scenarios.documentdb {
                    $0.changeStream.fullDocument = choice
                    $0.arrivals = [
                        Scenarios.group(at: 0, count: 2) {
                            $0.operation = .update
                            $0.documentSize = 4_000_000
                        }
                    ]
                })
        }
        // Default: an update carries only what changed (1 KB), so both fit one batch.
        let plain = try updates(.default)
        #expect(plain.batchItems == [[1, 2]])
        #expect(plain.batches.map(\.trigger) == [.window])
        // UpdateLookup: each update carries its 4 MB document; two exceed the 6 MB payload.
        let looked = try updates(.updateLookup)
        #expect(looked.batchItems == [[1], [2]])
        #expect(looked.batches.map { "\($0.time) \($0.trigger)" } == ["0 payload", "500 window"])
        #expect(looked.entries.contains { $0.event == .arrival(item: 1, size: 4_001_024, shard: nil, group: nil) })
        // Inserts carry the document whatever FullDocument says; deletes never do.
        let spec = ChangeStreamSpec()
        #expect(spec.fullDocumentBytes(.insert, document: 10) == 10)
        #expect(spec.fullDocumentBytes(.update, document: 10) == 0)
        #expect(spec.fullDocumentBytes(.delete, document: 10) == 0)
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
