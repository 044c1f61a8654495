/**
 * Distributions from the CloudFront API, ready for the engine, shared by the Lambda and {@code check
 * --distribution-id}: the API's answers through the file loader, custom policies read once, and what could not be
 * read as findings (SOURCE_UNAVAILABLE, POLICY_UNRESOLVED).
 */
package dev.cfoc.source;
