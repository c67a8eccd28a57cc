package io.gau.authorization.core;

import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;

/**
 * In-process validate throughput on one thread (run by ops/bench/authorization/run.sh, not by the tests):
 * ES256 signature verification of distinct tokens, and repeated validation of the same token (signature
 * remembered, expiry and key trust still checked).
 */
public final class ValidateBenchmark {
  private ValidateBenchmark() {}

  public static void main(String[] args) {
    int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    TokenPolicy policy =
        new TokenPolicy("gau-authorization", "gau", Duration.ofMinutes(15), Duration.ofDays(30),
            Duration.ofSeconds(10), Duration.ofSeconds(30), 8192);
    SigningKeyService keys =
        new SigningKeyService(new InMemorySigningKeyDao(), new SecretBox("benchmark-secret-0123456789-0123456789"),
            InstantSource.system(), Duration.ZERO, policy.longestAccessTokenLife());
    String[] signed = new String[tokens];
    for (int i = 0; i < tokens; i++) {
      signed[i] = new AccessTokenCodec(keys, policy, InstantSource.system()).sign(i + 1, UUID.randomUUID(), "member").token();
    }
    // warm-up on a codec whose cache is then dropped
    AccessTokenCodec warm = new AccessTokenCodec(keys, policy, InstantSource.system());
    for (int i = 0; i < Math.min(5_000, tokens); i++) {
      warm.verify(signed[i]);
    }
    AccessTokenCodec codec = new AccessTokenCodec(keys, policy, InstantSource.system());
    long start = System.nanoTime();
    for (String token : signed) {
      codec.verify(token);
    }
    double uncached = tokens / ((System.nanoTime() - start) / 1e9);
    int repeats = 500_000;
    start = System.nanoTime();
    for (int i = 0; i < repeats; i++) {
      codec.verify(signed[i % 1000]);
    }
    double cached = repeats / ((System.nanoTime() - start) / 1e9);
    System.out.printf("in-process verify, distinct tokens (ES256 each): %.0f ops/s%n", uncached);
    System.out.printf("in-process verify, repeated tokens (signature remembered): %.0f ops/s%n", cached);
  }
}
