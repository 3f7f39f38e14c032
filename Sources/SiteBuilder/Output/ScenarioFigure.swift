import LambdaSimulator
import NotesCore
import NotesMarkdown
import ScenarioKit
import TimelineRender

/// The HTML that replaces a scenario block on the page: timeline, verdicts, assumptions,
/// rules, event log and the source.
enum ScenarioFigure {
    static func html(document: ScenarioDocument, trace: Trace, block: CodeBlock, id: String, verdicts: [Verifier.Verdict], language: String) -> String {
        let japanese = language.lowercased().hasPrefix("ja")
        let options = TimelineOptions(language: language, idPrefix: id, linearAxis: document.linearAxis, title: document.title)
        var html = "<figure class=\"timeline scenario\" id=\"\(id)\">\n"
        let model = TimelineLayout.layout(trace, options: options)
        let failures = verdicts.filter { !$0.passed }
        html += "<figcaption><strong>\(escape(document.title))</strong>\n\(Legend.html(model, language: language))</figcaption>\n"
        if !failures.isEmpty {
            html += "<div class=\"callout callout-error\" role=\"alert\"><strong>\(japanese ? "シミュレーターと一致しない主張があります" : "Some claims do not match the simulator")</strong><ul>\n"
            for failure in failures {
                html += "<li>\(escape(failure.diagnostic?.formatted ?? failure.summary))</li>\n"
            }
            html += "</ul></div>\n"
        }
        html += SVGWriter.svg(model, idPrefix: id)
        html += verdictList(verdicts, japanese: japanese)
        let assumptions = trace.assumptionsUsed.sorted()
        if !assumptions.isEmpty {
            html += "<p class=\"scenario-assumptions\">\(japanese ? "前提 (ドキュメントに記載のない値)" : "Assumptions (values AWS does not document)"): "
            html += assumptions.map { "<a href=\"#\(id)-assume-\($0.rawValue)\">\(escape($0.rawValue))</a>" }.joined(separator: ", ")
            html += "</p>\n<details class=\"scenario-assumption-notes\"><summary>\(japanese ? "前提の説明" : "What these assumptions mean")</summary><dl>\n"
            for name in assumptions {
                html += "<dt id=\"\(id)-assume-\(name.rawValue)\"><code>\(escape(name.rawValue))</code></dt><dd>\(escape(name.explanation))</dd>\n"
            }
            html += "</dl></details>\n"
        }
        let rules = RuleSet.ids.filter(trace.rulesFired.contains)
        if !rules.isEmpty {
            html += "<p class=\"scenario-rules\">\(japanese ? "根拠となるルール" : "Rules"): \(rules.joined(separator: " "))</p>\n"
        }
        html += "<details class=\"scenario-log\"><summary>\(japanese ? "イベントログ" : "Event log")</summary>\n"
        html += EventLog.html(trace, options: options)
        html += "</details>\n"
        html += source(block, id: id, japanese: japanese)
        html += "</figure>"
        return html
    }

    static func rejected(document: ScenarioDocument, block: CodeBlock, id: String, verdicts: [Verifier.Verdict], path: String) -> String {
        var html = "<figure class=\"timeline scenario scenario-rejected\" id=\"\(id)\">\n"
        html += "<figcaption><strong>\(escape(document.title))</strong></figcaption>\n<ul class=\"scenario-rejections\">\n"
        for issue in document.validationIssues {
            html += "<li>AWS rejects: \(escape(issue.description))</li>\n"
        }
        html += "</ul>\n" + verdictList(verdicts, japanese: false) + source(block, id: id, japanese: false) + "</figure>"
        return html
    }

    static func broken(block: CodeBlock, id: String, problems: [Diagnostic]) -> String {
        var html = "<figure class=\"timeline scenario scenario-broken\" id=\"\(id)\">\n<div class=\"callout callout-error\" role=\"alert\"><ul>\n"
        for problem in problems where problem.isError {
            html += "<li>\(escape(problem.formatted))</li>\n"
        }
        html += "</ul></div>\n" + source(block, id: id, japanese: false) + "</figure>"
        return html
    }

    private static func verdictList(_ verdicts: [Verifier.Verdict], japanese: Bool) -> String {
        guard !verdicts.isEmpty else { return "" }
        var html = "<ul class=\"scenario-verdicts\">\n"
        for verdict in verdicts {
            let mark = verdict.passed ? "✓" : "✗"
            let cls = verdict.passed ? "verdict-pass" : "verdict-fail"
            html += "<li class=\"\(cls)\"><span aria-hidden=\"true\">\(mark)</span> <code>\(escape(verdict.key))</code> \(escape(verdict.summary))</li>\n"
        }
        return html + "</ul>\n"
    }

    private static func source(_ block: CodeBlock, id: String, japanese: Bool) -> String {
        "<details class=\"scenario-source\" id=\"\(id)-source\"><summary>\(japanese ? "シナリオのソース" : "Scenario source")</summary>"
            + "<pre><code class=\"language-yaml\">\(escape(block.literal))</code></pre></details>\n"
    }

    private static func escape(_ text: String) -> String {
        HTMLEscaping.text(text)
    }
}
