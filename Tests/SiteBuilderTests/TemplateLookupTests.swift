import Testing

@testable import SiteBuilder

/// `TemplateRenderer.lookup(_:in:into:)`: the value a name refers to, found from the
/// innermost value outwards, the rest of a dotted name inside what its first part found.
@Suite struct TemplateLookupTests {
    private let stack: [TemplateValue] = [
        ["a": ["b": "outer b"], "x": "outer x"],
        ["a": ["c": "inner c"], "y": 3],
    ]

    private func found(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        var value = TemplateValue.flag(false)
        return TemplateRenderer.lookup(TemplateName(name), in: stack, into: &value) ? value : nil
    }

    @Test func aNameIsFoundInTheInnermostValueThatHasIt() {
        #expect(found("y", in: stack) == .number(3))
        #expect(found("x", in: stack) == .text("outer x"))
        #expect(found("missing", in: stack) == nil)
    }

    @Test func aDottedNameDoesNotClimbAfterItsFirstPart() {
        #expect(found("a.c", in: stack) == .text("inner c"))
        // `a` is found in the inner value, which has no `b`: the outer `a.b` is not reached.
        #expect(found("a.b", in: stack) == nil)
    }

    @Test func dotAndAnchoredNamesReadTheInnermostValueOnly() {
        #expect(found(".", in: stack) == stack[1])
        #expect(found(".y", in: stack) == .number(3))
        #expect(found(".x", in: stack) == nil)
        #expect(found("x", in: []) == nil)
    }

    @Test func anObjectTellsWhereItKeepsAValue() {
        let object: TemplateObject = ["a": "1", "b": "2"]
        #expect(object.index(of: "b", hash: TemplateObject.hash("b")) == 1)
        #expect(object.index(of: "c", hash: TemplateObject.hash("c")) == nil)
    }
}
