package io.gau.authorization.core;

import io.dropwizard.lifecycle.Managed;
import io.gau.authorization.db.SessionDao;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background upkeep on every replica: re-reads the signing keys, re-applies recent revocations to the
 * bitmap, rebuilds it when Redis lost it, and purges sessions (and grace-window successors) that no valid
 * access token can refer to any more.
 */
public class MaintenanceJob implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);
  private static final int PURGE_BATCH = 1_000;

  /** Intervals of the three chores. */
  public record Schedule(Duration keyReload, Duration reconcile, Duration reconcileWindow, Duration purge) {}

  private final SigningKeyService keys;
  private final RevocationBitmap bitmap;
  private final SessionDao sessions;
  private final TokenPolicy policy;
  private final InstantSource clock;
  private final Schedule schedule;
  private ScheduledExecutorService executor;

  public MaintenanceJob(
      SigningKeyService keys,
      RevocationBitmap bitmap,
      SessionDao sessions,
      TokenPolicy policy,
      InstantSource clock,
      Schedule schedule) {
    this.keys = keys;
    this.bitmap = bitmap;
    this.sessions = sessions;
    this.policy = policy;
    this.clock = clock;
    this.schedule = schedule;
  }

  @Override
  public void start() {
    keys.reload(); // fails start-up when the database or SIGNING_KEY_SECRET is wrong, naming the cause
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "authorization-maintenance");
      thread.setDaemon(true);
      return thread;
    });
    executor.execute(() -> safely("bitmap check", this::rebuildIfLost));
    every(schedule.keyReload(), "key reload", keys::reload);
    every(schedule.reconcile(), "revocation reconcile", () -> {
      rebuildIfLost();
      bitmap.reconcile(schedule.reconcileWindow());
    });
    every(schedule.purge(), "session purge", this::purge);
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Deletes sessions expired or revoked longer ago than any access token lives; returns how many. */
  public int purge() {
    Instant now = clock.instant();
    sessions.forgetSuccessors(now.minus(policy.refreshGrace()));
    Instant cutoff = now.minus(policy.longestAccessTokenLife());
    int total = 0;
    int deleted;
    do {
      deleted = sessions.purgeSessions(cutoff, PURGE_BATCH);
      total += deleted;
    } while (deleted == PURGE_BATCH);
    if (total > 0) {
      LOG.info("purged {} sessions expired or revoked before {}", total, cutoff);
    }
    return total;
  }

  private void rebuildIfLost() {
    if (!bitmap.ready()) {
      bitmap.rebuild();
    }
  }

  private void every(Duration period, String name, Runnable chore) {
    long millis = period.toMillis();
    executor.scheduleWithFixedDelay(() -> safely(name, chore), millis, millis, TimeUnit.MILLISECONDS);
  }

  private static void safely(String name, Runnable chore) {
    try {
      chore.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", name, e.toString());
    }
  }
}
