import LambdaSimulator
import NotesCore

/// The `batches` claim: batch by batch, or bounds on how many there were and how large each was.
extension Checker {
    /// `batches`: one entry per batch (a size, ids or a range, `~` to skip), or bounds over
    /// them all: `{ count: 3 }`, `{ each: 10 }`, `{ each: { min: 1, max: 10 } }`.
    func batches(_ value: ExpectationValue) -> Result {
        if case .map(let pairs, let position) = value { return batchBounds(pairs, position: position) }
        let expected = list(value)
        let actual = facts.batches.kept.map(\.items)
        let sizes =
            actual.prefix(Self.shownTimes).map { String($0.count) }.joined(separator: ", ")
            + (facts.batches.isTruncated || actual.count > Self.shownTimes ? ", …" : "")
        guard expected.count == facts.batches.count else {
            return .fail("expected \(Self.counted(expected.count, "batches")), the simulator invoked \(facts.batches.count) (sizes \(sizes))")
        }
        if facts.batches.isTruncated { return tooManyToCheck(facts.batches.count, noun: "batches", position: value.position) }
        for (index, item) in expected.enumerated() {
            switch item {
            case .scalar(let text, let position):
                if text == "~" { continue }
                if let size = Self.claimedCount(text) {
                    if size != actual[index].count {
                        return .fail(
                            "expected batch \(index + 1) to hold \(size) records, it held \(actual[index].count) (batch sizes \(sizes))"
                        )
                    }
                } else if let range = ItemRange.parse(text) {
                    if range != actual[index] { return .fail("expected batch \(index + 1) to be records \(text), it was \(ItemRanges.format(actual[index]))") }
                } else {
                    return .invalid("a batch is a size, a list of ids or a range such as \"1-8\"", position)
                }
            case .list(let ids, _):
                let numbers = ids.flatMap { id -> [Int] in
                    guard let text = id.text else { return [] }
                    return Int(text).map { [$0] } ?? ItemRange.parse(text) ?? []
                }
                if numbers != actual[index] {
                    return .fail("expected batch \(index + 1) to be records \(ItemRanges.format(numbers)), it was \(ItemRanges.format(actual[index]))")
                }
            case .map(_, let position):
                return .invalid("a batch is a size or a list of ids", position)
            }
        }
        return .pass(sizes)
    }

    /// `{ count, each }`: how many batches (a number or `{ min, max }`) and how many records
    /// each held (a number or `{ min, max }`), over every batch of the run.
    private func batchBounds(_ pairs: [ExpectationValue.Pair], position: SourcePosition) -> Result {
        let shape = "expected { count: N, each: N } with numbers or { min, max }, such as { each: { max: 10 } }"
        if let stray = pairs.first(where: { $0.key != "count" && $0.key != "each" }) { return .invalid(shape, stray.keyPosition) }
        guard !pairs.isEmpty else { return .invalid(shape, position) }
        var checked: [String] = []
        if let count = pairs.first(where: { $0.key == "count" })?.value {
            let result = self.count(count, actual: facts.batches.count, noun: "batches", facts: nil)
            guard case .pass = result else { return result }
            checked.append("\(facts.batches.count) batches")
        }
        if let each = pairs.first(where: { $0.key == "each" })?.value {
            let bound: (minimum: Int?, maximum: Int?)
            if let size = Self.claimedCount(each.text) {
                bound = (size, size)
            } else if let range = countBound(each) {
                if let refusal = Self.impossibleBound(range) { return .invalid(refusal, each.position) }
                bound = range
            } else {
                return .invalid(shape, each.position)
            }
            if facts.batches.isTruncated { return tooManyToCheck(facts.batches.count, noun: "batches", position: position) }
            for (index, batch) in facts.batches.kept.enumerated() {
                let size = batch.items.count
                if let exact = bound.minimum, bound.maximum == exact, size != exact {
                    return .fail("expected every batch to hold \(exact) records, batch \(index + 1) held \(size)")
                }
                if let minimum = bound.minimum, size < minimum {
                    return .fail("expected every batch to hold at least \(minimum) records, batch \(index + 1) held \(size)")
                }
                if let maximum = bound.maximum, size > maximum {
                    return .fail("expected every batch to hold at most \(maximum) records, batch \(index + 1) held \(size)")
                }
            }
            checked.append("each within bounds")
        }
        return .pass(checked.joined(separator: ", "))
    }

    /// A `{ min, max }` of whole numbers (either may be left out), or nil when the map holds
    /// anything else.
    func countBound(_ value: ExpectationValue) -> (minimum: Int?, maximum: Int?)? {
        guard case .map(let pairs, _) = value, !pairs.isEmpty else { return nil }
        var bound: (minimum: Int?, maximum: Int?) = (nil, nil)
        for (key, item, _) in pairs {
            guard let number = Self.claimedCount(item.text) else { return nil }
            switch key {
            case "min": bound.minimum = number
            case "max": bound.maximum = number
            default: return nil
            }
        }
        return bound
    }
}
