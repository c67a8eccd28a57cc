package io.gau.authorization.core;

import io.dropwizard.lifecycle.Managed;
import io.gau.shared.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation checks of validations in flight, run by two threads as pipelined batches: whatever queued up
 * while a round trip to Redis was out goes in the next one. A request thread hands its check over and is free
 * at once; the answer is delivered on the checking thread. Blocking a request thread on every round trip cost
 * two context switches per validation, more than the rest of it (docs/authorization.md, Benchmark).
 *
 * <p>A check that finds the bitmap not built (Redis lost its data) is queued again once the (single-flight)
 * rebuild is done: 503 if it does not finish within the rebuild wait, or if the bitmap is still not there
 * then. A batch that fails answers each of its checks with the same 503.
 */
public final class RevocationChecks implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationChecks.class);
  private static final int MAX_BATCH = 128;
  /**
   * Two batches in flight: while one thread waits for its round trip, the other answers the previous batch.
   * One thread left the core idle during every round trip (validate/ping 0.47 → 0.61); four gave no more.
   */
  private static final int THREADS = 2;

  /** Receives the outcome of one check, on the checking thread. */
  public interface Outcome {
    void checked(boolean revoked);

    void failed(ApiException error);
  }

  private record Check(long sessionId, Outcome outcome, boolean afterRebuild) {}

  private final RevocationBitmap bitmap;
  /**
   * HTTP/1.1 keeps one request in flight per connection, so the queue is bounded by the open connections in
   * practice; the bound is for the case where it is not: beyond it a validation gets 503 at once instead of
   * waiting behind minutes of checks.
   */
  private final LinkedBlockingQueue<Check> queue = new LinkedBlockingQueue<>(10_000);
  private volatile boolean running;
  private final List<Thread> threads = new ArrayList<>();

  public RevocationChecks(RevocationBitmap bitmap) {
    this.bitmap = bitmap;
  }

  /** Queues the check of a session; {@code outcome} is called exactly once. */
  public void check(long sessionId, Outcome outcome) {
    Check check = new Check(sessionId, outcome, false);
    if (!running || !queue.offer(check)) {
      outcome.failed(RevocationBitmap.unavailable(null));
      return;
    }
    if (!running && queue.remove(check)) { // stopped meanwhile, possibly after stop() drained the queue
      outcome.failed(RevocationBitmap.unavailable(null));
    }
  }

  @Override
  public void start() {
    running = true;
    for (int i = 0; i < THREADS; i++) {
      Thread thread = new Thread(this::run, "revocation-checks-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
    List<Check> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(check -> deliver(check, RevocationBitmap.unavailable(null)));
  }

  private void run() {
    List<Check> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        Check first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.error("revocation check batch failed", e); // never reached by design: outcomes catch their own
      } finally {
        batch.clear();
      }
    }
  }

  private void runBatch(List<Check> batch) {
    long[] ids = new long[batch.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = batch.get(i).sessionId();
    }
    long[] bits;
    try {
      bits = bitmap.checkAll(ids);
    } catch (ApiException e) {
      batch.forEach(check -> deliver(check, e));
      return;
    }
    for (int i = 0; i < bits.length; i++) {
      Check check = batch.get(i);
      if (bits[i] < 0) {
        checkAfterRebuild(check);
      } else {
        deliver(check, bits[i] == 1);
      }
    }
  }

  private void checkAfterRebuild(Check check) {
    if (check.afterRebuild()) {
      deliver(check, RevocationBitmap.unavailable(null));
      return;
    }
    bitmap.rebuilt().whenComplete((done, error) -> {
      if (error != null) {
        deliver(check, RevocationBitmap.unavailable(error));
      } else if (!queue.offer(new Check(check.sessionId(), check.outcome(), true))) {
        deliver(check, RevocationBitmap.unavailable(null));
      }
    });
  }

  private static void deliver(Check check, boolean revoked) {
    try {
      check.outcome().checked(revoked);
    } catch (RuntimeException e) {
      LOG.error("delivering a revocation check failed", e);
    }
  }

  private static void deliver(Check check, ApiException error) {
    try {
      check.outcome().failed(error);
    } catch (RuntimeException e) {
      LOG.error("delivering a revocation check failed", e);
    }
  }
}
