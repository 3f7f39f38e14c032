/// A record or message in an event source (SQS queue or stream shard).
struct SourceRecord {
    enum State: Equatable {
        /// Visible in the queue, or unread in the shard.
        case waiting
        /// Gathered into a batch that has not been invoked yet, or being processed.
        case taken
        /// SQS: received, failed (or abandoned), invisible until its visibility timeout.
        case invisible
    }

    var id: Int
    var arrival: Int64
    var size: Int64
    var lastReceive: Int64 = 0
    /// When a poll first returns it: its arrival or its reappearance plus the `poll-latency`
    /// assumption (Q1, K2).
    var availableAt: Int64
    var state: State = .waiting
    // Narrow storage: a million records in flight stay small and in cache.
    private var shardIndex: Int32
    private var groupIndex: Int32
    private var receives: Int32 = 0
    /// Invocations of its recursive-loop chain this message would be (L1, L3).
    var depth: Int32 = 1

    init(id: Int, arrival: Int64, size: Int64, shard: Int, group: Int?, pollLatency: Int64 = 0) {
        self.id = id
        self.arrival = arrival
        self.availableAt = arrival + pollLatency
        self.size = size
        self.shardIndex = Int32(shard)
        self.groupIndex = group.map { Int32($0) } ?? -1
    }

    /// Streams: the shard (from 1); 0 for queues.
    var shard: Int { Int(shardIndex) }
    /// FIFO message group, as an index into `SourceState.groupNames`.
    var group: Int? { groupIndex < 0 ? nil : Int(groupIndex) }
    /// SQS: how many times the message has been received (ApproximateReceiveCount).
    var receiveCount: Int {
        get { Int(receives) }
        set { receives = Int32(newValue) }
    }
}

/// A piece of a stream shard that must be retried before new records (K4, K10, K11).
struct RetryPiece {
    var items: [Int]
    /// Failed invocations of this piece so far; bisection does not add to it (K10).
    var failures: Int
}

/// One poller lane: an SQS poller slot, or one batch slot of a shard (ParallelizationFactor
/// gives a shard several, K13).
struct PollerLane {
    var index: Int
    /// For streams: the shard (from 1) this lane reads.
    var shard: Int = 0
    /// The batch being gathered or processed.
    var batch: [Int] = []
    var batchBytes: Int64 = 0
    /// When the current batching window opened (E3); nil when none is open.
    var windowOpenedAt: Int64?
    /// What a lane is doing.
    enum Phase: Equatable {
        /// Idle or gathering a batch.
        case free
        /// The handler is running on its batch.
        case invoking
        /// Its batch was throttled; it invokes again when woken (K6, Q12).
        case throttled
        /// Pausing after a failure before reading again (K9, Q12).
        case pausing
    }

    var phase: Phase = .free
    var busy: Bool { phase != .free }
    /// Throttles in a row (backoff exponent).
    var refusals = 0
    /// Streams: records of this lane not yet read, in order.
    var pending: [Int] = []
    var pendingHead = 0
    /// Streams: pieces to retry first, the next one first.
    var retryPieces: [RetryPiece] = []
    /// Streams: the piece being invoked, if it is a retry.
    var currentFailures = 0
    var blocked = false
    /// Kafka, `kafka-batch-scope: mixed` (KF1): the partition whose batch holds this
    /// partition's records, while it does; this partition reads nothing else meanwhile.
    var joinedTo: Int?
    /// Kafka, mixed scope (KF1): the other partitions in this partition's batch, blocked with
    /// it until the batch and its retries are done.
    var members: [Int] = []
    /// A wake-up is already scheduled at this time.
    var wakeAt: Int64?

    var hasPending: Bool { pendingHead < pending.count }

    /// Empties the batch for the next one, keeping its storage: a batch of 100 records
    /// grown from an empty array would reallocate seven times.
    mutating func clearBatch() {
        batch.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    /// Makes the next piece waiting for a retry the lane's batch; false when none waits.
    /// Streams, Kafka, Amazon MQ and DocumentDB retry a failed batch (or its halves) before
    /// reading anything new.
    mutating func takeRetryPiece() -> Bool {
        guard !retryPieces.isEmpty else { return false }
        let piece = retryPieces.removeFirst()
        batch = piece.items
        currentFailures = piece.failures
        return true
    }
}

/// Everything an event source mapping keeps while it runs.
struct SourceState {
    var records = IDTable<SourceRecord>()
    var lanes: [PollerLane] = []
    /// SQS standard: visible messages in the order they became visible.
    var available: [Int] = []
    var availableHead = 0
    /// SQS: lanes that poll now (Q8 scaling), and when the backlog began.
    var activeLanes = 0
    var scalingSince: Int64?
    var pumpScheduledAt: Int64?
    /// Lanes to fill once every arrival of the current millisecond is in (a poll sees all
    /// records that arrived at the same instant).
    var deferredFills = LaneSet()
    var deferredPump = false
    /// FIFO: messages per group number, oldest first, and the lane holding each group (-1:
    /// awaiting retry, `noHolder`: none). Lists by group number rather than maps: every poll
    /// and every deleted message looks its group up, and a hashed lookup cost more than the
    /// rest of the step.
    var groupOrder: [[Int]] = []
    var heldGroups: [Int] = []
    /// What `heldGroups` holds for a group no lane holds.
    static var noHolder: Int { .min }
    var groupIDs: [String: Int] = [:]
    var groupNames: [String] = []
    /// Streams: the shard and the lane each partition key was given (K13).
    var keyShards: [String: Int] = [:]
    var keyLanes: [String: Int] = [:]
    /// Kafka: the next offset of each partition (KF1).
    var nextOffsets: [Int64] = []
    /// Kafka: the event pollers and their scaling (KF7, KF8).
    var scaling = PollerScaling()
    /// DocumentDB: Lambda disabled the mapping after events expired (D3).
    var mappingDisabled = false

    /// Inputs that have not settled.
    var openItems: [Int] { records.keys }
}
