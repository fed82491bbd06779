package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The experiment progress the CLI writes, on a terminal and on a pipe, with a clock the test sets. */
class ConsoleProgressTest {
  private final StringWriter text = new StringWriter();
  private final StringBuilder stdout = new StringBuilder();
  private long now;

  private ConsoleProgress progress(boolean terminal) {
    return new ConsoleProgress(new PrintWriter(text), terminal, () -> stdout.append("<flush>"), () -> now);
  }

  private String taken() {
    String s = text.toString();
    text.getBuffer().setLength(0);
    return s;
  }

  @Test
  void onATerminalOneLineIsRedrawnAFewTimesASecondAndClearedForOtherOutput() {
    ConsoleProgress p = progress(true);
    p.start("slow", 24, 24, 1, 0, 1);
    assertEquals("experiment \"slow\": 24 trials (24 grid points x 1 replicate), 1 worker\n", taken());
    now += 1_000_000_000L;
    p.update("slow", 1, 0, 0, 24, 1.0);
    assertEquals("\r  1/24 done, 0 failed, 0 cached, 1.0 s elapsed, ETA 23 s", taken(), "shown at once");
    now += 1_000_000_000L / ConsoleProgress.REDRAWS_PER_SECOND / 2;
    p.update("slow", 2, 1, 0, 24, 1.1);
    assertEquals("", taken(), "not redrawn sooner than a fifth of a second");
    now += 1_000_000_000L / ConsoleProgress.REDRAWS_PER_SECOND;
    p.update("slow", 3, 1, 0, 24, 1.3);
    assertEquals("\r  3/24 done, 1 failed, 0 cached, 1.3 s elapsed, ETA 9 s ", taken(),
        "in place, a space over the longer line before");

    assertTrue(p.clearLine(), "a line was shown");
    assertEquals("\r" + " ".repeat(ConsoleProgress.line(3, 1, 0, 24, 1.3).length()) + "\r", taken());
    assertFalse(p.clearLine(), "nothing left to clear");
    assertEquals("", taken());

    p.update("slow", 4, 1, 0, 24, 1.4);
    assertTrue(taken().startsWith("\r  4/24 done"), "after other output the line comes back at once");
    p.update("slow", 24, 1, 0, 24, 1.5);
    assertTrue(taken().startsWith("\r  24/24 done"), "the last count is always drawn");
    p.finish("slow", 24, 1, 0, 24, 1.5, "boom");
    assertEquals("\r" + " ".repeat(ConsoleProgress.line(24, 1, 0, 24, 1.5).length()) + "\rexperiment \"slow\": 24 of 24 trials done in 1.5 s; 1 failed, first: boom\n",
        taken());
  }

  @Test
  void onAPipeAPlainLineEveryFiveSeconds() {
    ConsoleProgress p = progress(false);
    p.start("slow", 24, 24, 1, 0, 1);
    taken();
    now += 1_000_000_000L;
    p.update("slow", 1, 0, 0, 24, 1.0);
    assertEquals("", taken());
    now += 5_000_000_000L;
    p.update("slow", 6, 0, 0, 24, 6.0);
    assertEquals("  6/24 done, 0 failed, 0 cached, 6.0 s elapsed, ETA 18 s\n", taken());
    assertFalse(p.clearLine(), "no live line on a pipe");
    assertFalse(text.toString().contains("\r"));
  }

  @Test
  void aStopDuringAnExperimentSaysHowManyTrialsFinished() {
    ConsoleProgress p = progress(true);
    p.stopped(true);
    assertEquals("", taken(), "no experiment ran: nothing to say");
    p.start("slow", 24, 24, 1, 2, 1);
    now += 1_000_000_000L;
    p.update("slow", 9, 0, 2, 24, 7.0);
    taken();
    p.stopped(true);
    String s = taken();
    assertTrue(s.startsWith("\r" + " ".repeat(ConsoleProgress.line(9, 0, 2, 24, 7.0).length()) + "\r"), "the live line is removed first: " + s);
    assertTrue(s.endsWith("interrupted: 9 of 24 trials finished (experiment \"slow\")\n"), s);
    p.stopped(true);
    assertEquals("", taken(), "said once");

    p.start("slow", 24, 24, 1, 0, 1);
    p.update("slow", 3, 0, 0, 24, 3.0);
    taken();
    p.stopped(false);
    assertTrue(taken().endsWith("experiment \"slow\" stopped: 3 of 24 trials finished\n"));
  }

  @Test
  void theProgramsOutputIsFlushedBeforeProgressIsWritten() {
    ConsoleProgress p = progress(true);
    p.start("slow", 2, 2, 1, 0, 1);
    assertEquals("<flush>", stdout.toString());
    p.update("slow", 1, 0, 0, 2, 1.0);
    assertEquals("<flush><flush>", stdout.toString());
  }
}
