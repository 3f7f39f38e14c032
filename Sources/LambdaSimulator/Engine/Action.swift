/// Something scheduled to happen at a future millisecond.
enum Action {
    // Synchronous (S*).
    case syncTry(item: Int, callerTry: Int)
    case syncEnd(item: Int, invocation: Int, instance: Int, result: AttemptResult, callerTry: Int)
    case syncCallerGaveUp(item: Int, callerTry: Int)
    // Asynchronous (A*), and the services that hand events to Lambda (R2–R9).
    case handOff(HandOff)
    case asyncReady(AsyncItem)
    case asyncEnd(invocation: Int, instance: Int, result: AttemptResult)
    // Event source mappings (E*, Q*, K*).
    case laneWake(lane: Int)
    case laneEnd(lane: Int, invocation: Int, instance: Int, result: AttemptResult)
    case messageVisible(item: Int, receiveCount: Int)
    /// Kafka: the once-a-minute offset-lag evaluation, and the poller change it decided (KF7).
    case pollerEvaluation
    case pollerChange(count: Int)
    // Execution environments (X*).
    case provisionedReady(count: Int)
    /// X8: a provisioned environment's recycle is due, and its `Init` again is over.
    case provisionedRecycleDue(instance: Int)
    case provisionedReinitialized(instance: Int)
}
