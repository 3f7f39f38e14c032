/// A set of reference rule ids (S1…S9, A1…A16, E1…E7, Q1…Q13, K1…K14, C1…C5, X1…X13, R1…R16,
/// M1…M7, KF1…KF9, D1…D4, L1…L7) as bits, in the reference's order,
/// so that citing rules on every trace entry costs no allocation or hashing.
public struct RuleSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt128

    public init(rawValue: UInt128) {
        self.rawValue = rawValue
    }

    /// Every rule id, in reference order; bit n is `ids[n]`.
    public static let ids: [String] = [
        "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13", "A14", "A15",
        "A16", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11", "Q12", "Q13", "K1", "K2", "K3",
        "K4", "K5", "K6", "K7", "K8", "K9", "K10", "K11", "K12", "K13", "K14", "C1", "C2", "C3", "C4", "C5",
        // Execution environments (reference §11) and caller-side retry policies (§12).
        "X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X10", "X11", "X12", "X13",
        "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15", "R16",
        // Amazon MQ (§13), Kafka (§14), DocumentDB (§15) and recursive loop detection (§16).
        "M1", "M2", "M3", "M4", "M5", "M6", "M7", "KF1", "KF2", "KF3", "KF4", "KF5", "KF6", "KF7", "KF8", "KF9",
        "D1", "D2", "D3", "D4", "L1", "L2", "L3", "L4", "L5", "L6", "L7",
    ]

    public static var S1: RuleSet { RuleSet(rawValue: 1 << 0) }
    public static var S2: RuleSet { RuleSet(rawValue: 1 << 1) }
    public static var S3: RuleSet { RuleSet(rawValue: 1 << 2) }
    public static var S4: RuleSet { RuleSet(rawValue: 1 << 3) }
    public static var S5: RuleSet { RuleSet(rawValue: 1 << 4) }
    public static var S6: RuleSet { RuleSet(rawValue: 1 << 5) }
    public static var S7: RuleSet { RuleSet(rawValue: 1 << 6) }
    public static var S8: RuleSet { RuleSet(rawValue: 1 << 7) }
    public static var S9: RuleSet { RuleSet(rawValue: 1 << 8) }
    public static var A1: RuleSet { RuleSet(rawValue: 1 << 9) }
    public static var A2: RuleSet { RuleSet(rawValue: 1 << 10) }
    public static var A3: RuleSet { RuleSet(rawValue: 1 << 11) }
    public static var A4: RuleSet { RuleSet(rawValue: 1 << 12) }
    public static var A5: RuleSet { RuleSet(rawValue: 1 << 13) }
    public static var A6: RuleSet { RuleSet(rawValue: 1 << 14) }
    public static var A7: RuleSet { RuleSet(rawValue: 1 << 15) }
    public static var A8: RuleSet { RuleSet(rawValue: 1 << 16) }
    public static var A9: RuleSet { RuleSet(rawValue: 1 << 17) }
    public static var A10: RuleSet { RuleSet(rawValue: 1 << 18) }
    public static var A11: RuleSet { RuleSet(rawValue: 1 << 19) }
    public static var A12: RuleSet { RuleSet(rawValue: 1 << 20) }
    public static var A13: RuleSet { RuleSet(rawValue: 1 << 21) }
    public static var A14: RuleSet { RuleSet(rawValue: 1 << 22) }
    public static var A15: RuleSet { RuleSet(rawValue: 1 << 23) }
    public static var A16: RuleSet { RuleSet(rawValue: 1 << 24) }
    public static var E1: RuleSet { RuleSet(rawValue: 1 << 25) }
    public static var E2: RuleSet { RuleSet(rawValue: 1 << 26) }
    public static var E3: RuleSet { RuleSet(rawValue: 1 << 27) }
    public static var E4: RuleSet { RuleSet(rawValue: 1 << 28) }
    public static var E5: RuleSet { RuleSet(rawValue: 1 << 29) }
    public static var E6: RuleSet { RuleSet(rawValue: 1 << 30) }
    public static var E7: RuleSet { RuleSet(rawValue: 1 << 31) }
    public static var Q1: RuleSet { RuleSet(rawValue: 1 << 32) }
    public static var Q2: RuleSet { RuleSet(rawValue: 1 << 33) }
    public static var Q3: RuleSet { RuleSet(rawValue: 1 << 34) }
    public static var Q4: RuleSet { RuleSet(rawValue: 1 << 35) }
    public static var Q5: RuleSet { RuleSet(rawValue: 1 << 36) }
    public static var Q6: RuleSet { RuleSet(rawValue: 1 << 37) }
    public static var Q7: RuleSet { RuleSet(rawValue: 1 << 38) }
    public static var Q8: RuleSet { RuleSet(rawValue: 1 << 39) }
    public static var Q9: RuleSet { RuleSet(rawValue: 1 << 40) }
    public static var Q10: RuleSet { RuleSet(rawValue: 1 << 41) }
    public static var Q11: RuleSet { RuleSet(rawValue: 1 << 42) }
    public static var Q12: RuleSet { RuleSet(rawValue: 1 << 43) }
    public static var Q13: RuleSet { RuleSet(rawValue: 1 << 44) }
    public static var K1: RuleSet { RuleSet(rawValue: 1 << 45) }
    public static var K2: RuleSet { RuleSet(rawValue: 1 << 46) }
    public static var K3: RuleSet { RuleSet(rawValue: 1 << 47) }
    public static var K4: RuleSet { RuleSet(rawValue: 1 << 48) }
    public static var K5: RuleSet { RuleSet(rawValue: 1 << 49) }
    public static var K6: RuleSet { RuleSet(rawValue: 1 << 50) }
    public static var K7: RuleSet { RuleSet(rawValue: 1 << 51) }
    public static var K8: RuleSet { RuleSet(rawValue: 1 << 52) }
    public static var K9: RuleSet { RuleSet(rawValue: 1 << 53) }
    public static var K10: RuleSet { RuleSet(rawValue: 1 << 54) }
    public static var K11: RuleSet { RuleSet(rawValue: 1 << 55) }
    public static var K12: RuleSet { RuleSet(rawValue: 1 << 56) }
    public static var K13: RuleSet { RuleSet(rawValue: 1 << 57) }
    public static var K14: RuleSet { RuleSet(rawValue: 1 << 58) }
    public static var C1: RuleSet { RuleSet(rawValue: 1 << 59) }
    public static var C2: RuleSet { RuleSet(rawValue: 1 << 60) }
    public static var C3: RuleSet { RuleSet(rawValue: 1 << 61) }
    public static var C4: RuleSet { RuleSet(rawValue: 1 << 62) }
    public static var C5: RuleSet { RuleSet(rawValue: 1 << 63) }
    // Execution environments (reference §11).
    public static var X1: RuleSet { RuleSet(rawValue: 1 << 64) }
    public static var X2: RuleSet { RuleSet(rawValue: 1 << 65) }
    public static var X3: RuleSet { RuleSet(rawValue: 1 << 66) }
    public static var X4: RuleSet { RuleSet(rawValue: 1 << 67) }
    public static var X5: RuleSet { RuleSet(rawValue: 1 << 68) }
    public static var X6: RuleSet { RuleSet(rawValue: 1 << 69) }
    public static var X7: RuleSet { RuleSet(rawValue: 1 << 70) }
    public static var X8: RuleSet { RuleSet(rawValue: 1 << 71) }
    public static var X9: RuleSet { RuleSet(rawValue: 1 << 72) }
    public static var X10: RuleSet { RuleSet(rawValue: 1 << 73) }
    public static var X11: RuleSet { RuleSet(rawValue: 1 << 74) }
    public static var X12: RuleSet { RuleSet(rawValue: 1 << 75) }
    public static var X13: RuleSet { RuleSet(rawValue: 1 << 76) }
    // Caller-side retry policies (§12).
    public static var R1: RuleSet { RuleSet(rawValue: 1 << 77) }
    public static var R2: RuleSet { RuleSet(rawValue: 1 << 78) }
    public static var R3: RuleSet { RuleSet(rawValue: 1 << 79) }
    public static var R4: RuleSet { RuleSet(rawValue: 1 << 80) }
    public static var R5: RuleSet { RuleSet(rawValue: 1 << 81) }
    public static var R6: RuleSet { RuleSet(rawValue: 1 << 82) }
    public static var R7: RuleSet { RuleSet(rawValue: 1 << 83) }
    public static var R8: RuleSet { RuleSet(rawValue: 1 << 84) }
    public static var R9: RuleSet { RuleSet(rawValue: 1 << 85) }
    public static var R10: RuleSet { RuleSet(rawValue: 1 << 86) }
    public static var R11: RuleSet { RuleSet(rawValue: 1 << 87) }
    public static var R12: RuleSet { RuleSet(rawValue: 1 << 88) }
    public static var R13: RuleSet { RuleSet(rawValue: 1 << 89) }
    public static var R14: RuleSet { RuleSet(rawValue: 1 << 90) }
    public static var R15: RuleSet { RuleSet(rawValue: 1 << 91) }
    public static var R16: RuleSet { RuleSet(rawValue: 1 << 92) }
    // Amazon MQ (§13).
    public static var M1: RuleSet { RuleSet(rawValue: 1 << 93) }
    public static var M2: RuleSet { RuleSet(rawValue: 1 << 94) }
    public static var M3: RuleSet { RuleSet(rawValue: 1 << 95) }
    public static var M4: RuleSet { RuleSet(rawValue: 1 << 96) }
    public static var M5: RuleSet { RuleSet(rawValue: 1 << 97) }
    public static var M6: RuleSet { RuleSet(rawValue: 1 << 98) }
    public static var M7: RuleSet { RuleSet(rawValue: 1 << 99) }
    // Kafka (§14).
    public static var KF1: RuleSet { RuleSet(rawValue: 1 << 100) }
    public static var KF2: RuleSet { RuleSet(rawValue: 1 << 101) }
    public static var KF3: RuleSet { RuleSet(rawValue: 1 << 102) }
    public static var KF4: RuleSet { RuleSet(rawValue: 1 << 103) }
    public static var KF5: RuleSet { RuleSet(rawValue: 1 << 104) }
    public static var KF6: RuleSet { RuleSet(rawValue: 1 << 105) }
    public static var KF7: RuleSet { RuleSet(rawValue: 1 << 106) }
    public static var KF8: RuleSet { RuleSet(rawValue: 1 << 107) }
    public static var KF9: RuleSet { RuleSet(rawValue: 1 << 108) }
    // Amazon DocumentDB (§15).
    public static var D1: RuleSet { RuleSet(rawValue: 1 << 109) }
    public static var D2: RuleSet { RuleSet(rawValue: 1 << 110) }
    public static var D3: RuleSet { RuleSet(rawValue: 1 << 111) }
    public static var D4: RuleSet { RuleSet(rawValue: 1 << 112) }
    // Recursive loop detection (§16).
    public static var L1: RuleSet { RuleSet(rawValue: 1 << 113) }
    public static var L2: RuleSet { RuleSet(rawValue: 1 << 114) }
    public static var L3: RuleSet { RuleSet(rawValue: 1 << 115) }
    public static var L4: RuleSet { RuleSet(rawValue: 1 << 116) }
    public static var L5: RuleSet { RuleSet(rawValue: 1 << 117) }
    public static var L6: RuleSet { RuleSet(rawValue: 1 << 118) }
    public static var L7: RuleSet { RuleSet(rawValue: 1 << 119) }

    /// The union of two sets (rules cited together).
    public static func + (lhs: RuleSet, rhs: RuleSet) -> RuleSet {
        lhs.union(rhs)
    }

    /// The ids in this set, in reference order.
    public var names: [String] {
        var names: [String] = []
        names.reserveCapacity(rawValue.nonzeroBitCount)
        forEachName { names.append($0) }
        return names
    }

    /// Calls `body` with each id in reference order, without an array (an event log names
    /// the rules of each of its rows).
    public func forEachName(_ body: (String) -> Void) {
        var bits = rawValue
        while bits != 0 {
            body(Self.ids[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
    }

    /// The set holding the rule with this id, or nil for an unknown id.
    public init?(id: String) {
        guard let index = Self.ids.firstIndex(of: id) else { return nil }
        self.init(rawValue: 1 << UInt128(index))
    }
}
