import NotesCore

/// Encodes text as a JavaScript string literal that is safe inside a `<script>` element.
enum JavaScriptString {
    /// A double-quoted literal as UTF-8 bytes; `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`.
    static func literalBytes(_ text: String) -> [UInt8] {
        JSONString.quotedBytes(text)
    }
}
