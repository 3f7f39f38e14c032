import CodeHighlighting
import Foundation
import Testing

/// Highlighting classes the tokens a reader looks for, and never changes the code: without
/// its spans the HTML is the code escaped exactly as cmark escapes it.
@Suite struct CodeHighlighterTests {
    @Test func jsonKeysStringsNumbersAndLiterals() {
        #expect(
            CodeHighlighter.highlight("{\"a\": \"b\", \"n\": -1.5e3, \"ok\": true}\n", language: "json")
                == "{<span class=\"hl-a\">&quot;a&quot;</span>: <span class=\"hl-s\">&quot;b&quot;</span>, <span class=\"hl-a\">&quot;n&quot;</span>: -<span class=\"hl-n\">1.5e3</span>, <span class=\"hl-a\">&quot;ok&quot;</span>: <span class=\"hl-l\">true</span>}\n"
        )
    }

    @Test func yamlKeysCommentsAndValues() {
        #expect(
            CodeHighlighter.highlight("retry:\n  - attempts: 2 # max\n    on: 'error#1'\n", language: "yaml")
                == "<span class=\"hl-a\">retry</span>:\n  - <span class=\"hl-a\">attempts</span>: <span class=\"hl-n\">2</span> <span class=\"hl-c\"># max</span>\n    <span class=\"hl-a\">on</span>: <span class=\"hl-s\">&#39;error#1&#39;</span>\n"
                .replacingOccurrences(of: "&#39;", with: "'"))
    }

    @Test func shellVariablesAndConsolePrompts() {
        #expect(
            CodeHighlighter.highlight("$ aws lambda invoke --function-name $FN out.json\n{\"StatusCode\": 200}\n", language: "console")
                == "<span class=\"hl-p\">$ </span>aws lambda invoke --function-name <span class=\"hl-v\">$FN</span> out.json\n<span class=\"hl-o\">{&quot;StatusCode&quot;: 200}</span>\n"
        )
        #expect(
            CodeHighlighter.highlight("echo \"${A}\" # c\n", language: "sh")
                == "<span class=\"hl-k\">echo</span> <span class=\"hl-s\">&quot;${A}&quot;</span> <span class=\"hl-c\"># c</span>\n")
    }

    @Test func keywordsAndMultilineStringsAndComments() {
        #expect(
            CodeHighlighter.highlight("def f():\n    \"\"\"a\n    b\"\"\"\n    return None\n", language: "python")
                == "<span class=\"hl-k\">def</span> f():\n    <span class=\"hl-s\">&quot;&quot;&quot;a</span>\n<span class=\"hl-s\">    b&quot;&quot;&quot;</span>\n    <span class=\"hl-k\">return</span> <span class=\"hl-l\">None</span>\n"
        )
        #expect(
            CodeHighlighter.highlight("SELECT * FROM t -- x\n", language: "sql")
                == "<span class=\"hl-k\">SELECT</span> * <span class=\"hl-k\">FROM</span> t <span class=\"hl-c\">-- x</span>\n")
        #expect(
            CodeHighlighter.highlight("FROM python:3.12\nRUN pip install x\n", language: "Dockerfile")
                == "<span class=\"hl-k\">FROM</span> python:<span class=\"hl-n\">3.12</span>\n<span class=\"hl-k\">RUN</span> pip install x\n")
    }

    @Test func unknownLanguagesAreLeftPlain() {
        #expect(CodeHighlighter.highlight("x", language: "brainfuck") == nil)
        #expect(CodeHighlighter.languages.allSatisfy { CodeHighlighter.highlight("a", language: $0) != nil })
    }

    /// Every language, on code full of what tokenizers trip over: the text survives.
    @Test func spansNeverChangeTheText() {
        let code = "a = \"unterminated\n/* open\n'x' `y` 0x1F 1_000 $ ${ # // -- ; [s]\nk: v\n\\\"<&>\"\n"
        let escaped = code.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        for language in CodeHighlighter.languages {
            let html = CodeHighlighter.highlight(code, language: language) ?? ""
            let text = html.replacingOccurrences(of: #"<span class="hl-[a-z]">"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "</span>", with: "")
            #expect(text == escaped, "\(language)")
        }
    }
}
