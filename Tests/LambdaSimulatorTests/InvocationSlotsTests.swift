import Testing

@testable import LambdaSimulator

/// `InvocationSlots`: values by invocation number behave as a dictionary's would, whatever
/// order the numbers come in.
@Suite struct InvocationSlotsTests {
    @Test func aValueIsFoundOnceAndThenGone() {
        var slots = InvocationSlots<Int>()
        slots.set(10, for: 1)
        slots.set(20, for: 2)
        #expect(slots.remove(2) == 20)
        #expect(slots.remove(2) == nil)
        #expect(slots.remove(1) == 10)
        #expect(slots.remove(3) == nil)
    }

    @Test func aLaterValueReplacesAnEarlierOne() {
        var slots = InvocationSlots<[Int]>()
        slots.set([1], for: 5)
        slots.set([1, 2], for: 5)
        #expect(slots.remove(5) == [1, 2])
    }

    @Test func numbersBelowAndFarPastTheWindowAreKeptToo() {
        var slots = InvocationSlots<Int>()
        slots.set(1, for: 100)
        slots.set(2, for: 3)
        slots.set(3, for: -7)
        slots.set(4, for: 1_000_000)
        #expect(slots.remove(3) == 2)
        #expect(slots.remove(-7) == 3)
        #expect(slots.remove(1_000_000) == 4)
        #expect(slots.remove(100) == 1)
    }

    @Test func aWindowThatMovesOnKeepsEveryRunningValue() {
        var slots = InvocationSlots<Int>()
        // Two running at a time, ending in order, over many numbers.
        for invocation in 1...1_000 {
            slots.set(invocation * 2, for: invocation)
            if invocation > 2 { #expect(slots.remove(invocation - 2) == (invocation - 2) * 2) }
        }
        #expect(slots.remove(999) == 1_998)
        #expect(slots.remove(1_000) == 2_000)
        #expect(slots.remove(998) == nil)
    }

    @Test func aValueSetBelowTheWindowAfterItMovedIsFound() {
        var slots = InvocationSlots<Int>()
        for invocation in 1...200 { slots.set(invocation, for: invocation) }
        for invocation in 1...150 { #expect(slots.remove(invocation) == invocation) }
        slots.set(7, for: 7)
        #expect(slots.remove(7) == 7)
        #expect(slots.remove(151) == 151)
    }
}
