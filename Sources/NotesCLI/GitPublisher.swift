import Foundation

/// Commits a folder to a branch with git plumbing and a private index, so the working tree,
/// the index and HEAD of the repository stay exactly as they were.
enum GitPublisher {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Whether the working directory is inside a git repository (where `commit` commits); nil
    /// when git itself could not be run (not installed), which is another problem.
    static func isInsideRepository() -> Bool? {
        do {
            _ = try git(["rev-parse", "--git-dir"], environment: [:])
            return true
        } catch is Failure {
            return false
        } catch {
            return nil
        }
    }

    /// Where `branch` is checked out (the work tree's folder), in this repository or any of
    /// its linked work trees; nil when it is nowhere or git cannot say (not a repository).
    ///
    /// Committing to a checked-out branch moves it under that work tree's files: they would
    /// all look changed, and the next commit there would delete the notes. Git itself refuses
    /// to move such a branch for the same reason.
    static func checkout(of branch: String) -> String? {
        guard let list = try? git(["worktree", "list", "--porcelain"], environment: [:]) else { return nil }
        var folder = ""
        for line in list.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("worktree ") { folder = String(line.dropFirst("worktree ".count)) }
            if line == "branch refs/heads/\(branch)" { return folder }
        }
        return nil
    }

    /// Commits `folder` as the next commit of `branch` (created when missing); returns the
    /// commit, and whether it is new: when the branch already holds exactly these files, its
    /// last commit is returned instead of a commit that changes nothing.
    static func commit(folder: String, branch: String, message: String) throws -> (commit: String, new: Bool) {
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
            if (try? git(["rev-parse", "--verify", "--quiet", parent + "^{tree}"], environment: [:])) == tree { return (parent, false) }
            arguments += ["-p", parent]
        }
        let commit = try git(arguments, environment: environment)
        _ = try git(["update-ref", "refs/heads/\(branch)", commit], environment: [:])
        return (commit, true)
    }

    /// Runs git; its trimmed standard output, or `Failure` with its standard error.
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
            throw Failure(
                description:
                    "git \(arguments.first ?? "") failed: \(String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
