/// A place in a source file: 1-based line and 1-based column counted in characters.
///
/// Columns count Swift `Character`s (grapheme clusters), not UTF-8 bytes, so that a
/// position in a Japanese note points where an editor's cursor would be.
public struct SourcePosition: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column in characters, from 1.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
