/// Deterministic identifiers that appear in delivered messages.
enum Identifiers {
    /// The request id of an event: the same for all its attempts (A11).
    static func requestID(_ item: Int) -> String {
        let digits = String(item)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// The qualified ARN of the simulated function (A14: `functionArn` is qualified).
    static let functionARN = "arn:aws:lambda:us-east-1:123456789012:function:notesim-function:$LATEST"

    /// The EventBridge rule whose target is the function (R7: `RULE_ARN` on a DLQ message).
    static let ruleARN = "arn:aws:events:us-east-1:123456789012:rule/notesim-rule"

    /// A stream record's sequence number.
    static func sequenceNumber(_ id: Int) -> String {
        "49590338271490256608559692538" + String(repeating: "0", count: max(0, 12 - String(id).count)) + String(id)
    }
}
