import LambdaSimulator
import NotesCore
import NotesMarkdown
import ScenarioKit
import TimelineRender

/// The HTML (UTF-8) that replaces a scenario block on the page: timeline, verdicts,
/// assumptions, rules, event log and the source.
enum ScenarioFigure {
    /// The figure for a block as far as it got: the timeline, AWS's rejection, or its problems.
    static func html(for run: ScenarioRun, block: CodeBlock, id: String, path: String, language: String) -> [UInt8] {
        switch run.status {
        case .simulated(let trace):
            guard let document = run.document else { return broken(block: block, id: id, problems: run.diagnostics) }
            return html(document: document, trace: trace, block: block, id: id, verdicts: run.verdicts, language: document.language ?? language)
        case .rejected:
            guard let document = run.document else { return broken(block: block, id: id, problems: run.diagnostics) }
            return rejected(document: document, block: block, id: id, verdicts: run.verdicts, path: path)
        case .broken, .stopped:
            return broken(block: block, id: id, problems: run.diagnostics)
        }
    }

    static func html(document: ScenarioDocument, trace: Trace, block: CodeBlock, id: String, verdicts: [Verifier.Verdict], language: String) -> [UInt8] {
        let japanese = language.lowercased().hasPrefix("ja")
        let options = TimelineOptions(language: language, idPrefix: id, linearAxis: document.linearAxis, title: document.title)
        let model = TimelineLayout.layout(trace, options: options)
        let out = MarkupWriter(capacity: 8192)
        out.raw("<figure class=\"timeline scenario\" id=\""); out.raw(string: id); out.raw("\">\n")
        out.raw("<figcaption><strong>"); out.text(document.title); out.raw("</strong>\n")
        Legend.write(model, language: language, into: out)
        out.raw("</figcaption>\n")
        let failures = verdicts.filter { !$0.passed }
        if !failures.isEmpty {
            out.raw("<div class=\"callout callout-error\" role=\"alert\"><strong>")
            out.raw(japanese ? "シミュレーターと一致しない主張があります" : "Some claims do not match the simulator")
            out.raw("</strong><ul>\n")
            for failure in failures {
                out.raw("<li>"); out.text(failure.diagnostic?.formatted ?? failure.summary); out.raw("</li>\n")
            }
            out.raw("</ul></div>\n")
        }
        SVGWriter.write(model, idPrefix: id, into: out)
        verdictList(verdicts, into: out)
        let assumptions = trace.assumptionsUsed.sorted()
        if !assumptions.isEmpty {
            out.raw("<p class=\"scenario-assumptions\">")
            out.raw(japanese ? "前提 (ドキュメントに記載のない値)" : "Assumptions (values AWS does not document)")
            out.raw(": ")
            for (index, name) in assumptions.enumerated() {
                if index > 0 { out.raw(", ") }
                out.raw("<a href=\"#"); out.raw(string: id); out.raw("-assume-"); out.raw(string: name.rawValue); out.raw("\">"); out.text(name.rawValue); out.raw("</a>")
            }
            out.raw("</p>\n<details class=\"scenario-assumption-notes\"><summary>")
            out.raw(japanese ? "前提の説明" : "What these assumptions mean")
            out.raw("</summary><dl>\n")
            for name in assumptions {
                out.raw("<dt id=\""); out.raw(string: id); out.raw("-assume-"); out.raw(string: name.rawValue); out.raw("\"><code>"); out.text(name.rawValue)
                out.raw("</code></dt><dd>"); out.text(name.explanation); out.raw("</dd>\n")
            }
            out.raw("</dl></details>\n")
        }
        // In reference order: the few fired ids as a set of bits (not all 64 ids looked up).
        let rules = trace.rulesFired.reduce(RuleSet()) { $0.union(RuleSet(id: $1) ?? []) }.names
        if !rules.isEmpty {
            out.raw("<p class=\"scenario-rules\">"); out.raw(japanese ? "根拠となるルール" : "Rules"); out.raw(": ")
            out.raw(string: rules.joined(separator: " ")); out.raw("</p>\n")
        }
        out.raw("<details class=\"scenario-log\"><summary>"); out.raw(japanese ? "イベントログ" : "Event log"); out.raw("</summary>\n")
        EventLog.write(trace, options: options, into: out)
        out.raw("</details>\n")
        source(block, id: id, japanese: japanese, into: out)
        out.raw("</figure>")
        return out.bytes
    }

    static func rejected(document: ScenarioDocument, block: CodeBlock, id: String, verdicts: [Verifier.Verdict], path: String) -> [UInt8] {
        let out = MarkupWriter()
        out.raw("<figure class=\"timeline scenario scenario-rejected\" id=\""); out.raw(string: id); out.raw("\">\n")
        out.raw("<figcaption><strong>"); out.text(document.title); out.raw("</strong></figcaption>\n<ul class=\"scenario-rejections\">\n")
        for issue in document.validationIssues {
            out.raw("<li>AWS rejects: "); out.text(issue.description); out.raw("</li>\n")
        }
        out.raw("</ul>\n")
        verdictList(verdicts, into: out)
        source(block, id: id, japanese: false, into: out)
        out.raw("</figure>")
        return out.bytes
    }

    static func broken(block: CodeBlock, id: String, problems: [Diagnostic]) -> [UInt8] {
        let out = MarkupWriter()
        out.raw("<figure class=\"timeline scenario scenario-broken\" id=\""); out.raw(string: id); out.raw("\">\n<div class=\"callout callout-error\" role=\"alert\"><ul>\n")
        for problem in problems where problem.isError {
            out.raw("<li>"); out.text(problem.formatted); out.raw("</li>\n")
        }
        out.raw("</ul></div>\n")
        source(block, id: id, japanese: false, into: out)
        out.raw("</figure>")
        return out.bytes
    }

    private static func verdictList(_ verdicts: [Verifier.Verdict], into out: MarkupWriter) {
        guard !verdicts.isEmpty else { return }
        out.raw("<ul class=\"scenario-verdicts\">\n")
        for verdict in verdicts {
            out.raw(verdict.passed ? "<li class=\"verdict-pass\"><span aria-hidden=\"true\">✓</span> <code>" : "<li class=\"verdict-fail\"><span aria-hidden=\"true\">✗</span> <code>")
            out.text(verdict.key.name); out.raw("</code> "); out.text(verdict.summary); out.raw("</li>\n")
        }
        out.raw("</ul>\n")
    }

    private static func source(_ block: CodeBlock, id: String, japanese: Bool, into out: MarkupWriter) {
        out.raw("<details class=\"scenario-source\" id=\""); out.raw(string: id); out.raw("-source\"><summary>")
        out.raw(japanese ? "シナリオのソース" : "Scenario source")
        out.raw("</summary><pre><code class=\"language-yaml\">"); out.text(block.literal); out.raw("</code></pre></details>\n")
    }
}
