/// The names of a context that is built many times with the same keys (a scenario figure's),
/// with their hashes worked out once.
///
/// Why: `TemplateObject`'s ordinary initializer hashes each name and checks it against
/// those before it, which for a figure's two dozen names cost about a third of rendering
/// the figure; a shape checks its names are distinct once, and an object made from it
/// shares them.
struct TemplateShape: Sendable {
    let keys: [String]
    let hashes: [UInt64]

    /// A shape of these names, which must be distinct.
    init(_ keys: [String]) {
        precondition(Set(keys).count == keys.count, "a template shape's names must be distinct")
        self.keys = keys
        hashes = keys.map(TemplateObject.hash)
    }
}
