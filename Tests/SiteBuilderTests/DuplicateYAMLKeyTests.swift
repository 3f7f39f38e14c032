import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// A key written twice in one YAML mapping is reported where it is written again (issue 18,
/// point 9), in front matter, scenario blocks and `notesim.yml`, on both reading paths.
@Suite struct DuplicateYAMLKeyTests {
    typealias Place = HostileYAMLTests.Place

    static func error(_ place: Place, line: Int, column: Int, key: String, first: (Int, Int)) -> String {
        "\(place.path):\(place.firstLine + line - 1):\(column): error: duplicate key '\(key)' in the same mapping "
            + "(first at \(place.firstLine + first.0 - 1):\(first.1)) [\(place.syntaxID)]"
    }

    @Test(arguments: Place.allCases)
    func theSecondOccurrenceIsReported(_ place: Place) {
        #expect(
            HostileYAMLTests.diagnostics("title: A\nlang: en\ntitle: B", in: place) == [Self.error(place, line: 3, column: 1, key: "title", first: (1, 1))])
    }

    @Test(arguments: Place.allCases)
    func eachDuplicateAtItsOwnSecondOccurrence(_ place: Place) {
        // Yams named the alphabetically first key ('a') at its first occurrence.
        #expect(
            HostileYAMLTests.diagnostics("title: 1\na: 1\ntitle: 2\na: 2\na: 3", in: place) == [
                Self.error(place, line: 3, column: 1, key: "title", first: (1, 1)),
                Self.error(place, line: 4, column: 1, key: "a", first: (2, 1)),
                Self.error(place, line: 5, column: 1, key: "a", first: (2, 1)),
            ])
    }

    @Test(arguments: Place.allCases)
    func nestedAndFlowMappings(_ place: Place) {
        #expect(
            HostileYAMLTests.diagnostics("title:\n  x: 1\n  y: 2\n  x: 3\nlang: {k: 1, j: 2, k: 3}", in: place) == [
                Self.error(place, line: 4, column: 3, key: "x", first: (2, 3)),
                Self.error(place, line: 5, column: 20, key: "k", first: (5, 8)),
            ])
    }

    @Test(arguments: Place.allCases)
    func onTheYamsPathToo(_ place: Place) {
        // A block scalar sends the text to Yams, which stops at the first mapping with a duplicate.
        #expect(
            HostileYAMLTests.diagnostics("description: |\n  text\nb: 1\n'c': 1\nb: 2\nc: 2", in: place) == [
                Self.error(place, line: 5, column: 1, key: "b", first: (3, 1)),
                Self.error(place, line: 6, column: 1, key: "c", first: (4, 1)),
            ])
        #expect(
            HostileYAMLTests.diagnostics("title: |\n  text\nlist:\n  - k: 1\n    j: &x 2\n    k: 3", in: place) == [
                Self.error(place, line: 6, column: 5, key: "k", first: (4, 5))
            ])
    }
}
