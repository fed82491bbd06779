package dev.exp.cli;

import dev.exp.api.ExperimentListener;
import java.io.Flushable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Experiment progress on stderr: one line redrawn in place ({@code \r}) on a terminal, at most
 * {@link #REDRAWS_PER_SECOND} times a second; on a pipe or file, a plain line every five seconds.
 * Always the number of trials before starting and a summary at the end; when the run stops early
 * (Ctrl-C, a limit) the trials finished so far.
 *
 * <p>Only the thread that runs the experiment calls the listener (trials on other threads report
 * nothing); program output may come from the trials' threads, hence the lock.
 */
final class ConsoleProgress implements ExperimentListener {
  static final int REDRAWS_PER_SECOND = 5;
  private static final long REDRAW_NANOS = 1_000_000_000L / REDRAWS_PER_SECOND;
  private static final long PLAIN_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final Flushable stdout;
  private final LongSupplier clock;
  private long lastPrint;
  /** Characters of the live line now on the screen (0: none shown); volatile for {@link #clearLine}'s quick look. */
  private volatile int lastLength;
  /** The experiment started and not finished, with its last counts; null when none runs. */
  private String running;
  private int done;
  private int total;

  /**
   * @param stdout flushed before anything is written to {@code err}, so that the program's output
   *     printed so far comes first
   */
  ConsoleProgress(PrintWriter err, boolean terminal, Flushable stdout) {
    this(err, terminal, stdout, System::nanoTime);
  }

  ConsoleProgress(PrintWriter err, boolean terminal, Flushable stdout, LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.stdout = stdout;
    this.clock = clock;
  }

  @Override
  public synchronized void start(String experiment, int trials, int gridPoints, long replicates, int cached, int jobs) {
    flushStdout();
    clearLine();
    err.printf(Locale.ROOT, "experiment \"%s\": %d trial%s (%d grid point%s x %d replicate%s)%s, %d worker%s%n",
        experiment, trials, trials == 1 ? "" : "s", gridPoints, gridPoints == 1 ? "" : "s", replicates,
        replicates == 1 ? "" : "s", cached > 0 ? ", " + cached + " from the cache" : "", jobs, jobs == 1 ? "" : "s");
    err.flush();
    running = experiment;
    done = cached;
    total = trials;
    lastPrint = clock.getAsLong();
  }

  @Override
  public synchronized void update(String experiment, int done, int failed, int cached, int total, double elapsed) {
    this.done = done;
    this.total = total;
    long now = clock.getAsLong();
    if (terminal) {
      if (now - lastPrint < REDRAW_NANOS && lastLength > 0 && done < total) {
        return;
      }
      flushStdout();
      String line = line(done, failed, cached, total, elapsed);
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      err.flush();
      lastLength = line.length();
      lastPrint = now;
    } else if (now - lastPrint >= PLAIN_NANOS) {
      flushStdout();
      err.println(line(done, failed, cached, total, elapsed));
      err.flush();
      lastPrint = now;
    }
  }

  @Override
  public synchronized void warning(String experiment, String message) {
    flushStdout();
    clearLine();
    err.println("warning: experiment \"" + experiment + "\": " + message);
    err.flush();
  }

  @Override
  public synchronized void finish(String experiment, int done, int failed, int cached, int total, double elapsed,
      String firstError) {
    flushStdout();
    clearLine();
    err.printf(Locale.ROOT, "experiment \"%s\": %d of %d trials done in %.1f s%s%s%n", experiment, done, total, elapsed,
        cached > 0 ? " (" + cached + " from the cache)" : "",
        failed > 0 ? "; " + failed + " failed, first: " + firstError : "");
    err.flush();
    running = null;
  }

  /**
   * The evaluation ended with an error while an experiment ran (its {@link #finish} never comes):
   * removes the live line and says how many trials finished. Does nothing when no experiment runs.
   *
   * @param interrupted Ctrl-C (or a cancel) rather than a limit or another error
   */
  synchronized void stopped(boolean interrupted) {
    flushStdout();
    clearLine();
    if (running == null) {
      return;
    }
    String counts = done + " of " + total + " trial" + (total == 1 ? "" : "s") + " finished";
    err.println(interrupted ? "interrupted: " + counts + " (experiment \"" + running + "\")"
        : "experiment \"" + running + "\" stopped: " + counts);
    err.flush();
    running = null;
  }

  /**
   * Removes the live line, if one is shown, so that other output starts on a clean line; returns
   * whether there was one (the caller then flushes its output at once, before the next redraw).
   */
  boolean clearLine() {
    if (lastLength == 0) {
      return false;   // the common case, every print of a script: no lock taken
    }
    synchronized (this) {
      if (lastLength == 0) {
        return false;
      }
      flushStdout();
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
      return true;
    }
  }

  private void flushStdout() {
    try {
      stdout.flush();
    } catch (IOException e) {
      // stdout is gone; the progress still goes to stderr
    }
  }

  static String line(int done, int failed, int cached, int total, double elapsed) {
    String eta = "";
    int fresh = done - cached;
    if (fresh > 0 && done < total) {
      double per = elapsed / fresh;
      eta = String.format(Locale.ROOT, ", ETA %.0f s", per * (total - done));
    }
    return String.format(Locale.ROOT, "  %d/%d done, %d failed, %d cached, %.1f s elapsed%s", done, total, failed, cached,
        elapsed, eta);
  }
}
