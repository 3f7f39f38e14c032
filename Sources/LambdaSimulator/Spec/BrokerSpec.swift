/// The Amazon MQ broker an `mq` mapping reads one queue of (M1–M5).
///
/// The engine decides the concurrency cap (M3) and what happens to a failed batch (M4), so
/// it is the one setting a scenario must choose; AWS allows no custom redelivery policy.
public struct BrokerSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case activemq
        case rabbitmq
    }

    public var engine: Kind = .activemq
    /// The queue's name, as the trace and notes name it.
    public var queue = "orders"

    public init() {}

    /// The most invocations an Amazon MQ mapping runs at once: 5 for ActiveMQ, 1 for
    /// RabbitMQ; reserved or provisioned concurrency does not raise it (M3).
    public var concurrencyCap: Int {
        switch engine {
        case .activemq: 5
        case .rabbitmq: 1
        }
    }

    /// ActiveMQ's `maximumRedeliveries` as Lambda sets it: a message is delivered at most
    /// 1 + 6 times (M4); nil for RabbitMQ, whose limit AWS does not document.
    public var maximumRedeliveries: Int? {
        switch engine {
        case .activemq: 6
        case .rabbitmq: nil
        }
    }
}
