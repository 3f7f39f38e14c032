/// Builds HTML or SVG as UTF-8 bytes: markup as written, escaped text and compact numbers
/// appended in place, without the intermediate strings that interpolation makes.
public struct MarkupWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The markup written so far, as text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends markup as it is.
    public mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends markup (or already escaped text) held in a String, as it is. (Literals go to
    /// `raw(_:)`: a `StaticString` is copied without any check.)
    public mutating func raw(string markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends text escaped for HTML and SVG content and quoted attributes, as
    /// `HTMLEscaping.attribute` escapes it.
    public mutating func text(_ text: String) {
        HTMLEscaping.append(text, to: &bytes)
    }

    /// Appends a number with at most one decimal and no trailing `.0` (`12`, `-3.5`).
    public mutating func number(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        integer(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    /// Appends a whole number in decimal.
    public mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        integer(value.magnitude)
    }

    private mutating func integer(_ value: UInt) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        integer(value / 10)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
