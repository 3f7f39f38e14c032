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
    /// Idle on-demand environments in the order they were released, with when (X6:
    /// `environment-reuse` takes the last or the first; X7: the oldest expire first). The
    /// time is kept here, not in `environments`, so a release writes one list, not two.
    private let idle = PlainList<(instance: Int, releasedAt: Int64)>()
    /// Idle provisioned environments (X10: used before any on-demand one).
    private let provisionedIdle = PlainList<Int>()
    private var nextInstance = 1
    private var tokens = ConcurrencyPool.bucketCapacity
    private var lastRefill: Int64 = .min
    /// X7: how long an idle on-demand environment is kept; nil when lifecycles are not
    /// modelled (then an environment is never reclaimed).
    let idleLifetime: Int64?
    /// Per instance (index = instance id): created at, has run `Init`, is provisioned. The
    /// pool's lists are `PlainList`s: changed on nearly every invocation, without an array's
    /// uniqueness check.
    private let environments = PlainList<EnvironmentState>(minimumCapacity: 64)
    /// Idle environments dropped because they outlived `idleLifetime` (X7).
    private(set) var reclaimed = 0
    /// X7: how long an on-demand environment lives at most, however busy (`max-environment-lifetime`).
    let maxLifetime: Int64?
    /// X6: which idle environment serves the next request (`environment-reuse`).
    let reuse: Assumptions.EnvironmentReuse
    /// Idle environments retired because they reached `maxLifetime` (X7).
    private(set) var retired = 0

    init(
        reserved: Int?, account: Int, idleLifetime: Int64? = nil, maxLifetime: Int64? = nil,
        reuse: Assumptions.EnvironmentReuse = .mostRecent
    ) {
        self.reserved = reserved
        self.account = account
        self.idleLifetime = idleLifetime
        self.maxLifetime = maxLifetime
        self.reuse = reuse
        // Instance ids start at 1: slot 0 is never an environment.
        environments.append(EnvironmentState())
    }

    /// The most environments that may run at once.
    var limit: Int { min(reserved ?? account, account) }

    /// Takes an environment at `now`, or says why not: a provisioned one first (X10), then
    /// an idle one that is still kept (X6, X7), else a new one (C3).
    @inline(__always)
    mutating func acquire(at now: Int64) -> Result<Int, Refusal> {
        if let reserved, busy >= reserved { return .failure(.reservedLimit) }
        if busy >= account { return .failure(.accountLimit) }
        let instance: Int
        // `isEmpty` and `removeLast` are inlined where `popLast` is a call.
        if !provisionedIdle.isEmpty {
            instance = provisionedIdle.removeLast()
        } else if let reused = takeIdle(at: now) {
            instance = reused
        } else {
            refill(at: now)
            guard tokens >= Self.costPerEnvironment else { return .failure(.scalingRate) }
            tokens -= Self.costPerEnvironment
            instance = newInstance(provisioned: false, at: now)
        }
        busy += 1
        peak = max(peak, busy)
        return .success(instance)
    }

    /// The idle on-demand environment the next request reuses (X6: the most or the least
    /// recently used), after dropping those idle longer than `idleLifetime` and retiring
    /// those older than `maxLifetime` (X7).
    @inline(__always)
    private mutating func takeIdle(at now: Int64) -> Int? {
        // Released in time order, so the expired environments are a prefix.
        if let idleLifetime, let oldest = idle.first, Self.isExpired(releasedAt: oldest.releasedAt, idleLifetime, at: now) {
            dropExpired(idleLifetime, at: now)
        }
        // The common case, kept short: the newest, and no environment is ever too old.
        guard maxLifetime != nil || reuse == .leastRecent else { return idle.isEmpty ? nil : idle.removeLast().instance }
        return takeIdleInOrder(at: now)
    }

    /// Whether an environment released at `releasedAt` has been idle longer than
    /// `idleLifetime` at `now` (X7): one idle exactly that long is still kept, as the guide
    /// says ("not idle longer than").
    @inline(__always)
    private static func isExpired(releasedAt: Int64, _ idleLifetime: Int64, at now: Int64) -> Bool {
        releasedAt + idleLifetime < now
    }

    /// Drops the idle environments released longer than `idleLifetime` ago (X7).
    @inline(never)
    private mutating func dropExpired(_ idleLifetime: Int64, at now: Int64) {
        let expired = idle.prefix { Self.isExpired(releasedAt: $0.releasedAt, idleLifetime, at: now) }.count
        reclaimed += expired
        idle.removeFirst(expired)
    }

    /// `takeIdle` with a reuse order or a maximum lifetime (X6, X7): retires the environments
    /// too old on the way.
    @inline(never)
    private mutating func takeIdleInOrder(at now: Int64) -> Int? {
        while !idle.isEmpty {
            let instance = (reuse == .mostRecent ? idle.removeLast() : idle.removeFirst()).instance
            if let maxLifetime, environments[instance].createdAt + maxLifetime <= now {
                retired += 1
                continue
            }
            return instance
        }
        return nil
    }

    /// What the pool knows of an environment, in one read.
    func environment(_ instance: Int) -> EnvironmentState { environments[instance] }

    /// Returns an environment; it stays warm for the next request. True when it is a
    /// provisioned environment whose recycle fell due while it ran: it is then out of
    /// service until `reinitialized` (X8).
    @discardableResult
    @inline(__always)
    mutating func release(_ instance: Int, at now: Int64 = 0) -> Bool {
        busy -= 1
        let state = environments[instance]
        if state.provisioned {
            if state.recycleDue {
                environments[instance].recycleDue = false
                return true
            }
            provisionedIdle.append(instance)
        } else {
            idle.append((instance, now))
        }
        return false
    }

    /// Adds `count` provisioned environments, initialised and idle (X1, X9).
    mutating func addProvisioned(_ count: Int, at now: Int64 = 0) -> [Int] {
        let added = (0..<count).map { _ in newInstance(provisioned: true, at: now) }
        provisionedIdle.append(contentsOf: added.reversed())
        return added
    }

    /// X8: takes an idle provisioned environment out of service for its recycle (true), or
    /// marks a busy one to be recycled when its invocation ends (false).
    mutating func recycle(_ instance: Int) -> Bool {
        guard let index = provisionedIdle.firstIndex(of: instance) else {
            environments[instance].recycleDue = true
            return false
        }
        provisionedIdle.remove(at: index)
        return true
    }

    /// X8: a recycled provisioned environment ran `Init` again and serves requests.
    mutating func reinitialized(_ instance: Int) {
        environments[instance].initialized = true
        provisionedIdle.append(instance)
    }

    /// Whether the environment is one of the provisioned concurrency's (X9, X10).
    func isProvisioned(_ instance: Int) -> Bool { environments[instance].provisioned }
    /// Idle on-demand environments right now (a reuse choice exists when more than one).
    var idleCount: Int { idle.count }

    mutating func markInitialized(_ instance: Int, _ initialized: Bool = true) {
        environments[instance].initialized = initialized
    }

    private mutating func newInstance(provisioned: Bool, at now: Int64) -> Int {
        defer { nextInstance += 1 }
        environments.append(EnvironmentState(createdAt: now, initialized: provisioned, provisioned: provisioned))
        return nextInstance
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
    @inline(__always)
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

/// What the pool knows of one execution environment (X1, X4, X7, X9).
struct EnvironmentState {
    var createdAt: Int64 = 0
    var initialized = false
    var provisioned = false
    /// X8: a provisioned environment's recycle fell due while it ran.
    var recycleDue = false
}
