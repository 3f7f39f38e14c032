/// Where the index's files go in the site, and how big its pieces are.
///
/// A browser fetches `search-index/index.json` (small: counts and one character per page), then
/// only the shards of the query's terms (`search-index/t/<key>.txt`) and the document chunks of
/// the results it shows (`search-index/d/<n>.json`).
public enum IndexLayout {
    /// The index's folder inside the site.
    public static let folder = "search-index"
    public static let manifest = folder + "/index.json"
    /// Documents per chunk: a result fetches its chunk, so few documents keep that small.
    public static let chunkSize = 8

    /// The file of the shard with this key.
    public static func shard(_ key: String) -> String {
        folder + "/t/" + key + ".txt"
    }

    /// The file of the chunk holding document `id`.
    public static func chunk(of id: Int) -> String {
        folder + "/d/" + String(id / chunkSize) + ".json"
    }
}
