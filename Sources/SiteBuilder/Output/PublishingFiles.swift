import Foundation
import NotesCore

/// The files static hosts look for: `404.html`, `robots.txt`, `.nojekyll` and, when the site
/// knows its address (`base-url`), `sitemap.xml`.
enum PublishingFiles {
    /// The path part of the base URL (`https://example.org/notes/` -> `/notes/`), or `/`.
    static func rootPath(of config: SiteConfig) -> String {
        let address = escapingNonASCII(config.baseURL)
        guard let schemeEnd = address.range(of: "://") else { return "/" }
        let rest = address[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        var path = String(rest[slash...])
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The base URL with a trailing slash, or nil when none is set.
    static func baseURL(of config: SiteConfig) -> String? {
        guard !config.baseURL.isEmpty else { return nil }
        let address = escapingNonASCII(config.baseURL)
        return address.hasSuffix("/") ? address : address + "/"
    }

    /// A base URL with its non-ASCII bytes percent-encoded (`/ノート/` -> `/%E3%83%8E…/`), as
    /// the pages' own names are in the sitemap: a sitemap `<loc>` must be an escaped URL.
    static func escapingNonASCII(_ address: String) -> String {
        PercentEncoding.encodeNonASCII(PathNormalization.nfc(address))
    }

    /// The file that tells GitHub Pages not to run Jekyll on the site.
    static let nojekyll = ".nojekyll"

    /// 404.html, robots.txt, .nojekyll and, with a base URL, sitemap.xml (`pages` is asked
    /// for only then).
    static func make(config: SiteConfig, pages: () -> [String], notFound: String) -> [OutputFile] {
        var files: [OutputFile] = [.text("404.html", notFound)]
        var robots = "User-agent: *\nAllow: /\n"
        if let base = baseURL(of: config) {
            robots += "Sitemap: \(base)sitemap.xml\n"
            var sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for page in pages().sorted() where page != "404.html" {
                let path = page == "index.html" ? "" : (page.hasSuffix("/index.html") ? String(page.dropLast("index.html".count)) : page)
                sitemap += "<url><loc>\(HTMLEscaping.attribute(base + PercentEncoding.encodePath(path)))</loc></url>\n"
            }
            sitemap += "</urlset>\n"
            files.append(.text("sitemap.xml", sitemap))
        }
        files.append(.text("robots.txt", robots))
        // GitHub Pages runs Jekyll on a site published from a branch unless this (empty)
        // file is there, and Jekyll leaves out every name that starts with `_`
        // (`_intro.html`): a note named so would be missing from the published site.
        files.append(.text(nojekyll, ""))
        return files
    }
}
