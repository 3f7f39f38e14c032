// swift-tools-version: 6.1
import PackageDescription

/// Release builds of the modules on a build's hot path skip the run-time exclusivity checks
/// on class properties (the compile-time checks stay, and debug builds, which the tests run,
/// keep the run-time ones). Why: the simulator's engine is one class stepping millions of
/// times a second, and `MarkupWriter` (a class whose appends are inlined into the modules that
/// write markup) is called hundreds of thousands of times per figure; checking each access
/// cost more than the access itself (callgrind; docs/performance.md).
let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "notesim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "notesim", targets: ["NotesCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The C library cmark, through pkg-config; imported by NotesMarkdown only.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Linux system calls that Swift's Glibc module does not expose (renameat2).
        .target(name: "CSystemShims"),
        // Positions, diagnostics and source files: the vocabulary every stage shares.
        .target(name: "NotesCore", swiftSettings: uncheckedExclusivity),
        // The deterministic discrete-event simulator of Lambda invocation.
        .target(
            name: "LambdaSimulator",
            dependencies: ["NotesCore"],
            swiftSettings: uncheckedExclusivity
        ),
        // Trace -> timeline model -> SVG, and the event-log table; no I/O.
        .target(
            name: "TimelineRender", dependencies: ["LambdaSimulator", "NotesCore"],
            swiftSettings: uncheckedExclusivity
        ),
        // YAML text -> nodes with exact file positions (front matter, notesim.yml, scenario
        // blocks): the one module that imports Yams, behind a fast reader for plain YAML.
        .target(name: "NotesYAML", dependencies: ["NotesCore", .product(name: "Yams", package: "Yams")]),
        // Scenario blocks: YAML -> ScenarioSpec + expectations, and verification of a trace.
        .target(name: "ScenarioKit", dependencies: ["LambdaSimulator", "NotesCore", "NotesYAML"]),
        // Markdown -> page model and HTML, through cmark.
        .target(name: "NotesMarkdown", dependencies: ["CCmark", "NotesCore"]),
        // The search index: terms without a dictionary (CJK bigrams, stemmed words), shards
        // fetched on demand, patched page by page; no I/O.
        .target(name: "SearchIndex", dependencies: ["NotesCore"]),
        // The pipeline: load, parse, check, render, write.
        .target(
            name: "SiteBuilder",
            dependencies: [
                "NotesCore", "NotesMarkdown", "NotesYAML", "CSystemShims", "ScenarioKit", "LambdaSimulator", "TimelineRender",
                "SearchIndex",
            ],
            resources: [.copy("Theme")],
            swiftSettings: uncheckedExclusivity
        ),
        // `notesim serve`: a local preview with live reload, on Hummingbird.
        .target(
            name: "PreviewServer",
            dependencies: ["SiteBuilder", "NotesCore", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "NotesCLI",
            dependencies: [
                "SiteBuilder", "NotesCore", "ScenarioKit", "LambdaSimulator", "TimelineRender", "PreviewServer", "SearchIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc instead of glibc's malloc for the whole process (Debian's libjemalloc-dev):
            // a build allocates millions of short-lived strings and arrays on both cores, and
            // glibc's malloc took 14 % of a full build's time (perf); README, "Build performance".
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // `make bench-sim`: simulator throughput, compared with a SimPy model of the same workloads.
        // Linked as notesim is (jemalloc), so it measures the simulator as notesim runs it.
        .executableTarget(
            name: "notesim-bench-sim", dependencies: ["LambdaSimulator", "TimelineRender"], path: "Benchmarks/SimulatorBenchmark",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        // `make fuzz`: libFuzzer targets (built with -sanitize=fuzzer,address -DFUZZING); without
        // those flags they replay a corpus given on the command line.
        .target(name: "FuzzTargets", dependencies: ["SiteBuilder", "NotesCore"], path: "Fuzz/FuzzTargets"),
        .executableTarget(name: "notesim-fuzz-scenario", dependencies: ["FuzzTargets"], path: "Fuzz/FuzzScenario"),
        .executableTarget(name: "notesim-fuzz-page", dependencies: ["FuzzTargets"], path: "Fuzz/FuzzPage"),
        .executableTarget(name: "notesim-fuzz-structured", dependencies: ["FuzzTargets"], path: "Fuzz/FuzzStructured"),
        .target(name: "TestSupport", dependencies: ["NotesCore", "SiteBuilder"], path: "Tests/TestSupport"),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzTargets"]),
        .testTarget(name: "NotesCoreTests", dependencies: ["NotesCore", "TestSupport"]),
        .testTarget(name: "NotesMarkdownTests", dependencies: ["NotesMarkdown", "NotesCore", "TestSupport"], exclude: ["GitHub/Fixtures"]),
        .testTarget(
            name: "LambdaSimulatorTests",
            dependencies: [
                "LambdaSimulator", "NotesCore", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "TimelineRenderTests",
            dependencies: ["TimelineRender", "LambdaSimulator", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["__Snapshots__"]
        ),
        // The fast reader is checked against Yams on every YAML text in the repository.
        .testTarget(name: "NotesYAMLTests", dependencies: ["NotesYAML", "NotesCore", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ScenarioKitTests", dependencies: ["ScenarioKit", "LambdaSimulator", "NotesCore", "TestSupport"]),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: ["PreviewServer", "SiteBuilder", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "NotesCore"]),
        .testTarget(name: "NotesCLITests", dependencies: ["NotesCLI", "TestSupport", "TimelineRender"]),
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: [
                "SiteBuilder", "NotesCore", "TestSupport",
                // The template engine is checked against the one it replaced.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["__Snapshots__", "Fixtures"]
        ),
    ]
)
