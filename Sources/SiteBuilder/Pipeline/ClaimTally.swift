import NotesCore

/// The scenarios and claims of a build, and their diagnostics: kept notes report what they
/// reported last time, the notes parsed now what their scenarios gave.
struct ClaimTally {
    var scenarios = 0
    var passed = 0
    var failed = 0
    var diagnostics: [Diagnostic] = []

    init(kept: [String: BuildManifest.NoteRecord], fresh: [String: ScenarioStage.Output]) {
        for record in kept.values {
            diagnostics += record.diagnostics
            scenarios += record.scenarios
            passed += record.passed
            failed += record.failed
        }
        for (path, result) in fresh where kept[path] == nil {
            diagnostics += result.diagnostics
            scenarios += result.scenarios
            passed += result.passed
            failed += result.failed
        }
    }
}
