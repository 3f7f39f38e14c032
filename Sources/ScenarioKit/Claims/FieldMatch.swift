import LambdaSimulator
import NotesCore

/// A claim about one field of a delivered record or a response: its value, part of it, its
/// size, or only whether it is there.
///
/// Why presence is its own check: `field: absent` once meant both "missing" and the text
/// "absent"; `present` and `absent` now test presence, and `{ equals: absent }` the text.
enum FieldMatch: Equatable {
    /// The value, as text or a number (`RetriesExhausted`, `2`).
    case equals(String)
    /// Text containing this (`{ contains: timed out }`).
    case contains(String)
    /// A payload of this many bytes (`{ size: 256KB }`).
    case size(Int64)
    /// The field is there (any value) or not.
    case present(Bool)

    /// The forms, for the error a wrong one gets.
    static let shapes = "a value, present, absent, { equals: … }, { contains: … } or { size: 256KB }"

    /// Reads a field's claim.
    static func parse(_ value: ExpectationValue) -> Swift.Result<FieldMatch, Checker.Invalid> {
        switch value {
        case .scalar(let text, _):
            switch text {
            case "present": return .success(.present(true))
            case "absent": return .success(.present(false))
            default: return .success(.equals(text))
            }
        case .map(let pairs, let position):
            guard pairs.count == 1, let (key, inner, _) = pairs.first, let text = inner.text else {
                return .failure(.init(message: "expected \(shapes)", position: position))
            }
            switch key {
            case "equals": return .success(.equals(text))
            case "contains": return .success(.contains(text))
            case "size":
                guard let bytes = Quantity.size(text) else {
                    return .failure(.init(message: "'\(text)' is not a size such as 256KB", position: inner.position))
                }
                return .success(.size(bytes))
            default:
                let suggestion = Suggestion.closest(to: key, among: ["equals", "contains", "size"]).map { "; did you mean '\($0)'?" } ?? ""
                return .failure(.init(message: "unknown field check '\(key)'\(suggestion) (expected \(shapes))", position: position))
            }
        case .list(_, let position):
            return .failure(.init(message: "expected \(shapes), not a list", position: position))
        }
    }

    /// Nil when `actual` satisfies the claim, else a sentence saying how it does not.
    func miss(_ actual: FieldValue, what: String) -> String? {
        let holds: Bool
        let expected: String
        switch self {
        case .present(let there):
            holds = (actual != .absent) == there
            expected = there ? "present" : "absent"
        case .equals(let text):
            switch actual {
            case .string(let string): holds = string == text
            case .int(let number): holds = Int64(text) == number
            case .size, .absent: holds = false
            }
            expected = "\"\(text)\""
        case .contains(let text):
            if case .string(let string) = actual { holds = string.contains(text) } else { holds = false }
            expected = "to contain \"\(text)\""
        case .size(let bytes):
            // A text is as large as its UTF-8 bytes.
            if case .string(let text) = actual { holds = Int64(text.utf8.count) == bytes } else { holds = actual == .size(bytes) }
            expected = "{size: \(bytes)}"
        }
        guard !holds else { return nil }
        return "expected \(what) \(expected.hasPrefix("to ") ? expected : "to be " + expected), it is \(actual)"
    }
}
