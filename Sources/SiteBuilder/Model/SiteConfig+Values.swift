import NotesCore

/// The checks of `notesim.yml` values whose type is right but whose meaning is not.
extension SiteConfig {
    /// The languages the theme has words for: any other `language` would put its code in
    /// `<html lang>` over an interface written in another language.
    public static let languages = InterfaceLanguage.codes

    /// Why the string key `key` cannot hold `text`, or nil when it can.
    static func valueProblem(_ key: String, _ text: String) -> String? {
        switch key {
        case "language": languageProblem(text)
        case "base-url": baseURLProblem(text)
        case "edit-url": editURLProblem(text)
        default: nil
        }
    }

    /// Why `language` cannot be `text`, or nil when it can.
    static func languageProblem(_ text: String) -> String? {
        guard !languages.contains(text) else { return nil }
        return "'language' must be \(languages.joined(separator: " or ")), not '\(text)'"
    }

    /// Why `base-url` cannot be `text`, or nil when it can (empty: the site's address is unknown).
    ///
    /// The value becomes each sitemap `<loc>` and the root of `404.html`'s links, which must be
    /// absolute web addresses: anything else (`javascript:…`, a bare word) would be published
    /// as if it were one.
    /// `name` is how the message names the setting, and `shown` how it shows the value
    /// (escaped for a terminal by the command line).
    public static func baseURLProblem(_ text: String, name: String = "'base-url'", shown: String? = nil) -> String? {
        // A host in Japanese would be percent-encoded in the sitemap, which no crawler
        // resolves: hosts are written in their ASCII form.
        if isBaseURL(text), host(of: text).utf8.contains(where: { $0 >= 0x80 }) {
            return "\(name) must write its host in ASCII (the xn-- form your registrar gives), not '\(shown ?? text)'"
        }
        guard !isBaseURL(text) else { return nil }
        if isWebAddress(text), text.contains(where: { "?#".contains($0) }) {
            return "\(name) cannot have a query or a fragment (pages are addressed below it), not '\(shown ?? text)'"
        }
        return "\(name) must be \(baseURLForm), not '\(shown ?? text)'"
    }

    /// Why `edit-url` cannot be `text`, or nil when it can (empty: no edit links): every
    /// page links to it, so it is held to a web address as `base-url` is (`javascript:` and
    /// `data:` links were written on every page).
    static func editURLProblem(_ text: String) -> String? {
        guard !text.isEmpty, !isWebAddress(text) else { return nil }
        return
            "'edit-url' must be an absolute http:// or https:// URL, with {path} where the note's path goes (else it is appended), such as https://github.com/me/notes/edit/main/{path}, not '\(text)'"
    }

    /// What a base URL must be, as the errors say it.
    public static let baseURLForm = "an absolute http:// or https:// URL, such as https://example.org/notes/"

    /// Whether `text` can be the site's address (`base-url`, `build --base-url`): empty
    /// (unknown) or an absolute http(s) URL without a query or a fragment, which would come
    /// before every page's path in the sitemap (`https://example.org/#x/a.html`).
    public static func isBaseURL(_ text: String) -> Bool {
        text.isEmpty || (isWebAddress(text) && !text.contains { "?#".contains($0) })
    }

    /// The host of an http(s) URL (`example.org` of `https://example.org/notes/`), or "".
    private static func host(of text: String) -> Substring {
        let lowered = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }) else { return "" }
        return text.dropFirst(scheme.count).prefix { !"/?#".contains($0) }
    }

    /// Whether `text` is `http://` or `https://` (any case) followed by a host, without spaces,
    /// control characters or characters a URL must percent-encode (`"<>\^`|`; braces stay, for
    /// `edit-url`'s `{path}`).
    private static func isWebAddress(_ text: String) -> Bool {
        !host(of: text).isEmpty
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || "\"<>\\^`|".unicodeScalars.contains($0) }
    }
}
