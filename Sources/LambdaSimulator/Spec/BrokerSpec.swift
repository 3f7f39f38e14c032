/// The Amazon MQ broker an `mq` mapping reads one queue of (M1–M5).
///
/// The engine decides the concurrency cap (M3) and what happens to a failed batch (M4), so
/// it is the one setting a scenario must choose; AWS allows no custom redelivery policy.
public struct BrokerSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case activemq
        case rabbitmq
    }

    /// How the broker is deployed (M1): one instance, or with a standby (ActiveMQ) or as a
    /// cluster (RabbitMQ), which fail over during maintenance.
    public enum Deployment: String, Sendable, Hashable, CaseIterable {
        case singleInstance = "single-instance"
        case activeStandby = "active-standby"
        case cluster
    }

    public var engine: Kind = .activemq
    /// The queue's name, as the trace and notes name it.
    public var queue = "orders"
    public var deployment: Deployment = .singleInstance
    /// The broker's weekly maintenance as it falls in the scenario, ms; nil: none (M1).
    public var maintenance: Range<Int64>?

    public init() {}

    /// The most invocations an Amazon MQ mapping runs at once: 5 for ActiveMQ, 1 for
    /// RabbitMQ; reserved or provisioned concurrency does not raise it (M3).
    public var concurrencyCap: Int {
        switch engine {
        case .activemq: 5
        case .rabbitmq: 1
        }
    }

    /// When the mapping can read nothing: the maintenance of a broker without a standby
    /// (M1: "a broker without a standby is unavailable and nothing is processed").
    public var unavailable: Range<Int64>? { deployment == .singleInstance ? maintenance : nil }

    /// How many times the broker redelivers a failed message before giving it up (M4):
    /// ActiveMQ's `maximumRedeliveries` as Lambda sets it, 6 (at most 1 + 6 deliveries);
    /// RabbitMQ's only when the scenario assumes a quorum queue's delivery limit, since AWS
    /// documents none (§17: unlimited).
    public func maximumRedeliveries(under assumptions: Assumptions) -> Int? {
        switch engine {
        case .activemq: 6
        case .rabbitmq: assumptions.rabbitmqDeliveryLimit
        }
    }
}
