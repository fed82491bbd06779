package dev.exp.polyglot;

import dev.exp.eval.runtime.Context;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Stops running JavaScript when the Exp evaluation that called it must stop: its deadline passed, its
 * thread was interrupted, or its session was cancelled. JavaScript cannot poll Exp's limits, so one
 * daemon thread (started on first use) checks the calls in flight every few milliseconds, and sleeps
 * while there are none, and interrupts their polyglot context; the context stays usable afterwards.
 */
final class JsWatchdog {
  private static final long PERIOD_MILLIS = 10;
  private static final Set<Watch> ACTIVE = ConcurrentHashMap.newKeySet();
  private static Thread thread;

  private JsWatchdog() {}

  /** One JavaScript call in flight. */
  static final class Watch implements AutoCloseable {
    final org.graalvm.polyglot.Context js;
    final Context ctx;
    final Thread caller = Thread.currentThread();
    private volatile boolean fired;
    private volatile boolean interruptedThread;

    Watch(org.graalvm.polyglot.Context js, Context ctx) {
      this.js = js;
      this.ctx = ctx;
    }

    boolean fired() {
      return fired;
    }

    /** Whether the stop was asked by interrupting the calling thread. */
    boolean interruptedThread() {
      return interruptedThread;
    }

    boolean mustStop() {
      if (caller.isInterrupted()) {
        interruptedThread = true;
        return true;
      }
      long deadline = ctx.deadlineNanos();
      return ctx.isCancelled() || (deadline != 0 && System.nanoTime() - deadline > 0);
    }

    @Override
    public void close() {
      ACTIVE.remove(this);
    }
  }

  static Watch watch(org.graalvm.polyglot.Context js, Context ctx) {
    Watch w = new Watch(js, ctx);
    ACTIVE.add(w);
    wake();
    return w;
  }

  /** Starts the watchdog thread on first use, and wakes it when it sleeps with nothing to watch. */
  private static synchronized void wake() {
    if (thread == null) {
      thread = new Thread(JsWatchdog::loop, "exp-js-watchdog");
      thread.setDaemon(true);
      thread.start();
    }
    JsWatchdog.class.notifyAll();
  }

  private static void loop() {
    while (true) {
      try {
        synchronized (JsWatchdog.class) {
          while (ACTIVE.isEmpty()) {
            JsWatchdog.class.wait();   // no JavaScript running: no polling
          }
        }
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      for (Watch w : ACTIVE) {
        if (w.mustStop()) {
          w.fired = true;
          try {
            w.js.interrupt(Duration.ofMillis(100));
          } catch (TimeoutException | RuntimeException e) {
            // not stopped yet (or already finished): tried again on the next round while still active
          }
        }
      }
    }
  }
}
