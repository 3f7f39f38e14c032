import NotesYAML
import Testing

/// Booleans read without Yams' implicit-tag regular expressions, as YAML 1.1 defines them.
@Suite struct EmbeddedYAMLBoolTests {
    private func value(_ text: String) throws -> YAMLNode {
        let yaml = EmbeddedYAML(text: "v: \(text)\n", firstLine: 1, path: "x.yml")
        let root = try #require(try yaml.compose(errorID: "t").get())
        return try #require(root.stringKeyedPairs?.first?.value)
    }

    @Test(arguments: ["true", "True", "TRUE", "yes", "on", "ON"])
    func plainTrue(text: String) throws {
        #expect(try value(text).yamlBool == true)
    }

    @Test(arguments: ["false", "False", "no", "No", "off", "OFF"])
    func plainFalse(text: String) throws {
        #expect(try value(text).yamlBool == false)
    }

    @Test(arguments: ["\"true\"", "'no'", "tRuE", "1", "y", "[true]"])
    func notBooleans(text: String) throws {
        #expect(try value(text).yamlBool == nil)
    }
}
