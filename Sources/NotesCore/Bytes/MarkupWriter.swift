/// Builds HTML or SVG as UTF-8 bytes: markup as written, escaped text and compact numbers
/// appended in place, without the intermediate strings that interpolation makes.
///
/// A class over one growing buffer (copied out once, by `bytes` or `string`): a figure makes
/// thousands of small appends, and `Array.append` checks uniqueness and capacity for each.
///
/// The appends of literals, bytes and integers are inlinable: inlined into the writing
/// module, a literal's length is known where it is written, so its copy is a load and a
/// store or two instead of a call that tests the length. The buffer's fields are therefore
/// visible to those modules, which are built without run-time exclusivity checks
/// (`uncheckedExclusivity` in Package.swift): with them, each inlined access was checked.
public final class MarkupWriter {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The markup written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The markup written so far, as text.
    public var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Appends markup as it is.
    @inlinable
    public func raw(_ markup: StaticString) {
        append(markup.utf8Start, markup.utf8CodeUnitCount)
    }

    /// Appends markup (or already escaped text) held in a String, as it is. (Literals go to
    /// `raw(_:)`: a `StaticString` is copied without any check.)
    public func raw(string markup: String) {
        var markup = markup
        markup.withUTF8 { append($0.baseAddress, $0.count) }
    }

    /// Appends markup already encoded as UTF-8 (another writer's `bytes`), as it is.
    public func raw(bytes markup: [UInt8]) {
        markup.withUnsafeBufferPointer { append($0.baseAddress, $0.count) }
    }

    /// Bytes written so far. (A computed property over `count`, which other modules read and
    /// write only through the inlined appends.)
    public var byteCount: Int { count }

    /// Appends bytes as they are (a run of a page's text).
    public func raw(buffer: UnsafeBufferPointer<UInt8>) {
        append(buffer.baseAddress, buffer.count)
    }

    /// Appends one byte as it is.
    @inlinable
    public func raw(byte value: UInt8) {
        byte(value)
    }

    /// Forgets what was written, keeping the memory for what comes next.
    public func removeAll() {
        count = 0
    }

    /// Appends text escaped for HTML and SVG content and quoted attributes, as
    /// `HTMLEscaping.attribute` escapes it: `& < > " '` become entities and control
    /// characters XML does not allow are dropped. Runs between them are copied whole.
    public func text(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard HTMLEscaping.needsEscaping(byte) else { continue }
                append(start + runStart, index - runStart)
                switch byte {
                case 0x26: raw("&amp;")
                case 0x3C: raw("&lt;")
                case 0x3E: raw("&gt;")
                case 0x22: raw("&quot;")
                case 0x27: raw("&#39;")
                default: break
                }
                runStart = index + 1
            }
            append(start + runStart, bytes.count - runStart)
        }
    }

    /// Appends a number rounded to a whole number (`12`, `-3`).
    ///
    /// Why: figures are drawn in CSS pixels, where a tenth of one changes nothing a reader
    /// sees, and the tenths were two bytes of most coordinates of thousands of marks.
    public func number(_ value: Double) {
        integer(Int(value.rounded()))
    }

    /// Appends a whole number in decimal.
    @inlinable
    public func integer(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        digits(value.magnitude)
    }

    /// Writes the digits of `value` straight into the buffer, last digit first, once their
    /// count is known: most numbers a figure writes are coordinates of one to three digits,
    /// so those are written without a loop (one division by 10 per digit and no counting
    /// pass), and only longer numbers count their digits first.
    @inlinable
    func digits(_ value: UInt) {
        let zero = UInt8(ascii: "0")
        if value < 10 {
            byte(zero &+ UInt8(truncatingIfNeeded: value))
        } else if value < 100 {
            reserve(2)
            let tens = value / 10
            base[count] = zero &+ UInt8(truncatingIfNeeded: tens)
            base[count &+ 1] = zero &+ UInt8(truncatingIfNeeded: value &- tens &* 10)
            count &+= 2
        } else if value < 1000 {
            reserve(3)
            let tens = value / 10
            let hundreds = tens / 10
            base[count] = zero &+ UInt8(truncatingIfNeeded: hundreds)
            base[count &+ 1] = zero &+ UInt8(truncatingIfNeeded: tens &- hundreds &* 10)
            base[count &+ 2] = zero &+ UInt8(truncatingIfNeeded: value &- tens &* 10)
            count &+= 3
        } else {
            longDigits(value)
        }
    }

    /// The digits of a number of four digits or more: counted, then written last first.
    @usableFromInline
    func longDigits(_ value: UInt) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        reserve(length)
        var value = value
        var index = count + length
        repeat {
            index -= 1
            base[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
        count += length
    }

    @inlinable
    func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    /// Copies `length` bytes from `source` to the end.
    ///
    /// Why two overlapping words for short runs: most appends are a tag, a number or a word
    /// of a few bytes, for which calling `memmove` (or a loop over the bytes) cost more than
    /// the copy, and a figure makes thousands of them.
    @inlinable
    func append(_ source: UnsafePointer<UInt8>?, _ length: Int) {
        guard let source, length > 0 else { return }
        reserve(length)
        let target = UnsafeMutableRawPointer(base + count)
        let from = UnsafeRawPointer(source)
        if length >= 8, length <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length &- 8, as: UInt64.self)
        } else if length >= 4, length < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: length &- 4, as: UInt32.self)
        } else if length >= 2, length < 4 {
            let head = from.loadUnaligned(as: UInt16.self)
            let tail = from.loadUnaligned(fromByteOffset: length &- 2, as: UInt16.self)
            target.storeBytes(of: head, as: UInt16.self)
            target.storeBytes(of: tail, toByteOffset: length &- 2, as: UInt16.self)
        } else if length == 1 {
            target.storeBytes(of: source[0], as: UInt8.self)
        } else {
            target.copyMemory(from: from, byteCount: length)
        }
        count &+= length
    }

    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(extra)
    }

    /// Moves the bytes to a buffer with room for `extra` more (at least twice the size).
    @usableFromInline
    func grow(_ extra: Int) {
        let grown = max(count + extra, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }
}
