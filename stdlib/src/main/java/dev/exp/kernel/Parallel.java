package dev.exp.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The thread budget of kernels. A kernel that can split its work calls {@link #forEach}; the work
 * runs on at most {@link #threads()} threads (the caller included). The budget is the number of
 * cores by default; the interpreter lowers it inside parallel experiment trials (cores / workers),
 * so trials and kernels together never oversubscribe the machine.
 */
public final class Parallel {
  private Parallel() {}

  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final ThreadLocal<Integer> BUDGET = new ThreadLocal<>();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "exp-kernel");
    t.setDaemon(true);
    return t;
  });

  /** Threads a kernel called on this thread may use (at least 1). */
  public static int threads() {
    Integer b = BUDGET.get();
    return b == null ? CORES : b;
  }

  /** Runs body with the kernel thread budget of this thread set to n (restored afterwards). */
  public static <T> T withThreads(int n, Supplier<T> body) {
    Integer old = BUDGET.get();
    BUDGET.set(Math.max(1, n));
    try {
      return body.get();
    } finally {
      if (old == null) {
        BUDGET.remove();
      } else {
        BUDGET.set(old);
      }
    }
  }

  /** Sets this thread's budget for the rest of its life (used by pool workers). */
  public static void setThreads(int n) {
    BUDGET.set(Math.max(1, n));
  }

  /**
   * Runs body(0) ... body(tasks - 1), spread over up to {@link #threads()} threads. Tasks must be
   * independent. Exceptions from a task are rethrown on the caller's thread.
   */
  public static void forEach(int tasks, IntConsumer body) {
    int n = Math.min(threads(), tasks);
    if (n <= 1) {
      for (int i = 0; i < tasks; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      int i;
      while ((i = next.getAndIncrement()) < tasks) {
        body.accept(i);
      }
    };
    @SuppressWarnings("unchecked")
    Future<?>[] futures = new Future<?>[n - 1];
    for (int w = 0; w < n - 1; w++) {
      futures[w] = POOL.submit(() -> {
        setThreads(1);
        worker.run();
      });
    }
    RuntimeException failure = null;
    try {
      worker.run();
    } catch (RuntimeException e) {
      failure = e;
      next.set(tasks);
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        next.set(tasks);
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = new KernelException("interrupted");
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
