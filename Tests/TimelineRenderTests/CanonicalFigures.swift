import LambdaSimulator

/// The canonical scenarios every renderer change is checked against.
enum CanonicalFigures {
    static func all() throws -> [(name: String, trace: Trace, language: String, title: String, width: Double)] {
        var figures: [(String, Trace, String, String, Double)] = []
        func add(_ name: String, _ language: String, _ title: String, _ spec: ScenarioSpec, width: Double = 700) throws {
            figures.append((name, try Simulator.simulate(spec), language, title, width))
        }
        var spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.durations = [120]
        try add("sync-success", "en", "Synchronous call that succeeds", spec)

        spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0, count: 3, every: 100)]
        spec.function.reservedConcurrency = 1
        spec.function.durations = [500]
        try add("sync-throttled", "en", "Reserved concurrency 1: the second and third calls get 429", spec)

        spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.eventInvokeConfig.onSuccess = .sqs
        try add("async-success", "en", "Asynchronous success goes to OnSuccess", spec)

        spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.fails = .always
        spec.deadLetter = .sqs
        try add("async-dlq", "en", "Three failed attempts, then the DLQ", spec)

        spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.fails = .always
        spec.function.failure = .throttled
        spec.eventInvokeConfig.maximumEventAgeSeconds = 60
        spec.eventInvokeConfig.onFailure = .sns
        try add("async-throttle-backoff", "en", "Throttled event backs off until its age runs out", spec)

        spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 25), ArrivalGroup(at: 8_000, count: 7, size: 1_000_000)]
        spec.mapping.batchSize = 10
        spec.mapping.batchingWindowSeconds = 5
        spec.mapping.maximumConcurrency = 2
        spec.function.durations = [200]
        try add("sqs-triggers", "en", "SQS batches closed by size, window and 6 MB", spec)

        spec = ScenarioSpec(mode: .kinesis)
        spec.arrivals = [ArrivalGroup(at: 0, count: 8)]
        spec.mapping.batchSize = 8
        spec.mapping.maximumRetryAttempts = 2
        spec.mapping.bisectBatchOnFunctionError = true
        spec.mapping.onFailure = .sqs
        spec.function.fails = .records([5], times: nil)
        try add("kinesis-bisect", "en", "Kinesis: bisecting a batch with a poison record", spec)

        spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.fails = .attempts([1])
        spec.eventInvokeConfig.onSuccess = .eventbridge
        try add("async-japanese", "ja", "非同期呼び出し: 1 回目は失敗し、1 分後の再試行で成功する", spec)

        spec = ScenarioSpec(mode: .async)
        spec.trigger = .sns
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.loops = true
        spec.function.durations = [100]
        spec.deadLetter = .sqs
        try add("async-recursion-stopped", "en", "SNS → Lambda → SNS: the 17th invocation is stopped and goes to the DLQ", spec)

        spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 3)]
        spec.function.fails = .always
        spec.queue.maxReceiveCount = 2
        spec.function.durations = [20]
        // A phone-width figure: labels must be truncated to fit.
        try add("sqs-mixed-truncation", "ja", "SQS の maxReceiveCount で DLQ へ移る (RedrivePolicy: maxReceiveCount 2, VisibilityTimeout 30 s)", spec, width: 300)

        spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 24, every: 50)]
        spec.mapping.batchSize = 10
        spec.mapping.batchingWindowSeconds = 1
        spec.function.fails = .attempts([1])
        spec.function.durations = [200]
        // Records every 50 ms: their arrivals are one run of dots, labelled once.
        try add("sqs-arrival-run", "ja", "SQS: 50 ミリ秒ごとに届く 24 件", spec)
        return figures
    }
}

/// Traces too large for the detailed view (`TimelineView.markLimit`), each drawn as the
/// aggregate view, kept with the run's detail limit as a build keeps them.
enum LargeFigures {
    static func all() throws -> [(name: String, trace: Trace, language: String, title: String)] {
        var spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0, count: 3_000, every: 10)]
        spec.function.reservedConcurrency = 5
        spec.function.durations = [200]
        let sync = try Simulator.simulate(spec, detailLimit: 2_000)

        spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.queue.visibilityTimeoutSeconds = 3
        spec.function.fails = .always
        spec.function.durations = [100]
        spec.until = 3_600_000
        let loop = try Simulator.simulate(spec, detailLimit: 2_000)

        spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0, count: 400, every: 50)]
        spec.function.fails = .rate(perMille: 300)
        spec.deadLetter = .sqs
        spec.eventInvokeConfig.onSuccess = .sqs
        let async = try Simulator.simulate(spec, detailLimit: 2_000)
        return [
            ("aggregate-sync-throttled", sync, "en", "3,000 calls at reserved concurrency 5"),
            ("aggregate-sqs-retry-loop", loop, "ja", "可視性タイムアウトごとに再試行し続けるメッセージ"),
            ("aggregate-async-mixed", async, "en", "400 events, 30 % failing, to OnSuccess and the DLQ"),
        ]
    }
}
