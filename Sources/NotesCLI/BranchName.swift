/// The rules a `publish --git-branch` name must follow: a plain branch, as git reads it.
///
/// The name goes to `refs/heads/NAME` and to git's command line. A name git treats as
/// something else (`HEAD`, `@`, `-f`, `a..b`, `x@{1}`) or refuses as a ref (`a b`, `x.lock`)
/// would publish somewhere unexpected or fail halfway through, so it is refused before
/// anything runs, naming the rule it breaks (git's `check-ref-format` rules, plus the names
/// git gives a meaning of its own).
enum BranchName {
    /// The rule a name breaks, or nil when it is a plain branch name.
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the branch name is empty" }
        if name == "HEAD" { return "'HEAD' names the checked-out commit, not a branch" }
        if name == "@" { return "'@' is git's shorthand for HEAD, not a branch" }
        if name.hasPrefix("-") { return "a branch name must not start with '-' (git would read it as an option)" }
        if name.contains("..") { return "a branch name must not contain '..'" }
        if name.contains("@{") { return "a branch name must not contain '@{'" }
        if let scalar = name.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "a branch name must not contain control characters (U+\(hex(scalar)))"
        }
        if let character = name.first(where: { forbidden.contains($0) }) {
            return character == " " ? "a branch name must not contain a space" : "a branch name must not contain '\(character)'"
        }
        if name.hasSuffix(".lock") { return "a branch name must not end with '.lock'" }
        if name.hasPrefix("/") || name.hasSuffix("/") || name.contains("//") {
            return "a branch name must not start or end with '/' or contain '//'"
        }
        if name.hasSuffix(".") { return "a branch name must not end with '.'" }
        if name.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".lock") }) {
            return "no part of a branch name between slashes may start with '.' or end with '.lock'"
        }
        return nil
    }

    /// Characters git never allows in a ref name.
    private static let forbidden: Set<Character> = [" ", "~", "^", ":", "?", "*", "[", "\\"]

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
