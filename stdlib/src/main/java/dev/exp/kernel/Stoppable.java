package dev.exp.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a long computation that cannot poll its limits itself (a native LAPACK call, an EJML or F2J
 * decomposition) so that a deadline, cancel or interrupt still stops the kernel at once: the body runs
 * on a big-stack pool thread while the calling thread polls its {@link KernelContext} every 10 ms. A
 * stopped body cannot be stopped itself: it finishes in the background and its result (in arrays only
 * the body holds) is dropped; its CPU time is not reclaimed.
 */
public final class Stoppable {
  private Stoppable() {}

  /** Work (multiply-adds) from which {@link #call(long, Supplier)} runs the body on a pool thread. */
  public static final long WORK = 20_000_000L;

  /** Stack size of the pool threads (reserved, committed only as used: multi-threaded LAPACK needs it). */
  static final int STACK_MB = 64;

  private static final String THREAD_NAME = "exp-stoppable";
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(null, r, THREAD_NAME, (long) STACK_MB << 20);
    t.setDaemon(true);
    return t;
  });

  /** Runs {@code body} (about {@code work} multiply-adds): on the calling thread when short, else {@link #detached}. */
  public static <T> T call(long work, Supplier<T> body) {
    return work < WORK ? body.get() : detached(body);
  }

  /**
   * Runs {@code body} on a pool thread while this thread polls the current context's limits, and
   * returns its result (rethrows its unchecked exception). A body started from a pool thread (a
   * decomposition inside another one) runs on that thread.
   */
  public static <T> T detached(Supplier<T> body) {
    if (Thread.currentThread().getName().equals(THREAD_NAME)) {
      return body.get();
    }
    KernelContext ctx = KernelContext.current();
    ctx.poll();
    Future<T> f = POOL.submit(() -> {
      KernelContext old = KernelContext.install(ctx);   // a body that polls stops sooner
      try {
        return body.get();
      } finally {
        KernelContext.restore(old);
      }
    });
    while (true) {
      try {
        return f.get(10, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        ctx.poll();   // throws when the evaluation must stop
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ctx.poll();
        throw new KernelException("interrupted");
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException r) {
          throw r;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      }
    }
  }
}
