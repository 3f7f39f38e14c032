/// The names of a template object with their hashes, indexed by hash when there are many:
/// never changed once made, so every object of one shape shares one.
///
/// Why a class: a lookup copies the object it finds, and one reference counts once where
/// the names and their hashes as two arrays counted twice. Why an index: the figure's and
/// the interface strings' two or three dozen names were searched one by one on every
/// lookup. Its properties are constants, so threads share it safely.
final class TemplateKeys: Sendable {
    let names: [String]
    /// Each name's `TemplateObject.hash`.
    let hashes: [UInt64]
    /// Open addressing by a hash's low bits: 0 is an empty slot, any other value a name's
    /// index + 1; empty for short lists, which are searched in order.
    private let slots: [UInt16]

    /// Lists this long or longer get an index.
    static let indexedCount = 9

    /// No names.
    static let empty = TemplateKeys(names: [], hashes: [])

    /// Names with their hashes (one each, in order), which must be distinct.
    init(names: [String], hashes: [UInt64]) {
        self.names = names
        self.hashes = hashes
        slots = Self.slots(for: hashes)
    }

    /// The index of `key`, whose hash is `hash`, or nil.
    func index(of key: String, hash: UInt64) -> Int? {
        guard !slots.isEmpty else {
            var index = 0
            while index < hashes.count {
                if hashes[index] == hash, names[index] == key { return index }
                index += 1
            }
            return nil
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            guard entry != 0 else { return nil }
            if hashes[entry - 1] == hash, names[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// These names and `key` after them.
    func appending(_ key: String, hash: UInt64) -> TemplateKeys {
        TemplateKeys(names: names + [key], hashes: hashes + [hash])
    }

    /// These names without the one at `index`.
    func removing(at index: Int) -> TemplateKeys {
        var (names, hashes) = (names, hashes)
        names.remove(at: index)
        hashes.remove(at: index)
        return TemplateKeys(names: names, hashes: hashes)
    }

    /// The index of a long list: a power of two at least twice the count, each name in the
    /// first free slot from its hash's low bits on (a list too long for the slots' type is
    /// searched in order).
    private static func slots(for hashes: [UInt64]) -> [UInt16] {
        guard hashes.count >= indexedCount, hashes.count < Int(UInt16.max) else { return [] }
        var size = 16
        while size < hashes.count * 2 { size *= 2 }
        var slots = [UInt16](repeating: 0, count: size)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = UInt16(index + 1)
        }
        return slots
    }
}
