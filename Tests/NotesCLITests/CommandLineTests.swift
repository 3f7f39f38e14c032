import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The command-line contract, checked from outside by running the `notesim` executable.
@Suite struct CommandLineTests {
    typealias Run = CLI.Run

    /// Runs notesim; builds skip the search index here (SearchTests and SearchBrowserTests
    /// cover it), so the summary lines stay short.
    private func run(_ arguments: [String], in directory: String) throws -> Run {
        try CLI.run(arguments.first == "build" ? arguments + ["--no-search"] : arguments, in: directory)
    }

    private func makeSite(_ files: [String: String]) throws -> String {
        try CLI.makeSite(files)
    }

    @Test func buildWritesTheSiteAndEndsWithASummary() throws {
        let site = try makeSite(["content/a.md": "# A\n\n[b](b.md)\n", "content/b.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build"], in: site)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.lastLine.hasPrefix("Built 3 pages from 2 notes (0 scenarios, 0 claims verified) into public/ in "))
        #expect(FileManager.default.fileExists(atPath: site + "/public/b.html"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: site).sorted()
        #expect(entries == [".notesim-cache", "content", "public"])
    }

    @Test func quietAndVerbose() throws {
        let site = try makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let quiet = try run(["build", "--quiet"], in: site)
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput == "")
        let verbose = try run(["build", "--verbose"], in: site)
        #expect(verbose.standardOutput.contains("scenarios: 0 (0 simulated, 0 from the cache), claims: 0 passed, 0 failed\n"))
        #expect(verbose.lastLine.hasPrefix("Built 2 pages from 1 note"))
    }

    @Test func aBrokenLinkFailsTheBuildAndKeepsTheOldSite() throws {
        let site = try makeSite(["content/a.md": "# 一\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try run(["build", site], in: "/").status == 0)
        let before = try String(contentsOfFile: site + "/public/a.html", encoding: .utf8)
        try Data("# 二\n\nこちら[x](#無い)\n".utf8).write(to: URL(fileURLWithPath: site + "/content/a.md"))
        let result = try run(["build", site], in: "/")
        #expect(result.status == 1)
        #expect(result.standardError == "\(site)/content/a.md:3:8: error: no heading or anchor '#無い' on this page [link.broken-anchor]\n")
        #expect(result.lastLine.hasPrefix("Build failed (1 error, 0 warnings); \(site)/public/ was left unchanged."))
        #expect(try String(contentsOfFile: site + "/public/a.html", encoding: .utf8) == before)
    }

    /// A failed first build says it wrote nothing (there was no site to leave unchanged), and
    /// the root folder as output is written `/`, not `//`.
    @Test func aFailedBuildSaysTrulyWhatBecameOfTheOutput() throws {
        let site = try makeSite(["content/a.md": "# A\n\n[x](#nope)\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let first = try run(["build", site], in: "/")
        #expect(first.status == 1)
        #expect(first.lastLine.hasPrefix("Build failed (1 error, 0 warnings); nothing was written (\(site)/public/ does not exist yet)."))
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
        let root = try run(["build", site, "--output", "/"], in: "/")
        #expect(root.status == 1)
        #expect(root.lastLine.hasPrefix("Build failed (1 error, 0 warnings); / was left unchanged."))
    }

    /// An update in place that fails midway says the output is partly updated (some pages
    /// were already replaced), not that it was left unchanged; the next build is whole.
    @Test func aFailedUpdateInPlaceSaysTheOutputIsPartlyUpdated() throws {
        let site = try makeSite(["content/a.md": "# A\n", "content/b.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try run(["build"], in: site).status == 0)
        try "# B edited\n".write(toFile: site + "/content/b.md", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/public/b.html")
        try FileManager.default.createDirectory(atPath: site + "/public/b.html/in-the-way", withIntermediateDirectories: true)
        let failed = try run(["build"], in: site)
        #expect(failed.status == 1)
        #expect(failed.lastLine.hasPrefix("Build failed (1 error, 0 warnings); public/ is partly updated; the next build rewrites it whole."))
        try FileManager.default.removeItem(atPath: site + "/public/b.html")
        #expect(try run(["build"], in: site).status == 0)
    }

    /// A note with the longest name allowed (240 bytes) is updated in place, its event-log
    /// page (252 bytes) too: the temporary file beside each has a short name of its own
    /// (`NAME.event-log.html.notesim-tmp` was 264 bytes, past the system's 255).
    @Test func aNoteNamedAtTheLengthLimitIsUpdatedInPlace() throws {
        let long = String(repeating: "l", count: 237)
        let block = { (count: Int) in "# Long\n\n```scenario\nmode: async\nevents:\n  - { at: 0s, count: \(count), every: 10ms }\n```\n" }
        let site = try makeSite(["content/index.md": "# Home\n", "content/\(long).md": block(40)])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try run(["build"], in: site).status == 0)
        #expect(FileManager.default.fileExists(atPath: site + "/public/\(long).event-log.html"))
        try block(41).write(toFile: site + "/content/\(long).md", atomically: false, encoding: .utf8)
        let edited = try run(["build"], in: site)
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(try String(contentsOfFile: site + "/public/\(long).event-log.html", encoding: .utf8).contains("#41"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/public").allSatisfy { !$0.hasPrefix(".notesim-tmp") })
    }

    /// An empty `--output` names no folder: a usage error, and nothing is written.
    @Test func anEmptyOutputIsAUsageError() throws {
        let site = try makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build", "--output", ""], in: site)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: --output is empty: name the folder to write the site to, such as public\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site) == ["content"])
    }

    /// `--base-url` is held to what `base-url` in notesim.yml is: an absolute http(s) URL.
    @Test func aBaseURLOptionThatIsNoWebAddressIsAUsageError() throws {
        let site = try makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let refused = try run(["build", site, "--base-url", "javascript:alert(1)//"], in: "/")
        #expect(refused.status == 2)
        #expect(
            refused.standardError.hasPrefix(
                "Error: --base-url must be an absolute http:// or https:// URL, such as https://example.org/notes/, not 'javascript:alert(1)//'\n"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
        #expect(try run(["build", site, "--base-url", "https://example.org/notes/"], in: "/").status == 0)
    }

    @Test func checkWritesNothingAndEndsWithPassedFailed() throws {
        let site = try makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["check"], in: site)
        #expect(result.status == 0)
        #expect(result.lastLine == "0 passed, 0 failed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site) == ["content"])
    }

    @Test func checkReportsErrorsInEveryFormat() throws {
        let site = try makeSite(["content/a.md": "![図](img/none.png)\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let text = try run(["check", "."], in: site)
        #expect(text.status == 1)
        #expect(text.standardError == "content/a.md:1:6: error: image 'img/none.png' does not exist (looked for content/img/none.png) [image.missing]\n")
        // No claim failed, but the check did: a line says so before the claims' count.
        #expect(text.standardOutput == "1 error in notes, links or settings\n0 passed, 0 failed\n")
        let github = try run(["check", "--format", "github"], in: site)
        #expect(
            github.standardOutput == """
                ::error file=content/a.md,line=1,col=6,title=image.missing::image 'img/none.png' does not exist (looked for content/img/none.png)
                1 error in notes, links or settings
                0 passed, 0 failed

                """)
        let json = try run(["check", "--format", "json"], in: site)
        #expect(json.standardOutput.hasPrefix("{\"diagnostics\":[{\"column\":6,\"id\":\"image.missing\",\"line\":1,"))
        // --quiet: the problems only, no summary line.
        let quiet = try run(["check", "-q"], in: site)
        #expect(quiet.status == 1 && quiet.standardOutput == "" && quiet.standardError == text.standardError)
        let quietGitHub = try run(["check", "--quiet", "--format", "github"], in: site)
        #expect(
            quietGitHub.standardOutput == github.standardOutput.replacingOccurrences(of: "1 error in notes, links or settings\n0 passed, 0 failed\n", with: ""))
    }

    /// Issue 22, point 5: a note named without `#N` lists its blocks instead of being read
    /// as one YAML document.
    @Test func simulateWithoutABlockNumberListsTheNotesBlocks() throws {
        let note =
            "# N\n\n```scenario\ntitle: first one\nmode: sync\nevents:\n  - at: 0s\n```\n\nText.\n\n```scenario\nmode: async\nevents: [{ at: 0s }]\n```\n"
        let site = try makeSite(["note.md": note, "plain.md": "# P\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let listed = try run(["simulate", "note.md"], in: site)
        #expect(listed.status == 1)
        #expect(listed.standardOutput == "")
        #expect(
            listed.standardError == """
                note.md: error: name one of the note's 2 scenario blocks: note.md#N [simulate.no-block]
                note.md: note: for example: notesim simulate note.md#1
                  #1  line 3  first one
                  #2  line 12  (no title)

                """)
        let none = try run(["simulate", "plain.md"], in: site)
        #expect(none.status == 1)
        #expect(none.standardError == "plain.md: error: the note has no scenario block (a fenced block whose info string is 'scenario') [simulate.no-block]\n")
    }

    @Test func simulatePrintsTheVersionedTrace() throws {
        let site = try makeSite(["note.md": "# N\n\n```scenario\nmode: sync\nevents:\n  - at: 0s\n```\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let json = try run(["simulate", "note.md#1", "--format", "json"], in: site)
        #expect(json.status == 0)
        #expect(json.standardOutput.hasPrefix("{\"format\":\"notesim-trace\",\"version\":1,\"mode\":\"sync\""))
        let missing = try run(["simulate", "note.md#2"], in: site)
        #expect(missing.status == 1)
        #expect(missing.standardError == "note.md: error: the note has 1 scenario block; there is no #2 [simulate.no-block]\n")
    }

    @Test func aFailedClaimFailsCheck() throws {
        let site = try makeSite([
            "content/a.md": "# A\n\n```scenario\nmode: sync\nfunction: { fails: always }\nevents:\n  - at: 0s\nexpect:\n  attempts: 3\n```\n"
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["check"], in: site)
        #expect(result.status == 1)
        #expect(result.standardError == "content/a.md:9:3: error: expected 3 attempts, the simulator made 1 (t = 0 s) [expect.attempts]\n")
        #expect(result.lastLine == "0 passed, 1 failed")
    }

    @Test func initCreatesASiteThatBuildsAndNewAddsANote() throws {
        let parent = try makeSite(["keep.txt": ""])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let created = try run(["init", "site"], in: parent)
        #expect(created.status == 0)
        #expect(created.lastLine == "Created a site in site/. Next: notesim build site")
        let note = try run(["new", "lambda/cold-start", "--site", "site"], in: parent)
        #expect(note.lastLine == "Created site/content/lambda/cold-start.md")
        let built = try run(["build", "site"], in: parent)
        #expect(built.status == 0)
        #expect(built.lastLine.hasPrefix("Built 2 pages from 2 notes (1 scenario, 3 claims verified) into site/public/ in "))
        #expect(try run(["init", "site"], in: parent).status == 1, "a non-empty folder is refused")
        #expect(
            try run(["init", "keep.txt"], in: parent).standardError
                == "keep.txt: error: this is a file, not a folder; choose a new folder [init.not-empty]\n")
        #expect(try run(["new", "lambda/cold-start", "--site", "site"], in: parent).status == 1, "an existing note is kept")
        #expect(try run(["new", "../../etc/x", "--site", "site"], in: parent).status == 1)
    }

    /// A mistyped site folder is a usage error before anything is written: `build` made an
    /// empty folder of that name, `serve` a cache in it and `new` a whole site.
    @Test func aSiteFolderThatDoesNotExistIsAUsageErrorAndNothingIsWritten() throws {
        let parent = try makeSite(["keep.txt": ""])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for arguments in [["build", "nots"], ["check", "nots"], ["serve", "nots", "--port", "1"], ["new", "x", "--site", "nots"]] {
            let result = try run(arguments, in: parent)
            #expect(result.status == 2, "\(arguments)")
            let option = arguments[0] == "new" ? "--site" : "the site folder"
            #expect(
                result.standardError.hasPrefix(
                    "Error: \(option) 'nots' does not exist; give the folder that holds content/ (notesim init nots makes a new site)\n"),
                "\(arguments)")
        }
        #expect(try run(["build", "keep.txt"], in: parent).standardError.hasPrefix("Error: the site folder 'keep.txt' is not a folder;"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["keep.txt"])
    }

    /// `new` refuses a note that would become the page of one already there (`x.MD` beside
    /// `x.md`, `README.md` beside `index.md`): the build would refuse the pair.
    @Test func newRefusesANoteThatWouldBecomeAnExistingPage() throws {
        let site = try makeSite(["content/x.md": "# X\n", "content/sub/index.md": "# S\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let upper = try run(["new", "x.MD"], in: site)
        #expect(upper.status == 1)
        #expect(
            upper.standardError == """
                ./content/x.MD: error: ./content/x.md already becomes x.html; two notes cannot make one page [new.exists]
                ./content/x.MD: note: open ./content/x.md, or give the new note another name

                """)
        #expect(try run(["new", "sub/README"], in: site).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/content").sorted() == ["sub", "x.md"])
    }

    /// Issue 22, point 6: a mistyped subcommand or option gets a "did you mean" (exit 2).
    @Test func mistypedSubcommandsAndOptionsGetASuggestion() throws {
        let site = try makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let subcommand = try run(["biuld"], in: site)
        #expect(subcommand.status == 2)
        #expect(subcommand.standardError.hasPrefix("Error: Unexpected argument 'biuld'\nDid you mean 'build'?\nUsage: notesim <subcommand>\n"))
        let option = try run(["check", "--verison"], in: site)
        #expect(option.status == 2)
        #expect(option.standardError.hasPrefix("Error: Unknown option '--verison'\nDid you mean '--version'?\n"))
        let unrelated = try run(["xyzzy"], in: site)
        #expect(!unrelated.standardError.contains("Did you mean"))
    }

    /// Issue 22, point 1: a port in use is one error before any "Serving" line; a port out
    /// of range is a usage error.
    @Test func serveRefusesAPortInUseOrOutOfRange() throws {
        let site = try makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let (listener, port) = LoopbackSocket.listener()
        defer { close(listener) }
        let busy = try run(["serve", "--port", String(port)], in: site)
        #expect(busy.status == 1)
        #expect(busy.standardOutput == "")
        #expect(
            busy.standardError
                == "127.0.0.1:\(port): error: cannot listen here: port \(port) is already in use [serve.port]\n127.0.0.1:\(port): note: choose another port with --port\n"
        )
        // An address that does not resolve is no matter of ports.
        let nowhere = try run(["serve", "--host", "no-such-host.invalid", "--port", "8000"], in: site)
        #expect(nowhere.status == 1)
        #expect(nowhere.standardError.hasSuffix("no-such-host.invalid:8000: note: name an address of this machine with --host, such as 127.0.0.1\n"))
        for bad in ["0", "65536", "-1"] {
            let refused = try run(["serve", "--port=" + bad], in: site)
            #expect(refused.status == 2)
            #expect(refused.standardError.hasPrefix("Error: --port must be from 1 to 65535\n"), "\(bad)")
        }
    }

    /// Issue 22, point 7: `init` writes the chosen (or the locale's) language and copies the
    /// theme only when asked.
    @Test func initWritesTheChosenLanguageAndCopiesTemplatesOnlyWhenAsked() throws {
        let parent = try makeSite(["keep.txt": ""])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        func initialize(_ arguments: [String], lang: String = "C.UTF-8") throws -> Run {
            try CLI.run(["init"] + arguments, in: parent, environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": lang])
        }
        func settings(_ site: String) throws -> String { try String(contentsOfFile: parent + "/\(site)/notesim.yml", encoding: .utf8) }
        #expect(try initialize(["en"]).status == 0)
        #expect(try settings("en") == "title: \"Study notes\"\nlanguage: en\n# base-url: https://example.org/notes/\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/en").sorted() == [".gitignore", "content", "notesim.yml"])
        #expect(try String(contentsOfFile: parent + "/en/content/index.md", encoding: .utf8).hasPrefix("# Study notes\n"))
        #expect(try initialize(["ja"], lang: "ja_JP.UTF-8").status == 0)
        #expect(try settings("ja").hasPrefix("title: \"学習ノート\"\nlanguage: ja\n"))
        #expect(try initialize(["themed", "--language", "ja", "--with-templates"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: parent + "/themed/templates/layout.mustache"))
        #expect(try initialize(["other", "--language", "fr"]).status == 2)
        let built = try run(["build", "en"], in: parent)
        #expect(built.lastLine.hasPrefix("Built 1 page from 1 note (1 scenario, 3 claims verified) into en/public/ in "))
    }

    @Test func publishMirrorsAFolderAndCommitsToABranchWithoutTouchingTheWorkTree() throws {
        let repo = try makeSite(["content/a.md": "# A\n", "content/b.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try run(["publish", "--to", "out"], in: repo).status == 1, "nothing built yet")
        #expect(try run(["build"], in: repo).status == 0)
        let first = try run(["publish", "--to", "out"], in: repo)
        #expect(first.lastLine.hasPrefix("Published public/ to out/: "))
        try FileManager.default.removeItem(atPath: repo + "/content/b.md")
        #expect(try run(["build"], in: repo).status == 0)
        let second = try run(["publish", "--to", "out"], in: repo)
        #expect(second.lastLine.contains("2 deleted"), "b.html and the old sidebar script")
        #expect(!FileManager.default.fileExists(atPath: repo + "/out/b.html"))

        func git(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", repo] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = Pipe()
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        _ = try git(["init", "-q", "-b", "main"])
        _ = try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start"])
        let statusBefore = try git(["status", "--porcelain"])
        let headBefore = try git(["rev-parse", "HEAD"])
        let published = try run(["publish", "--git-branch", "gh-pages"], in: repo)
        #expect(published.status == 0)
        #expect(try git(["ls-tree", "--name-only", "gh-pages"]).contains("index.html"))
        #expect(try git(["status", "--porcelain"]) == statusBefore)
        #expect(try git(["rev-parse", "HEAD"]) == headBefore)
        // The same site again: no commit that changes nothing.
        let again = try run(["publish", "--git-branch", "gh-pages"], in: repo)
        #expect(again.status == 0)
        #expect(again.lastLine.hasPrefix("Branch gh-pages already holds public/ as it is ("))
        #expect(again.lastLine.hasSuffix("): nothing committed"))
        #expect(try git(["rev-list", "--count", "gh-pages"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        try "# A\n\nedited\n".write(toFile: repo + "/content/a.md", atomically: true, encoding: .utf8)
        #expect(try run(["build"], in: repo).status == 0)
        #expect(try run(["publish", "--git-branch", "gh-pages"], in: repo).status == 0, "an edited site adds a commit")
        #expect(try git(["rev-list", "--count", "gh-pages"]).trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }

    @Test(arguments: [["build", "--no-such-flag"], ["frobnicate"], ["check", "--format", "xml"], ["build", "--quiet", "--verbose"]])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let result = try run(arguments, in: "/")
        #expect(result.status == 2)
        #expect(result.standardError.contains("Error:"))
    }

    @Test func aSiteWithoutContentIsAnError() throws {
        let site = try makeSite(["notes/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build"], in: site)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("content: error: no content/ folder in the site directory [site.no-content]\n"))
    }

    /// The version line names the simulator's semantics version, which its doc comment promises.
    @Test func theVersionNamesTheSimulatorsSemantics() throws {
        let run = try CLI.run(["--version"], in: CLI.repository)
        #expect(run.standardOutput == "0.1.0 (simulator semantics 2)\n")
    }
}
