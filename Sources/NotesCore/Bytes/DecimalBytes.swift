/// Whole numbers written in decimal straight into a byte buffer, as their `description`
/// reads.
///
/// Why: a build manifest's lines and a template's numbers are bytes; making a `String` per
/// number and copying it cost more than writing the digits.
public enum DecimalBytes {
    /// Appends `value` in decimal, with a `-` first when it is negative.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var count = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            count += 1
        }
        // Room for the digits, then filled from the least significant one.
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var index = bytes.count - 1
        repeat {
            bytes[index] = UInt8(magnitude % 10) + UInt8(ascii: "0")
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }
}
