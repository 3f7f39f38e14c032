/// The client-side rate limiter of an SDK in adaptive retry mode (R10): a token bucket that
/// is off until the first throttle, then lets calls through at a rate that drops after each
/// throttle and grows back after successes.
///
/// Why: adaptive mode is standard mode plus this limiter, so after throttles it delays even
/// first attempts of other calls; a note on adaptive mode needs those delays, not standard
/// mode's timeline. AWS documents only "client-side rate limiting" (R10); the numbers are
/// botocore's (`adaptive-limiter`, §17-style assumption): the rate falls to `beta` (0.7) × the
/// rate the client was sending at, never below `minimumRate` (0.5 calls/s), and grows back along CUBIC
/// (`0.4 × (t − K)³ + W_max`, at most twice the measured rate). No randomness: the same
/// calls always wait alike.
struct ClientRateLimiter {
    /// The lowest fill rate, calls/s, and the share of the rate kept after a throttle.
    let minimumRate: Double
    let beta: Double
    static let scale = 0.4

    init(beta: Double = 0.7, minimumRate: Double = 0.5) {
        self.beta = beta
        self.minimumRate = minimumRate
    }

    private(set) var enabled = false
    /// Calls per second the bucket refills with.
    private(set) var fillRate = 0.0
    /// Tokens in the bucket; negative while calls wait for tokens they already reserved.
    private var tokens = 0.0
    private var lastRefill: Int64 = 0
    /// CUBIC's state: the rate at the last throttle and when it came.
    private var lastMaxRate = 0.0
    private var lastThrottle: Int64 = 0
    /// When the calls of the last second were sent, for the measured rate.
    private var sent: [Int64] = []

    /// Counts a call sent at `now` (the measured rate is the calls of the last second).
    mutating func recordSend(at now: Int64) {
        sent.append(now)
        if let stale = sent.firstIndex(where: { $0 > now - 1_000 }), stale > 0 { sent.removeFirst(stale) }
    }

    var measuredRate: Double { Double(sent.count) }

    /// How long a call at `now` waits for its token, ms (0 while the limiter is off); the
    /// token is taken, so the next call waits for the one after.
    mutating func acquire(at now: Int64) -> Int64 {
        guard enabled else { return 0 }
        refill(at: now)
        tokens -= 1
        guard tokens < 0 else { return 0 }
        let wait = -tokens / fillRate * 1_000
        return Int64(wait.rounded(.up))
    }

    /// A throttle: the rate drops to `beta` × the rate in use (R10, botocore).
    mutating func throttled(at now: Int64) {
        refill(at: now)
        let rateInUse = enabled ? min(measuredRate, fillRate) : measuredRate
        lastMaxRate = rateInUse
        lastThrottle = now
        setRate(rateInUse * beta)
        enabled = true
    }

    /// A response that was not a throttle: the rate grows back along CUBIC, at most to twice
    /// the measured rate.
    mutating func succeeded(at now: Int64) {
        guard enabled else { return }
        refill(at: now)
        let k = Self.cubeRoot(lastMaxRate * (1 - beta) / Self.scale)
        let t = Double(now - lastThrottle) / 1_000 - k
        setRate(min(Self.scale * t * t * t + lastMaxRate, 2 * measuredRate))
    }

    private mutating func setRate(_ rate: Double) {
        fillRate = max(rate, minimumRate)
        tokens = min(tokens, max(fillRate, 1))
    }

    private mutating func refill(at now: Int64) {
        if enabled { tokens = min(tokens + Double(now - lastRefill) / 1_000 * fillRate, max(fillRate, 1)) }
        lastRefill = now
    }

    /// `∛x` by Newton's method (the simulator uses only the standard library).
    static func cubeRoot(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        var root = max(x, 1)
        for _ in 0..<60 { root -= (root * root * root - x) / (3 * root * root) }
        return root
    }
}
