/// Manually managed slots for the engine's two rings, `FIFOLane` and `IDTable`: the one
/// place in the simulator with pointer code.
///
/// Why not an `Array`: the engine steps millions of times a second, and each step appends
/// to or pops from a lane and looks up an id. The rings index with a power-of-two mask, so a
/// bounds check can never fail, and the classes that own them are never copied, so an
/// array's uniqueness check on every write buys nothing; both cost on the simulator's
/// hottest path. A `RingSlots` is one pointer: the owner decides which slots hold a value,
/// allocates, grows and frees, and touches slots only through these methods.
struct RingSlots<Element> {
    private let base: UnsafeMutablePointer<Element>

    /// Room for `capacity` elements, none initialized.
    init(capacity: Int) {
        base = .allocate(capacity: capacity)
    }

    /// Frees the memory; every slot must be uninitialized (moved out or deinitialized).
    func deallocate() {
        base.deallocate()
    }

    /// The value in an initialized slot, read or replaced in place.
    subscript(slot: Int) -> Element {
        @inline(__always) unsafeAddress { UnsafePointer(base + slot) }
        @inline(__always) nonmutating unsafeMutableAddress { base + slot }
    }

    /// Puts a value in an uninitialized slot.
    @inline(__always)
    func initialize(_ slot: Int, to value: Element) {
        (base + slot).initialize(to: value)
    }

    /// Takes the value out of an initialized slot, leaving it uninitialized.
    @inline(__always)
    func move(_ slot: Int) -> Element {
        (base + slot).move()
    }

    /// Moves the value of `other`'s slot `source` into this ring's uninitialized slot `slot`.
    func moveInitialize(_ slot: Int, from other: RingSlots<Element>, _ source: Int) {
        (base + slot).moveInitialize(from: other.base + source, count: 1)
    }

    /// Destroys the value in an initialized slot.
    func deinitialize(_ slot: Int) {
        (base + slot).deinitialize(count: 1)
    }

    /// Initializes the first `count` slots to `value`.
    func initializeAll(to value: Element, count: Int) {
        base.initialize(repeating: value, count: count)
    }

    /// Destroys the values in the first `count` slots.
    func deinitializeAll(count: Int) {
        base.deinitialize(count: count)
    }
}
