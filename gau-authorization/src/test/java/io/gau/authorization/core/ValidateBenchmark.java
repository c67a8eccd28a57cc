package io.gau.authorization.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * In-process throughput on one thread (run by ops/bench/authorization/run.sh, not by the tests): ES256
 * verification of distinct tokens, repeated validation of the same token (signature remembered, expiry and key
 * trust still checked), ES256 signing (all through {@link EcdsaProvider}, as validation does), and raw ES256
 * verification by the native provider and by Bouncy Castle, with Bouncy Castle's Ed25519 for comparison.
 * Rates are per CPU-second of the measuring thread ("per core"), so a busy machine does not distort them;
 * wall-clock rates are printed beside them.
 */
public final class ValidateBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ValidateBenchmark() {}

  /** A measured operation. */
  private interface Op {
    void run(int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    TokenPolicy policy =
        new TokenPolicy("gau-authorization", "gau", Duration.ofMinutes(15), Duration.ofDays(30),
            Duration.ofSeconds(10), Duration.ofSeconds(30), 8192);
    SigningKeyService keys =
        new SigningKeyService(new InMemorySigningKeyDao(), new SecretBox("benchmark-secret-0123456789-0123456789"),
            InstantSource.system(), Duration.ZERO, policy.longestAccessTokenLife());
    AccessTokenCodec signer = new AccessTokenCodec(keys, policy, InstantSource.system());
    String[] signed = new String[tokens];
    // warm-up: signing, then verifying every token on a codec whose cache is then dropped
    for (int i = 0; i < tokens; i++) {
      signed[i] = signer.sign(i + 1, UUID.randomUUID(), "member").token();
    }
    AccessTokenCodec warm = new AccessTokenCodec(keys, policy, InstantSource.system());
    for (String token : signed) {
      warm.verify(token);
    }
    AccessTokenCodec codec = new AccessTokenCodec(keys, policy, InstantSource.system());
    System.out.println("ES256 provider: " + EcdsaProvider.name());
    report("verify, distinct tokens (ES256 each)", tokens, i -> codec.verify(signed[i]));
    report("verify, repeated tokens (signature remembered)", 500_000, i -> codec.verify(signed[i % 1000]));
    report("sign (ES256, full JWT)", tokens / 2, i -> signer.sign(i + 1, UUID.randomUUID(), "member"));

    byte[] message = signed[0].substring(0, signed[0].lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    String nativeProvider = EcdsaProvider.nativeProvider().orElse(null);
    if (nativeProvider != null) {
      rawVerify("raw native verify, ES256 (Corretto)", nativeProvider, "EC", "SHA256withECDSA", message, tokens);
    }
    rawVerify("raw BC verify, ES256 (P-256, BC key)", "BC", "EC", "SHA256withECDSA", message, tokens);
    rawVerify("raw BC verify, Ed25519", "BC", "Ed25519", "Ed25519", message, tokens);
  }

  private static void rawVerify(String name, String provider, String keyAlgorithm, String algorithm, byte[] message,
      int n) throws Exception {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, provider);
    if (keyAlgorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    }
    KeyPair pair = generator.generateKeyPair();
    Signature sign = Signature.getInstance(algorithm, provider);
    sign.initSign(pair.getPrivate());
    sign.update(message);
    byte[] signature = sign.sign();
    Op verify =
        i -> {
          Signature s = Signature.getInstance(algorithm, provider);
          s.initVerify(pair.getPublic());
          s.update(message);
          if (!s.verify(signature)) {
            throw new IllegalStateException("signature did not verify");
          }
        };
    warmThenReport(name, n, verify);
  }

  /** Runs {@code op} n/2 times for the JIT, then measures n runs. */
  private static void warmThenReport(String name, int n, Op op) throws Exception {
    for (int i = 0; i < n / 2; i++) {
      op.run(i);
    }
    report(name, n, op);
  }

  private static void report(String name, int n, Op op) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < n; i++) {
      op.run(i);
    }
    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    System.out.printf("%-50s %9.0f ops/s per core (%9.0f ops/s wall)%n", name + ":", n / cpuSeconds, n / wallSeconds);
  }
}
