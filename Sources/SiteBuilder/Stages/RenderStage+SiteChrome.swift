import NotesCore

extension RenderStage {
    /// The shared script every page loads (`toc.js`): the sidebar's list and, on a site with
    /// search, the search box in each language its pages use.
    ///
    /// Both are the same on every page, so each is written once per site instead of into
    /// each page: at ten thousand notes the search box alone was 14 MB of the output.
    /// `notesim.js` puts the list into the sidebar and `search.js` puts the box into the
    /// header's empty `.site-search`, with links made relative to the page by its `data-root`.
    static func chromeScript(tocList: String, input: Input) -> [UInt8] {
        var bytes = JavaScriptString.literalBytes(tocList, prefix: "window.notesimTOC = ", suffix: ";\n")
        guard input.config.search else { return bytes }
        bytes += Array("window.notesimSearchBox = {".utf8)
        for (index, box) in searchBoxes(input).enumerated() {
            if index > 0 { bytes += Array(", ".utf8) }
            bytes += JavaScriptString.literalBytes(box.language, suffix: ": ")
            bytes += JavaScriptString.literalBytes(box.html)
        }
        bytes += Array("};\n".utf8)
        return bytes
    }

    /// `partials/search` rendered once for the site's language and for each language a note
    /// sets (`lang:`), by language, sorted: the box speaks the language of its page.
    private static func searchBoxes(_ input: Input) -> [(language: String, html: String)] {
        var languages: Set<String> = [input.config.language]
        for note in input.notes {
            if let language = note.frontMatter.lang { languages.insert(language) }
        }
        return languages.sorted().map { language in
            (language, input.theme.renderText(["ui": .object(UIStrings.context(forLanguage: language))], template: "partials/search"))
        }
    }
}
