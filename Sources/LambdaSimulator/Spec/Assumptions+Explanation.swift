import NotesCore

/// What each assumption stands for, in words a figure shows beside the run that relied on it.
///
/// Why apart from `Assumptions`: the values are the simulator's; these sentences are for the
/// reader, in the page's language (the Japanese ones are in `Assumptions+Japanese.swift`).
extension Assumptions.Name {
    /// What the assumption stands for under `values`, in the language of `tag` (`ja` or
    /// `en`, as `InterfaceLanguage.isJapanese` reads it): the default's sentence, or the value
    /// a scenario chose where it chose one a figure must name (KF1, KF4, M4), so a figure never
    /// explains a default its run did not use.
    public func explanation(under values: Assumptions, language tag: String = "en") -> String {
        let japanese = InterfaceLanguage.isJapanese(tag)
        switch self {
        case .kafkaBatchScope where values.kafkaBatchScope == .mixed:
            return japanese
                ? "Kafka のバッチは、イベントポーラーが受け持つパーティションのうち空いているものすべてのレコードを含む (パーティションはポーラーにラウンドロビンで割り当てる)。処理中のバッチはパーティションごとに 1 つ (KF1)。"
                : "A Kafka batch takes records of every free partition its event poller owns (partitions spread round-robin over the pollers), one batch in flight per partition (KF1)."
        case .topicExpiry:
            guard let segment = values.topicSegment else { return explanation(language: tag) }
            return japanese
                ? "Kafka はセグメント単位で削除する。長さ \(DurationText.japanese(segment)) のセグメントで書き込まれたレコードは、セグメントの終わりにトピックの保持期間を足した時刻にまとめて期限切れになる (KF4)。"
                : "Kafka deletes whole segments: records produced in one \(SimTime(milliseconds: segment)) segment expire together at its end plus the topic's retention (KF4)."
        case .rabbitmqRedelivery:
            guard let limit = values.rabbitmqDeliveryLimit else { return explanation(language: tag) }
            return japanese
                ? "RabbitMQ は失敗したバッチをすぐにキューに戻す。1 + \(limit) 回の配信に失敗したメッセージは、クォーラムキューの x-delivery-limit と同じくデッドレターになる (M4)。"
                : "RabbitMQ requeues a failed batch at once; a message that failed 1 + \(limit) deliveries is dead-lettered, as a quorum queue's x-delivery-limit does (M4)."
        default:
            return explanation(language: tag)
        }
    }

    /// The default's sentence in the language of `tag`: Japanese for `ja`, English otherwise.
    public func explanation(language tag: String) -> String {
        InterfaceLanguage.isJapanese(tag) ? japaneseExplanation : explanation
    }

    /// What the assumption stands for and its default, in one English sentence.
    public var explanation: String {
        switch self {
        case .firstAttemptDelay: "AWS documents no delay before the first asynchronous attempt; assumed 0 s (A2)."
        case .retryFrom: "The 1-minute and 2-minute retry waits are measured from the end of the failed attempt (A3)."
        case .throttleBackoff: "Throttled asynchronous events back off 1 s, 2 s, 4 s … up to 5 min; the exact curve is not published (A8)."
        case .streamRetryDelay:
            "The wait before a failed stream batch is retried is not documented; assumed one poll: 1 s for Kinesis, 250 ms for DynamoDB (K9)."
        case .bisectSplit: "A bisected batch splits into a first half of ⌈n/2⌉ records, retried first (K10)."
        case .bisectAtZeroRetries: "Batches are bisected even when MaximumRetryAttempts is 0 (K10)."
        case .sqsErrorBackoff: "After a function error an SQS poller waits no extra time before polling again (Q12)."
        case .redriveAt: "A message that reached maxReceiveCount moves to the DLQ when its last visibility timeout ends (Q4)."
        case .windowStart: "A batching window opens when the mapping starts and after each invocation ends, also on an idle source (E3)."
        case .deliveryLatency: "Destinations and dead-letter queues receive messages instantly (assumed 0 s, A12)."
        case .pollLatency: "A poll returns a record the moment it is available (assumed 0 s, Q1; K2 polls once a second)."
        case .recordOverhead: "Record metadata adds no bytes towards the 6 MB payload limit unless set (E6)."
        case .syncLimit: "The synchronous payload limit is 6,291,456 bytes, the documented 6 MB (S5)."
        case .sqsLowTrafficWait: "A quiet SQS queue does not stretch the batching window towards 20 s unless set (Q6)."
        case .kafkaRetryDelay: "The wait before a failed Kafka batch is retried is not documented; assumed one poll, 1 s (KF4)."
        case .kafkaStartDelay: "A new Kafka mapping may take minutes to start polling; assumed to poll from 0 s unless set (KF3)."
        case .topicExpiry: "A Kafka record expires exactly at its produce time plus the topic's retention (KF4)."
        case .kafkaBatchScope: "A Kafka batch holds records of one partition (AWS may mix partitions in one payload, KF1)."
        case .kafkaPollers:
            "An on-demand Kafka mapping starts with 1 event poller (AWS: \"a default number\"); each minute a batch that waited for a poller adds one, a throttle or no lag removes one (KF7)."
        case .kafkaPollerBatches: "One Kafka event poller keeps up to 5 batches in flight, as in AWS's example of 5 MB/s per poller (KF8)."
        case .kafkaScalingDelay:
            "A poller change decided at a Kafka offset-lag evaluation lands 3 minutes later, the end of AWS's \"within three minutes\" (KF7)."
        case .activemqRedeliveryDelay: "ActiveMQ redelivers a failed batch after its default redeliveryDelay, 1 s, then the batching window (M4)."
        case .rabbitmqRedelivery: "RabbitMQ requeues a failed batch at once and without limit; AWS documents no limit (M4)."
        case .changeStreamRetryDelay: "The wait before a failed DocumentDB batch is retried is not documented; assumed one poll, 1 s (D3)."
        case .idleLifetime: "AWS does not publish how long an idle environment is kept; assumed 600 s, after which the next request starts cold (X7)."
        case .environmentReuse: "Of several idle environments, the most recently used one serves the next request (X6)."
        case .provisionedReadyAfter:
            "Provisioned concurrency configured before the scenario is ready at 0 s; configured during it, ready 120 s later (X11)."
        case .sfnRetryFrom: "A Step Functions retrier's wait counts from the end of the failed attempt (R14)."
        case .sdkJitter: "An SDK waits a random share of its backoff (R12); the share is drawn from the scenario's seed."
        case .sdkRetryGeneration: "SDKs retry as before the 2026 change: a 1 s backoff base for every retried error (R11, R12)."
        case .snsBackoff:
            "SNS's backoff phase waits 1 s growing geometrically to 20 s (1, 1.39, 1.95 … 20 s), without jitter; AWS publishes only the endpoints (R3)."
        case .eventbridgeBackoff:
            "EventBridge waits 1 s, 2 s, 4 s … up to 480 s between retries, without jitter, and gives up as soon as the next wait would pass MaximumEventAgeInSeconds; AWS publishes no schedule (R6)."
        case .s3HandOff: "S3's behaviour when Lambda refuses a notification is not documented; assumed lost, not retried (R9)."
        case .adaptiveLimiter:
            "An adaptive SDK's rate limiter works as botocore's: off until the first throttle, then 0.7 × the rate it sent at (at least 0.5 calls/s), growing back along CUBIC (R10)."
        case .snapstartRestore: "AWS does not document how long a SnapStart Restore takes; assumed 0 s unless set (X13)."
        case .initOverrun: "An on-demand Init over 10 s is abandoned at 10 s and run again inside the invocation: 10 s + Init + handler (X2)."
        case .maxEnvironmentLifetime:
            "AWS retires environments \"every few hours\" even when busy, at times it does not publish; assumed never unless set (X7)."
        case .provisionedRecycle:
            "AWS recycles provisioned environments \"every few hours\", each running its Init again, billed, at times it does not publish; assumed never unless set (X8)."
        case .snapstartReactivation:
            "An Inactive SnapStart version is Active again after its Init has run once more (the function's init); AWS gives no time (X13)."
        case .handOffLatency:
            "SNS, EventBridge and S3 hand an event to Lambda the moment they receive it (assumed 0 s; S3 says \"typically … in seconds\", R9)."
        case .recursionThreshold: "Invocations 1–16 of a recursive chain run and the 17th is stopped; AWS says \"more than 16\" (L3)."
        case .startingPosition:
            "A mapping that names no StartingPosition reads from TRIM_HORIZON, the oldest record kept, also what came before it started; AWS requires one (K3, KF2, D2)."
        case .recursionCondition:
            "AWS names no condition for an asynchronous event stopped in a recursive loop; its on-failure record is assumed to say RecursiveInvocationException, the error a synchronous caller gets (L4)."
        }
    }
}
