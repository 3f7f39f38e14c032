/// How the function is invoked: the three paths of the reference, with their sources.
public enum InvocationMode: String, Sendable, Hashable, CaseIterable {
    /// `InvocationType=RequestResponse` (rules S1–S9).
    case sync
    /// `InvocationType=Event` (rules A1–A16).
    case async
    /// Event source mapping on an SQS standard queue (E*, Q*).
    case sqs
    /// Event source mapping on an SQS FIFO queue (E*, Q*, Q11).
    case sqsFIFO = "sqs-fifo"
    /// Event source mapping on a Kinesis data stream (E*, K*).
    case kinesis
    /// Event source mapping on a DynamoDB stream (E*, K*).
    case dynamodb
    /// Event source mapping on an Apache Kafka topic, Amazon MSK or self-managed (E*, KF*).
    case kafka
    /// Event source mapping on an Amazon MQ queue, ActiveMQ or RabbitMQ (E*, M*).
    case mq
    /// Event source mapping on an Amazon DocumentDB change stream (E*, D*).
    case documentdb

    /// Which of the reference's three paths the mode takes, and for an event source mapping
    /// which kind of source it polls. Code that differs by path switches over this value
    /// exhaustively, so a new mode or source kind is flagged at every place it must be handled.
    public var path: InvocationPath {
        switch self {
        case .sync: .synchronous
        case .async: .asynchronous
        case .sqs, .sqsFIFO: .eventSourceMapping(.queue)
        case .kinesis, .dynamodb: .eventSourceMapping(.stream)
        case .kafka: .eventSourceMapping(.topic)
        case .mq: .eventSourceMapping(.broker)
        case .documentdb: .eventSourceMapping(.changeStream)
        }
    }

    /// How a reader sees the numbered part of the source an input lands in: a Kafka topic's
    /// partition counted from 0 as Kafka counts it (KF1; the trace keeps partitions as shards
    /// from 1, so `offset` is taken from its number), a stream's shard as the trace numbers it.
    public var shardNaming: ShardNaming {
        self == .kafka ? .partition : .shard
    }

    /// What the scenario's inputs are called: `events` sent by a caller, or `records` a
    /// mapping reads from its source.
    public var inputsKey: String {
        switch path {
        case .synchronous, .asynchronous: "events"
        case .eventSourceMapping: "records"
        }
    }

    /// The kind of source an event source mapping polls (E1); nil for direct invocations.
    public var eventSource: EventSourceKind? {
        if case .eventSourceMapping(let kind) = path { return kind }
        return nil
    }
}

/// The three invocation paths of the reference: a caller waits (S*), Lambda queues the event
/// (A*), or a mapping polls a source (E*).
public enum InvocationPath: Sendable, Hashable {
    case synchronous
    case asynchronous
    case eventSourceMapping(EventSourceKind)
}

/// The kinds of source an event source mapping polls: each has its own engine part
/// (`Engine+SQS.swift`, `Engine+Stream.swift`).
public enum EventSourceKind: String, Sendable, Hashable, CaseIterable {
    /// SQS queues: messages are received, hidden and deleted (Q*).
    case queue
    /// Kinesis and DynamoDB streams: shards are read in order from a checkpoint (K*).
    case stream
    /// Kafka topics: partitions are read in order from committed offsets (KF*,
    /// `Engine+Kafka.swift`).
    case topic
    /// Amazon MQ queues: a broker redelivers what a batch did not acknowledge (M*,
    /// `Engine+MQ.swift`).
    case broker
    /// DocumentDB change streams: events in arrival order, one invocation at a time (D*,
    /// `Engine+DocumentDB.swift`).
    case changeStream

    /// AWS's default BatchSize for the source (E5).
    public var defaultBatchSize: Int {
        switch self {
        case .queue: 10
        case .stream, .topic, .broker, .changeStream: 100
        }
    }
}

/// The services that invoke Lambda, as presets that imply the mode and the caller's own
/// limits (reference S8 and A16).
public enum Trigger: String, Sendable, Hashable, CaseIterable {
    // Synchronous callers (S8).
    case apiGateway = "api-gateway"
    case alb
    case cognito
    case lex
    case alexa
    case cloudfront
    case firehose
    case s3Batch = "s3-batch"
    case console
    case cli
    /// An AWS SDK (boto3 by default, R11) calling `Invoke`.
    case sdk
    case stepFunctions = "step-functions"
    // Asynchronous callers (A16).
    case s3
    case sns
    case ses
    case cloudformation
    case cloudwatchLogs = "cloudwatch-logs"
    case eventbridge
    case codecommit
    case config
    case iot
    case iotEvents = "iot-events"
    case codepipeline

    /// The invocation mode the trigger uses (S8: Step Functions and the CLI default to
    /// RequestResponse; A16: the asynchronous services).
    public var mode: InvocationMode {
        switch self {
        case .apiGateway, .alb, .cognito, .lex, .alexa, .cloudfront, .firehose, .s3Batch, .console, .cli, .sdk, .stepFunctions:
            .sync
        case .s3, .sns, .ses, .cloudformation, .cloudwatchLogs, .eventbridge, .codecommit, .config, .iot, .iotEvents, .codepipeline:
            .async
        }
    }

    /// How long the caller waits for a synchronous response before giving up (S8: API
    /// Gateway's 29-second integration timeout); nil when the caller waits for the function.
    public var callerTimeout: Int64? {
        self == .apiGateway ? 29_000 : nil
    }
}

/// The word and numbering a trace's shard is shown with (`InvocationMode.shardNaming`).
public struct ShardNaming: Sendable {
    /// Whether the trace's shards are a Kafka topic's partitions; its words name them so
    /// (`TraceWords.shardWord`).
    public let isPartition: Bool
    /// What is taken from the trace's shard number to show it.
    public let offset: Int

    /// The English word (claims' messages and the text dump).
    public var word: StaticString { isPartition ? "partition" : "shard" }

    /// A stream's shards, as the trace numbers them.
    public static let shard = ShardNaming(isPartition: false, offset: 0)
    /// A Kafka topic's partitions, counted from 0 (the trace counts them from 1).
    public static let partition = ShardNaming(isPartition: true, offset: 1)

    /// The number a reader sees for the trace's `shard`.
    public func number(_ shard: Int) -> Int { shard - offset }
}
