/// The values the structured generator draws from: the boundaries where numbers, durations,
/// sizes and names have broken notesim before (issue 18), beside ordinary ones.
///
/// Kept in one place so that the libFuzzer dictionaries (`Fuzz/Dictionaries`) and the
/// generator speak of the same values.
enum ValuePools {
    /// Whole numbers: small, AWS's boundaries, and the 64-bit extremes and one past them.
    static let integers = [
        "0", "1", "2", "3", "10", "-1", "100", "1000", "10000", "1000000", "1000001",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "99999999999999999999999999", "0.5", "1e309", "-0", ".inf", "-.inf", ".nan",
        "0x7fffffffffffffff", "1_000", "007", "~", "\"1\"",
    ]

    /// Durations in the scenario language: zero, tiny, AWS's limits, past the 100000d bound
    /// and at the 64-bit extremes in milliseconds.
    static let durations = [
        "0s", "0ms", "1ms", "2ms", "100ms", "1s", "1.5s", "1m", "2min", "15m", "1h", "12h", "7d", "14d",
        "100000d", "100001d", "9223372036854775807ms", "-9223372036854775808ms", "9223372036854775808ms",
        "-1ms", "-1s", "0.0001ms", "1e3s", "1", "ms", "",
    ]

    /// Sizes: zero, AWS's payload limits, the 1024GB bound and past it.
    static let sizes = [
        "0B", "1B", "256KB", "1MB", "6MB", "6291456B", "6291457B", "1024GB", "1025GB", "9223372036854775807B", "-1B", "1.5KB",
    ]

    /// Every way to say how the function is invoked.
    static let modes = [
        "mode: sync", "mode: async", "mode: sqs", "mode: sqs-fifo", "mode: kinesis", "mode: dynamodb",
        "InvocationType: RequestResponse", "InvocationType: Event", "InvocationType: DryRun",
        "trigger: s3", "trigger: api-gateway", "trigger: step-functions", "mode: nonsense",
    ]

    /// What `fails` can say (the unbounded ones included: `always` with tiny retry delays is
    /// how a scenario ran for hours of simulated time).
    static let fails = [
        "never", "always", "[1]", "[1, 2]", "[2, 3, 4]", "{ records: [1], times: 1000 }", "{ records: [5] }",
        "{ rate: 10% }", "{ rate: 100% }", "{ rate: 101% }", "{ rate: -1% }", "[0]", "[9223372036854775807]",
    ]

    /// Names of notes and other files, as URL syntax, markup, control characters, reserved
    /// output names and non-ASCII text.
    static let names = [
        "a", "b", "index", "README", "h#1", "100%", "what?", "a b", "javascript:alert(1);x", "日本語", "\"q'<x>", "-lead",
        "toc", "404", "robots", "sitemap", "m", "line\nbreak", "tab\there", "::error::x", "%0A", "a&amp;b", "a_b",
        "x.y", "CON", "…", "e\u{301}", "\u{202E}rtl", ":", "..x", "~", "+",
    ]

    /// Folders a file can be in: none, odd names, generated folders of the output, deep.
    static let folders = ["", "", "", "sub/", "a b/", "深い/", "assets/", "pagefind/", "h#1/", "x/y/z/", "index/", "javascript:/"]

    /// The folders of a clean site: not the output's generated ones, which are errors.
    static let cleanFolders = ["", "", "", "sub/", "a b/", "深い/", "h#1/", "x/y/z/", "index/", "javascript:/"]

    /// Paths notesim writes itself: a source there would overwrite them, or be overwritten.
    static let generatedPaths = [
        "index.html", "404.html", "toc.html", "toc.js", "robots.txt", "sitemap.xml", "assets/style.css", "assets/notesim.js", "pagefind/pagefind.js",
    ]

    /// Words of the interface and claims: valid, invalid and hostile.
    static let words = [
        "ok", "error", "timeout", "throttled", "service-error", "dlq", "on-failure", "discarded", "pending",
        "preserved", "window", "size", "payload", "<script>alert(1)</script>", "\"q\"", "日本語", "",
    ]
}
