import Foundation
import Testing

/// Search from outside: this repository's site is built with Pagefind, served under a
/// sub-path, and headless Chromium types a Japanese query into the search box
/// (`Tools/browser-search.py`). `make test` installs Pagefind and Chromium first.
@Suite(.serialized) struct SearchBrowserTests {
    /// A copy of the repository's site (notes, templates, config) in a temporary folder.
    private func copyOfRepositorySite() throws -> String {
        let site = try CLI.makeSite([:])
        for item in ["content", "templates", "notesim.yml"] {
            try FileManager.default.copyItem(atPath: CLI.repository + "/" + item, toPath: site + "/" + item)
        }
        return site
    }

    @Test func typingAJapaneseQueryFindsTheRightNoteUnderASubPath() throws {
        let site = try copyOfRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let build = try CLI.run(["build"], in: site)
        #expect(build.status == 0)
        #expect(build.standardError == "", "Pagefind must be installed: run make setup")
        #expect(build.lastLine.contains("indexed for search"))

        let search = try CLI.run(
            ["python3", CLI.repository + "/Tools/browser-search.py", "public", "index.html", "可視性タイムアウト", "--prefix", "/notes/"],
            in: site, program: "/usr/bin/env")
        #expect(search.status == 0, "\(search.standardOutput)\(search.standardError)")
        let results = try JSONDecoder().decode(SearchOutput.self, from: Data(search.standardOutput.utf8)).results
        // The note that explains the visibility timeout comes first, linked under the sub-path.
        #expect(results.first?.title == "Lambda 関数の 3 つの呼び出し方")
        #expect(results.first?.href == "/notes/lambda/invocation.html")
        #expect(results.allSatisfy { $0.href.hasPrefix("/notes/lambda/invocation.html") })
    }

    @Test func withoutPagefindTheBuildSaysSoAndStillBuilds() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let build = try CLI.run(["build"], in: site, environment: ["NOTESIM_PAGEFIND": "/nonexistent/pagefind"])
        #expect(build.status == 0)
        #expect(
            build.standardError == """
                notesim.yml: warning: search index not built: Pagefind is not installed; the pages are built without search [search.unavailable]
                notesim.yml: note: install it with 'pip install pagefind-bin-extended', or set 'search: false' in notesim.yml

                """)
        #expect(FileManager.default.fileExists(atPath: site + "/public/a.html"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public/pagefind"))
    }

    @Test func theIndexIsByteIdenticalFromBuildToBuild() throws {
        let site = try copyOfRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build", "--no-cache"], in: site).status == 0)
        let first = try tree(site + "/public/pagefind")
        #expect(try CLI.run(["build", "--no-cache"], in: site).status == 0)
        #expect(try tree(site + "/public/pagefind") == first)
        #expect(first.keys.contains("pagefind-entry.json"))
    }

    private struct SearchOutput: Decodable {
        struct Result: Decodable {
            var title: String
            var href: String
        }
        var results: [Result]
    }

    /// Every file under a folder, by relative path.
    private func tree(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            let full = folder + "/" + path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }
}
