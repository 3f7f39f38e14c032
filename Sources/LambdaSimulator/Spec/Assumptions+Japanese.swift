/// The assumptions' sentences in Japanese, for figures on Japanese pages.
///
/// Why a table of its own: a Japanese page explained its assumptions in English, the one
/// part of a figure a reader had to read in another language. Each sentence says what the
/// English one says (`Assumptions+Explanation.swift`), with the same rule id and default.
extension Assumptions.Name {
    /// What the assumption stands for and its default, in one Japanese sentence.
    public var japaneseExplanation: String {
        switch self {
        case .firstAttemptDelay: "非同期呼び出しの最初の試行までの遅延は AWS のドキュメントに記載がなく、0秒とする (A2)。"
        case .retryFrom: "再試行までの 1分と 2分の待ち時間は、失敗した試行の終了時点から数える (A3)。"
        case .throttleBackoff: "スロットリングされた非同期イベントは 1秒、2秒、4秒 … と最大 5分まで待って再試行する。正確な間隔は公開されていない (A8)。"
        case .streamRetryDelay:
            "失敗したストリームのバッチを再試行するまでの待ち時間はドキュメントに記載がなく、ポーリング 1 回分 (Kinesis は 1秒、DynamoDB は 250ミリ秒) とする (K9)。"
        case .bisectSplit: "二分割したバッチは前半を ⌈n/2⌉ 件のレコードとし、前半から先に再試行する (K10)。"
        case .bisectAtZeroRetries: "MaximumRetryAttempts が 0 でもバッチを二分割する (K10)。"
        case .sqsErrorBackoff: "関数のエラーの後、SQS のポーラーは待ち時間を足さずに次のポーリングをする (Q12)。"
        case .redriveAt: "maxReceiveCount に達したメッセージは、最後の可視性タイムアウトが終わった時点で DLQ に移る (Q4)。"
        case .windowStart: "バッチウィンドウは、マッピングの開始時と各呼び出しの終了後に開く。ソースにレコードがないときも同じ (E3)。"
        case .deliveryLatency: "送信先とデッドレターキューはメッセージを即座に受け取る (0秒とする。A12)。"
        case .pollLatency: "ポーリングは、レコードが読めるようになった瞬間にそのレコードを返す (0秒とする。Q1、K2 のポーリングは 1秒に 1 回)。"
        case .recordOverhead: "値を設定しない限り、レコードのメタデータは 6 MB のペイロード上限に数えない (E6)。"
        case .syncLimit: "同期呼び出しのペイロード上限は、ドキュメントの 6 MB を 6,291,456 バイトとする (S5)。"
        case .sqsLowTrafficWait: "値を設定しない限り、トラフィックの少ない SQS キューでもバッチウィンドウを 20秒に向けて延ばさない (Q6)。"
        case .kafkaRetryDelay: "失敗した Kafka のバッチを再試行するまでの待ち時間はドキュメントに記載がなく、ポーリング 1 回分の 1秒とする (KF4)。"
        case .kafkaStartDelay: "新しい Kafka のマッピングはポーリングを始めるまで数分かかることがある。値を設定しない限り 0秒からポーリングする (KF3)。"
        case .topicExpiry: "Kafka のレコードは、書き込まれた時刻にトピックの保持期間を足した時刻ちょうどに期限切れになる (KF4)。"
        case .kafkaBatchScope: "Kafka のバッチは 1 つのパーティションのレコードだけを含む (AWS は 1 つのペイロードに複数のパーティションを混ぜることがある。KF1)。"
        case .kafkaPollers:
            "オンデマンドの Kafka のマッピングはイベントポーラー 1 台で始まる (AWS の記述は「既定の数」)。1分ごとに、ポーラーを待ったバッチがあれば 1 台増やし、スロットリングが起きたときかオフセットラグがないときは 1 台減らす (KF7)。"
        case .kafkaPollerBatches: "Kafka のイベントポーラー 1 台は、同時に最大 5 つのバッチを処理する (ポーラーあたり 5 MB/s という AWS の例に合わせる。KF8)。"
        case .kafkaScalingDelay:
            "Kafka のオフセットラグの評価で決まったポーラー数の変更は、AWS の「3 分以内」の上限どおり 3分後に反映される (KF7)。"
        case .activemqRedeliveryDelay: "ActiveMQ は失敗したバッチを、既定の redeliveryDelay の 1秒とバッチウィンドウの後に再配信する (M4)。"
        case .rabbitmqRedelivery: "RabbitMQ は失敗したバッチを、すぐに回数の制限なくキューに戻す。AWS は上限を記載していない (M4)。"
        case .changeStreamRetryDelay: "失敗した DocumentDB のバッチを再試行するまでの待ち時間はドキュメントに記載がなく、ポーリング 1 回分の 1秒とする (D3)。"
        case .idleLifetime: "アイドル状態の実行環境を保持する時間は公開されていない。600秒とし、それを過ぎた次のリクエストはコールドスタートになる (X7)。"
        case .environmentReuse: "アイドル状態の実行環境が複数あるときは、最後に使われた環境が次のリクエストを処理する (X6)。"
        case .provisionedReadyAfter:
            "シナリオの前に設定したプロビジョニングされた同時実行は 0秒で準備が整い、シナリオの途中で設定したものは 120秒後に整う (X11)。"
        case .sfnRetryFrom: "Step Functions の Retrier の待ち時間は、失敗した試行の終了時点から数える (R14)。"
        case .sdkJitter: "SDK はバックオフのうちランダムな割合だけ待つ (R12)。その割合はシナリオのシードから決める。"
        case .sdkRetryGeneration: "SDK は 2026 年の変更より前の方法で再試行する。再試行するエラーのバックオフの基準はどれも 1秒 (R11、R12)。"
        case .snsBackoff:
            "SNS のバックオフ段階は 1秒から 20秒まで等比的に待ち時間を延ばし (1、1.39、1.95 … 20秒)、ジッターはない。AWS が公開しているのは両端の値だけ (R3)。"
        case .eventbridgeBackoff: "EventBridge は再試行の間に 1秒、2秒、4秒 … と最大 480秒まで待ち、ジッターはない。次の待ち時間が MaximumEventAgeInSeconds を超えるとその時点で諦める。AWS は間隔を公開していない (R6)。"
        case .s3HandOff: "Lambda が通知を拒否したときの S3 の動作はドキュメントに記載がなく、通知は失われ再試行されないとする (R9)。"
        case .adaptiveLimiter:
            "adaptive モードの SDK のレート制限は botocore と同じく動く。最初のスロットリングまでは無効で、その後は送っていたレートの 0.7 倍 (最低 0.5 回/秒) に下げ、CUBIC に沿って戻す (R10)。"
        case .snapstartRestore: "SnapStart の Restore にかかる時間はドキュメントに記載がなく、値を設定しない限り 0秒とする (X13)。"
        case .initOverrun: "オンデマンドの Init が 10秒を超えると 10秒で打ち切られ、呼び出しの中でもう一度実行される。かかる時間は 10秒 + Init + ハンドラー (X2)。"
        case .maxEnvironmentLifetime:
            "AWS は使用中の実行環境も「数時間ごと」に終了させるが、その時刻は公開していない。値を設定しない限り終了させない (X7)。"
        case .provisionedRecycle:
            "AWS はプロビジョニングされた実行環境を「数時間ごと」に入れ替え、そのたびに課金対象の Init が再び実行されるが、その時刻は公開していない。値を設定しない限り入れ替えない (X8)。"
        case .snapstartReactivation:
            "Inactive になった SnapStart のバージョンは、Init をもう一度実行した後 (関数の init の時間) に Active に戻る。AWS は時間を示していない (X13)。"
        case .handOffLatency:
            "SNS、EventBridge、S3 はイベントを受け取った瞬間に Lambda に渡す (0秒とする。S3 の記述は「通常は数秒以内」。R9)。"
        case .recursionThreshold: "再帰的な呼び出しの連鎖は 1〜16 回目まで実行され、17 回目で停止する。AWS の記述は「16 回を超えると」(L3)。"
        case .startingPosition:
            "StartingPosition を指定しないマッピングは、開始前に書き込まれたものも含め、保持されている最も古いレコード (TRIM_HORIZON) から読む。AWS では指定が必須 (K3、KF2、D2)。"
        case .recursionCondition:
            "再帰ループで停止した非同期イベントの condition を AWS は示していない。失敗時の送信先に届くレコードには、同期呼び出し元が受け取るエラーと同じ RecursiveInvocationException が入るとする (L4)。"
        }
    }
}
