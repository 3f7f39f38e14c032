import ArgumentParser
import Foundation
import NotesCore
import SiteBuilder

/// `notesim publish`: puts the built site where a static host serves it.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the built site: mirror it into a folder (--to) or commit it to a git branch (--git-branch).",
        discussion: """
            Run 'notesim build' first. --to DIR makes DIR an exact copy of the site (stale files are \
            deleted; symbolic links inside DIR are removed, never followed; DIR itself must not be \
            a link). --git-branch gh-pages commits the site to that branch of the current repository \
            without touching the working tree or the index; a checked-out branch is refused.
            """
    )

    @Argument(help: "The site directory.")
    var siteDirectory: String = "."

    @Option(help: "The built site (default: SITE_DIRECTORY/public).")
    var output: String?

    @Option(help: "Mirror the site into this folder.")
    var to: String?

    @Option(help: "Commit the site to this branch (for GitHub Pages: gh-pages).")
    var gitBranch: String?

    @Option(help: "The commit message for --git-branch.")
    var message: String = "Publish the site"

    func validate() throws {
        try SiteFolder.validate(siteDirectory)
        if (to == nil) == (gitBranch == nil) {
            throw ValidationError("give exactly one of --to DIR and --git-branch BRANCH")
        }
        if let to, to.isEmpty { throw ValidationError("--to needs a folder: --to DIR") }
        if output?.isEmpty == true { throw ValidationError("--output is empty: name the built site's folder, such as public") }
        if gitBranch != nil, message.allSatisfy(\.isWhitespace) {
            throw ValidationError("--message is empty: a commit needs a message (git refuses empty ones too)")
        }
        if let gitBranch, let problem = BranchName.problem(gitBranch) {
            throw ValidationError("--git-branch '\(TerminalText.escaped(gitBranch))': \(problem)")
        }
    }

    func run() throws {
        let fileSystem = LocalFileSystem()
        let built = Path.trimmingTrailingSlashes(output ?? (siteDirectory == "." ? "public" : Path.join(siteDirectory, "public")))
        // A build running now finishes first (it holds this lock), so what is published is whole.
        let lock = try SiteBuild.lockOutput(built, fileSystem: fileSystem)
        defer { lock?.unlock() }
        switch OutputMarker.read(output: built, fileSystem: fileSystem) {
        case nil:
            throw Console.failure("publish.not-built", path: built, "no built site here; run 'notesim build' first")
        case .updating:
            throw Console.failure(
                "publish.half-built", path: built,
                "a build was stopped while it updated this site, so some pages are old and some new; nothing was published",
                hint: "run 'notesim build' again, then publish")
        case .complete, .unknown:
            break
        }
        if let to {
            try mirror(built, to: Self.withoutTrailingSlash(to), fileSystem: fileSystem)
        } else if let branch = gitBranch {
            try commit(built, to: branch)
        }
    }

    /// `--to`: refuses a destination that is a link or otherwise unsafe, then mirrors.
    private func mirror(_ built: String, to destination: String, fileSystem: LocalFileSystem) throws {
        if fileSystem.kind(of: destination) == .symbolicLink {
            let hint = fileSystem.canonicalPath(destination).map { "publish into the folder it points to: --to \($0)" }
            throw Console.failure(
                "publish.destination-link", path: destination,
                "the destination is a symbolic link; publish never writes through links", hint: hint)
        }
        if let refusal = WriteStage.refusal(output: destination, siteDirectory: siteDirectory, fileSystem: fileSystem, published: built) {
            Console.report([refusal])
            throw ExitCode(ExitStatus.failure)
        }
        let report: Mirror.Report
        do {
            report = try Mirror.sync(from: built, to: destination, fileSystem: fileSystem)
        } catch {
            throw Console.failure("publish.write-failed", path: destination, "could not publish: \(error)")
        }
        Console.report(
            report.removedLinks.map { link in
                Diagnostic.warning(
                    "publish.link-removed", path: Path.join(destination, link), at: nil,
                    "removed this symbolic link (its target is untouched); publish never writes through links")
            })
        Console.out("Published \(built)/ to \(destination)/: \(report.written.count) written, \(report.deleted.count) deleted, \(report.unchanged) unchanged")
    }

    /// `--git-branch`: refuses a branch checked out in a work tree, then commits.
    private func commit(_ built: String, to branch: String) throws {
        if let folder = GitPublisher.checkout(of: branch) {
            throw ValidationError(
                "--git-branch '\(branch)': the branch is checked out in \(TerminalText.escaped(folder)); publishing would move it under that work tree's files (use a branch of its own, such as gh-pages)"
            )
        }
        guard let inside = GitPublisher.isInsideRepository() else {
            throw Console.failure(
                "publish.git", path: built, "git could not be run; --git-branch needs git installed", hint: "install git, or mirror the site with --to DIR")
        }
        guard inside else {
            throw Console.failure(
                "publish.git", path: built, "not inside a git repository: --git-branch commits to the repository of the folder notesim runs in",
                hint: "run publish from inside the site's repository, or mirror the site with --to DIR")
        }
        do {
            let (commit, new) = try GitPublisher.commit(folder: built, branch: branch, message: message)
            if new {
                Console.out("Committed \(built)/ to branch \(branch) as \(commit.prefix(12)); push it with: git push origin \(branch)")
            } else {
                Console.out("Branch \(branch) already holds \(built)/ as it is (\(commit.prefix(12))): nothing committed")
            }
        } catch {
            throw Console.failure("publish.git", path: branch, "\(error)")
        }
    }

    /// `out/` -> `out`: the destination is looked at itself, not through a link it may be.
    static func withoutTrailingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
