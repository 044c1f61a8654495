package dev.cfoc.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The certification path found in a chain as sent: from the leaf, each certificate followed by its issuer, until a
 * trust anchor issues one (or is one), a self-signed root ends it, or an issuer is missing.
 *
 * @param leafIndex where the leaf sits in the chain as sent (0 unless the first certificate issued another one)
 * @param path      positions in the chain as sent, leaf first, each followed by its issuer
 * @param anchor    the trust anchor reached, when {@code end} is {@link End#ANCHOR_REACHED}
 */
record ChainPath(int leafIndex, List<Integer> path, End end, Optional<X509Certificate> anchor) {

    enum End {
        /** The last certificate of the path is an anchor or was issued by one. */
        ANCHOR_REACHED,
        /** The last certificate is self-signed and not an anchor. */
        SELF_SIGNED_TOP,
        /** The last certificate's issuer is neither sent nor an anchor. */
        ISSUER_MISSING
    }

    ChainPath {
        path = List.copyOf(path);
    }

    /** Position (in the chain as sent) of the last certificate of the path. */
    int top() {
        return path.getLast();
    }

    /** The path is the chain as sent, from position 0, without gaps: what CloudFront's strict order demands. */
    boolean inSentOrder() {
        return firstMisplacedStep().isEmpty();
    }

    /** The first step of the path whose certificate is not where strict order puts it; empty when in order. */
    OptionalInt firstMisplacedStep() {
        for (int step = 0; step < path.size(); step++) {
            if (path.get(step) != step) {
                return OptionalInt.of(step);
            }
        }
        return OptionalInt.empty();
    }

    /** Positions sent but not on the path (after the anchor point, or unrelated), in sent order. */
    List<Integer> notOnPath(int chainLength) {
        List<Integer> rest = new ArrayList<>();
        for (int position = 0; position < chainLength; position++) {
            if (!path.contains(position)) {
                rest.add(position);
            }
        }
        return rest;
    }

    /**
     * Builds the path. Cost: at most one signature check per ordered pair of sent certificates whose names link them
     * (remembered by {@code issuance}), plus one per same-named anchor, so the caller bounds the chain length.
     */
    static ChainPath of(List<X509Certificate> chain, TrustAnchors anchors, Issuance issuance) {
        int leaf = leafIndex(chain, issuance);
        List<Integer> path = new ArrayList<>(List.of(leaf));
        Set<Integer> visited = new HashSet<>(path);
        int current = leaf;
        while (true) {
            X509Certificate certificate = chain.get(current);
            if (anchors.contains(certificate)) {
                return new ChainPath(leaf, path, End.ANCHOR_REACHED, Optional.of(certificate));
            }
            Optional<X509Certificate> anchor = anchors.issuerOf(certificate, issuance);
            if (anchor.isPresent()) {
                return new ChainPath(leaf, path, End.ANCHOR_REACHED, anchor);
            }
            if (issuance.selfSigned(certificate)) {
                return new ChainPath(leaf, path, End.SELF_SIGNED_TOP, Optional.empty());
            }
            OptionalInt issuer = issuerInChain(chain, current, visited, issuance);
            if (issuer.isEmpty()) {
                return new ChainPath(leaf, path, End.ISSUER_MISSING, Optional.empty());
            }
            current = issuer.getAsInt();
            path.add(current);
            visited.add(current);
        }
    }

    /**
     * The leaf is the first certificate, unless that one issued another sent certificate (a CA sent first): then the
     * first sent certificate that issued none of the others.
     */
    private static int leafIndex(List<X509Certificate> chain, Issuance issuance) {
        if (!issuesAnother(chain, 0, issuance)) {
            return 0;
        }
        for (int candidate = 1; candidate < chain.size(); candidate++) {
            if (!issuesAnother(chain, candidate, issuance)) {
                return candidate;
            }
        }
        return 0;
    }

    private static boolean issuesAnother(List<X509Certificate> chain, int position, Issuance issuance) {
        for (int other = 0; other < chain.size(); other++) {
            if (other != position && issuance.issued(chain.get(position), chain.get(other))) {
                return true;
            }
        }
        return false;
    }

    /** The issuer of chain[current] among the sent certificates not yet on the path: the next position first. */
    private static OptionalInt issuerInChain(List<X509Certificate> chain, int current, Set<Integer> visited,
                                             Issuance issuance) {
        X509Certificate certificate = chain.get(current);
        int next = current + 1;
        if (next < chain.size() && !visited.contains(next) && issuance.issued(chain.get(next), certificate)) {
            return OptionalInt.of(next);
        }
        for (int other = 0; other < chain.size(); other++) {
            if (!visited.contains(other) && issuance.issued(chain.get(other), certificate)) {
                return OptionalInt.of(other);
            }
        }
        return OptionalInt.empty();
    }
}
