import LambdaSimulator
import NotesCore

/// `responses` and `deliveries`: what callers got back and what reached a destination, field
/// by field, every mismatch reported (not only the first).
extension Checker {
    func responses(_ value: ExpectationValue) -> Result {
        guard case .map(let pairs, let position) = value else {
            return .invalid("expected a map from event number to { status, error, reason, at }", value.position)
        }
        var misses: [String] = []
        for (key, item, keyPosition) in pairs {
            guard let event = Int(key) else { return .invalid("response keys are event numbers", keyPosition) }
            guard let response = facts.response(to: event) else {
                misses.append("expected a response to event \(event), but it got none")
                continue
            }
            guard case .map(let fields, _) = item else { return .invalid("expected { status, error, reason, at }", item.position) }
            for (field, fieldValue, fieldPosition) in fields {
                let what = "event \(event)'s \(field)"
                switch field {
                case "status":
                    guard let status = fieldValue.text.flatMap({ Int($0) }) else { return .invalid("a status is a number such as 200", fieldValue.position) }
                    if status != response.status { misses.append("expected event \(event) to get status \(status), it got \(response.status)") }
                case "error", "reason", "errorMessage":
                    let actual =
                        field == "errorMessage"
                        ? errorMessage(of: response) : (field == "error" ? response.error : response.reason).map(FieldValue.string) ?? .absent
                    switch FieldMatch.parse(fieldValue) {
                    case .failure(let invalid): return .invalid(invalid.message, invalid.position)
                    case .success(let match): if let miss = match.miss(actual, what: what) { misses.append(miss) }
                    }
                case "at":
                    guard let inside = within(fieldValue, response.time) else { return .invalid(Self.timeShape, fieldValue.position) }
                    if !inside { misses.append("expected event \(event)'s response at \(describe(fieldValue)), it came at \(Self.time(response.time))") }
                default: return .invalid("unknown response field '\(field)' (status, error, reason, errorMessage, at)", fieldPosition)
                }
            }
        }
        return misses.isEmpty ? .pass("✓") : .fail(misses.joined(separator: "; "))
    }

    func deliveries(_ value: ExpectationValue) -> Result {
        let expected = list(value)
        guard expected.count == facts.deliveries.count else {
            return .fail("expected \(Self.counted(expected.count, "deliveries")), the simulator made \(facts.deliveries.count)\(endFacts)")
        }
        if facts.deliveries.isTruncated { return tooManyToCheck(facts.deliveries.count, noun: "deliveries", position: value.position) }
        var misses: [String] = []
        for (index, item) in expected.enumerated() {
            guard case .map(let fields, _) = item else {
                return .invalid("a delivery is a map such as { to: DLQ, condition: RetriesExhausted }", item.position)
            }
            let (time, delivery) = facts.deliveries.kept[index]
            // A13: a delivery AWS could not make is in the run's record, but no message
            // arrived: a claim about it misses, as `delivered` does not count it.
            if !delivery.delivered {
                misses.append(
                    "delivery \(index + 1) to \(delivery.route.rawValue) at \(Self.time(time)) failed: AWS cannot deliver to \(delivery.target.rawValue) (A13)")
                continue
            }
            for (field, fieldValue, fieldPosition) in fields {
                switch deliveryMiss(field, fieldValue, at: fieldPosition, number: index + 1, time: time, delivery: delivery) {
                case .success(let miss): if let miss { misses.append(miss) }
                case .failure(let invalid): return .invalid(invalid.message, invalid.position)
                }
            }
        }
        return misses.isEmpty ? .pass("\(facts.deliveries.count)") : .fail(misses.joined(separator: "; "))
    }

    /// One field of one delivery: nil when it holds, else why not (an unknown field is
    /// reported at its name, `fieldPosition`).
    private func deliveryMiss(
        _ field: String, _ fieldValue: ExpectationValue, at fieldPosition: SourcePosition, number: Int, time: Int64, delivery: Delivery
    ) -> Swift.Result<String?, Checker.Invalid> {
        let text = fieldValue.text ?? ""
        switch field {
        case "to":
            return .success(text == delivery.route.rawValue ? nil : "expected delivery \(number) to \(text), it went to \(delivery.route.rawValue)")
        case "at":
            guard let inside = within(fieldValue, time) else { return .failure(.init(message: Self.timeShape, position: fieldValue.position)) }
            return .success(inside ? nil : "expected delivery \(number) at \(describe(fieldValue)), it happened at \(Self.time(time))")
        case "condition":
            let actual = delivery.condition ?? "none"
            return .success(text == actual ? nil : "expected delivery \(number) with condition \(text), it had \(actual)")
        case "approximateInvokeCount":
            let actual = delivery.approximateInvokeCount.map(String.init) ?? "none"
            return .success(
                Int(text) == delivery.approximateInvokeCount ? nil : "expected approximateInvokeCount \(text) in delivery \(number), it was \(actual)")
        case "items":
            let ids = list(fieldValue).flatMap { id -> [Int] in
                guard let text = id.text else { return [] }
                return Int(text).map { [$0] } ?? ItemRange.parse(text) ?? []
            }
            return .success(
                ids == delivery.items ? nil : "expected delivery \(number) to cover \(ItemRanges.format(ids)), it covered \(ItemRanges.format(delivery.items))")
        case "fields":
            guard case .map(let entries, _) = fieldValue else {
                return .failure(.init(message: "fields is a map from a dotted path such as requestContext.condition to a value", position: fieldValue.position))
            }
            var misses: [String] = []
            for (path, expected, _) in entries {
                switch FieldMatch.parse(expected) {
                case .failure(let invalid): return .failure(invalid)
                case .success(let match):
                    if let miss = match.miss(delivery.fields[path] ?? .absent, what: "\(path) of delivery \(number)") { misses.append(miss) }
                }
            }
            return .success(misses.isEmpty ? nil : misses.joined(separator: "; "))
        default:
            return .failure(
                .init(
                    message: "unknown delivery field '\(field)' (to, at, condition, approximateInvokeCount, items, fields)", position: fieldPosition))
        }
    }

    /// The `errorMessage` of the error object a synchronous caller got with a function error
    /// (S2): the scenario's `error-message` text, the runtime's timeout text (S6), or a text
    /// of the scenario's size; absent when the function did not fail.
    private func errorMessage(of response: ClaimFacts.Response) -> FieldValue {
        guard response.error == "Unhandled" else { return .absent }
        let function = document.spec.function
        if response.reason == "Task timed out" { return .string("Task timed out after \(function.timeoutSeconds).00 seconds") }
        return function.errorMessage.map(FieldValue.string) ?? .size(function.errorMessageSize)
    }

    /// What a time or a bound looks like, for the error when a value is neither.
    static let timeShape = "expected a time such as 1m or 500ms, or a bound such as { min: 50s, max: 70s }"
}
