package dev.cfoc.aws;

/** A custom policy that could not be read (after the SDK's retries); the planner must assume and say so. */
public record UnavailablePolicy(PolicyKind kind, String id, String reason) {
}
