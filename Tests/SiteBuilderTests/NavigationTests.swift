import SiteBuilder
import Testing
import TestSupport

@Suite struct NavigationTests {
    private func navigation(_ files: [String: String]) -> Navigation {
        var notes: [Note] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let (note, _) = ParseStage.parse(sourcePath: "content/" + path, bytes: Array(text.utf8))
            if let note { notes.append(note) }
        }
        return Navigation(notes: notes)
    }

    @Test func orderIsFrontMatterOrderThenName() {
        let nav = navigation([
            "index.md": "# Home\n",
            "zeta.md": "---\norder: 1\n---\n# Zeta\n",
            "alpha.md": "# Alpha\n",
            "lambda/README.md": "---\norder: 2\n---\n# Lambda\n",
            "lambda/sync.md": "# Sync\n",
            "lambda/async.md": "# Async\n",
            "misc/note.md": "# Note\n",
        ])
        #expect(
            nav.readingOrder == [
                "index.html", "zeta.html", "lambda/index.html", "lambda/async.html", "lambda/sync.html",
                "alpha.html", "misc/note.html",
            ])
        #expect(nav.neighbours(of: "lambda/index.html") == ("zeta.html", "lambda/async.html"))
        #expect(nav.neighbours(of: "index.html") == (nil, "zeta.html"))
        #expect(nav.neighbours(of: "misc/note.html") == ("alpha.html", nil))
    }

    @Test func foldersBecomeSidebarGroups() {
        let nav = navigation([
            "lambda/README.md": "# Lambda\n",
            "lambda/sync.md": "# 同期\n",
            "misc/note.md": "# Note\n",
        ])
        #expect(
            nav.entries == [
                Navigation.Entry(
                    title: "Lambda", outputPath: "lambda/index.html",
                    children: [
                        Navigation.Entry(title: "同期", outputPath: "lambda/sync.html", children: [])
                    ]),
                Navigation.Entry(
                    title: "misc", outputPath: nil,
                    children: [
                        Navigation.Entry(title: "Note", outputPath: "misc/note.html", children: [])
                    ]),
            ])
    }
}
