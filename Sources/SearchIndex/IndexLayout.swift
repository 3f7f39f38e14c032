/// Where the index's files go, and how big its pieces are.
///
/// A browser fetches `search-index/index.json` (small: counts and one character per page),
/// then only the shards of the query's terms (`search-index/t/<key>.txt`), the title chunks
/// of the results it shows (`search-index/d/<n>.json`) and those results' pages, for their
/// excerpts. The pages' full texts (`DocumentTexts`) stay beside the build's manifest, at
/// `texts(of:)` inside its state folder.
public enum IndexLayout {
    /// The index's folder inside the site.
    public static let folder = "search-index"
    public static let manifest = folder + "/index.json"
    /// Documents per chunk: a few hundred bytes of titles each, and an edit rewrites its
    /// chunk of texts (a few hundred kilobytes).
    public static let chunkSize = 32

    /// The file of the shard with this key.
    public static func shard(_ key: String) -> String {
        folder + "/t/" + key + ".txt"
    }

    /// The file of the title chunk holding document `id`.
    public static func chunk(of id: Int) -> String {
        folder + "/d/" + String(id / chunkSize) + ".json"
    }

    /// The file of the chunk of texts holding document `id`, relative to the state folder.
    public static func texts(of id: Int) -> String {
        "search-texts/" + String(id / chunkSize)
    }
}
