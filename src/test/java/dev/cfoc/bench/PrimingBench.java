package dev.cfoc.bench;

import dev.cfoc.lambda.SnapStartPriming;

/**
 * What SnapStart priming saves (bench/priming.sh): in one fresh JVM, the same work (the demo's 8 origins through the
 * engine, the report, one CloudFront and one SNS request to a loopback stand-in) is timed {@code runs} times. The
 * first run pays for class loading and the interpreter, as an unprimed snapshot's first invocation would; later runs
 * are what an invocation restored from a primed snapshot pays.
 */
public final class PrimingBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int i = 1; i <= runs; i++) {
            SnapStartPriming.Result result = SnapStartPriming.prime();
            System.out.printf("run %d: %d ms (%d origins, %d AWS requests)%n", i, result.took().toMillis(),
                    result.origins(), result.awsRequests().size());
        }
    }
}
