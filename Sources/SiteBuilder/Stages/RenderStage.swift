import NotesCore
import NotesMarkdown

/// Stage 6, render: notes, navigation and theme -> the site's files, as values.
///
/// Every page links to its neighbours with relative URLs (so the site works under any
/// sub-path and from disk). The sidebar and the search box are emitted once, in `toc.js`
/// (used by every page, see `chromeScript`), and the sidebar also as `toc.html` (for readers
/// without JavaScript), never copied into each page.
public enum RenderStage {
    /// The inputs of rendering.
    public struct Input: Sendable {
        public var config: SiteConfig
        public var notes: [Note]
        public var theme: Theme
        /// Files inside content/ that notes reference.
        public var referencedFiles: Set<String>
        /// The sidebar list as the last build rendered it, when the navigation is unchanged.
        public var cachedTOC: String?
        /// The navigation of `notes`, when the caller has already built it.
        public var navigation: Navigation?
        /// `notes` by output path (the first of two with the same path), when the caller has it.
        public var notesByOutput: [String: Note]?

        public init(config: SiteConfig, notes: [Note], theme: Theme, referencedFiles: Set<String>, cachedTOC: String? = nil) {
            self.config = config
            self.notes = notes
            self.theme = theme
            self.referencedFiles = referencedFiles
            self.cachedTOC = cachedTOC
        }
    }

    /// The output folder for theme assets.
    public static let assetsFolder = "assets"
    /// The script of the chrome every page shares: the sidebar and the search box.
    public static let tocScript = "toc.js"
    /// The sidebar as a page of its own, for readers without JavaScript.
    public static let tocPage = "toc.html"

    /// What every page of one build shares: the navigation, the notes by page, the names of
    /// the fingerprinted assets and the sidebar list.
    public struct Frame: Sendable {
        public let input: Input
        let navigation: Navigation
        let notesByOutput: [String: Note]
        let assets: AssetNames
        /// The site-wide files rendered with the frame: the sidebar script and the theme's assets.
        let assetFiles: [OutputFile]
        let tocList: String
        /// The paths from the site's root of what every page links to, in `assetsShape`
        /// order: worked out once, where each page looked each name up.
        let linkedAssets: [String]
    }

    /// The theme's stylesheet and scripts, which every page links to by a name carrying a
    /// hash of their content (`style.3f2a9c1b07.css`), in `assetsShape` order.
    static let fingerprintedAssets = ["style.css", "notesim.js", "search.js"]

    /// Prepares what the pages of a build share; renders the sidebar unless `input` has it.
    public static func frame(_ input: Input) -> Frame {
        let navigation = input.navigation ?? Navigation(notes: input.notes)
        let notesByOutput = input.notesByOutput ?? Dictionary(input.notes.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [OutputFile] = []
        // Scripts and stylesheets carry a hash of their content in their names, so hosts can
        // cache them forever (`style.3f2a9c1b07.css`).
        let tocList = input.cachedTOC ?? Self.tocList(navigation, theme: input.theme)
        let tocBytes = chromeScript(tocList: tocList, input: input)
        var assets = AssetNames()
        assets.toc = Fingerprint.name(tocScript, bytes: tocBytes)
        files.append(OutputFile(path: assets.toc, content: .bytes(tocBytes)))
        for (path, bytes) in input.theme.assets.sorted(by: { $0.key < $1.key }) {
            // The layout names the theme's own files by their hashed names (`assets.style`);
            // any other file of `templates/` keeps its name, which the user's templates write.
            let name = fingerprintedAssets.contains(path) ? Fingerprint.name(path, bytes: bytes) : path
            assets.paths[path] = Path.join(assetsFolder, name)
            files.append(OutputFile(path: Path.join(assetsFolder, name), content: .bytes(bytes)))
        }
        let linkedAssets = fingerprintedAssets.map { assets.paths[$0] ?? Path.join(assetsFolder, $0) } + [assets.toc, tocPage]
        return Frame(
            input: input, navigation: navigation, notesByOutput: notesByOutput, assets: assets, assetFiles: files, tocList: tocList,
            linkedAssets: linkedAssets)
    }

    /// The page of one note, with `figures` (HTML by slot number) in its scenario slots and
    /// `code` (highlighted blocks by code slot number, `HighlightStep`) in its code slots.
    /// Pages are independent of each other: callers render them on every core.
    public static func page(_ note: Note, figures: [Int: [UInt8]], code: [Int: [UInt8]] = [:], frame: Frame) -> OutputFile {
        let input = frame.input
        let (previous, next) = frame.navigation.neighbours(of: note.outputPath)
        let isHome = note.outputPath == "index.html"
        let language = note.frontMatter.lang ?? input.config.language
        let html = fillSlots(note, slotHTML: figures, codeHTML: code)
        let (titleHTML, body) = splitLeadingTitle(html, promoting: note.frontMatter.title == nil)
        let root = Path.rootPrefix(forFile: note.outputPath)
        let previousLink = previous.flatMap { frame.notesByOutput[$0] }.map { link(to: $0, root: root) }
        let nextLink = next.flatMap { frame.notesByOutput[$0] }.map { link(to: $0, root: root) }
        var values = baseValues(for: note.outputPath, root: root, frame: frame, language: language)
        values.append(.object(pageContext(note, titleHTML: titleHTML, content: body, config: input.config)))
        if let previousLink { values.append(previousLink) }
        if let nextLink { values.append(nextLink) }
        var context = TemplateObject(pageShapes[(previousLink == nil ? 0 : 1) + (nextLink == nil ? 0 : 2)], values: values)
        if isHome { context["notes"] = .list(noteList(frame.navigation.entries, from: note.outputPath, root: root)) }
        return OutputFile(path: note.outputPath, content: .bytes(input.theme.render(context, template: isHome ? "index" : "page")))
    }

    /// The page of a note's long event logs (`ScenarioLog`), each under the scenario's title,
    /// beside the note's page and in the site's layout; left out of the search index (its
    /// rows are not prose).
    public static func logPage(_ logs: [(slot: Int, log: ScenarioLog)], note: Note, frame: Frame) -> OutputFile {
        let path = ScenarioLog.path(of: note.outputPath)
        let language = logs.first?.log.language ?? frame.input.config.language
        let ui = UIStrings.forLanguage(language)
        var context = baseContext(for: path, frame: frame, language: language)
        let back = OutputPaths.url(of: note.outputPath, from: path)
        context["page"] = ["title": .text("\(ui.eventLog): \(note.title)"), "lang": .text(language)]
        context["note"] = ["title": .text(note.title)]
        context["logs"] = .list(
            logs.map { slot, log in
                let cutNote = Placeholders.fill(ui.eventLogFirst, [("d", String(log.kept)), ("t", String(log.entries))])
                return .object([
                    "id": .text("scenario-\(slot)"), "title": .text(log.title), "table": .bytes(log.table[...]), "cut": .flag(log.isCut),
                    "cutNote": .text(cutNote), "back": .text(back + "#scenario-\(slot)"),
                ])
            })
        return OutputFile(path: path, content: .bytes(frame.input.theme.render(context, template: "scenario-log")))
    }

    /// The files of the site besides the notes' pages: assets, the sidebar, the home page when
    /// no note is one, 404, sitemap and robots, and the files notes link to (unsorted).
    public static func siteFiles(_ frame: Frame) -> [OutputFile] {
        let input = frame.input
        let ui = UIStrings.forLanguage(input.config.language)
        var files = frame.assetFiles
        if frame.notesByOutput["index.html"] == nil {
            var context = baseContext(for: "index.html", frame: frame, language: input.config.language)
            var page: TemplateObject = ["title": .text(input.config.title), "lang": .text(input.config.language), "content": "", "showTitle": true]
            if !input.config.description.isEmpty { page["description"] = .text(input.config.description) }
            context["page"] = .object(page)
            context["next"] = frame.navigation.readingOrder.first.flatMap { frame.notesByOutput[$0] }.map { link(to: $0, root: "") }
            context["notes"] = .list(noteList(frame.navigation.entries, from: "index.html", root: ""))
            files.append(OutputFile(path: "index.html", content: .bytes(input.theme.render(context, template: "index"))))
        }

        var tocContext = baseContext(for: tocPage, frame: frame, language: input.config.language)
        tocContext["toc"] = .text(frame.tocList)
        files.append(OutputFile(path: tocPage, content: .bytes(input.theme.render(tocContext, template: "toc-page"))))
        // Every note's page is in the sitemap, also those an incremental build did not render.
        // Made only when there is a sitemap to write (a site with a base URL).
        let pagePaths = { Array(Set(input.notes.map(\.outputPath)).union(files.map(\.path).filter { Path.fileExtension(of: $0) == "html" && $0 != tocPage })) }
        var notFound = baseContext(for: "404.html", frame: frame, language: input.config.language, absoluteRoot: true)
        notFound["page"] = ["title": .text(ui.notFound), "lang": .text(input.config.language)]
        files += PublishingFiles.make(config: input.config, pages: pagePaths, notFound: input.theme.renderText(notFound, template: "404"))
        for path in input.referencedFiles {
            // Copied from its name on disk, written under its name in NFC, as links to it are.
            files.append(OutputFile(path: PathNormalization.nfc(path), content: .copy(from: Path.join(LoadStage.contentFolder, path))))
        }
        return files
    }

    /// The sidebar's list of notes, as HTML (shared by `toc.js` and `toc.html`).
    public static func tocList(_ navigation: Navigation, theme: Theme) -> String {
        theme.renderText(["entries": .list(tocEntries(navigation.entries))], template: "toc")
    }

    // MARK: - Contexts

    private static func baseContext(for outputPath: String, frame: Frame, language: String, absoluteRoot: Bool = false) -> TemplateObject {
        // The 404 page is served at any depth, so it links from the site's root path.
        let root = absoluteRoot ? PublishingFiles.rootPath(of: frame.input.config) : Path.rootPrefix(forFile: outputPath)
        return TemplateObject(baseShape, values: baseValues(for: outputPath, root: root, frame: frame, language: language))
    }

    /// The values every page's context starts with, in `baseShape` order; `root` is the
    /// path from the page to the site's root, `language` the page's (its `lang` and `ui`).
    private static func baseValues(for outputPath: String, root: String, frame: Frame, language: String) -> [TemplateValue] {
        let config = frame.input.config
        return [
            .text(root), .text(language),
            .object(TemplateObject(siteShape, values: [.text(config.title), .text(config.language), .text(config.description)])),
            .object(UIStrings.context(forLanguage: language)),
            .object(TemplateObject(assetsShape, values: frame.linkedAssets.map { .text(root + $0) })),
            .text(root + "index.html"),
            // The page's sidebar link, to mark it as the current page (see notesim.js): its
            // URL from the site's root, as `OutputPaths.url(of:from: "index.html")` writes it.
            .text(PercentEncoding.encodePath(outputPath)),
            .flag(config.search),
        ]
    }

    /// The names of every page's context (`baseValues`).
    private static let baseShape = TemplateShape(["root", "lang", "site", "ui", "assets", "homeURL", "pagePath", "search"])
    private static let siteShape = TemplateShape(["title", "language", "description"])
    /// The names of `Frame.linkedAssets`.
    private static let assetsShape = TemplateShape(["style", "script", "search", "toc", "tocPage"])
    /// The names of a note's page context: the base, its page, and its previous and next
    /// notes when it has them (by `previous + 2 * next`).
    private static let pageShapes = [[], ["previous"], ["next"], ["previous", "next"]].map {
        TemplateShape(baseShape.keys + ["page"] + $0)
    }

    private static func pageContext(_ note: Note, titleHTML: String?, content: ArraySlice<UInt8>, config: SiteConfig) -> TemplateObject {
        let (headings, top) = tableOfContents(note.page.headings, titleHTML: titleHTML)
        var context = TemplateObject(
            pageShape,
            values: [
                .text(note.title), .text(note.frontMatter.lang ?? config.language), .bytes(content), .flag(titleHTML == nil), .text(note.sourcePath),
                .list(
                    headings.map { .object(TemplateObject(headingShape, values: [.text($0.id), .text($0.text), .number($0.level), .flag($0.level > top)])) }),
                .flag(headings.count > 1),
            ])
        if let titleHTML { context["titleHTML"] = .text(titleHTML) }
        if let editURL = config.editLink(sourcePath: note.sourcePath) { context["editURL"] = .text(editURL) }
        // The home page describes the site: without a description of its own, it has the
        // site's (`description` in notesim.yml), which otherwise no page showed.
        let own = note.frontMatter.description ?? ""
        let description = own.isEmpty && note.outputPath == "index.html" ? config.description : own
        if !description.isEmpty { context["description"] = .text(description) }
        return context
    }

    /// The names every note's `page` has; `pageContext` adds the optional ones after them.
    private static let pageShape = TemplateShape(["title", "lang", "content", "showTitle", "sourcePath", "headings", "hasHeadings"])
    /// The names of an entry of a page's table of contents, hashed once for every heading of every page.
    private static let headingShape = TemplateShape(["id", "text", "level", "isSub"])

    /// A link to a note from a page whose path to the site's root is `root` (the URL
    /// `OutputPaths.url(of:from:)` writes, without taking the page's path apart again).
    private static func link(to note: Note, root: String) -> TemplateValue {
        .object(TemplateObject(linkShape, values: [.text(note.title), .text(root + PercentEncoding.encodePath(note.outputPath))]))
    }

    private static let linkShape = TemplateShape(["title", "url"])

    /// Every note but the page's own, folders included, in navigation order, for the home
    /// page's list; `root` is the path from the page (`outputPath`) to the site's root.
    private static func noteList(_ entries: [Navigation.Entry], from outputPath: String, root: String, depth: Int = 0) -> [TemplateValue] {
        var list: [TemplateValue] = []
        for entry in entries {
            if entry.outputPath != outputPath {
                let values: [TemplateValue] = [.text(entry.title), .number(depth), .flag(depth > 0)]
                list.append(
                    .object(
                        entry.outputPath.map { TemplateObject(noteItemShape, values: values + [.text(root + PercentEncoding.encodePath($0))]) }
                            ?? TemplateObject(folderItemShape, values: values)))
            }
            list += noteList(entry.children, from: outputPath, root: root, depth: depth + 1)
        }
        return list
    }

    /// The names of a note of the home page's list, and of a folder (which has no URL).
    private static let noteItemShape = TemplateShape(["title", "depth", "isNested", "url"])
    private static let folderItemShape = TemplateShape(["title", "depth", "isNested"])

    /// Sidebar entries with site-root-relative URLs; every entry sets every key so that
    /// the recursive partial never reads a parent's value.
    private static func tocEntries(_ entries: [Navigation.Entry]) -> [TemplateValue] {
        entries.map { entry in
            .object(
                TemplateObject(
                    tocEntryShape,
                    values: [
                        .text(entry.title),
                        // From the site's root, as `OutputPaths.url(of:from: "index.html")` writes it.
                        .text(entry.outputPath.map(PercentEncoding.encodePath) ?? ""),
                        .flag(entry.outputPath != nil), .list(tocEntries(entry.children)), .flag(!entry.children.isEmpty),
                    ]))
        }
    }

    private static let tocEntryShape = TemplateShape(["title", "url", "hasURL", "children", "hasChildren"])

    /// Splits the page's leading heading off as its title, so the template can put the table
    /// of contents between the title and the text: an `<h1>`, or, with `promoting` (the note
    /// has no `title:`, so its title is its first heading's text), a heading of any level,
    /// written as the page's `<h1>` with its id.
    ///
    /// Why promote: a note that opens with `### Invocation` would otherwise get an `<h1>` of
    /// the same words above its own heading, the title shown twice.
    static func splitLeadingTitle(_ html: [UInt8], promoting: Bool = false) -> (title: String?, body: ArraySlice<UInt8>) {
        guard html.count > 4, html.starts(with: "<h".utf8), html[3] == UInt8(ascii: " "),
            case let level = html[2], level == UInt8(ascii: "1") || (promoting && (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(level))
        else { return (nil, html[...]) }
        let close = "</h\(Character(Unicode.Scalar(level)))>\n"
        guard let end = ByteSearch.firstRange(of: close, in: html) else { return (nil, html[...]) }
        let heading = String(decoding: html[3..<end.lowerBound], as: UTF8.self)
        return ("<h1" + heading + "</h1>\n", html[end.upperBound...])
    }

    /// The entries of a page's table of contents: the two highest levels among its headings
    /// below the title (`##` and `###` under a `#` title; `####` and `#####` in a note whose
    /// sections are `####`), and the higher of the two.
    static func tableOfContents(_ all: [Heading], titleHTML: String?) -> (headings: [Heading], top: Int) {
        var below = all[...]
        // The title is the first heading when it is that heading's HTML (not raw HTML's `<h1>`);
        // compared as bytes: `String.contains` cost every page a Foundation search.
        if let titleHTML, let first = below.first, titleHTML.utf8.starts(with: "<h1 id=\"\(HTMLEscaping.attribute(first.id))\"".utf8) {
            below = below.dropFirst()
        }
        guard let top = below.map(\.level).min() else { return ([], 1) }
        return (below.filter { $0.level <= top + 1 }, top)
    }

    /// Replaces slot markers with their HTML (or the original code block) and code markers
    /// with highlighted code (or the plain block), in one pass over the page's bytes (each
    /// marker's first occurrence).
    static func fillSlots(_ note: Note, slotHTML: [Int: [UInt8]], codeHTML: [Int: [UInt8]] = [:]) -> [UInt8] {
        var slots: [Int: [UInt8]] = [:]
        var code: [Int: [UInt8]] = [:]
        for block in note.page.codeBlocks {
            if let slot = block.slot {
                slots[slot] =
                    slotHTML[slot]
                    ?? Array("<pre><code class=\"language-\(HTMLEscaping.attribute(block.language))\">\(HTMLEscaping.text(block.literal))</code></pre>".utf8)
            } else if let slot = block.codeSlot {
                code[slot] = codeHTML[slot] ?? CodeBlockHTML.plain(block)
            }
        }
        let html = note.page.htmlBytes
        guard !slots.isEmpty || !code.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(html.count + slots.values.reduce(0) { $0 + $1.count } + code.values.reduce(0) { $0 + $1.count })
        var copied = 0
        var searchFrom = 0
        // Once every block is in place, the rest of the page is copied without searching it.
        while !slots.isEmpty || !code.isEmpty, let found = ByteSearch.firstRange(of: markerStem, in: html, from: searchFrom) {
            searchFrom = found.upperBound
            guard let (isCode, slot, end) = marker(in: html, at: found.upperBound),
                let replacement = isCode ? code.removeValue(forKey: slot) : slots.removeValue(forKey: slot)
            else { continue }
            output.append(contentsOf: html[copied..<found.lowerBound])
            output.append(contentsOf: replacement)
            copied = end
            searchFrom = copied
        }
        output.append(contentsOf: html[copied...])
        return output
    }

    /// What slot and code markers start with.
    private static let markerStem = "<!--notesim-"

    /// The marker whose stem ends at `start` (`slot:N-->` or `code:N-->`): whether it is a
    /// code marker, its number, and where it ends; nil when the bytes are no marker.
    private static func marker(in html: [UInt8], at start: Int) -> (isCode: Bool, slot: Int, end: Int)? {
        let slotTail = MarkdownPage.slotMarkerPrefix.utf8.dropFirst(markerStem.utf8.count)
        let codeTail = MarkdownPage.codeMarkerPrefix.utf8.dropFirst(markerStem.utf8.count)
        let rest = html[start...]
        let isCode: Bool
        if rest.starts(with: slotTail) {
            isCode = false
        } else if rest.starts(with: codeTail) {
            isCode = true
        } else {
            return nil
        }
        var cursor = start + slotTail.count
        var slot = 0
        while cursor < html.count, html[cursor] >= 0x30, html[cursor] <= 0x39, slot < 1_000_000 {
            slot = slot * 10 + Int(html[cursor] - 0x30)
            cursor += 1
        }
        guard cursor + 3 <= html.count, html[cursor] == 0x2D, html[cursor + 1] == 0x2D, html[cursor + 2] == 0x3E else { return nil }
        return (isCode, slot, cursor + 3)
    }
}
