import SiteBuilder
import Testing

/// notesim's Mustache engine on its own: what it renders where swift-mustache cannot be
/// asked (lists and objects as text), and its syntax errors, by message and position.
@Suite struct TemplateEngineTests {
    private func render(_ source: String, _ data: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        for (name, partial) in partials { library.register(try Template(partial), named: name) }
        library.register(try Template(source), named: "main")
        return String(decoding: library.render(data, template: "main"), as: UTF8.self)
    }

    private func syntaxError(_ source: String) -> String? {
        do {
            _ = try Template(source)
            return nil
        } catch {
            return "\(error.line):\(error.column): \(error.problem.message)"
        }
    }

    @Test func listsAndObjectsWriteNothingAsText() throws {
        #expect(try render("[{{l}}][{{o}}]", ["l": .list(["a"]), "o": ["k": "v"]]) == "[][]")
    }

    @Test func bytesRenderLikeText() throws {
        let html = Array("<p>it's</p>".utf8)
        #expect(try render("{{{c}}}|{{c}}", ["c": .bytes(html[...])]) == "<p>it's</p>|&lt;p&gt;it&#39;s&lt;/p&gt;")
    }

    @Test func settingNilRemovesAKey() {
        var object: TemplateObject = ["a": "1", "b": "2"]
        object["a"] = nil
        object["b"] = "3"
        object["c"] = nil
        #expect(object.keys == ["b"])
        #expect(object["b"] == "3")
    }

    /// A section, parent or block that is never closed is reported at its opening tag, also
    /// when sections inside it are closed, after Japanese text and with other delimiters.
    @Test func anUnclosedSectionIsReportedAtItsOpeningTag() {
        #expect(syntaxError("ノート {{^a}}{{#b}}x{{/b}}\n\n") == "1:5: this section is never closed")
        #expect(syntaxError("{{#a}}\n  {{#b}}\n  {{/b}}\n") == "1:1: this section is never closed")
        #expect(syntaxError("{{#a}}{{/a}}\n\t{{<base}}{{$x}}{{/x}}") == "2:2: this section is never closed")
        #expect(syntaxError("{{<base}}\n{{$x}}\ny\n{{/base}}") == "2:1: 'x' is never closed: '{{/base}}' at 4:4 closes another section while it is open")
        #expect(syntaxError("a\n  {{$x}}\n") == "2:3: this section is never closed")
        #expect(syntaxError("{{=<% %>=}}\nab <%#a%>") == "2:4: this section is never closed")
    }

    @Test func errorsNameTheProblemAndItsPosition() {
        #expect(syntaxError("{{#a}}\nx\n{{/b}}") == "1:1: 'a' is never closed: '{{/b}}' at 3:4 closes another section while it is open")
        #expect(syntaxError("{{/a}}") == "1:4: '{{/a}}' closes no open section")
        #expect(syntaxError("ok\n{{#a}}\nnever closed\n") == "2:1: this section is never closed")
        #expect(syntaxError("x {{name") == "1:3: a tag is not closed ('}}' missing)")
        #expect(syntaxError("{{{name}}") == "1:1: a tag is not closed ('}}' missing)")
        #expect(syntaxError("{{! open comment") == "1:1: a tag is not closed ('}}' missing)")
        #expect(syntaxError("{{=<% %>}}") == "1:1: malformed set-delimiter tag")
        // Where the tag opens, not where the parser gave up lines later (or past the end).
        #expect(syntaxError("<nav>\n  ab {{title\nline3\nline4\n") == "2:6: a tag is not closed ('}}' missing)")
        #expect(syntaxError("<nav>\n{{=<%=}}\n</nav>\n") == "2:1: malformed set-delimiter tag")
        #expect(syntaxError("<nav>\n é{{{title}}\n") == "2:3: a tag is not closed ('}}' missing)")
        #expect(syntaxError("{{<base}}{{#x}}{{/x}}{{/base}}") == "1:31: only {{$block}} overrides may appear inside {{<parent}}")
        #expect(syntaxError("ノート {{uppercased(name)}}") == "1:7: function-style transforms such as {{uppercased(name)}} are not supported")
        #expect(syntaxError("{{%CONTENT_TYPE:TEXT}}") == "1:3: pragmas ({{%…}}) are not supported")
    }

    @Test func aTemplateCanBeRenderedFromManyThreadsAtOnce() async throws {
        var library = TemplateLibrary()
        library.register(try Template("{{#items}}{{.}},{{/items}}"), named: "list")
        let shared = library
        let outputs = await withTaskGroup(of: String.self) { group in
            for index in 0..<8 {
                group.addTask { String(decoding: shared.render(["items": .list((0...index).map { .number($0) })], template: "list"), as: UTF8.self) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(outputs) == Set((0..<8).map { index in (0...index).map { "\($0)," }.joined() }))
    }
}
