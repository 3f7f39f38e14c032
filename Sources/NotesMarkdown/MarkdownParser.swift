import NotesCore

/// Parses a note's Markdown (CommonMark, through cmark) into a `MarkdownPage`.
///
/// Raw HTML passes through unchanged apart from rewritten link destinations: notes are the
/// site owner's trusted input. Every cmark object is freed before this returns.
public enum MarkdownParser {
    /// Parses `text`; positions in the result are positions in `text`.
    public static func parse(_ text: String, options: MarkdownOptions = MarkdownOptions()) -> MarkdownPage {
        CmarkConverter(index: LineIndex(text), options: options).convert()
    }

    /// Parses UTF-8 bytes the caller has validated (`SourceDecoding.validate`).
    public static func parse(utf8 bytes: [UInt8], options: MarkdownOptions = MarkdownOptions()) -> MarkdownPage {
        CmarkConverter(index: LineIndex(bytes: bytes), options: options).convert()
    }
}
