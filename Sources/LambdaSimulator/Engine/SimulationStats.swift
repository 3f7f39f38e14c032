import NotesCore

/// Counts kept by every run, whatever the trace sink keeps.
public struct SimulationStats: Sendable, Equatable {
    /// Handler invocations that started.
    public var attempts = 0
    /// Requests refused before the handler ran.
    public var throttles = 0
    /// `Init` phases run on the request path (X1, X6).
    public var coldStarts = 0
    /// Events the function sent back to its own trigger (L1), and chains stopped (L3, L5:
    /// `RecursiveInvocationsDropped`).
    public var loopEvents = 0
    public var recursionStopped = 0
    /// The most handlers that ran at once.
    public var maxConcurrency = 0
    /// Messages sent, by route (failed deliveries included).
    public var deliveries: [Delivery.Route: Int] {
        get { deliveryCounts.map(Delivery.Route.allCases, \.ordinal) }
        set { deliveryCounts = InlineCounts(newValue, \.ordinal) }
    }
    /// Final states, by outcome.
    public var outcomes: [Outcome: Int] {
        get { outcomeCounts.map(Outcome.allCases, \.ordinal) }
        set { outcomeCounts = InlineCounts(newValue, \.ordinal) }
    }
    /// `deliveries` and `outcomes`, counted by position: the engine hands over its counters
    /// as they are, and the maps are made only when asked (a figure asks once, most runs
    /// never), where making them cost every run two hashed tables.
    var deliveryCounts = InlineCounts()
    var outcomeCounts = InlineCounts()
    /// Input events or records that arrived.
    public var inputs = 0
    /// Scheduled actions the engine processed.
    public var steps = 0
    /// The simulated time of the last action, ms.
    public var endTime: Int64 = 0

    public init() {}
}

/// Why a simulation stopped early.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The specification breaks AWS's rules; nothing was simulated.
    case invalid([ValidationIssue])
    /// A limit of `SimulationLimits` was reached at simulated time `at`.
    case limitExceeded(SimulationLimits.Limit, value: Int64, at: Int64)
    /// Simulated time stopped advancing: the same instant kept scheduling work.
    case noProgress(at: Int64, steps: Int)

    public var description: String {
        switch self {
        case .invalid(let issues):
            return issues.map(\.description).joined(separator: "\n")
        case .limitExceeded(let limit, let value, let time):
            return "the simulation stopped at t = \(SimTime(milliseconds: time)): it went past its limit of \(limit.describe(value))"
        case .noProgress(let time, let steps):
            return "the simulation made no progress: \(steps) steps at t = \(SimTime(milliseconds: time)) without time passing (a retry loop with no delay?)"
        }
    }
}
