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
        deleted). --git-branch gh-pages commits the site to that branch of the current repository \
        without touching the working tree or the index.
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
        if (to == nil) == (gitBranch == nil) {
            throw ValidationError("give exactly one of --to DIR and --git-branch BRANCH")
        }
    }

    func run() throws {
        let fileSystem = LocalFileSystem()
        let built = output ?? (siteDirectory == "." ? "public" : Path.join(siteDirectory, "public"))
        guard fileSystem.kind(of: Path.join(built, WriteStage.markerFile)) == .file else {
            Console.error("\(built): error: no built site here; run 'notesim build' first [publish.not-built]")
            throw ExitCode(ExitStatus.failure)
        }
        if let to {
            if let refusal = WriteStage.refusal(output: to, siteDirectory: siteDirectory, fileSystem: fileSystem) {
                Console.report([refusal])
                throw ExitCode(ExitStatus.failure)
            }
            do {
                let report = try Mirror.sync(from: built, to: to, fileSystem: fileSystem)
                Console.out("Published \(built)/ to \(to)/: \(report.written.count) written, \(report.deleted.count) deleted, \(report.unchanged) unchanged")
            } catch {
                Console.error("\(to): error: could not publish: \(error) [publish.write-failed]")
                throw ExitCode(ExitStatus.failure)
            }
        } else if let branch = gitBranch {
            do {
                let commit = try GitPublisher.commit(folder: built, branch: branch, message: message)
                Console.out("Committed \(built)/ to branch \(branch) as \(commit.prefix(12)); push it with: git push origin \(branch)")
            } catch {
                Console.error("\(branch): error: \(error) [publish.git]")
                throw ExitCode(ExitStatus.failure)
            }
        }
    }
}

/// Commits a folder to a branch with git plumbing and a private index, so the working tree,
/// the index and HEAD of the repository stay exactly as they were.
enum GitPublisher {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func commit(folder: String, branch: String, message: String) throws -> String {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-index-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        var environment = ["GIT_INDEX_FILE": index]
        if ((try? git(["config", "user.email"], environment: [:])) ?? "").isEmpty {
            // A fresh machine may have no identity; the commit still needs one.
            for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "notesim" }
            for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "notesim@localhost" }
        }
        _ = try git(["--work-tree=\(absolute)", "add", "-A", "-f", "."], environment: environment)
        let tree = try git(["write-tree"], environment: environment)
        var arguments = ["commit-tree", tree, "-m", message]
        if let parent = try? git(["rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"], environment: [:]), !parent.isEmpty {
            arguments += ["-p", parent]
        }
        let commit = try git(arguments, environment: environment)
        _ = try git(["update-ref", "refs/heads/\(branch)", commit], environment: [:])
        return commit
    }

    private static func git(_ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.first ?? "") failed: \(String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
