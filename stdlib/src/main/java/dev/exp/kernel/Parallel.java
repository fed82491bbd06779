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

  /** Polls the current thread's {@link KernelContext} (a no-op outside the interpreter). */
  public static void poll() {
    KernelContext.current().poll();
  }

  /**
   * Runs body(0) ... body(tasks - 1), spread over up to {@link #threads()} threads. Tasks must be
   * independent. Before each task the calling evaluation's limits are polled ({@link
   * KernelContext#poll()}), on whichever thread runs it, so a deadline, cancel or interrupt stops the
   * work within one task; workers see the caller's context as their {@link KernelContext#current()}.
   * The first exception from a task stops the others from starting new tasks and is rethrown on the
   * caller's thread.
   */
  public static void forEach(int tasks, IntConsumer body) {
    KernelContext ctx = KernelContext.current();
    int n = Math.min(threads(), tasks);
    if (n <= 1) {
      for (int i = 0; i < tasks; i++) {
        ctx.poll();
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      int i;
      while ((i = next.getAndIncrement()) < tasks) {
        ctx.poll();
        body.accept(i);
      }
    };
    Future<?>[] futures = new Future<?>[n - 1];
    // a helper that has not started when the caller runs out of tasks is not waited for: the caller
    // claims it first (on a busy machine a pool thread can take milliseconds to be scheduled)
    java.util.concurrent.atomic.AtomicBoolean[] started = new java.util.concurrent.atomic.AtomicBoolean[n - 1];
    for (int w = 0; w < n - 1; w++) {
      java.util.concurrent.atomic.AtomicBoolean mine = started[w] = new java.util.concurrent.atomic.AtomicBoolean();
      futures[w] = POOL.submit(() -> {
        if (!mine.compareAndSet(false, true)) {
          return; // the caller finished without this helper
        }
        setThreads(1);
        KernelContext old = KernelContext.install(ctx);
        try {
          worker.run();
        } catch (RuntimeException | Error e) {
          next.set(tasks);
          throw e;
        } finally {
          KernelContext.restore(old);
        }
      });
    }
    Throwable failure = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      failure = e;
      next.set(tasks);
    }
    boolean interrupted = false;
    for (int w = 0; w < futures.length; w++) {
      Future<?> f = futures[w];
      if (started[w].compareAndSet(false, true)) {
        f.cancel(false); // never started, and now never will do anything
        continue;
      }
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          // stop handing out tasks; wait for the running ones (one task each) before reporting
          interrupted = true;
          next.set(tasks);
        } catch (java.util.concurrent.ExecutionException e) {
          if (failure == null) {
            failure = e.getCause();
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      if (failure == null) {
        ctx.poll();
        failure = new KernelException("interrupted");
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new RuntimeException(failure);
    }
  }
}
