import Testing

@testable import LambdaSimulator

/// `IDTable`: a map from live ids to values, with no ring until its first insert.
@Suite struct IDTableTests {
    @Test func anEmptyTableFindsNothing() {
        let table = IDTable<Int>()
        #expect(table.isEmpty)
        #expect(table[1] == nil)
        #expect(table.keys.isEmpty)
        #expect(table.values.isEmpty)
        #expect(table.removeValue(forKey: 1) == nil)
        #expect(table.update(1) { $0 += 1 } == nil)
    }

    @Test func valuesAreFoundByIDAfterTheFirstInsert() {
        let table = IDTable<String>()
        table[5] = "five"
        table[3] = "three"
        table[200] = "two hundred"
        #expect(table.count == 3)
        #expect(table.keys == [3, 5, 200])
        #expect(table.values == ["three", "five", "two hundred"])
        #expect(table.update(5) { $0 += "!" } == "five!")
        #expect(table.removeValue(forKey: 3) == "three")
        #expect(table.keys == [5, 200])
    }

    @Test func aTableEmptiedAndFilledAgainKeepsWorking() {
        let table = IDTable<Int>()
        for id in 1...100 { table[id] = id * 10 }
        for id in 1...100 { #expect(table.removeValue(forKey: id) == id * 10) }
        #expect(table.isEmpty)
        table[1_000] = 7
        #expect(table[1_000] == 7)
        #expect(table.keys == [1_000])
    }
}
