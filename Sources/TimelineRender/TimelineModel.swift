/// A timeline figure before it becomes SVG: lanes, marks, the time axis and the legend.
///
/// Every coordinate is already decided here, so a test can check layout (no overlaps,
/// nothing outside the view box) without parsing SVG.
public struct TimelineModel: Sendable, Equatable {
    /// A horizontal band of the figure: a caller, a queue, an execution environment, …
    public struct Lane: Sendable, Equatable {
        public var name: String
        public var y: Double
        public var height: Double
    }

    /// What a mark shows; each kind has a shape and a word, never colour alone.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case attemptOK = "ok"
        case attemptError = "error"
        case attemptTimeout = "timeout"
        case throttle
        case arrival
        case response
        case wait
        case batch
        case delivery
        case deliveryFailed = "delivery-failed"
        case discard
        case blocked
        /// The `Init` of a cold start, over the start of its attempt's bar (X1, X6); only the
        /// legend names it, the box is part of the attempt's mark (`Mark.initX1`).
        case coldStart = "init"
        /// An invocation recursive loop detection stopped (L3, L4): a circle struck through.
        case recursionStop = "loop-stop"

        /// A handler run (a filled bar, which its label may be written on).
        public var isAttempt: Bool { self == .attemptOK || self == .attemptError || self == .attemptTimeout }
    }

    /// One drawn thing: a bar (x0 < x1) or an instant (x0 == x1).
    public struct Mark: Sendable, Equatable {
        public var kind: Kind
        public var lane: Int
        public var x0: Double
        public var x1: Double
        /// The visible label, possibly truncated; nil when there was no room.
        public var label: String?
        public var labelX: Double
        /// Baseline of the label.
        public var labelY: Double
        /// The whole story of the mark (shown as a tooltip and read by screen readers).
        public var title: String
        /// Start and end in ms.
        public var start: Int64
        public var end: Int64
        /// A cold start's attempt: where its `Init` ends on the bar (X6), drawn inside the
        /// attempt's own mark so that its label stays readable.
        public var initX1: Double? = nil
        /// A run of arrivals drawn as one mark: the x of each dot, the first at `x0` (empty
        /// for one arrival). `end` is then the last arrival's time.
        public var dots: [Double] = []
    }

    /// A stretch of time drawn at the shared scale.
    public struct Segment: Sendable, Equatable {
        public var start: Int64
        public var end: Int64
        public var x0: Double
        public var x1: Double
    }

    /// A cut-out idle gap between two segments.
    public struct Break: Sendable, Equatable {
        public var x: Double
        public var hidden: Int64
        /// The hidden time, or nil when a neighbouring break's label took the room (the
        /// description still lists it).
        public var label: String?
        public var labelY: Double
    }

    /// A labelled axis tick.
    public struct Tick: Sendable, Equatable {
        public var x: Double
        public var label: String
    }

    public var title: String
    public var description: String
    public var width: Double
    public var height: Double
    public var gutter: Double
    public var plotTop: Double
    public var lanes: [Lane]
    public var marks: [Mark]
    public var segments: [Segment]
    public var breaks: [Break]
    public var ticks: [Tick]
    /// Mark kinds present, in legend order.
    public var legend: [Kind]
    public var fontSize: Double
}
