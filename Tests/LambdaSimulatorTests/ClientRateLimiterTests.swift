@testable import LambdaSimulator
import Testing

/// The adaptive SDK's token bucket (R10, `adaptive-limiter`): its rate after a throttle and
/// how it grows back.
@Suite struct ClientRateLimiterTests {
    @Test func r10_theRateDropsOnAThrottleAndGrowsBackAlongCubic() {
        var limiter = ClientRateLimiter()
        for time in stride(from: Int64(0), through: 900, by: 100) { limiter.recordSend(at: time) }
        #expect(limiter.measuredRate == 10)
        #expect(limiter.acquire(at: 900) == 0, "off until the first throttle")
        limiter.throttled(at: 900)
        #expect(limiter.fillRate == 7, "0.7 × the 10 calls/s it sent at")
        #expect(limiter.acquire(at: 900) == 143, "an empty bucket: 1/7 s for the first token")
        // CUBIC: K = ∛(10 × 0.3 / 0.4) = ∛7.5 s after the throttle the rate is back at 10.
        let k = ClientRateLimiter.cubeRoot(7.5)
        limiter.succeeded(at: 900 + Int64((k * 1_000).rounded()))
        #expect(abs(limiter.fillRate - 10) < 0.01)
        limiter.succeeded(at: 900 + 10_000)
        #expect(limiter.fillRate == 20, "at most twice the measured rate")
        #expect(ClientRateLimiter.cubeRoot(27) == 3)
    }

    @Test func r10_theRateNeverFallsBelowHalfACallPerSecond() {
        var limiter = ClientRateLimiter()
        limiter.recordSend(at: 0)
        limiter.throttled(at: 0)
        limiter.throttled(at: 0)
        #expect(limiter.fillRate == 0.5)
        #expect(limiter.acquire(at: 0) == 2_000)
        #expect(limiter.acquire(at: 0) == 4_000, "each waiting call reserves the next token")
    }

    @Test func r10_betaAndMinimumRateAreTheAssumptions() {
        var limiter = ClientRateLimiter(beta: 0.5, minimumRate: 1)
        for time in stride(from: Int64(0), through: 900, by: 100) { limiter.recordSend(at: time) }
        limiter.throttled(at: 900)
        #expect(limiter.fillRate == 5, "0.5 × the 10 calls/s it sent at")
        #expect(limiter.acquire(at: 900) == 200, "an empty bucket: 1/5 s for the first token")
        limiter.throttled(at: 900)
        #expect(limiter.fillRate == 2.5)
        limiter.throttled(at: 900)
        limiter.throttled(at: 900)
        #expect(limiter.fillRate == 1, "never below the minimum rate")
    }
}
