/// libFuzzer's bytes read as a sequence of choices, so that its mutations change structure
/// (which key, which extreme value, how deep) rather than characters of a text.
///
/// Every choice takes one byte (or two for wider ranges); once the bytes run out every
/// choice is the first option, so any input, even an empty one, decodes to a valid, small
/// structure, and a longer input only adds to it.
struct Choices {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether any bytes are left (generators stop adding parts when not).
    var hasMore: Bool { index < bytes.count }

    /// The next byte, or 0 when the input is used up.
    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// A number in `0..<count` (one byte, or two when `count` is over 256).
    mutating func below(_ count: Int) -> Int {
        guard count > 1 else { return 0 }
        let raw = count > 256 ? Int(byte()) << 8 | Int(byte()) : Int(byte())
        return raw % count
    }

    /// One of `options`.
    mutating func pick<T>(_ options: [T]) -> T {
        options[below(options.count)]
    }

    /// True with about the given chance in 256.
    mutating func chance(_ outOf256: Int) -> Bool {
        Int(byte()) < outOf256
    }

    /// How many of something: usually few, sometimes a boundary that makes a structure
    /// large (the sizes at which quadratic paths and nesting bounds show).
    mutating func count(upTo small: Int) -> Int {
        let selector = byte()
        switch selector {
        case 0..<224: return Int(selector) % (small + 1)
        default: return pick([99, 100, 101, 1_000, 5_000, 20_000])
        }
    }
}
