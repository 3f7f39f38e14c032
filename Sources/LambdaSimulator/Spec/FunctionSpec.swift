/// The function under test: its AWS settings and its scripted behaviour.
public struct FunctionSpec: Sendable, Hashable {
    /// AWS `Timeout` in seconds (1–900, default 3; rule S6).
    public var timeoutSeconds: Int64 = 3
    /// AWS `ReservedConcurrentExecutions` (rule C2); nil when not set.
    public var reservedConcurrency: Int?
    /// How long each attempt runs, in ms: one value, or one per attempt (the last repeats).
    public var durations: [Int64] = [100]
    /// Which attempts fail.
    public var fails: FailurePlan = .never
    /// What a failure is.
    public var failure: FailureKind = .error
    /// The batch response of an ESM function using ReportBatchItemFailures (Q7, K11).
    public var response: BatchResponse = .auto
    /// Size of a successful response in bytes (S5: over 6 MB the caller gets an error).
    public var responseSize: Int64 = 64
    /// Size of the error message in bytes (A15: the DLQ keeps the first 1 KB).
    public var errorMessageSize: Int64 = 64
    /// The error message's text, when the scenario wrote one (`error-message: "boom"`):
    /// records and DLQ messages then carry it, so claims can check what it says (A14, A15).
    public var errorMessage: String?
    /// For tumbling windows (K14): whether responses carry `state`.
    public var omitsWindowState = false
    /// How long `Init` runs in a new execution environment, ms (X1, X2, X6) [0: §17 keeps
    /// scenarios that do not mention cold starts as they were].
    public var initDuration: Int64 = 0
    /// Which `Init` runs fail, counted over the whole scenario from 1 (X4).
    public var initFails: FailurePlan = .never
    /// `ProvisionedConcurrentExecutions` of the invoked alias or version (X9, X10); nil when
    /// none is configured.
    public var provisionedConcurrency: Int?
    /// When the provisioned concurrency was configured, ms; nil: before the scenario (X11).
    public var provisionedAt: Int64?

    /// `SnapStart: { ApplyOn: PublishedVersions }`: `Init` ran when the version was
    /// published, and a new environment resumes from its snapshot (`Restore`) instead (X13).
    public var snapStart = false
    /// How long before the scenario the SnapStart version was last invoked, ms (`last-invoked`):
    /// 14 days or more and it starts `Inactive` (X13); nil: just published.
    public var lastInvoked: Int64?

    /// Whether each successful run sends one new event, with the same trace header, to the
    /// service that invoked it: a recursive loop (L1).
    public var loops = false
    /// `RecursiveLoop`: `Terminate` (default) stops a chain at its 17th invocation, `Allow`
    /// lets it run (L6).
    public var recursiveLoopAllowed = false

    /// Whether the scenario models execution environments' lifecycle at all: without an
    /// `Init` or provisioned concurrency a cold start and a warm start look the same, so
    /// environment identities stay as they always were.
    public var modelsEnvironments: Bool {
        initDuration > 0 || provisionedConcurrency != nil || initFails != .never || snapStart
    }

    public init() {}
}

/// Which attempts of the function fail.
public enum FailurePlan: Sendable, Hashable {
    case never
    case always
    /// Sync/async: the Nth attempt of each event; ESM: the Nth batch invocation (from 1).
    case attempts(Set<Int>)
    /// Any batch holding one of these records fails (poison records); with `times`, only the
    /// first N batches that hold each of them.
    case records(Set<Int>, times: Int?)
    /// A seeded share of attempts, in parts per thousand.
    case rate(perMille: Int)
}

/// What kind of failure a failing attempt is.
public enum FailureKind: String, Sendable, Hashable {
    /// The handler throws (A4, S2).
    case error
    /// The handler runs until the function timeout (S6, A4).
    case timeout
    /// 429 before the handler runs: no attempt (S3, A8, K6, Q12).
    case throttled
    /// 5xx before the handler runs: no attempt (S3, A8).
    case serviceError = "service-error"
}

/// What an ESM function returns when ReportBatchItemFailures is on (Q7, K11).
public enum BatchResponse: Sendable, Hashable {
    /// Reports exactly the failing records (for FIFO: the first failure and everything after
    /// it, Q7).
    case auto
    /// Per invocation number: what that invocation returns; others return success.
    case explicit([Int: BatchResponseItem])
}

/// One scripted batch response.
public enum BatchResponseItem: Sendable, Hashable {
    /// `batchItemFailures` naming these record ids.
    case failures([Int])
    /// Invalid JSON: the whole batch fails (Q7).
    case malformed
    /// An empty `itemIdentifier`: the whole batch fails (Q7, K11).
    case emptyIdentifier
    /// The handler throws: the whole batch fails.
    case `throw`
}
