import Mustache
import SiteBuilder
import Testing

/// notesim's template engine against swift-mustache (the engine it replaced): the same
/// templates and data must give the same bytes, whitespace included.
@Suite struct TemplateDifferentialTests {
    /// A template with its partials and data.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var partials: [String: String] = [:]
        var data: TemplateValue = [:]
        var testDescription: String { name }
    }

    static let page: TemplateValue = [
        "lang": "ja", "root": "../", "homeURL": "../index.html", "pagePath": "a/b.html", "search": true,
        "searchBundle": "../search-index/",
        "site": ["title": "Notes <&>", "language": "ja", "description": ""],
        "ui": [
            "onThisPage": "このページの内容", "previous": "前へ", "next": "次へ", "notes": "ノート", "menu": "メニュー",
            "skipToContent": "本文へ", "toggleTheme": "ライト / ダーク", "allNotes": "すべて", "home": "ホーム", "notFound": "なし",
        ],
        "assets": ["style": "../assets/style.1.css", "script": "../assets/notesim.2.js", "toc": "../toc.3.js", "tocPage": "../toc.html"],
        "page": [
            "title": "Tom's \"page\"", "lang": "ja", "content": .bytes(Array("<p>x &amp; y</p>\n".utf8)[...]), "showTitle": true,
            "description": "a <b> description", "hasHeadings": true,
            "headings": .list([["id": "a", "text": "A & B", "level": 2, "isSub": false], ["id": "c", "text": "C", "level": 3, "isSub": true]]),
        ],
        "previous": ["title": "Prev", "url": "../p.html"],
        "notes": .list([["title": "One", "depth": 0, "url": "one.html"], ["title": "Folder", "depth": 1]]),
        "entries": .list([
            [
                "title": "F", "url": "", "hasURL": false, "hasChildren": true,
                "children": .list([["title": "x<y", "url": "f/x.html", "hasURL": true, "hasChildren": false, "children": .list([])]]),
            ]
        ]),
        "toc": "<ol class=\"toc\"></ol>",
    ]

    static let theme: [Case] = BuiltinTheme.files.keys.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("partials/") }.sorted().map { path in
        Case(name: "built-in \(path)", template: text(BuiltinTheme.files[path]!), partials: builtinPartials, data: page)
    }

    static let builtinPartials: [String: String] = Dictionary(
        uniqueKeysWithValues: BuiltinTheme.files.compactMap { path, bytes in
            path.hasSuffix(".mustache") ? (String(path.dropLast(".mustache".count)), text(bytes)) : nil
        })

    static let cases: [Case] =
        theme + [
            Case(
                name: "variables and escaping", template: "{{a}} {{{a}}} {{&a}} {{ a }} {{n}} {{t}} {{f}} {{missing}}|",
                data: ["a": "<'&\">", "n": 42, "t": true, "f": false]),
            Case(
                name: "dotted names and broken chains", template: "{{a.b.c}}/{{#a}}{{b.c}}{{/a}}/{{a.x.c}}/{{#a.b}}{{c}}{{d}}{{/a.b}}",
                data: ["a": ["b": ["c": "deep"]], "d": "outer"]),
            Case(name: "anchored names do not climb", template: "{{#a}}[{{.x}}][{{x}}]{{/a}}", data: ["a": ["y": 1], "x": "outer"]),
            Case(name: "implicit iterator", template: "{{#list}}({{.}}){{/list}}", data: ["list": .list(["a", "<b>", 3])]),
            Case(name: "standalone sections", template: "begin\n  {{#a}}\n  inside {{b}}\n  {{/a}}\n{{^a}}\nnot\n{{/a}}\nend\n", data: ["a": ["b": "B"]]),
            Case(name: "inline sections keep their spaces", template: "  {{#a}}x{{/a}}  {{^a}}y{{/a}}\n", data: ["a": true]),
            Case(
                name: "empty lists and false", template: "{{#l}}item{{/l}}{{^l}}none{{/l}}|{{#f}}yes{{/f}}{{^f}}no{{/f}}|{{^missing}}gone{{/missing}}",
                data: ["l": .list([]), "f": false]),
            Case(name: "comments", template: "a{{! inline }}b\n  {{! standalone }}\nc {{!\nmulti\nline\n}} d\n"),
            Case(name: "set delimiters", template: "{{=<% %>=}}\n<% a %> {{a}}\n<%={{ }}=%>\n{{a}}\n", data: ["a": "x"]),
            Case(name: "CRLF lines", template: "a\r\n{{#b}}\r\nin\r\n{{/b}}\r\nz\r\n", data: ["b": true]),
            Case(name: "trailing whitespace at the end", template: "x\n  {{#a}}y{{/a}}  ", data: ["a": true]),
            Case(
                name: "standalone partial is indented", template: "<ul>\n  {{> item}}\n</ul>\n", partials: ["item": "<li>{{a}}</li>\n<li>{{b}}</li>\n"],
                data: ["a": "1\n2", "b": "3"]),
            Case(
                name: "recursive partial", template: "{{> node}}", partials: ["node": "{{name}}{{#kids}}({{> node}}){{/kids}}"],
                data: ["name": "root", "kids": .list([["name": "a", "kids": .list([["name": "b", "kids": .list([])]])]])]),
            Case(name: "missing partial", template: "[{{> nowhere}}]"),
            Case(
                name: "parent with blocks", template: "{{<base}}\n{{$title}}Mine{{/title}}\n{{/base}}\n",
                partials: ["base": "<h1>{{$title}}Default{{/title}}</h1>\n<p>{{$body}}Body {{x}}{{/body}}</p>\n"], data: ["x": "X"]),
            Case(
                name: "multilevel inheritance: the outermost override wins", template: "{{<middle}}{{$a}}page{{/a}}{{/middle}}",
                partials: ["middle": "{{<base}}{{$a}}middle{{/a}}{{$b}}middle-b{{/b}}{{/base}}", "base": "[{{$a}}base{{/a}}][{{$b}}base-b{{/b}}]"]),
            Case(
                name: "indented block override", template: "{{<base}}\n  {{$main}}\n    one\n    two\n  {{/main}}\n{{/base}}\n",
                partials: ["base": "<main>\n  {{$main}}{{/main}}\n</main>\n"]),
            Case(
                name: "sections look up through every level", template: "{{#a}}{{#b}}{{c}}{{d}}{{e}}{{/b}}{{/a}}",
                data: ["a": ["b": ["c": "C"], "d": "D"], "e": "E"]),
            Case(name: "japanese text", template: "「{{a}}」{{#l}}・{{.}}{{/l}}\n", data: ["a": "ノート & メモ", "l": .list(["一", "二"])]),
        ]

    @Test(arguments: cases)
    func rendersWhatSwiftMustacheRenders(_ example: Case) throws {
        var ours = TemplateLibrary()
        var theirs = MustacheLibrary()
        for (name, source) in example.partials {
            ours.register(try Template(source), named: name)
            theirs.register(try MustacheTemplate(string: source), named: name)
        }
        ours.register(try Template(example.template), named: "main")
        theirs.register(try MustacheTemplate(string: example.template), named: "main")
        let expected = theirs.render(Self.any(example.data), withTemplate: "main")
        #expect(String(decoding: ours.render(example.data, template: "main"), as: UTF8.self) == expected)
    }

    /// The data as swift-mustache takes it.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(any)
        case .object(let object): Dictionary(uniqueKeysWithValues: zip(object.keys, object.values.map(any)))
        }
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
