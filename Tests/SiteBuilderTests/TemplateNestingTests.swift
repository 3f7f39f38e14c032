import Foundation
import SiteBuilder
import Testing
import TestSupport

/// No template crashes or hangs a build by nesting (issue 18, point 2): a template that
/// always includes itself is an error naming the cycle at the tag that starts it, deep
/// nesting is a syntax error, and recursion that depends on the data stops at the
/// renderer's limits instead of overflowing the stack.
@Suite struct TemplateNestingTests {
    private func build(_ templates: [String: String], notes: Int = 1) -> SitePipeline.Result {
        var files: [String: String] = [:]
        for index in 1...notes { files["s/content/n\(index).md"] = "# N\(index)\n" }
        for (path, text) in templates { files["s/templates/\(path)"] = text }
        return SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: files))
    }

    /// The build's one warning when a render stopped at the limits inside `partials/a`.
    private let cutWarning =
        "templates/partials/a.mustache: warning: rendering stopped inside 'partials/a' after 150 nested templates or 300,000 bodies; the pages that include it are cut there [template.depth]\n"
        + "templates/partials/a.mustache: note: a partial that includes itself inside a section whose value never runs out ({{#site}}) recurses until the limit; recurse over data that ends, such as {{#children}}"

    private func cycleError(_ path: String, _ position: String, _ cycle: String) -> String {
        "templates/\(path):\(position): error: partial cycle: \(cycle) [template.cycle]"
    }

    @Test func aPartialThatIncludesItselfIsACycle() {
        let result = build(["partials/a.mustache": "<b>{{> partials/a}}</b>\n"])
        #expect(
            result.printedDiagnostics == [
                cycleError("partials/a.mustache", "1:4", "partials/a -> partials/a")
                    + "\ntemplates/partials/a.mustache:1:4: note: a template that always includes itself never ends; include it inside a section such as {{#children}}…{{/children}}"
            ])
        #expect(result.files.isEmpty)
    }

    @Test func aLayoutThatIncludesItselfIsACycle() {
        let result = build(["layout.mustache": "<html>\n  {{> layout}}\n</html>\n"])
        #expect(result.printedDiagnostics.map(firstLine) == [cycleError("layout.mustache", "2:3", "layout -> layout")])
    }

    @Test func mutualPartialsAreOneCycleNamedFromTheFirst() {
        let result = build([
            "partials/a.mustache": "a\n{{> partials/b}}\n",
            "partials/b.mustache": "b {{#page}}{{/page}}{{>partials/a}}\n",
        ])
        #expect(result.printedDiagnostics.map(firstLine) == [cycleError("partials/a.mustache", "2:1", "partials/a -> partials/b -> partials/a")])
    }

    @Test func aParentChainThatComesBackIsACycle() {
        // The built-in page and 404 are `{{<layout}}`; this layout is `{{<page}}`.
        let result = build(["layout.mustache": "{{<page}}{{$main}}x{{/main}}{{/page}}\n"])
        #expect(result.printedDiagnostics.map(firstLine) == [cycleError("layout.mustache", "1:1", "layout -> page -> layout")])
    }

    @Test func aLongerCycleIsReportedOnce() {
        let result = build([
            "partials/x.mustache": "{{> partials/y}}{{> partials/y}}",
            "partials/y.mustache": "{{> partials/z}}",
            "partials/z.mustache": "{{$b}}{{/b}}{{> partials/x}}",
        ])
        #expect(result.printedDiagnostics.map(firstLine) == [cycleError("partials/x.mustache", "1:1", "partials/x -> partials/y -> partials/z -> partials/x")])
    }

    @Test func fiveThousandNestedSectionsAreASyntaxError() {
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        let result = build(["page.mustache": deep])
        #expect(
            result.printedDiagnostics == [
                "templates/page.mustache:1:601: error: template error: sections, blocks and parents are nested more than 100 deep [template.syntax]"
            ])
    }

    @Test func nestedBlocksAndParentsCountTowardsTheLimit() throws {
        let blocks = String(repeating: "{{$b}}", count: 101) + String(repeating: "{{/b}}", count: 101)
        do {
            _ = try Template(blocks)
            Issue.record("101 nested blocks parsed")
        } catch {
            #expect(error.line == 1 && error.column == 601)
            #expect(error.problem.message == "sections, blocks and parents are nested more than 100 deep")
        }
        let hundred = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        _ = try Template(hundred)
    }

    @Test func recursionInsideASectionIsAllowedAndStopsAtTheDepthLimit() {
        // `page` is found again in every level: the data never ends this recursion.
        let result = build([
            "page.mustache": "<main>{{> partials/a}}</main>\n",
            "partials/a.mustache": "{{#page}}[{{> partials/a}}]{{/page}}",
        ])
        #expect(result.printedDiagnostics == [cutWarning])
        let page = result.text(at: "n1.html") ?? ""
        #expect(page.hasPrefix("<main>[[[") && page.hasSuffix("]]]</main>\n"))
        #expect(page.count < 1_000)
    }

    @Test func branchingRecursionStopsAtTheWorkLimit() {
        // Each level renders the partial once per note, found again at every level: 3^depth;
        // the work limit (300,000 bodies) bounds the page instead (make adversarial times it).
        let result = build(
            [
                "index.mustache": "{{> partials/a}}",
                "partials/a.mustache": "{{#notes}}.{{> partials/a}}{{/notes}}",
            ], notes: 3)
        #expect(result.printedDiagnostics == [cutWarning])
        let size = result.text(at: "index.html")?.count ?? 0
        #expect(size > 100_000 && size < 1_000_000)
    }

    @Test func theDeepestRenderFitsInASmallThreadStack() async {
        // 512 KB: the stack of a secondary thread on macOS, the smallest a render may run on.
        let library = {
            var library = TemplateLibrary()
            library.register(try! Template("{{#a}}{{#a}}{{> r}}{{/a}}{{/a}}"), named: "r")
            return library
        }()
        let done = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let thread = Thread {
                continuation.resume(returning: library.render(["a": true], template: "r").count)
            }
            thread.stackSize = 512 * 1_024
            thread.start()
        }
        #expect(done == 0)
    }

    @Test func theBuiltInTableOfContentsStillRecursesIntoFolders() {
        let result = SitePipeline.run(
            siteDirectory: "s",
            fileSystem: MemoryFileSystem(files: ["s/content/a/b/c/d.md": "# D\n", "s/content/index.md": "# Home\n"]))
        #expect(result.printedDiagnostics == [])
        #expect(result.text(at: "toc.html")?.contains("d.html") == true)
    }

    private func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" })
    }
}
