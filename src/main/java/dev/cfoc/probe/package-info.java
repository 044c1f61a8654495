/**
 * The network side: connects to an origin exactly as CloudFront would and records what happens.
 * <p>
 * {@link dev.cfoc.probe.OriginProber} runs one {@link dev.cfoc.plan.ProbeTarget}: DNS ({@link
 * dev.cfoc.probe.HostResolver}) → TCP (ConnectionTimeout × ConnectionAttempts, cycling addresses) → TLS with
 * {@link dev.cfoc.probe.CloudFrontTlsClient} offering exactly CloudFront's origin profile ({@link
 * dev.cfoc.probe.TlsOffer#cloudFront}), the handshake bounded by ConnectionTimeout → the certificate rules
 * ({@code cert.CertificateVerifier}; an ERROR there stops the probe before any request) → one HTTP/1.1 GET read up to
 * the end of its headers within OriginReadTimeout. A failed handshake is followed by diagnostic handshakes that say
 * why (no common protocol, no common cipher, what the origin does speak). {@link dev.cfoc.probe.ProbeRunner} runs a
 * whole plan concurrently on virtual threads. Every blocking step has an absolute deadline enforced by a watchdog
 * that closes the socket, and what an origin sends is bounded in bytes and records ({@link
 * dev.cfoc.probe.TlsRecordMeter}), so no origin can hold a run longer than its timeouts or burn the CPU the other
 * probes need. Only public addresses are connected to ({@link dev.cfoc.probe.AddressPolicy}), unless a lab opts in.
 */
package dev.cfoc.probe;
