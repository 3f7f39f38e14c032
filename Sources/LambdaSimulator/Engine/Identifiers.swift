/// Deterministic identifiers that appear in delivered messages.
enum Identifiers {
    /// The request id of an event: the same for all its attempts (A11).
    static func requestID(_ item: Int) -> String {
        let digits = String(item)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// The qualified ARN of the simulated function (A14: `functionArn` is qualified).
    static let functionARN = "arn:aws:lambda:us-east-1:123456789012:function:notesim-function:$LATEST"

    /// A stream record's sequence number.
    static func sequenceNumber(_ id: Int) -> String {
        "49590338271490256608559692538" + String(repeating: "0", count: max(0, 12 - String(id).count)) + String(id)
    }

    /// FNV-1a: the same partition key always lands on the same shard (K13).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
