/// The Python program that highlights a batch of blocks with Pygments (Debian's
/// `python3-pygments`), run as `python3 -c SCRIPT`.
///
/// Input on stdin: a JSON array of `[language, code]` pairs; output on stdout: a JSON array
/// with, per pair, the HTML or null (no lexer for the language, or the lexer failed). Why a
/// loop of its own instead of Pygments' `HtmlFormatter`:
/// - text is escaped exactly as cmark escapes code (`&`, `<`, `>`, `"`; not `'`), so with its
///   spans removed the HTML is cmark's plain code block, byte for byte;
/// - neighbouring tokens of one class share a span, a span never crosses a line end, and tokens the theme does not colour (plain text,
///   white space, plain names, punctuation) get none, which keeps pages small;
/// - a lexer is made once per language with `stripnl` and `ensurenl` off, so the code is
///   neither trimmed nor given a newline, and a lexer whose tokens do not add up to the code
///   gives null rather than changed code.
/// Classes are Pygments' short names (`k`, `s2`, `nt`, `gp` …), the ones every Pygments
/// style sheet uses.
enum PygmentsScript {
    static let source = #"""
        import json, sys
        from pygments.lexers import get_lexer_by_name
        from pygments.token import STANDARD_TYPES
        SKIP = {"", "w", "n", "p"}
        lexers = {}
        def lexer(name):
            if name not in lexers:
                try:
                    lexers[name] = get_lexer_by_name(name, stripnl=False, ensurenl=False)
                except Exception:
                    lexers[name] = None
            return lexers[name]
        def css(ttype):
            while ttype not in STANDARD_TYPES:
                ttype = ttype.parent
            return STANDARD_TYPES[ttype]
        def escape(text):
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        def html(name, code):
            found = lexer(name.lower())
            if found is None:
                return None
            runs, seen = [], []
            for ttype, value in found.get_tokens(code):
                seen.append(value)
                cls = css(ttype)
                if cls in SKIP or not value.strip():
                    cls = ""
                if runs and runs[-1][0] == cls:
                    runs[-1][1].append(value)
                else:
                    runs.append((cls, [value]))
            if "".join(seen) != code:
                return None
            out = []
            for cls, values in runs:
                text = "".join(values)
                if not cls:
                    out.append(escape(text))
                    continue
                lines = text.split("\n")
                for index, line in enumerate(lines):
                    if line:
                        out.append('<span class="%s">%s</span>' % (cls, escape(line)))
                    if index < len(lines) - 1:
                        out.append("\n")
            return "".join(out)
        def safe(name, code):
            try:
                return html(name, code)
            except Exception:
                return None
        blocks = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        sys.stdout.write(json.dumps([safe(name, code) for name, code in blocks]))
        """#
}
