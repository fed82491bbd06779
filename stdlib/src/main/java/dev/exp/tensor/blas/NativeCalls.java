package dev.exp.tensor.blas;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the OpenBLAS and LAPACK calls in progress, so that the process does not exit during one.
 *
 * <p>When the process exits, OpenBLAS's library destructor shuts down its worker threads. If a call
 * is still running, for example a long {@code dgesdd} that a time limit abandoned (see
 * {@link dev.exp.kernel.Stoppable}), a worker can miss the shutdown. The destructor then waits for it
 * forever: the process hangs with every thread parked and ignores SIGTERM (measured: 2 of 4
 * {@code --timeout} runs during a 1500² SVD). A shutdown hook, installed when the native library
 * loads, therefore waits for the calls in progress to finish, at most {@link #EXIT_WAIT_SECONDS}.
 * A native call cannot be interrupted, so the wait is at most one such call.
 */
final class NativeCalls {
  private NativeCalls() {}

  /** The longest the exit waits for native calls in progress. */
  static final long EXIT_WAIT_SECONDS = 120;

  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static final Object IDLE = new Object();
  /** Whether a thread waits in {@link #awaitIdle} (then the last call to end wakes it). */
  private static volatile boolean waiting;

  static void enter() {
    IN_FLIGHT.incrementAndGet();
  }

  static void exit() {
    if (IN_FLIGHT.decrementAndGet() == 0 && waiting) {
      synchronized (IDLE) {
        IDLE.notifyAll();
      }
    }
  }

  /** The native calls in progress. */
  static int inFlight() {
    return IN_FLIGHT.get();
  }

  /** Waits until no native call is in progress, at most {@code millis}; returns whether none is. */
  static boolean awaitIdle(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (IDLE) {
      waiting = true;
      try {
        while (IN_FLIGHT.get() > 0) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          IDLE.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return IN_FLIGHT.get() == 0;
      } finally {
        waiting = false;
      }
    }
  }

  /** Installs the exit wait (once: the native library loads once). */
  static void installExitWait() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitIdle(TimeUnit.SECONDS.toMillis(EXIT_WAIT_SECONDS)),
        "exp-blas-exit"));
  }
}
