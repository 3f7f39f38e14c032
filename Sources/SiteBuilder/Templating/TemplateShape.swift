/// The names of a context that is built many times with the same keys (a scenario figure's),
/// with their hashes worked out once.
///
/// Why: `TemplateObject`'s ordinary initializer hashes each name and checks it against
/// those before it, which for a figure's two dozen names cost about a third of rendering
/// the figure; a shape checks its names are distinct once, and every object made from it
/// shares them and their index (`TemplateKeys`).
struct TemplateShape: Sendable {
    let names: TemplateKeys

    var keys: [String] { names.names }

    /// A shape of these names, which must be distinct.
    init(_ keys: [String]) {
        precondition(Set(keys).count == keys.count, "a template shape's names must be distinct")
        names = TemplateKeys(names: keys, hashes: keys.map(TemplateObject.hash))
    }
}
