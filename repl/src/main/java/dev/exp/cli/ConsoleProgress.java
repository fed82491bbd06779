package dev.exp.cli;

import dev.exp.api.ExperimentListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Experiment progress on stderr: one updating line on a terminal; on a pipe or file, a plain line
 * every few seconds. Always the number of trials before starting and a summary at the end.
 */
final class ConsoleProgress implements ExperimentListener {
  private final PrintWriter err;
  private final boolean terminal;
  private long lastPrint;
  private int lastLength;

  ConsoleProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void start(String experiment, int trials, int gridPoints, long replicates, int cached, int jobs) {
    err.printf(Locale.ROOT, "experiment \"%s\": %d trial%s (%d grid point%s x %d replicate%s)%s, %d worker%s%n",
        experiment, trials, trials == 1 ? "" : "s", gridPoints, gridPoints == 1 ? "" : "s", replicates,
        replicates == 1 ? "" : "s", cached > 0 ? ", " + cached + " from the cache" : "", jobs, jobs == 1 ? "" : "s");
    err.flush();
    lastPrint = System.nanoTime();
  }

  @Override
  public void update(String experiment, int done, int failed, int cached, int total, double elapsed) {
    long now = System.nanoTime();
    if (terminal) {
      if (now - lastPrint < 100_000_000L && done < total) {
        return;
      }
      String line = line(done, failed, cached, total, elapsed);
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
      err.flush();
      lastPrint = now;
    } else if (now - lastPrint > 5_000_000_000L) {
      err.println(line(done, failed, cached, total, elapsed));
      err.flush();
      lastPrint = now;
    }
  }

  @Override
  public void warning(String experiment, String message) {
    if (terminal && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      lastLength = 0;
    }
    err.println("warning: experiment \"" + experiment + "\": " + message);
    err.flush();
  }

  @Override
  public void finish(String experiment, int done, int failed, int cached, int total, double elapsed, String firstError) {
    if (terminal && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
    }
    err.printf(Locale.ROOT, "experiment \"%s\": %d of %d trials done in %.1f s%s%s%n", experiment, done, total, elapsed,
        cached > 0 ? " (" + cached + " from the cache)" : "",
        failed > 0 ? "; " + failed + " failed, first: " + firstError : "");
    err.flush();
    lastLength = 0;
  }

  private static String line(int done, int failed, int cached, int total, double elapsed) {
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
