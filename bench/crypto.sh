#!/usr/bin/env bash
# Bouncy Castle's lightweight crypto (BcTlsCrypto, what the probe uses) against the JDK's providers (JcaTlsCrypto) on
# the two public-key operations of every handshake. Rounds 1-2 include JIT warm-up. docs/benchmarks.md.
. "$(dirname "$0")/lib.sh"
java -cp "$fleet_cp" dev.cfoc.bench.CryptoMicroBench
