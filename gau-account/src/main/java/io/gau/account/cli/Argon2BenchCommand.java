package io.gau.account.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.gau.account.AccountConfiguration;
import io.gau.account.config.SecurityFactory;
import io.gau.account.core.PasswordHasher;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code argon2-bench <config>}: raw argon2id verifications per second with the configured parameters
 * and concurrency cap — the baseline that {@code ops/bench/account/run.sh} compares logins/s against.
 */
public class Argon2BenchCommand extends ConfiguredCommand<AccountConfiguration> {
  public Argon2BenchCommand() {
    super("argon2-bench", "Measures raw argon2id verifications per second with this config's parameters");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--seconds").type(Integer.class).setDefault(10);
    subparser.addArgument("--warmup").type(Integer.class).setDefault(0)
        .help("seconds of hashing before the measurement starts (JIT)");
  }

  @Override
  protected void run(Bootstrap<AccountConfiguration> bootstrap, Namespace namespace, AccountConfiguration configuration)
      throws Exception {
    SecurityFactory s = configuration.security;
    PasswordHasher hasher = new PasswordHasher(s.argon2MemoryKib, s.argon2Iterations, s.argon2Parallelism,
        s.maxConcurrentHashes);
    String stored = hasher.hash("Bench-Password-123");
    long seconds = namespace.getInt("seconds");
    verifyFor(hasher, stored, namespace.getInt("warmup"), s.maxConcurrentHashes);
    long done = verifyFor(hasher, stored, seconds, s.maxConcurrentHashes);
    System.out.printf("argon2id m=%d t=%d p=%d threads=%d: %.1f verifications/s%n", s.argon2MemoryKib,
        s.argon2Iterations, s.argon2Parallelism, s.maxConcurrentHashes, done / (double) seconds);
  }

  /** Verifications done by {@code threads} threads in {@code seconds}. */
  private static long verifyFor(PasswordHasher hasher, String stored, long seconds, int threads)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(() -> {
        while (System.nanoTime() < end) {
          hasher.verify("Bench-Password-123", stored);
          done.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
    return done.get();
  }
}
