/// How far a build has got: one stage's count of items done, reported as it advances.
///
/// The pipeline reports it through `SitePipeline.Options.progress`; the command line draws
/// it as a live line on a terminal. Reports are cheap and frequent (one per item); a
/// consumer decides how often to show them.
public struct BuildProgress: Sendable, Equatable {
    /// The stages a build reports, in order.
    public enum Stage: String, Sendable, CaseIterable {
        case notes, scenarios, pages, files, search

        /// The stage's place in a build.
        public var ordinal: Int { Self.allCases.firstIndex(of: self)! }
    }

    public var stage: Stage
    public var done: Int
    public var total: Int

    public init(_ stage: Stage, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// Receives progress reports.
    public typealias Handler = @Sendable (BuildProgress) -> Void
}
