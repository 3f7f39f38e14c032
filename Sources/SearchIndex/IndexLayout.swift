/// Where the index's files go, and how big its pieces are.
///
/// A browser fetches `search-index/index.json` (small: counts and one character per page),
/// then only the shards of the query's terms (`search-index/t/<key>.txt`), the title chunks
/// of the results it shows (`search-index/d/<n>.json`) and those results' pages, for their
/// excerpts. The pages' counted terms (`KeptTerms`) stay beside the build's manifest, at
/// `keptTerms(of:)` inside its state folder.
public enum IndexLayout {
    /// The index's folder inside the site.
    public static let folder = "search-index"
    public static let manifest = folder + "/index.json"
    /// Documents per chunk: a few hundred bytes of titles each, and an edit rewrites its
    /// chunk of kept terms (a few kilobytes a page).
    public static let chunkSize = 32

    /// The file of the shard with this key.
    public static func shard(_ key: String) -> String {
        folder + "/t/" + key + ".txt"
    }

    /// The file of the title chunk holding document `id`.
    public static func chunk(of id: Int) -> String {
        folder + "/d/" + String(id / chunkSize) + ".json"
    }

    /// The file of the chunk of kept terms holding document `id`, relative to the state folder.
    public static func keptTerms(of id: Int) -> String {
        keptTermsFolder + "/" + String(id / chunkSize)
    }

    /// The folder of the kept terms, in the state folder.
    public static let keptTermsFolder = "search-terms"

    /// Where builds before the kept terms kept the pages' texts, in the state folder: a
    /// whole build removes it.
    public static let formerTextsFolder = "search-texts"
}
