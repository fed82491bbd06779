package dev.exp.eval.runtime;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Why an evaluation must stop, shared by its context and every context forked from it (parallel
 * trials, callbacks on kernel worker threads). Polling reads one volatile field and two interrupt
 * flags, so it can run at every call, loop back-edge and kernel block. The deadline is turned into
 * the flag by a timer thread, so no poll reads the clock.
 */
final class Stop {
  static final int CANCELLED = 1;
  static final int DEADLINE = 2;
  /** The owner thread was interrupted (sticky: its flag is consumed, workers must still stop). */
  static final int INTERRUPTED = 4;

  /** The timer, made when the first evaluation with a deadline starts (start-up loads none of it). */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor TIMER = timer();
  }

  /** Reasons set so far (bit set); 0 while the evaluation may go on. */
  volatile int reasons;
  /** The wall-clock deadline as a {@link System#nanoTime()} value, or 0 for none. */
  final long deadlineNanos;
  /** The thread that runs the evaluation (its interrupt stops workers too). */
  final Thread owner;
  /** Seeds the random streams of contexts forked for other threads. */
  final AtomicLong forks = new AtomicLong();

  private final ScheduledFuture<?> alarm;
  /** The time limit as the messages state it ("0.5 s": the host's setting when known, else the delay left); null without a deadline. */
  volatile String budget;

  Stop(long deadlineNanos, Thread owner) {
    this.deadlineNanos = deadlineNanos;
    this.owner = owner;
    long delay = deadlineNanos - System.nanoTime();
    this.budget = deadlineNanos == 0 ? null : seconds(delay);
    if (deadlineNanos != 0) {
      if (delay <= 0) {
        reasons = DEADLINE;
        alarm = null;
      } else {
        alarm = Timer.TIMER.schedule(() -> {
          synchronized (this) {
            reasons |= DEADLINE;
          }
        }, delay, TimeUnit.NANOSECONDS);
      }
    } else {
      alarm = null;
    }
  }

  /** A duration in seconds with at most three significant digits ("0.5 s", "120 s"). */
  static String seconds(long nanos) {
    double s = Math.max(0, nanos) / 1e9;
    java.math.BigDecimal b = new java.math.BigDecimal(s).round(new java.math.MathContext(3)).stripTrailingZeros();
    return b.toPlainString() + " s";
  }

  /** The message of the time limit. */
  String timeLimitMessage() {
    return "time limit exceeded: the evaluation ran longer than its " + budget + " limit";
  }

  synchronized void cancel() {
    reasons |= CANCELLED;
  }

  synchronized void interrupted() {
    reasons |= INTERRUPTED;
  }

  /** Whether the evaluation must stop now (one volatile read and two interrupt flags); small enough to inline anywhere. */
  boolean mustStop() {
    return reasons != 0 || Thread.currentThread().isInterrupted() || owner.isInterrupted();
  }

  /** Whether the deadline has passed (checked against the clock, for the slow path). */
  boolean pastDeadline() {
    return deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0;
  }

  /** Releases the timer (the evaluation ended). */
  void close() {
    if (alarm != null) {
      alarm.cancel(false);
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread th = new Thread(r, "exp-deadline");
      th.setDaemon(true);
      return th;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
