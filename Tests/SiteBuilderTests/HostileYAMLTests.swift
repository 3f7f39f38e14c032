import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Hostile YAML (issue 18, point 2) in each place notesim reads YAML: deep nesting in flow,
/// block and mixed style, and alias bombs, each an error at the offending node, quickly.
@Suite struct HostileYAMLTests {
    /// Where a YAML text goes: a scenario block, a note's front matter, `notesim.yml`.
    enum Place: CaseIterable {
        case scenario, frontMatter, config

        var path: String { self == .config ? "notesim.yml" : "content/a.md" }
        /// The file line of the YAML's first line.
        var firstLine: Int {
            switch self {
            case .scenario: 4
            case .frontMatter: 2
            case .config: 1
            }
        }
        var syntaxID: String {
            switch self {
            case .scenario: "scenario.syntax"
            case .frontMatter: "frontmatter.syntax"
            case .config: "config.syntax"
            }
        }
    }

    /// Every diagnostic of a site whose YAML in `place` is `yaml`, as printed.
    static func diagnostics(_ yaml: String, in place: Place) -> [String] {
        let fileSystem = MemoryFileSystem(files: [:])
        switch place {
        case .scenario: fileSystem.add("s/content/a.md", bytes: Array("# A\n\n```scenario\n\(yaml)\n```\n".utf8))
        case .frontMatter: fileSystem.add("s/content/a.md", bytes: Array("---\n\(yaml)\n---\n# A\n".utf8))
        case .config:
            fileSystem.add("s/content/a.md", bytes: Array("# A\n".utf8))
            fileSystem.add("s/notesim.yml", bytes: Array(yaml.utf8))
        }
        return SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).diagnostics.map(\.formatted)
    }

    /// The printed error at YAML line `line` (of the text), with its note.
    static func expected(_ place: Place, line: Int, column: Int, _ message: String, id: String, hint: String) -> String {
        let position = "\(place.path):\(place.firstLine + line - 1):\(column)"
        return "\(position): error: \(message) [\(id)]\n\(position): note: \(hint)"
    }

    static let tooDeepHint = "notesim reads at most 100 nested lists and mappings; flatten the structure"

    static func tooDeep(_ place: Place, line: Int, column: Int) -> String {
        expected(place, line: line, column: column, "YAML nested more than 100 levels deep", id: "yaml.too-deep", hint: tooDeepHint)
    }

    // MARK: Nesting

    @Test(arguments: Place.allCases)
    func flowListsNested20000Deep(_ place: Place) {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        // The 101st `[` (the root mapping is the first level): column 7 + 100.
        #expect(Self.diagnostics("title: " + deep, in: place) == [Self.tooDeep(place, line: 1, column: 107)])
        let unclosed = String(repeating: "[", count: 20_000)
        #expect(Self.diagnostics("title: " + unclosed, in: place) == [Self.tooDeep(place, line: 1, column: 107)])
    }

    @Test(arguments: Place.allCases)
    func flowMappingsNested20000Deep(_ place: Place) {
        let deep = String(repeating: "{a: ", count: 20_000) + "1" + String(repeating: "}", count: 20_000)
        #expect(Self.diagnostics("title: " + deep, in: place) == [Self.tooDeep(place, line: 1, column: 8 + 4 * 99)])
    }

    @Test(arguments: Place.allCases)
    func mixedBlockAndFlowNesting(_ place: Place) {
        // Root mapping, `a` mapping, the list: three levels, then the 98th `[` is the 101st.
        let deep = "title:\n  a:\n    - " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(Self.diagnostics(deep, in: place) == [Self.tooDeep(place, line: 3, column: 7 + 97)])
    }

    @Test(arguments: Place.allCases)
    func blockMappingsNestedTooDeep(_ place: Place) {
        let deep = (0..<300).map { String(repeating: "  ", count: $0) + "a:" }.joined(separator: "\n") + " 1"
        #expect(Self.diagnostics(deep, in: place) == [Self.tooDeep(place, line: 101, column: 201)])
    }

    @Test(arguments: Place.allCases)
    func flowWrittenOverManyLinesStopsAtLibyamlsBound(_ place: Place) {
        // The fast reader declines multi-line flow; libyaml stops at its own bound of 1,000.
        let deep = "title:\n" + String(repeating: " [\n", count: 20_000)
        let found = Self.diagnostics(deep, in: place)
        #expect(found.count == 1)
        #expect(found.first?.contains("error: YAML nested more than 100 levels deep [yaml.too-deep]") == true, "\(found)")
    }

    // MARK: Aliases

    /// The 316-byte "billion laughs": nine levels of nine aliases, 10⁹ nodes expanded.
    static let billionLaughs =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "bcdefghi".map { name in
            let previous = Character(UnicodeScalar(name.asciiValue! - 1))
            return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]"
        }.joined(separator: "\n")

    @Test(arguments: Place.allCases)
    func billionLaughsStopsAtTheAliasCount(_ place: Place) {
        // b's nine aliases, then c's nine with nine inside each: 99; d's first `*c` opens the 101st.
        #expect(
            Self.diagnostics(Self.billionLaughs, in: place) == [
                Self.expected(
                    place, line: 4, column: 8, "more than 100 YAML aliases", id: "yaml.alias-limit",
                    hint: "notesim expands at most 100 aliases (*name) in one YAML text; write the values out")
            ])
    }

    @Test(arguments: Place.allCases)
    func manySmallAliases(_ place: Place) {
        let yaml = "a: &a x\nb: [" + Array(repeating: "*a", count: 150).joined(separator: ", ") + "]"
        #expect(
            Self.diagnostics(yaml, in: place) == [
                Self.expected(
                    place, line: 2, column: 5 + 4 * 100, "more than 100 YAML aliases", id: "yaml.alias-limit",
                    hint: "notesim expands at most 100 aliases (*name) in one YAML text; write the values out")
            ])
    }

    @Test(arguments: Place.allCases)
    func fewLargeAliases(_ place: Place) {
        let yaml = "a: &a [" + Array(repeating: "x", count: 3_000).joined(separator: ", ") + "]\nb: [*a, *a, *a, *a]"
        #expect(
            Self.diagnostics(yaml, in: place) == [
                Self.expected(
                    place, line: 2, column: 17, "YAML aliases expand to more than 10000 nodes", id: "yaml.alias-limit",
                    hint: "notesim expands aliases (*name) to at most 10000 nodes in one YAML text; write the values out")
            ])
    }

    @Test(arguments: Place.allCases)
    func anAliasThatNestsTooDeep(_ place: Place) {
        let yaml =
            "a: &a " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\nb: " + String(repeating: "[", count: 60) + "*a"
            + String(repeating: "]", count: 60)
        // Each half is within the bound; the alias puts the anchored lists at levels 62 to 121.
        #expect(Self.diagnostics(yaml, in: place) == [Self.tooDeep(place, line: 2, column: 64)])
    }
}
