import LambdaSimulator
import NotesCore

/// The words a claim may use for one thing (outcomes, results, triggers, routes,
/// assumptions), read without regard to case; an unknown word is refused with the list.
///
/// Why: `outcome: DLQ` failed as "expected outcome DLQ, the simulator ended in dlq", and a
/// misspelt word failed as a wrong claim instead of a mistake in the claim.
struct ClaimWords {
    /// What the words name, for the message ("an outcome").
    let noun: String
    /// Every word, as the guide spells it.
    let words: [String]

    static let outcomes = ClaimWords(noun: "an outcome", words: Outcome.allCases.map(\.rawValue))
    static let results = ClaimWords(noun: "a result", words: ["ok", "error", "timeout", "running"])
    static let triggers = ClaimWords(noun: "a batch trigger", words: ["window", "size", "payload"])
    static let routes = ClaimWords(noun: "a destination", words: Delivery.Route.allCases.map(\.rawValue))
    static let assumptions = ClaimWords(noun: "an assumption", words: Assumptions.Name.allCases.map(\.rawValue))

    /// The word as the guide spells it (`DLQ` → `dlq` for an outcome), or nil when it is none
    /// of them.
    func canonical(_ word: String) -> String? {
        let lowered = word.lowercased()
        return words.first { $0.lowercased() == lowered }
    }

    /// Why `word` was refused: the words there are, and the closest when one is close.
    func refusal(_ word: String) -> String {
        let closest = Suggestion.closest(to: word.lowercased(), among: words.map { $0.lowercased() })
            .flatMap { lowered in words.first { $0.lowercased() == lowered } }
        return "'\(word)' is not \(noun) (\(words.joined(separator: ", ")))" + (closest.map { "; did you mean '\($0)'?" } ?? "")
    }
}

extension Checker {
    /// The claim's words in the guide's spelling, `~` kept as it is; the first word that is
    /// none of `vocabulary`'s makes the claim invalid at its position.
    func canonicalWords(_ value: ExpectationValue, _ vocabulary: ClaimWords) -> Swift.Result<[String], Invalid> {
        var words: [String] = []
        for item in list(value) {
            let text = item.text ?? ""
            if text == "~" {
                words.append(text)
                continue
            }
            guard let word = vocabulary.canonical(text) else { return .failure(Invalid(message: vocabulary.refusal(text), position: item.position)) }
            words.append(word)
        }
        return .success(words)
    }

    /// A claim that cannot be checked as written, and where.
    struct Invalid: Error {
        let message: String
        let position: SourcePosition
    }
}
