import Testing

@testable import SiteBuilder

/// `TemplateShape`: an object made from a shape is the object its literal makes, and
/// renders the same.
@Suite struct TemplateShapeTests {
    @Test func anObjectFromAShapeEqualsItsLiteral() {
        let shape = TemplateShape(["id", "title", "items"])
        let shaped = TemplateObject(shape, values: [.text("scenario-1"), .text("A <b>"), .list([.number(3)])])
        let literal: TemplateObject = ["id": .text("scenario-1"), "title": .text("A <b>"), "items": .list([.number(3)])]
        #expect(shaped == literal)
        #expect(shaped.keys == ["id", "title", "items"])
        #expect(shaped["title"] == .text("A <b>"))
        #expect(shaped["missing"] == nil)
    }

    @Test func aShapedObjectRendersAsItsLiteral() throws {
        var library = TemplateLibrary()
        library.register(try Template("{{id}}: {{title}}{{#items}} [{{.}}]{{/items}}"), named: "main")
        let shape = TemplateShape(["id", "title", "items"])
        let shaped = TemplateObject(shape, values: [.text("scenario-1"), .text("A <b>"), .list([.number(3), .number(4)])])
        #expect(String(decoding: library.render(.object(shaped), template: "main"), as: UTF8.self) == "scenario-1: A &lt;b&gt; [3] [4]")
    }

    @Test func settingAValueOfAShapedObjectKeepsItsNames() {
        var shaped = TemplateObject(TemplateShape(["a", "b"]), values: [.text("1"), .text("2")])
        shaped["b"] = .text("3")
        shaped["c"] = .flag(true)
        #expect(shaped.keys == ["a", "b", "c"])
        #expect(shaped == ["a": .text("1"), "b": .text("3"), "c": .flag(true)])
    }
}
