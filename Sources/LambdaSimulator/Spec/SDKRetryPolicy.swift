/// The retry policy of an AWS SDK or the AWS CLI calling `Invoke` (rules R10–R13).
///
/// Why a type of its own: the caller, not Lambda, decides whether a synchronous call is
/// retried (S4), and the SDKs' modes differ in attempts and backoff; a note on "who retries"
/// needs the documented numbers, not a hand-written retry count.
public struct SDKRetryPolicy: Sendable, Hashable {
    /// The SDK's `retry_mode` (R10).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// CLI v1 and boto3's default: 5 attempts, backoff `rand × 2^(n−1)` s, no cap.
        case legacy
        /// CLI v2's default: 3 attempts, backoff `rand × min(2^(n−1), 20)` s.
        case standard
        /// Standard plus a client-side rate limiter (experimental): after a throttle, calls
        /// wait for tokens of `ClientRateLimiter` (`adaptive-limiter`).
        case adaptive
    }

    public var mode: Mode
    /// `max_attempts`, the first call included (R10: legacy 5, standard and adaptive 3).
    public var maxAttempts: Int

    public init(mode: Mode, maxAttempts: Int? = nil) {
        self.mode = mode
        self.maxAttempts = maxAttempts ?? (mode == .legacy ? 5 : 3)
    }

    /// The longest wait before retry `n` (from 1), ms (R12); the SDK waits a uniformly random
    /// share of it. `generation2026`: the 2026 opt-in's bases, 1 s for throttling and 50 ms
    /// otherwise (R11, R12).
    public func backoffCeiling(retry n: Int, throttling: Bool, generation2026: Bool) -> Int64 {
        let shift = Int64(1) << Int64(min(max(n - 1, 0), 30))
        switch mode {
        case .legacy:
            return 1_000 * shift
        case .standard, .adaptive:
            let base: Int64 = generation2026 && !throttling ? 50 : 1_000
            return min(base * shift, 20_000)
        }
    }
}
