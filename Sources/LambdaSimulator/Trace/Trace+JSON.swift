import NotesCore

/// The versioned JSON form of a trace (`notesim simulate --format json`), documented on the
/// site's guide page. Keys are written in a fixed order, so the output is byte-stable.
extension Trace {
    /// The format's version; bumped on any incompatible change.
    public static let jsonVersion = 1

    public var json: String {
        var invocations: [String] = []
        let ends = Dictionary(self.ends.map { ($0.invocation, $0) }, uniquingKeysWith: { first, _ in first })
        for start in starts {
            let end = ends[start.invocation]
            invocations.append(
                JSON.object([
                    ("invocation", .int(Int64(start.invocation))), ("instance", .int(Int64(start.instance))),
                    ("start", .int(start.time)), ("end", end.map { .int($0.time) } ?? .null),
                    ("items", .ints(start.items)), ("attempt", .int(Int64(start.attempt))),
                    ("result", end.map { .string($0.result.rawValue) } ?? .null), ("reported", .ints(end?.reported ?? [])),
                ]))
        }
        let deliveryList = deliveries.map { time, delivery in
            JSON.object([
                ("time", .int(time)), ("route", .string(delivery.route.rawValue)), ("target", .string(delivery.target.rawValue)),
                ("condition", delivery.condition.map { .string($0) } ?? .null), ("items", .ints(delivery.items)),
                ("approximateInvokeCount", delivery.approximateInvokeCount.map { .int(Int64($0)) } ?? .null),
                ("delivered", .bool(delivery.delivered)),
                (
                    "fields",
                    .raw(
                        JSON.object(
                            delivery.fields.keys.sorted().map { key in
                                let value: JSON.Value =
                                    switch delivery.fields[key]! {
                                    case .string(let text): .string(text)
                                    case .int(let number): .int(number)
                                    case .size(let bytes): .raw(JSON.object([("size", .int(bytes))]))
                                    case .absent: .null
                                    }
                                return (key, value)
                            }))
                ),
            ])
        }
        let lists = eventLists()
        let outcomeList = outcomes.keys.sorted().map {
            ($0.description, JSON.Value.raw("[" + outcomes[$0]!.map { JSON.quote($0.rawValue) }.joined(separator: ",") + "]"))
        }
        return JSON.object([
            ("format", .string("notesim-trace")), ("version", .int(Int64(Self.jsonVersion))), ("mode", .string(mode.rawValue)),
            ("endTime", .int(stats.endTime)), ("maxConcurrency", .int(Int64(stats.maxConcurrency))),
            ("invocations", .raw("[" + invocations.joined(separator: ",") + "]")),
            ("batches", .raw("[" + lists.batches.joined(separator: ",") + "]")),
            ("responses", .raw("[" + lists.responses.joined(separator: ",") + "]")),
            ("throttles", .raw("[" + lists.throttles.joined(separator: ",") + "]")),
            ("deliveries", .raw("[" + deliveryList.joined(separator: ",") + "]")),
            ("discards", .raw("[" + lists.discards.joined(separator: ",") + "]")),
            ("coldStarts", .raw("[" + lists.coldStarts.joined(separator: ",") + "]")),
            ("recursionStops", .raw("[" + lists.recursionStops.joined(separator: ",") + "]")),
            ("outcomes", .raw(JSON.object(outcomeList))),
            ("assumptions", .raw("[" + assumptionsUsed.sorted().map { JSON.quote($0.rawValue) }.joined(separator: ",") + "]")),
            ("rules", .raw("[" + firedRules.names.map(JSON.quote).joined(separator: ",") + "]")),
        ]) + "\n"
    }
}

/// The trace's entries of each kind the JSON lists, each entry an object.
private struct EventLists {
    var throttles: [String] = []
    var responses: [String] = []
    var discards: [String] = []
    var batches: [String] = []
    /// Requests that waited for `Init` (X1, X2) and chains stopped as recursive loops (L3).
    var coldStarts: [String] = []
    var recursionStops: [String] = []
}

extension Trace {
    /// One pass over the entries, sorting each into its list.
    fileprivate func eventLists() -> EventLists {
        var lists = EventLists()
        for entry in entries {
            let time = JSON.Value.int(entry.time)
            switch entry.event {
            case .throttled(let items, let reason):
                lists.throttles.append(JSON.object([("time", time), ("items", .ints(items)), ("reason", .string(reason))]))
            case .response(let item, let status, let error, let reason):
                lists.responses.append(
                    JSON.object([
                        ("time", time), ("item", .int(Int64(item))), ("status", .int(Int64(status))),
                        ("error", error.map { .string($0) } ?? .null), ("reason", reason.map { .string($0) } ?? .null),
                    ]))
            case .discarded(let items, let reason):
                lists.discards.append(JSON.object([("time", time), ("items", .ints(items)), ("reason", .string(reason.rawValue))]))
            case .batch(let invocation, let items, let trigger, let lane):
                lists.batches.append(
                    JSON.object([
                        ("time", time), ("invocation", .int(Int64(invocation))), ("items", .ints(items)),
                        ("trigger", .string(trigger.rawValue)), ("lane", .int(Int64(lane))),
                    ]))
            case .coldStart(let invocation, let instance, let items, let duration, let failed):
                lists.coldStarts.append(
                    JSON.object([
                        ("time", time), ("invocation", .int(Int64(invocation))), ("instance", .int(Int64(instance))), ("items", .ints(items)),
                        ("initDuration", .int(duration)), ("failed", .bool(failed)),
                    ]))
            case .recursionStopped(let items, let depth):
                lists.recursionStops.append(JSON.object([("time", time), ("items", .ints(items)), ("depth", .int(Int64(depth)))]))
            default: break
            }
        }
        return lists
    }
}

/// A tiny JSON writer with ordered keys (the simulator module uses no Foundation).
enum JSON {
    enum Value {
        case string(String)
        case int(Int64)
        case bool(Bool)
        case ints([Int])
        case raw(String)
        case null
    }

    static func object(_ pairs: [(String, Value)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + render($0.1) }.joined(separator: ",") + "}"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): quote(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .ints(let numbers): "[" + numbers.map(String.init).joined(separator: ",") + "]"
        case .raw(let text): text
        case .null: "null"
        }
    }

    static func quote(_ text: String) -> String {
        JSONString.quote(text)
    }
}
