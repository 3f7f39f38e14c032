import Testing

@testable import LambdaSimulator

/// `ByInput`: values by input number behave as a map's would, in any order of numbers.
@Suite struct ByInputTests {
    @Test func aValueIsFoundByItsNumberAndALaterOneReplacesIt() {
        var values = ByInput<String>()
        values.set("one", for: 1)
        values.set("three", for: 3)
        values.set("uno", for: 1)
        #expect(values.count == 2)
        #expect(values[1] == "uno")
        #expect(values[2] == nil)
        #expect(values[3] == "three")
        #expect(values[4] == nil)
    }

    @Test func numbersOutsideTheListAreKeptToo() {
        var values = ByInput<Int>()
        let far = ByInput<Int>.listLimit + 5
        values.set(7, for: -2)
        values.set(8, for: far)
        values.set(9, for: far)
        #expect(values.count == 2)
        #expect(values[-2] == 7)
        #expect(values[far] == 9)
        #expect(values.map { $0 * 10 } == [-2: 70, far: 90])
    }

    @Test func theMapHoldsEveryValueTransformed() {
        var values = ByInput<Int>()
        for item in [5, 1, 2, 0] { values.set(item, for: item) }
        #expect(values.map { "#\($0)" } == [0: "#0", 1: "#1", 2: "#2", 5: "#5"])
        #expect(ByInput<Int>().map { $0 }.isEmpty)
    }
}
