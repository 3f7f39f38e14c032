import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// The bad-input corpus: each case is a site with one bad note (or file) and the exact
/// diagnostics it must produce. None may crash or hang.
@Suite struct BadInputCorpusTests {
    /// Every diagnostic of a site made of `files` (under `s/`), as printed.
    private func diagnostics(_ files: [String: [UInt8]], configure: (MemoryFileSystem) -> Void = { _ in }) -> [String] {
        let fileSystem = MemoryFileSystem(files: [:])
        for (path, bytes) in files { fileSystem.add("s/" + path, bytes: bytes) }
        configure(fileSystem)
        return SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).diagnostics.map(\.formatted)
    }

    private func diagnostics(note text: String) -> [String] {
        diagnostics(["content/a.md": Array(text.utf8)])
    }

    /// A note with one scenario block (`body` is the block's YAML).
    private func scenario(_ body: String) -> [String] {
        diagnostics(note: "# A\n\n```scenario\n\(body)\n```\n")
    }

    // MARK: - Bytes and encodings

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() {
        #expect(
            diagnostics(["content/a.md": Array("# A\n\nabc ".utf8) + [0xFF, 0xFE] + Array(" def\n".utf8)]) == [
                """
                content/a.md:3:5: error: the file is not valid UTF-8 (first bad byte at offset 9) [file.encoding]
                content/a.md:3:5: note: save the file as UTF-8
                """
            ])
    }

    @Test func aNULByteIsAnError() {
        #expect(
            diagnostics(["content/a.md": Array("# A\n\nx".utf8) + [0] + Array("y\n".utf8)]) == [
                "content/a.md:3:2: error: the file contains a NUL byte [file.encoding]"
            ])
    }

    @Test func aByteOrderMarkAndCRLFKeepPositionsRight() {
        #expect(
            diagnostics(["content/a.md": [0xEF, 0xBB, 0xBF] + Array("# A\n\n[x](#nope)\n".utf8)]) == [
                "content/a.md:3:5: error: no heading or anchor '#nope' on this page [link.broken-anchor]"
            ])
        #expect(
            diagnostics(note: "# A\r\n\r\n可視性 [x](#nope)\r\n") == [
                "content/a.md:3:9: error: no heading or anchor '#nope' on this page [link.broken-anchor]"
            ])
    }

    // MARK: - Sizes and shapes

    @Test func anEmptyNoteIsAPageTitledByItsName() {
        let fileSystem = MemoryFileSystem(files: ["s/content/empty.md": ""])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.diagnostics == [])
        #expect(result.text(at: "empty.html")?.contains("<title>empty | Notes</title>") == true)
    }

    @Test func aTenMegabyteNoteBuilds() {
        let paragraph = String(repeating: "長い段落の文章。", count: 40) + "\n\n"
        let text = "# Big\n\n" + String(repeating: paragraph, count: 10 * 1_048_576 / paragraph.utf8.count) + "[x](#nope)\n"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(diagnostics(note: text) == ["content/a.md:\(lines):5: error: no heading or anchor '#nope' on this page [link.broken-anchor]"])
    }

    @Test func nestingTwentyThousandDeepBuilds() {
        #expect(diagnostics(note: "# Deep\n\n" + String(repeating: ">", count: 20_000) + " deep\n\n" + String(repeating: "- ", count: 20_000) + "x\n") == [])
    }

    // MARK: - Scenario YAML

    @Test func aYAMLAliasBombIsNotExpanded() {
        var yaml = "mode: sync\nl0: &l0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for level in 1..<8 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "events: *l7"
        // l1's nine aliases, l2's nine with nine inside each: 99; l3's first `*l2` opens the 101st.
        #expect(
            scenario(yaml) == [
                """
                content/a.md:8:10: error: more than 100 YAML aliases [yaml.alias-limit]
                content/a.md:8:10: note: notesim expands at most 100 aliases (*name) in one YAML text; write the values out
                """
            ])
    }

    @Test func numbersTooLargeForAnyTypeAreErrors() {
        #expect(
            scenario("mode: sqs\nrecords:\n  - { at: 0s, count: 1000000000000 }") == [
                "content/a.md:6:22: error: the scenario has 1000000000000 records; the limit is 50000 (limits.records) [scenario.limit]"
            ])
        #expect(
            scenario("mode: sync\nfunction: { duration: 1000000000000000h }\nevents:\n  - at: 0s") == [
                "content/a.md:5:23: error: 'duration' is out of range: 1000000000000000h is longer than 100000d [scenario.range]"
            ])
        #expect(scenario("mode: sqs\nrecords:\n  - { at: 0s, count: 99999999999999999999999 }").first?.contains("[scenario.range]") == true)
    }

    @Test func negativeAndZeroDurations() {
        #expect(
            scenario("mode: sync\nfunction: { duration: -5s }\nevents:\n  - at: 0s") == [
                "content/a.md:5:23: error: 'duration' must not be negative [scenario.duration]"
            ])
        #expect(scenario("mode: sync\nfunction: { duration: 0s }\nevents:\n  - at: 0s\nexpect:\n  attempts: 1") == [], "a zero duration is allowed")
    }

    @Test func unknownModesDuplicateKeysAndTabs() {
        #expect(
            scenario("mode: teleport\nevents:\n  - at: 0s") == [
                """
                content/a.md:4:7: error: unknown mode 'teleport' [scenario.value]
                content/a.md:4:7: note: modes: sync, async, sqs, sqs-fifo, kinesis, dynamodb, kafka, mq, documentdb
                """
            ])
        #expect(
            scenario("mode: sync\nmode: async\nevents:\n  - at: 0s") == [
                "content/a.md:5:1: error: duplicate key 'mode' in the same mapping (first at 4:1) [scenario.syntax]"
            ])
        #expect(
            scenario("mode: sync\nevents:\n\t- at: 0s") == [
                """
                content/a.md:6:1: error: invalid YAML: found character that cannot start any token (while scanning for the next token) [scenario.syntax]
                content/a.md:6:1: note: YAML does not allow tabs for indentation; indent with spaces
                """
            ])
        // The same problem at a backtick (a Markdown habit) is no matter of tabs.
        #expect(
            scenario("mode: sync\ntitle: `x`\nevents:\n  - at: 0s") == [
                """
                content/a.md:5:8: error: invalid YAML: found character that cannot start any token (while scanning for the next token) [scenario.syntax]
                content/a.md:5:8: note: a value cannot start with '`' in YAML: quote it, for example title: "`…"
                """
            ])
    }

    @Test func expectationsForTheWrongModeAndScenariosWithoutEvents() {
        #expect(
            scenario("mode: sync\nevents:\n  - at: 0s\nexpect:\n  batches: [1]") == [
                "content/a.md:8:3: error: expectation 'batches' applies to event source mappings, not to a sync scenario [expect.mode]"
            ])
        #expect(
            scenario("mode: sync") == [
                """
                content/a.md:4:1: error: the scenario has no events [scenario.missing-key]
                content/a.md:4:1: note: add events: with at least one entry, for example - at: 0s
                """
            ])
    }

    // MARK: - Links and files

    @Test func linksThatLeaveContentOrAreAbsolute() {
        #expect(
            diagnostics(note: "# A\n\n[up](../../etc/passwd) [abs](/etc/passwd) ![img](../../secret.png)\n") == [
                """
                content/a.md:3:6: error: link '../../etc/passwd' points outside content/ [link.outside-content]
                content/a.md:3:6: note: only files inside content/ are published; move the file into content/
                """,
                """
                content/a.md:3:30: error: link '/etc/passwd' is an absolute path, which breaks when the site is served under a sub-path or opened from disk [link.absolute-path]
                content/a.md:3:30: note: write a path relative to this note
                """,
                """
                content/a.md:3:50: error: image '../../secret.png' points outside content/ [link.outside-content]
                content/a.md:3:50: note: only files inside content/ are published; move the file into content/
                """,
            ])
    }

    @Test func symbolicLinksAreNotFollowedAndUnreadableFilesAreErrors() {
        let found = diagnostics(["content/a.md": Array("# A\n".utf8), "content/b.md": Array("# B\n".utf8)]) { fileSystem in
            fileSystem.addSymbolicLink("s/content/loop")
            fileSystem.makeUnreadable("s/content/b.md")
        }
        #expect(
            found == [
                "content/b.md: error: cannot read the file: permission denied [file.unreadable]",
                "content/loop: warning: symbolic links are not followed; the link is ignored [file.symlink]",
            ])
    }

    /// A linked content/ or templates/ is named as a link (not followed), not as missing or
    /// ignored without a word.
    @Test func aLinkedContentOrTemplatesFolderIsNamedAsALink() {
        let content = diagnostics([:]) { $0.addSymbolicLink("s/content") }
        #expect(
            content == [
                """
                content: error: content/ is a symbolic link, and symbolic links are not followed [site.no-content]
                content: note: make content/ a folder of the site (move the notes into it)
                """
            ])
        let templates = diagnostics(["content/a.md": Array("# A\n".utf8)]) { $0.addSymbolicLink("s/templates") }
        #expect(
            templates == ["templates: warning: templates/ is a symbolic link, and symbolic links are not followed; the built-in theme is used [file.symlink]"])
    }

    /// A note's name over 240 bytes is refused before anything is written: its event-log
    /// page's name would pass a file system's 255 bytes, and the build failed after `check`
    /// passed.
    @Test func aNoteNameOverTheLimitIsAnError() {
        let long = String(repeating: "n", count: 238) + ".md"
        let fits = String(repeating: "f", count: 237) + ".md"
        #expect(
            diagnostics(["content/\(long)": Array("# L\n".utf8), "content/\(fits)": Array("# F\n".utf8)]) == [
                """
                content/\(long): error: the note's name is 241 bytes; a note's name may have at most 240 [file.name-too-long]
                content/\(long): note: its pages' names add up to 15 bytes more, and a file system allows 255: shorten it
                """
            ])
    }

    /// A name that is not UTF-8 is listed with U+FFFD, under which it cannot be opened.
    @Test func aFileNameThatIsNotUTF8IsSaidSo() {
        #expect(
            diagnostics(["content/a.md": Array("# A\n".utf8), "content/bad\u{FFFD}.md": Array("# B\n".utf8)]) == [
                """
                content/bad\u{FFFD}.md: error: the file's name is not valid UTF-8 (shown with \u{FFFD}) [file.encoding]
                content/bad\u{FFFD}.md: note: rename it in UTF-8
                """
            ])
    }

    // MARK: - Limits

    @Test func limitsAreConfigurableWithClearErrors() {
        let (config, problems) = SiteConfig.parse("limits: { records: 100, horizon: 1h, note-size: 1KB }\n", path: "notesim.yml")
        #expect(problems == [])
        #expect(config.limits.records == 100)
        #expect(config.limits.horizon == 3_600_000)
        #expect(config.limits.noteSize == 1_024)
        let (_, bad) = SiteConfig.parse("limits: { records: -1, horizon: soon, notesize: 1MB }\n", path: "notesim.yml")
        #expect(
            bad.map(\.formatted) == [
                "notesim.yml:1:20: error: 'limits.records' must be a positive whole number, not '-1' [config.type]",
                "notesim.yml:1:33: error: 'limits.horizon' must be a positive duration such as 7d, not 'soon' [config.type]",
                """
                notesim.yml:1:39: error: unknown key 'limits.notesize' [config.unknown-key]
                notesim.yml:1:39: note: did you mean 'note-size'? Known keys: records, horizon, note-size, steps
                """,
            ])
        // A bare number would be bytes, and every note would be too large.
        #expect(
            SiteConfig.parse("limits: { note-size: 10 }\n", path: "notesim.yml").1.map(\.formatted) == [
                "notesim.yml:1:22: error: 'limits.note-size' must be a size with its unit, such as 10MB, not '10' [config.type]"
            ])
    }

    @Test func aNoteOverTheSizeLimitIsLeftOutWithAnError() {
        let found = diagnostics([
            "notesim.yml": Array("limits: { note-size: 1KB }\n".utf8),
            "content/a.md": Array(("# A\n\n" + String(repeating: "長い文。", count: 200)).utf8),
        ])
        #expect(
            found == [
                """
                content/a.md: error: the note is 2.3 KB; the limit is 1 KB [file.too-large]
                content/a.md: note: split it into several notes, or raise limits.note-size in notesim.yml
                """
            ])
    }

    /// Two notes that would become one page are an error on the second, with the fix for
    /// their kind of pair: an index and a README, or names that differ only in case.
    @Test func twoNotesThatWouldBecomeOnePageAreAnError() {
        #expect(
            diagnostics(["content/sub/README.md": Array("# R\n".utf8), "content/sub/index.md": Array("# I\n".utf8)]) == [
                """
                content/sub/index.md: error: this note and content/sub/README.md would both become sub/index.html [site.duplicate-page]
                content/sub/index.md: note: keep one of README.md and index.md in a folder
                """
            ])
        #expect(
            diagnostics(["content/x.md": Array("# a\n".utf8), "content/x.MD": Array("# b\n".utf8)]) == [
                """
                content/x.md: error: this note and content/x.MD would both become x.html [site.duplicate-page]
                content/x.md: note: rename one of them: their names differ only in the case of .md or in how their characters are encoded (Unicode normalization)
                """
            ])
    }

    /// A link to a note left out by its own error says so, not that the note does not exist.
    @Test func aLinkToANoteLeftOutByItsErrorSaysSo() {
        let found = diagnostics([
            "notesim.yml": Array("limits: { note-size: 1KB }\n".utf8),
            "content/a.md": Array(("# A\n\n" + String(repeating: "長い文。", count: 200)).utf8),
            "content/b.md": Array("# B\n\nSee [A](a.md).\n".utf8),
        ])
        #expect(
            found == [
                """
                content/a.md: error: the note is 2.3 KB; the limit is 1 KB [file.too-large]
                content/a.md: note: split it into several notes, or raise limits.note-size in notesim.yml
                """,
                """
                content/b.md:3:9: error: link 'a.md' points to a note left out of the site by its own error [link.left-out]
                content/b.md:3:9: note: fix the error reported for content/a.md
                """,
            ])
    }

    /// One byte over the limit: sizes that round alike are given in bytes.
    @Test func aNoteJustOverTheLimitIsToldInBytes() {
        let found = diagnostics([
            "notesim.yml": Array("limits: { note-size: 1KB }\n".utf8),
            "content/a.md": Array(("# A\n" + String(repeating: "x", count: 1_021)).utf8),
        ])
        #expect(
            found == [
                """
                content/a.md: error: the note is 1,025 bytes; the limit is 1,024 bytes (1 KB) [file.too-large]
                content/a.md: note: split it into several notes, or raise limits.note-size in notesim.yml
                """
            ])
    }

    @Test func theRecordsLimitComesFromTheSettings() {
        let found = diagnostics([
            "notesim.yml": Array("limits: { records: 5 }\n".utf8),
            "content/a.md": Array("# A\n\n```scenario\nmode: sqs\nrecords:\n  - { at: 0s, count: 10 }\n```\n".utf8),
        ])
        #expect(found == ["content/a.md:6:22: error: the scenario has 10 records; the limit is 5 (limits.records) [scenario.limit]"])
    }

    /// With no retry delay, no run time and no retry limit, the same instant would retry
    /// until the step limit, minutes later (a fuzzer's finding led here).
    @Test func aRetryLoopWithNoDelayStopsWithAnError() {
        #expect(
            scenario(
                """
                mode: kinesis
                records:
                  - { at: 0s, count: 2 }
                function: { fails: always, duration: 0ms }
                assume: { stream-retry-delay: 0s }
                """) == [
                    """
                    content/a.md:4:1: error: the simulation stopped at t = 0 ms: it went past its limit of 100,000 steps [scenario.limit]
                    content/a.md:4:1: note: raise limits.steps in notesim.yml, or shorten the scenario (until:, fewer records, fewer retries)
                    """
                ])
    }
}
