/**
 * Sample origins on 127.0.0.1 and their throw-away PKI, for two jobs in the product: the CLI's {@code demo} command
 * ({@link dev.cfoc.sample.DemoOrigins}: one healthy origin and one per common failure, and the sample distribution
 * that points at them) and SnapStart priming ({@code lambda.SnapStartPriming} checks the same origins and calls
 * {@link dev.cfoc.sample.SampleAwsEndpoint}, a loopback stand-in for CloudFront, SNS and SQS, before the snapshot).
 *
 * <p>Only what those two jobs need lives here: origins that present a chain and speak the TLS versions given. The
 * hostile origins of the tests (silent, garbage, slowloris, client-certificate requests, …) live in the tests.
 */
package dev.cfoc.sample;
