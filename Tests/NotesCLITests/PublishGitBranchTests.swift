import Foundation
import Testing

/// `publish --git-branch` commits only to a plain branch that no work tree has checked out.
@Suite struct PublishGitBranchTests {
    /// A built site in a git repository on branch `main` with one commit.
    private func repository() throws -> String {
        let repo = try CLI.makeSite(["content/a.md": "# A\n"])
        #expect(try CLI.run(["build", "--no-search"], in: repo).status == 0)
        try git(["init", "-q", "-b", "main"], in: repo)
        try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start"], in: repo)
        return repo
    }

    /// Outside a repository, `--git-branch` says so and how to go on (git's own "fatal: not a
    /// git repository" came with the branch's name where a path belongs); an empty commit
    /// message is a usage error.
    @Test func outsideARepositoryOrWithAnEmptyMessagePublishRefuses() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        let outside = try CLI.run(["publish", "--git-branch", "gh-pages"], in: site)
        #expect(outside.status == 1)
        #expect(
            outside.standardError == """
                public: error: not inside a git repository: --git-branch commits to the repository of the folder notesim runs in [publish.git]
                public: note: run publish from inside the site's repository, or mirror the site with --to DIR

                """)
        let empty = try CLI.run(["publish", "--git-branch", "gh-pages", "--message", " "], in: site)
        #expect(empty.status == 2)
        #expect(empty.standardError.hasPrefix("Error: --message is empty: a commit needs a message (git refuses empty ones too)\n"))
        // A mirror makes no commit: its message is not asked for.
        #expect(try CLI.run(["publish", "--to", "mirror", "--message", ""], in: site).status == 0)
        #expect(try CLI.run(["publish", "--output", "", "--to", "mirror"], in: site).status == 2)
        #expect(try CLI.run(["publish", "nots", "--to", "mirror"], in: site).standardError.hasPrefix("Error: the site folder 'nots' does not exist;"))
    }

    @discardableResult
    private func git(_ arguments: [String], in directory: String) throws -> CLI.Run {
        try CLI.run(arguments, in: directory, program: "/usr/bin/git")
    }

    @Test(arguments: [
        ("", "the branch name is empty"),
        ("HEAD", "'HEAD' names the checked-out commit, not a branch"),
        ("@", "'@' is git's shorthand for HEAD, not a branch"),
        ("-f", "a branch name must not start with '-' (git would read it as an option)"),
        ("--orphan", "a branch name must not start with '-' (git would read it as an option)"),
        ("a..b", "a branch name must not contain '..'"),
        ("x@{1}", "a branch name must not contain '@{'"),
        ("gh pages", "a branch name must not contain a space"),
        ("a~1", "a branch name must not contain '~'"),
        ("a^", "a branch name must not contain '^'"),
        ("a:b", "a branch name must not contain ':'"),
        ("a?", "a branch name must not contain '?'"),
        ("a*", "a branch name must not contain '*'"),
        ("a[b", "a branch name must not contain '['"),
        ("a\\b", "a branch name must not contain '\\'"),
        ("a\nb", "a branch name must not contain control characters (U+000A)"),
        ("pages.lock", "a branch name must not end with '.lock'"),
        ("pages/", "a branch name must not start or end with '/' or contain '//'"),
        ("/pages", "a branch name must not start or end with '/' or contain '//'"),
        ("a//b", "a branch name must not start or end with '/' or contain '//'"),
        ("pages.", "a branch name must not end with '.'"),
        ("a/.hidden", "no part of a branch name between slashes may start with '.' or end with '.lock'"),
        ("a.lock/b", "no part of a branch name between slashes may start with '.' or end with '.lock'"),
    ])
    func namesGitDoesNotReadAsAPlainBranchAreUsageErrors(name: String, rule: String) throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        // `--git-branch=-f`: with a space, the parser would take `-f` for an option.
        let option = name.hasPrefix("-") ? ["--git-branch=" + name] : ["--git-branch", name]
        let result = try CLI.run(["publish"] + option, in: repo)
        #expect(result.status == 2)
        let shown = name.replacingOccurrences(of: "\n", with: "\\n")
        #expect(result.standardError.hasPrefix("Error: --git-branch '\(shown)': \(rule)\n"))
        #expect(try git(["branch", "--list"], in: repo).standardOutput == "* main\n", "no branch was made")
    }

    @Test func theCheckedOutBranchIsRefusedHereAndInALinkedWorkTree() throws {
        let repo = try repository()
        let linked = repo + "-linked"
        defer { for folder in [repo, linked] { try? FileManager.default.removeItem(atPath: folder) } }
        let head = try git(["rev-parse", "main"], in: repo).standardOutput
        let here = try CLI.run(["publish", "--git-branch", "main"], in: repo)
        #expect(here.status == 2)
        let folder = try #require(URL(fileURLWithPath: repo).resolvingSymlinksInPath().path.removingPercentEncoding)
        #expect(
            here.standardError.hasPrefix(
                "Error: --git-branch 'main': the branch is checked out in \(folder); publishing would move it under that work tree's files (use a branch of its own, such as gh-pages)\n"
            ))
        #expect(try git(["rev-parse", "main"], in: repo).standardOutput == head)

        try git(["worktree", "add", "-q", "-b", "drafts", linked], in: repo)
        let there = try CLI.run(["publish", "--git-branch", "drafts"], in: repo)
        #expect(there.status == 2)
        #expect(there.standardError.hasPrefix("Error: --git-branch 'drafts': the branch is checked out in \(linked); "))
        #expect(try CLI.run(["publish", "--git-branch", "gh-pages"], in: repo).status == 0, "a branch of its own is fine")
    }
}
