import SiteBuilder
import Testing
import TestSupport

@Suite struct ThemeTests {
    @Test func aTemplateErrorNamesTheFileAndLine() {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": "# A\n",
            "s/templates/page.mustache": "{{<layout}}\n{{$main}}\n{{#page}}\n{{/main}}\n{{/layout}}\n",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(
            result.printedDiagnostics == [
                "templates/page.mustache:3:1: error: template error: 'page' is never closed: '{{/main}}' at 4:4 closes another section while it is open [template.syntax]"
            ])
        #expect(result.files.isEmpty)
    }

    /// A partial that exists but does not parse is one error, its own: the templates that
    /// include it are not also told it is missing (with a "did you mean" of another name).
    @Test func aBrokenPartialIsOneErrorNotAlsoAMissingOne() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n", "s/templates/partials/pager.mustache": "<nav>\n{{#previous}}\n<a>{{title}}</a>\n"])
        #expect(
            SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).printedDiagnostics == [
                "templates/partials/pager.mustache:2:1: error: template error: this section is never closed [template.syntax]"
            ])
    }

    /// A partial the load stage could not read is reported once, by the load stage: the
    /// templates that include it are not also told it is missing.
    @Test func aPartialThatCouldNotBeReadIsNotAlsoMissing() {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": "# A\n",
            "s/templates/partials/footer.mustache": "{{> partials/mine}}\n",
            "s/templates/partials/mine.mustache": "<p>mine</p>\n",
        ])
        fileSystem.makeUnreadable("s/templates/partials/mine.mustache")
        #expect(
            SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).printedDiagnostics == [
                "templates/partials/mine.mustache: error: cannot read the file: permission denied [file.unreadable]"
            ])
    }

    @Test func aSiteTemplateOverridesTheBuiltInOne() {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": "# A\n",
            "s/templates/partials/pager.mustache": "<footer class=\"mine\">{{#next}}{{title}}{{/next}}</footer>\n",
            "s/templates/style.css": "body { color: rebeccapurple; }\n",
            "s/templates/extra/logo.svg": "<svg/>",
            "s/templates/custom.css": "h1 { color: red; }\n",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.printedDiagnostics == [])
        #expect(result.text(at: "a.html")?.contains("<footer class=\"mine\"></footer>") == true)
        #expect(result.text(at: "assets/style.#.css") == "body { color: rebeccapurple; }\n")
        #expect(result.text(at: "assets/extra/logo.svg") == "<svg/>")
        // A stylesheet of the user's keeps its name: the user's templates link it by it.
        #expect(result.files.contains { $0.path == "assets/custom.css" })
    }

    /// Mustache renders a missing partial as nothing and drops a block no parent has: a typo
    /// built empty or bare pages without a word.
    @Test func aMissingPartialOrParentIsAnErrorAndAnUnknownBlockAWarning() {
        let missing = SitePipeline.run(
            siteDirectory: "s",
            fileSystem: MemoryFileSystem(files: [
                "s/content/a.md": "# A\n",
                "s/templates/page.mustache": "{{<nolayout}}{{$main}}x{{/main}}{{/nolayout}}\n",
                "s/templates/partials/footer.mustache": "<footer>\n{{> partials/pagr}}\n</footer>\n",
            ]))
        #expect(
            missing.printedDiagnostics == [
                "templates/page.mustache:1:1: error: no template 'nolayout': the theme's templates and those in templates/ are named by their path without .mustache [template.missing]\ntemplates/page.mustache:1:1: note: did you mean 'layout'?",
                "templates/partials/footer.mustache:2:1: error: no template 'partials/pagr': the theme's templates and those in templates/ are named by their path without .mustache [template.missing]\ntemplates/partials/footer.mustache:2:1: note: did you mean 'partials/pager'?",
            ])
        #expect(missing.files.isEmpty)
        let block = SitePipeline.run(
            siteDirectory: "s",
            fileSystem: MemoryFileSystem(files: [
                "s/content/a.md": "# A\n", "s/templates/page.mustache": "{{<layout}}\n{{$mian}}{{{page.content}}}{{/mian}}\n{{/layout}}\n",
            ]))
        #expect(
            block.printedDiagnostics == [
                "templates/page.mustache:1:1: warning: 'layout' has no block 'mian', so what this template puts in it is never shown [template.block]"
            ])
    }

    /// The site's description describes the home page unless its note has its own; other
    /// pages keep their own or none.
    @Test func theSitesDescriptionIsTheHomePagesUnlessItsNoteHasOne() {
        let files = ["s/notesim.yml": "description: Site & notes\n", "s/content/index.md": "# Home\n", "s/content/a.md": "# A\n"]
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: files))
        #expect(result.text(at: "index.html")?.contains(#"<meta name="description" content="Site &amp; notes">"#) == true)
        #expect(result.text(at: "a.html")?.contains(#"<meta name="description""#) == false)
        var own = files
        own["s/content/index.md"] = "---\ndescription: Mine\n---\n# Home\n"
        let kept = SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: own))
        #expect(kept.text(at: "index.html")?.contains(#"<meta name="description" content="Mine">"#) == true)
    }

    @Test func aNotesHTMLGoesWhereverTheTemplateNamesItEscapedOrNot() {
        // A page's HTML reaches the template as bytes: triple braces give it as it is,
        // double braces escape it, any number of times.
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": "# A\n\nTom's <em>x</em> & \"y\"\n",
            "s/templates/page.mustache": "[{{{page.content}}}]\n({{page.content}})\n[{{{page.content}}}]\n{{^page.showTitle}}no title{{/page.showTitle}}\n",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.printedDiagnostics == [])
        let body = "<p>Tom's <em>x</em> &amp; &quot;y&quot;</p>\n"
        let escaped = "&lt;p&gt;Tom&#39;s &lt;em&gt;x&lt;/em&gt; &amp;amp; &amp;quot;y&amp;quot;&lt;/p&gt;\n"
        #expect(result.text(at: "a.html") == "[\(body)]\n(\(escaped))\n[\(body)]\nno title\n")
    }

    @Test func theBuiltInThemeHasEveryRequiredTemplate() {
        let names = Set(BuiltinTheme.files.keys)
        for template in Theme.requiredTemplates {
            #expect(names.contains(template + ".mustache"))
        }
        #expect(names.contains("style.css"))
        // Subfolders are read too; hidden files are not.
        #expect(names.isSuperset(of: ["partials/footer.mustache", "partials/pager.mustache", "partials/toc-entry.mustache", "notesim.js"]))
        #expect(!names.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } })
    }

    @Test func theStylesheetHasDarkModePrintAndPhoneLayouts() throws {
        let css = String(decoding: try #require(BuiltinTheme.files["style.css"]), as: UTF8.self)
        // The dark palettes are for screens only, so that paper is light whatever the theme.
        #expect(css.contains("@media screen and (prefers-color-scheme: dark)"))
        #expect(css.contains(":root[data-theme=\"dark\"]"))
        #expect(css.contains("@media print"))
        #expect(css.contains("@media (max-width: 60rem)"))
        #expect(css.contains("line-break: strict"))
    }
}
