import NotesCore

/// Encodes text as a JavaScript string literal that is safe inside a `<script>` element.
enum JavaScriptString {
    /// A double-quoted literal as UTF-8 bytes, between `prefix` and `suffix`; `<`, `>`, `&`,
    /// U+2028 and U+2029 are written as `\uXXXX`.
    static func literalBytes(_ text: String, prefix: StaticString = "", suffix: StaticString = "") -> [UInt8] {
        JSONString.quotedBytes(text, prefix: prefix, suffix: suffix)
    }
}
