/// A site whose notes have names that are URL syntax, markup or not ASCII, linking to each
/// other as GitHub needs the links written (percent-encoded where a name has `%`, `#`, `?`,
/// `:`, space, quotes or `<>`).
public enum HostileNames {
    /// Files of the site, by path inside the site folder.
    public static let site: [String: String] = [
        "content/index.md": """
        # Home

        [j](javascript%3Aalert(1)%3Bx.md) [h](h%231.md) [w](what%3F.md) [p](100%25.md) [s](a%20b.md)
        [n](日本語.md) [q](%22q'%3Cx%3E.md) [l](-lead.md) [c](<sub/c d.md>) [t](./javascript:alert(1);x.md)

        """,
        "content/javascript:alert(1);x.md": "# J\n\n[home](index.md) [h](h%231.md#h)\n",
        "content/h#1.md": "# H\n",
        "content/what?.md": "# W\n",
        "content/100%.md": "# P\n",
        "content/a b.md": "# S\n",
        "content/日本語.md": "# N\n",
        "content/\"q'<x>.md": "# Q\n",
        "content/-lead.md": "# L\n",
        "content/sub/c d.md": "# C\n\n[j](../javascript%3Aalert(1)%3Bx.md) [n](../%E6%97%A5%E6%9C%AC%E8%AA%9E.md)\n",
    ]

    /// Every `href` and `src` value in a page (or in the sidebar script), in order, with
    /// character references undone.
    public static func addresses(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let attribute = rest.firstMatch(of: /(?:href|src)=\\?"([^"\\]*)\\?"/) {
            var address = String(attribute.output.1).replacingOccurrences(of: "\\u0026", with: "&")
            for (reference, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
                address = address.replacingOccurrences(of: reference, with: character)
            }
            found.append(address)
            rest = rest[attribute.range.upperBound...]
        }
        return found
    }
}
