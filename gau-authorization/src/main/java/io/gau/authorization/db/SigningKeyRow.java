package io.gau.authorization.db;

import java.time.Instant;

/** One row of {@code signing_keys}: a public JWK and its AES-GCM encrypted private key. */
public record SigningKeyRow(String kid, String publicJwk, byte[] privateKeyCiphertext, Instant createdAt) {}
