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

    public static let S1 = RuleSet(rawValue: 1 << 0)
    public static let S2 = RuleSet(rawValue: 1 << 1)
    public static let S3 = RuleSet(rawValue: 1 << 2)
    public static let S4 = RuleSet(rawValue: 1 << 3)
    public static let S5 = RuleSet(rawValue: 1 << 4)
    public static let S6 = RuleSet(rawValue: 1 << 5)
    public static let S7 = RuleSet(rawValue: 1 << 6)
    public static let S8 = RuleSet(rawValue: 1 << 7)
    public static let S9 = RuleSet(rawValue: 1 << 8)
    public static let A1 = RuleSet(rawValue: 1 << 9)
    public static let A2 = RuleSet(rawValue: 1 << 10)
    public static let A3 = RuleSet(rawValue: 1 << 11)
    public static let A4 = RuleSet(rawValue: 1 << 12)
    public static let A5 = RuleSet(rawValue: 1 << 13)
    public static let A6 = RuleSet(rawValue: 1 << 14)
    public static let A7 = RuleSet(rawValue: 1 << 15)
    public static let A8 = RuleSet(rawValue: 1 << 16)
    public static let A9 = RuleSet(rawValue: 1 << 17)
    public static let A10 = RuleSet(rawValue: 1 << 18)
    public static let A11 = RuleSet(rawValue: 1 << 19)
    public static let A12 = RuleSet(rawValue: 1 << 20)
    public static let A13 = RuleSet(rawValue: 1 << 21)
    public static let A14 = RuleSet(rawValue: 1 << 22)
    public static let A15 = RuleSet(rawValue: 1 << 23)
    public static let A16 = RuleSet(rawValue: 1 << 24)
    public static let E1 = RuleSet(rawValue: 1 << 25)
    public static let E2 = RuleSet(rawValue: 1 << 26)
    public static let E3 = RuleSet(rawValue: 1 << 27)
    public static let E4 = RuleSet(rawValue: 1 << 28)
    public static let E5 = RuleSet(rawValue: 1 << 29)
    public static let E6 = RuleSet(rawValue: 1 << 30)
    public static let E7 = RuleSet(rawValue: 1 << 31)
    public static let Q1 = RuleSet(rawValue: 1 << 32)
    public static let Q2 = RuleSet(rawValue: 1 << 33)
    public static let Q3 = RuleSet(rawValue: 1 << 34)
    public static let Q4 = RuleSet(rawValue: 1 << 35)
    public static let Q5 = RuleSet(rawValue: 1 << 36)
    public static let Q6 = RuleSet(rawValue: 1 << 37)
    public static let Q7 = RuleSet(rawValue: 1 << 38)
    public static let Q8 = RuleSet(rawValue: 1 << 39)
    public static let Q9 = RuleSet(rawValue: 1 << 40)
    public static let Q10 = RuleSet(rawValue: 1 << 41)
    public static let Q11 = RuleSet(rawValue: 1 << 42)
    public static let Q12 = RuleSet(rawValue: 1 << 43)
    public static let Q13 = RuleSet(rawValue: 1 << 44)
    public static let K1 = RuleSet(rawValue: 1 << 45)
    public static let K2 = RuleSet(rawValue: 1 << 46)
    public static let K3 = RuleSet(rawValue: 1 << 47)
    public static let K4 = RuleSet(rawValue: 1 << 48)
    public static let K5 = RuleSet(rawValue: 1 << 49)
    public static let K6 = RuleSet(rawValue: 1 << 50)
    public static let K7 = RuleSet(rawValue: 1 << 51)
    public static let K8 = RuleSet(rawValue: 1 << 52)
    public static let K9 = RuleSet(rawValue: 1 << 53)
    public static let K10 = RuleSet(rawValue: 1 << 54)
    public static let K11 = RuleSet(rawValue: 1 << 55)
    public static let K12 = RuleSet(rawValue: 1 << 56)
    public static let K13 = RuleSet(rawValue: 1 << 57)
    public static let K14 = RuleSet(rawValue: 1 << 58)
    public static let C1 = RuleSet(rawValue: 1 << 59)
    public static let C2 = RuleSet(rawValue: 1 << 60)
    public static let C3 = RuleSet(rawValue: 1 << 61)
    public static let C4 = RuleSet(rawValue: 1 << 62)
    public static let C5 = RuleSet(rawValue: 1 << 63)
    // Execution environments (reference §11).
    public static let X1 = RuleSet(rawValue: 1 << 64)
    public static let X2 = RuleSet(rawValue: 1 << 65)
    public static let X3 = RuleSet(rawValue: 1 << 66)
    public static let X4 = RuleSet(rawValue: 1 << 67)
    public static let X5 = RuleSet(rawValue: 1 << 68)
    public static let X6 = RuleSet(rawValue: 1 << 69)
    public static let X7 = RuleSet(rawValue: 1 << 70)
    public static let X8 = RuleSet(rawValue: 1 << 71)
    public static let X9 = RuleSet(rawValue: 1 << 72)
    public static let X10 = RuleSet(rawValue: 1 << 73)
    public static let X11 = RuleSet(rawValue: 1 << 74)
    public static let X12 = RuleSet(rawValue: 1 << 75)
    public static let X13 = RuleSet(rawValue: 1 << 76)
    // Caller-side retry policies (§12).
    public static let R1 = RuleSet(rawValue: 1 << 77)
    public static let R2 = RuleSet(rawValue: 1 << 78)
    public static let R3 = RuleSet(rawValue: 1 << 79)
    public static let R4 = RuleSet(rawValue: 1 << 80)
    public static let R5 = RuleSet(rawValue: 1 << 81)
    public static let R6 = RuleSet(rawValue: 1 << 82)
    public static let R7 = RuleSet(rawValue: 1 << 83)
    public static let R8 = RuleSet(rawValue: 1 << 84)
    public static let R9 = RuleSet(rawValue: 1 << 85)
    public static let R10 = RuleSet(rawValue: 1 << 86)
    public static let R11 = RuleSet(rawValue: 1 << 87)
    public static let R12 = RuleSet(rawValue: 1 << 88)
    public static let R13 = RuleSet(rawValue: 1 << 89)
    public static let R14 = RuleSet(rawValue: 1 << 90)
    public static let R15 = RuleSet(rawValue: 1 << 91)
    public static let R16 = RuleSet(rawValue: 1 << 92)
    // Amazon MQ (§13).
    public static let M1 = RuleSet(rawValue: 1 << 93)
    public static let M2 = RuleSet(rawValue: 1 << 94)
    public static let M3 = RuleSet(rawValue: 1 << 95)
    public static let M4 = RuleSet(rawValue: 1 << 96)
    public static let M5 = RuleSet(rawValue: 1 << 97)
    public static let M6 = RuleSet(rawValue: 1 << 98)
    public static let M7 = RuleSet(rawValue: 1 << 99)
    // Kafka (§14).
    public static let KF1 = RuleSet(rawValue: 1 << 100)
    public static let KF2 = RuleSet(rawValue: 1 << 101)
    public static let KF3 = RuleSet(rawValue: 1 << 102)
    public static let KF4 = RuleSet(rawValue: 1 << 103)
    public static let KF5 = RuleSet(rawValue: 1 << 104)
    public static let KF6 = RuleSet(rawValue: 1 << 105)
    public static let KF7 = RuleSet(rawValue: 1 << 106)
    public static let KF8 = RuleSet(rawValue: 1 << 107)
    public static let KF9 = RuleSet(rawValue: 1 << 108)
    // Amazon DocumentDB (§15).
    public static let D1 = RuleSet(rawValue: 1 << 109)
    public static let D2 = RuleSet(rawValue: 1 << 110)
    public static let D3 = RuleSet(rawValue: 1 << 111)
    public static let D4 = RuleSet(rawValue: 1 << 112)
    // Recursive loop detection (§16).
    public static let L1 = RuleSet(rawValue: 1 << 113)
    public static let L2 = RuleSet(rawValue: 1 << 114)
    public static let L3 = RuleSet(rawValue: 1 << 115)
    public static let L4 = RuleSet(rawValue: 1 << 116)
    public static let L5 = RuleSet(rawValue: 1 << 117)
    public static let L6 = RuleSet(rawValue: 1 << 118)
    public static let L7 = RuleSet(rawValue: 1 << 119)

    /// The union of two sets (rules cited together).
    public static func + (lhs: RuleSet, rhs: RuleSet) -> RuleSet {
        lhs.union(rhs)
    }

    /// The ids in this set, in reference order.
    public var names: [String] {
        var names: [String] = []
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
