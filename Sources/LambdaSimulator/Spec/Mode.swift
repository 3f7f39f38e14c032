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

    /// Whether an event source mapping polls the source (E1).
    public var isEventSourceMapping: Bool { !(self == .sync || self == .async) }
    /// Whether the source is a stream with shards (K1).
    public var isStream: Bool { self == .kinesis || self == .dynamodb }
    /// Whether the source is an SQS queue.
    public var isQueue: Bool { self == .sqs || self == .sqsFIFO }
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
        case .apiGateway, .alb, .cognito, .lex, .alexa, .cloudfront, .firehose, .s3Batch, .console, .cli, .stepFunctions:
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
