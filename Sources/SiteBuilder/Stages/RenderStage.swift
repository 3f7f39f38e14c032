import NotesCore
import NotesMarkdown
import Foundation

/// Stage 6, render: notes, navigation and theme -> the site's files, as values.
///
/// Every page links to its neighbours with relative URLs (so the site works under any
/// sub-path and from disk). The sidebar is emitted once, as `toc.js` (used by every page)
/// and `toc.html` (for readers without JavaScript), never copied into each page.
public enum RenderStage {
    /// The inputs of rendering.
    public struct Input: Sendable {
        public var config: SiteConfig
        public var notes: [Note]
        public var theme: Theme
        /// Files inside content/ that notes reference.
        public var referencedFiles: Set<String>
        /// HTML for each slot of each note (by source path, then slot number); a slot
        /// without an entry shows its code block.
        public var slotHTML: [String: [Int: String]]
        /// The sidebar list as the last build rendered it, when the navigation is unchanged.
        public var cachedTOC: String?
        /// The navigation of `notes`, when the caller has already built it.
        public var navigation: Navigation?

        public init(config: SiteConfig, notes: [Note], theme: Theme, referencedFiles: Set<String>, slotHTML: [String: [Int: String]] = [:], cachedTOC: String? = nil) {
            self.config = config
            self.notes = notes
            self.theme = theme
            self.referencedFiles = referencedFiles
            self.slotHTML = slotHTML
            self.cachedTOC = cachedTOC
        }
    }

    /// The output folder for theme assets.
    public static let assetsFolder = "assets"
    /// The sidebar data script, shared by every page.
    public static let tocScript = "toc.js"
    /// The sidebar as a page of its own, for readers without JavaScript.
    public static let tocPage = "toc.html"

    /// Renders every file of the site, sorted by path; `progress` hears of each page.
    /// - Parameter only: the output paths of the notes whose pages to render (an
    ///   incremental build keeps the others); nil for all. Site-wide files are always rendered.
    public static func render(_ input: Input, only: Set<String>? = nil, progress: BuildProgress.Handler? = nil) -> [OutputFile] {
        let navigation = input.navigation ?? Navigation(notes: input.notes)
        let notesByOutput = Dictionary(input.notes.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        let ui = UIStrings.forLanguage(input.config.language)
        var files: [OutputFile] = []

        // Scripts and stylesheets carry a hash of their content in their names, so hosts can
        // cache them forever (`style.3f2a9c1b07.css`).
        let tocList = input.cachedTOC ?? Self.tocList(navigation, theme: input.theme)
        let tocBytes = Array("window.notesimTOC = \(JavaScriptString.literal(tocList));\n".utf8)
        var assets = AssetNames()
        assets.toc = Fingerprint.name(tocScript, bytes: tocBytes)
        files.append(OutputFile(path: assets.toc, content: .bytes(tocBytes)))
        for (path, bytes) in input.theme.assets.sorted(by: { $0.key < $1.key }) {
            let ext = Path.fileExtension(of: path)
            let name = ext == "css" || ext == "js" ? Fingerprint.name(path, bytes: bytes) : path
            assets.paths[path] = Path.join(assetsFolder, name)
            files.append(OutputFile(path: Path.join(assetsFolder, name), content: .bytes(bytes)))
        }

        // Pages are independent of each other: rendered on every core.
        let rendered = SharedCounter()
        let pageAssets = assets
        let pages = only.map { only in input.notes.filter { only.contains($0.outputPath) } } ?? input.notes
        files += ForkJoin.map(pages) { note in
            defer { progress?(BuildProgress(.pages, done: rendered.add(), total: pages.count)) }
            let (previous, next) = navigation.neighbours(of: note.outputPath)
            let isHome = note.outputPath == "index.html"
            let language = note.frontMatter.lang ?? input.config.language
            var context = baseContext(for: note.outputPath, config: input.config, ui: UIStrings.forLanguage(language), assets: pageAssets)
            context["lang"] = language
            context["page"] = pageContext(note, html: fillSlots(note, slotHTML: input.slotHTML[note.sourcePath] ?? [:]), config: input.config)
            context["previous"] = previous.flatMap { notesByOutput[$0] }.map { link(to: $0, from: note.outputPath) }
            context["next"] = next.flatMap { notesByOutput[$0] }.map { link(to: $0, from: note.outputPath) }
            if isHome { context["notes"] = noteList(navigation.entries, from: note.outputPath) }
            return OutputFile.text(note.outputPath, input.theme.render(context, template: isHome ? "index" : "page"))
        }

        if notesByOutput["index.html"] == nil {
            var context = baseContext(for: "index.html", config: input.config, ui: ui, assets: assets)
            var page: [String: Any] = ["title": input.config.title, "lang": input.config.language, "content": "", "showTitle": true]
            if !input.config.description.isEmpty { page["description"] = input.config.description }
            context["page"] = page
            context["next"] = navigation.readingOrder.first.flatMap { notesByOutput[$0] }.map { link(to: $0, from: "index.html") }
            context["notes"] = noteList(navigation.entries, from: "index.html")
            files.append(.text("index.html", input.theme.render(context, template: "index")))
        }

        var tocContext = baseContext(for: tocPage, config: input.config, ui: ui, assets: assets)
        tocContext["toc"] = tocList
        files.append(.text(tocPage, input.theme.render(tocContext, template: "toc-page")))
        // Every note's page is in the sitemap, also those an incremental build did not render.
        let pagePaths = Set(input.notes.map(\.outputPath)).union(files.map(\.path).filter { Path.fileExtension(of: $0) == "html" && $0 != tocPage })
        files += PublishingFiles.make(config: input.config, pages: Array(pagePaths),
                                      notFound: input.theme.render(baseContext(for: "404.html", config: input.config, ui: ui, assets: assets, absoluteRoot: true)
                                          .merging(["page": ["title": ui.notFound, "lang": input.config.language] as [String: Any], "notIndexed": true]) { _, new in new }, template: "404"))
        for path in input.referencedFiles {
            files.append(OutputFile(path: path, content: .copy(from: Path.join(LoadStage.contentFolder, path))))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The sidebar's list of notes, as HTML (shared by `toc.js` and `toc.html`).
    public static func tocList(_ navigation: Navigation, theme: Theme) -> String {
        theme.render(["entries": tocEntries(navigation.entries)], template: "toc")
    }

    // MARK: - Contexts

    private static func baseContext(for outputPath: String, config: SiteConfig, ui: UIStrings, assets: AssetNames, absoluteRoot: Bool = false) -> [String: Any] {
        // The 404 page is served at any depth, so it links from the site's root path.
        let root = absoluteRoot ? PublishingFiles.rootPath(of: config) : Path.rootPrefix(forFile: outputPath)
        return [
            "root": root,
            "lang": config.language,
            "site": ["title": config.title, "language": config.language, "description": config.description] as [String: Any],
            "ui": ui.context,
            "assets": [
                "style": root + (assets.paths["style.css"] ?? Path.join(assetsFolder, "style.css")),
                "script": root + (assets.paths["notesim.js"] ?? Path.join(assetsFolder, "notesim.js")),
                "toc": root + assets.toc,
                "tocPage": root + tocPage,
            ],
            "homeURL": root + "index.html",
            "pagePath": outputPath,
            "search": config.search,
            "searchBundle": root + PagefindIndexer.bundleFolder + "/",
        ]
    }

    private static func pageContext(_ note: Note, html: String, config: SiteConfig) -> [String: Any] {
        let headings = note.page.headings.filter { $0.level == 2 || $0.level == 3 }
        let (titleHTML, body) = splitLeadingTitle(html)
        var context: [String: Any] = [
            "title": note.title,
            "lang": note.frontMatter.lang ?? config.language,
            "content": body,
            "showTitle": titleHTML == nil,
            "sourcePath": note.sourcePath,
            "headings": headings.map { ["id": $0.id, "text": $0.text, "level": $0.level, "isSub": $0.level == 3] as [String: Any] },
            "hasHeadings": headings.count > 1,
        ]
        if let titleHTML { context["titleHTML"] = titleHTML }
        if let description = note.frontMatter.description, !description.isEmpty {
            context["description"] = description
        }
        return context
    }

    private static func link(to note: Note, from outputPath: String) -> [String: String] {
        ["title": note.title, "url": Path.rootPrefix(forFile: outputPath) + note.outputPath]
    }

    private static func noteList(_ entries: [Navigation.Entry], from outputPath: String, depth: Int = 0) -> [[String: Any]] {
        var list: [[String: Any]] = []
        let root = Path.rootPrefix(forFile: outputPath)
        for entry in entries {
            var item: [String: Any] = ["title": entry.title, "depth": depth, "isNested": depth > 0]
            if let path = entry.outputPath { item["url"] = root + path }
            if entry.outputPath != outputPath { list.append(item) }
            list += noteList(entry.children, from: outputPath, depth: depth + 1)
        }
        return list
    }

    /// Sidebar entries with site-root-relative URLs; every entry sets every key so that
    /// the recursive partial never reads a parent's value.
    private static func tocEntries(_ entries: [Navigation.Entry]) -> [[String: Any]] {
        entries.map { entry in
            [
                "title": entry.title,
                "url": entry.outputPath ?? "",
                "hasURL": entry.outputPath != nil,
                "children": tocEntries(entry.children),
                "hasChildren": !entry.children.isEmpty,
            ] as [String: Any]
        }
    }

    /// Separates a leading `<h1>` from the rest of a note's HTML, so the template can put
    /// the page's table of contents between the title and the text.
    static func splitLeadingTitle(_ html: String) -> (title: String?, body: String) {
        guard html.hasPrefix("<h1 "), let end = ByteSearch.firstRange(of: "</h1>\n", in: html) else { return (nil, html) }
        let bytes = html.utf8
        let cut = bytes.index(bytes.startIndex, offsetBy: end.upperBound)
        return (String(html[..<cut]), String(html[cut...]))
    }

    /// Replaces slot markers with their HTML, or with the original code block, in one pass
    /// over the page's bytes (each slot's first marker).
    static func fillSlots(_ note: Note, slotHTML: [Int: String]) -> String {
        var replacements: [Int: String] = [:]
        for block in note.page.codeBlocks {
            guard let slot = block.slot else { continue }
            replacements[slot] = slotHTML[slot]
                ?? "<pre><code class=\"language-\(HTMLEscaping.attribute(block.language))\">\(HTMLEscaping.text(block.literal))</code></pre>"
        }
        guard !replacements.isEmpty else { return note.page.html }
        var html = note.page.html
        var prefix = MarkdownPage.slotMarkerPrefix
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + replacements.values.reduce(0) { $0 + $1.utf8.count })
        html.withUTF8 { text in
            prefix.withUTF8 { pattern in
                var copied = 0
                var searchFrom = 0
                while let found = ByteSearch.firstRange(of: pattern, in: text, from: searchFrom) {
                    searchFrom = found.upperBound
                    var cursor = found.upperBound
                    var slot = 0
                    while cursor < text.count, text[cursor] >= 0x30, text[cursor] <= 0x39, slot < 1_000_000 {
                        slot = slot * 10 + Int(text[cursor] - 0x30)
                        cursor += 1
                    }
                    guard cursor + 3 <= text.count, text[cursor] == 0x2D, text[cursor + 1] == 0x2D, text[cursor + 2] == 0x3E,
                          let replacement = replacements.removeValue(forKey: slot) else { continue }
                    output.append(contentsOf: text[copied..<found.lowerBound])
                    output.append(contentsOf: replacement.utf8)
                    copied = cursor + 3
                    searchFrom = copied
                }
                output.append(contentsOf: text[copied...])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
