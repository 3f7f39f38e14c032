/// The word-valued assumptions of §17 that have alternatives (X2, X6, R3, R9).
///
/// Why apart from `Assumptions`: each is a small vocabulary that the scenario reader checks
/// word by word and the guide lists; keeping them together keeps the words in one place.
extension Assumptions {
    /// Which idle environment serves the next request (X6: "do not assume that Lambda
    /// automatically reuses the execution environment"; the choice is not documented).
    public enum EnvironmentReuse: String, Sendable, Hashable, CaseIterable {
        /// The one used last (a stack): traffic concentrates, other environments age out.
        case mostRecent = "most-recent"
        /// The one idle longest (a queue): traffic spreads, keeping every environment warm.
        case leastRecent = "least-recent"
    }

    /// What a request pays when an on-demand `Init` overruns 10 s (X2: "Lambda retries the
    /// Init phase at the time of the first function invocation").
    public enum InitOverrun: String, Sendable, Hashable, CaseIterable {
        /// The `Init` is started over inside the invocation: 10 s + `Init` + handler, the
        /// retried `Init` and the handler under the function timeout.
        case twice
        /// The `Init` carries on inside the invocation: `Init` + handler, its part after 10 s
        /// and the handler under the function timeout.
        case once
    }

    /// The SNS delivery policy's `backoffFunction` between the backoff phase's first and last
    /// delay (R3: AWS names the four and draws them, but publishes no formula).
    public enum SNSBackoffFunction: String, Sendable, Hashable, CaseIterable {
        /// Each delay a constant factor longer: `min × (max/min)^t`.
        case geometric
        /// Equal steps: `min + (max − min) × t`.
        case linear
        /// Steps growing by equal amounts: `min + (max − min) × t²`.
        case arithmetic
        /// Steps doubling: `min + (max − min) × (2^(9t) − 1) / (2^9 − 1)`.
        case exponential
    }

    /// What S3 does when Lambda refuses to take a notification (R9: not documented).
    public enum S3HandOff: String, Sendable, Hashable, CaseIterable {
        /// Not retried: the notification is lost.
        case lost
        /// Retried as Lambda retries a throttled asynchronous event (A8: `throttle-backoff`,
        /// 1 s doubling to 5 min, for up to 6 hours), as S3's "at least once" suggests; a
        /// client-side refusal (403, 404) is still not retried.
        case retried
    }
}
