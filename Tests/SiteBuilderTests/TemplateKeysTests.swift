import Testing

@testable import SiteBuilder

/// `TemplateKeys`: names found by hash, in order for a short list and through the index
/// for a long one, the same way either way.
@Suite struct TemplateKeysTests {
    private func keys(_ names: [String]) -> TemplateKeys {
        TemplateKeys(names: names, hashes: names.map(TemplateObject.hash))
    }

    @Test func aShortListIsSearchedInOrder() {
        let short = keys(["id", "title", "items"])
        #expect(short.index(of: "title", hash: TemplateObject.hash("title")) == 1)
        #expect(short.index(of: "missing", hash: TemplateObject.hash("missing")) == nil)
    }

    @Test func aLongListFindsEveryNameThroughItsIndex() {
        let names = (0..<40).map { "name\($0)" }
        let long = keys(names)
        #expect(names.count >= TemplateKeys.indexedCount)
        #expect(names.indices.map { long.index(of: names[$0], hash: TemplateObject.hash(names[$0])) } == names.indices.map { $0 })
        #expect(long.index(of: "name40", hash: TemplateObject.hash("name40")) == nil)
    }

    @Test func aNameWithAnotherNamesHashIsNotFound() {
        let long = keys((0..<12).map { "k\($0)" })
        #expect(long.index(of: "other", hash: TemplateObject.hash("k3")) == nil)
    }

    @Test func appendingAndRemovingKeepTheOrderAndTheIndex() {
        let names = (0..<8).map { "n\($0)" }
        let grown = keys(names).appending("extra", hash: TemplateObject.hash("extra"))
        #expect(grown.names == names + ["extra"])
        #expect(grown.index(of: "extra", hash: TemplateObject.hash("extra")) == 8)
        let shrunk = grown.removing(at: 0)
        #expect(shrunk.names == Array(names.dropFirst()) + ["extra"])
        #expect(shrunk.index(of: "n1", hash: TemplateObject.hash("n1")) == 0)
        #expect(shrunk.index(of: "n0", hash: TemplateObject.hash("n0")) == nil)
    }

    @Test func anObjectWithManyKeysRendersEachOne() throws {
        let names = (0..<30).map { "v\($0)" }
        let object = TemplateObject(names.map { ($0, TemplateValue.text($0.uppercased())) })
        var library = TemplateLibrary()
        library.register(try Template(names.map { "{{\($0)}}" }.joined(separator: ",")), named: "main")
        #expect(String(decoding: library.render(.object(object), template: "main"), as: UTF8.self) == names.map { $0.uppercased() }.joined(separator: ","))
    }
}
