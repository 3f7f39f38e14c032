/// Execution environments of the function and the limits on starting them (C1–C5).
///
/// An environment serves one request at a time (C5). A request takes an idle environment,
/// else starts a new one if the function is under its reserved concurrency (C2), the account
/// under its concurrency quota (C1), and the scaling-rate bucket has room (C3: 1,000 new
/// environments per 10 s, refilled continuously, never above 1,000).
struct ConcurrencyPool {
    /// Why a request could not get an environment (S3's `Reason` values).
    enum Refusal: Error, Equatable {
        case reservedLimit
        case accountLimit
        case scalingRate

        /// The `TooManyRequestsException` reason AWS returns (S3).
        var reason: String {
            switch self {
            case .reservedLimit: "ReservedFunctionConcurrentInvocationLimitExceeded"
            case .accountLimit: "ConcurrentInvocationLimitExceeded"
            case .scalingRate: "FunctionInvocationRateLimitExceeded"
            }
        }

        /// The rule that refused it.
        var rule: RuleSet {
            switch self {
            case .reservedLimit: .C2
            case .accountLimit: .C1
            case .scalingRate: .C3
            }
        }
    }

    /// C3: new environments per 10 s, as milli-environments per millisecond and capacity.
    private static let refillPerMillisecond: Int64 = 100
    private static let bucketCapacity: Int64 = 1_000_000
    private static let costPerEnvironment: Int64 = 1_000

    let reserved: Int?
    let account: Int
    private(set) var busy = 0
    private(set) var peak = 0
    private var idle: [Int] = []
    private var nextInstance = 1
    private var tokens = ConcurrencyPool.bucketCapacity
    private var lastRefill: Int64 = .min

    init(reserved: Int?, account: Int) {
        self.reserved = reserved
        self.account = account
    }

    /// The most environments that may run at once.
    var limit: Int { min(reserved ?? account, account) }

    /// Takes an environment at `now`, or says why not.
    mutating func acquire(at now: Int64) -> Result<Int, Refusal> {
        if let reserved, busy >= reserved { return .failure(.reservedLimit) }
        if busy >= account { return .failure(.accountLimit) }
        let instance: Int
        if let reused = idle.popLast() {
            instance = reused
        } else {
            refill(at: now)
            guard tokens >= Self.costPerEnvironment else { return .failure(.scalingRate) }
            tokens -= Self.costPerEnvironment
            instance = nextInstance
            nextInstance += 1
        }
        busy += 1
        peak = max(peak, busy)
        return .success(instance)
    }

    /// Returns an environment; it stays warm for the next request.
    mutating func release(_ instance: Int) {
        busy -= 1
        idle.append(instance)
    }

    private mutating func refill(at now: Int64) {
        if lastRefill == .min {
            lastRefill = now
            return
        }
        let elapsed = max(0, now - lastRefill)
        tokens = min(Self.bucketCapacity, tokens + elapsed * Self.refillPerMillisecond)
        lastRefill = now
    }
}

/// The synchronous request-rate limit: 10 × the concurrency quota per second (C4), as a
/// token bucket that holds one second's worth.
struct RequestRateLimiter {
    private let perSecond: Int64
    private var tokens: Int64
    private var lastRefill: Int64 = .min

    init(concurrencyQuota: Int) {
        perSecond = Int64(concurrencyQuota) * 10
        tokens = perSecond * 1_000
    }

    /// Whether a request at `now` is within the rate.
    mutating func admit(at now: Int64) -> Bool {
        if lastRefill != .min {
            tokens = min(perSecond * 1_000, tokens + max(0, now - lastRefill) * perSecond)
        }
        lastRefill = now
        guard tokens >= 1_000 else { return false }
        tokens -= 1_000
        return true
    }
}
