/// A growable list of plain values without copy-on-write: the environment pool's lists and
/// the arrival groups' counts.
///
/// Why not an `Array`: the pool changes a list on nearly every invocation (an environment
/// taken, one returned, one created), the arrival stream a count on every arrival, and every
/// change of an array checks its buffer for uniqueness, a call into the runtime. These lists
/// are never shared, so the check buys nothing. It is a class, as `IDTable` and `FIFOLane`
/// are, so that the engine changes it in place; a copy of the pool or of the stream shares
/// its lists (the engine holds one of each and never copies them).
final class PlainList<Element: BitwiseCopyable>: RandomAccessCollection {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        capacity = Swift.max(minimumCapacity, 1)
        base = .allocate(capacity: capacity)
    }

    /// `count` copies of `value`.
    convenience init(repeating value: Element, count: Int) {
        self.init(minimumCapacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    deinit {
        base.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    var isEmpty: Bool { count == 0 }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "PlainList index out of range")
            return base[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count, "PlainList index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Removes and returns the last element; the list must not be empty.
    @inline(__always)
    @discardableResult
    func removeLast() -> Element {
        precondition(count > 0, "removeLast from an empty PlainList")
        count -= 1
        return base[count]
    }

    /// Removes and returns the first element; the list must not be empty.
    @discardableResult
    func removeFirst() -> Element {
        remove(at: 0)
    }

    /// Removes the first `k` elements.
    func removeFirst(_ k: Int) {
        precondition(k >= 0 && k <= count, "removeFirst beyond the end of a PlainList")
        moveDown(from: k, by: k)
        count -= k
    }

    /// Removes and returns the element at `index`, moving those after it down.
    @discardableResult
    func remove(at index: Int) -> Element {
        let element = self[index]
        moveDown(from: index + 1, by: 1)
        count -= 1
        return element
    }

    /// Moves the elements from `start` on `distance` places down, as bytes (memmove: the
    /// regions overlap).
    private func moveDown(from start: Int, by distance: Int) {
        let stride = MemoryLayout<Element>.stride
        UnsafeMutableRawPointer(base + start - distance).copyMemory(from: base + start, byteCount: (count - start) * stride)
    }

    /// Doubles the storage; the elements are plain values, so they are copied as bytes.
    @inline(never)
    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
