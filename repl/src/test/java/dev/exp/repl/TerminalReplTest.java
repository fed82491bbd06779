package dev.exp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.exp.api.Engine;
import dev.exp.api.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real terminal REPL (JLine over an emulated terminal: keystrokes in, screen bytes out)
 * through multi-line input, errors, Ctrl-C of a running loop, :help, history and Ctrl-D.
 */
class TerminalReplTest {
  @TempDir Path dir;
  private PipedOutputStream keys;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Terminal terminal;
  private Session session;
  private CompletableFuture<Integer> repl;
  private int seen;
  /** Lines the program printed, counted by the hook that runs before each (the CLI clears its progress line there). */
  private final java.util.concurrent.atomic.AtomicInteger beforeOutput = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (screen) {
          screen.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (screen) {
          screen.write(b, off, len);
        }
      }
    };
    // an emulated terminal whose line discipline runs in Java, so ^C becomes Signal.INT as on a tty
    terminal = new ExternalTerminal("test", "xterm", in, out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(120, 40));
    session = Engine.builder().build().newSession();
    Path history = dir.resolve("history");
    repl = CompletableFuture.supplyAsync(() -> TerminalRepl.run(terminal, session, history, "Exp test",
        e -> {}, beforeOutput::incrementAndGet));
    await("Exp test");
    await(TerminalRepl.PROMPT);
  }

  @AfterEach
  void stop() throws IOException {
    terminal.close();
    // the REPL thread saves its history on the way out: let it finish before the temp dir is deleted
    try {
      repl.get(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      // it ended with an error or is still blocked on the closed terminal; the test itself has passed
    }
    session.close();
  }

  private void type(String s) throws IOException {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** The screen text since the last await, without escape sequences. */
  private String screenText() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[=>]|\r", "");
    }
  }

  /** Waits until text appears on the screen after the previous match; returns what appeared. */
  private String await(String text) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      String s = screenText();
      int at = s.indexOf(text, seen);
      if (at >= 0) {
        String got = s.substring(seen, at + text.length());
        seen = at + text.length();
        return got;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    fail("timed out waiting for '" + text + "'; screen so far:\n" + screenText().substring(seen));
    return null;
  }

  @Test
  void theHookBeforeOutputRunsBeforeEveryPrintedLine() throws Exception {
    type("for i in 0..3 { print(\"line {i}\") }\r");
    await("line 2");
    await(TerminalRepl.PROMPT);
    assertEquals(3, beforeOutput.get());
  }

  @Test
  void multiLineInputContinuesUntilTheParserSeesItComplete() throws Exception {
    type("fn twice(a) {\r");
    await(TerminalRepl.CONTINUATION);
    type("a * 2\r");
    await(TerminalRepl.CONTINUATION);
    type("}\r");
    await(TerminalRepl.PROMPT);
    type("let xs = [1,\r");
    await(TerminalRepl.CONTINUATION);
    type("2]\r");
    await(TerminalRepl.PROMPT);
    type("twice(xs) |> sum\r");
    String out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("6"), out);
  }

  /**
   * Keys arriving at once (pasted without bracketed paste, or typed fast) are the text: the line
   * editor removes no space before a closing bracket, inside a string or out of one, and no
   * indentation of a line that starts with one.
   */
  @Test
  void closingBracketsKeepTheSpacesBeforeThem() throws Exception {
    type("let q = \"( a )\"\r");
    await(TerminalRepl.PROMPT);
    type("len(q)\r");
    assertTrue(await(TerminalRepl.PROMPT).contains("5"));
    type("let s = \"a\r  ) [ b ]  }\"\r");
    await(TerminalRepl.PROMPT);
    type("s == \"a\\n  ) [ b ]  }\"\r");
    String out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("true"), out);
    type("let r = [1,\r  2\r  ]\r");
    await(TerminalRepl.PROMPT);
    type(":quit\r");
    assertEquals(0, repl.get(10, TimeUnit.SECONDS));
    String history = Files.readString(dir.resolve("history"));
    assertTrue(history.contains("let q = \"( a )\""), history);
    assertTrue(history.contains("  2\\n  ]"), history);
  }

  @Test
  void errorsArePrintedAndTheSessionGoesOn() throws Exception {
    type("let a = 40\r");
    await(TerminalRepl.PROMPT);
    type("a + undefined_name\r");
    String err = await(TerminalRepl.PROMPT);
    assertTrue(err.contains("undefined name 'undefined_name'"), err);
    assertTrue(err.contains("^"), err);
    type("[1, 2] + [1, 2, 3]\r");
    err = await(TerminalRepl.PROMPT);
    assertTrue(err.contains("[2]") && err.contains("[3]"), err);
    type("a + 2\r");
    assertTrue(await(TerminalRepl.PROMPT).contains("42"));
  }

  @Test
  void ctrlCStopsALongLoopAndKeepsDefinitions() throws Exception {
    type("let keep = 7\r");
    await(TerminalRepl.PROMPT);
    type("var i = 0\r");
    await(TerminalRepl.PROMPT);
    type("while true { i = i + 1 }\r");
    Thread.sleep(500);
    type("\u0003");
    String out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("interrupted"), out);
    type("print(keep, i > 0)\r");
    out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("7 true"), out);
  }

  @Test
  void helpCommandShowsSignatureAndDoc() throws Exception {
    type(":help linalg.solve\r");
    String out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("linalg.solve(A, b)"), out);
    assertTrue(out.contains("Solves A x = b"), out);
    type(":help\r");
    out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains(":load FILE") && out.contains("linalg"), out);
  }

  @Test
  void timeLoadResetAndQuit() throws Exception {
    Path lib = dir.resolve("lib.exp");
    Files.writeString(lib, "fn sq(x) = x * x\n");
    type(":load " + lib + "\r");
    await(TerminalRepl.PROMPT);
    type(":time sq(12)\r");
    String out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("144") && out.contains("time: "), out);
    type(":reset\r");
    await(TerminalRepl.PROMPT);
    type("sq(2)\r");
    assertTrue(await(TerminalRepl.PROMPT).contains("undefined name 'sq'"));
    type(":quit\r");
    assertEquals(0, repl.get(10, TimeUnit.SECONDS));
    assertTrue(Files.readString(dir.resolve("history")).contains(":time sq(12)"), "history saved");
  }

  @Test
  void ctrlDOnAnEmptyLineLeaves() throws Exception {
    type("\u0004");
    assertEquals(0, repl.get(10, TimeUnit.SECONDS));
  }

  @Test
  void largeTensorsShowShapeAndPreview() throws Exception {
    type("randn([100, 50], seed: 1)\r");
    String out = await(TerminalRepl.PROMPT);
    assertTrue(out.contains("tensor [100, 50]"), out);
    assertTrue(out.contains("..."), out);
    assertTrue(out.lines().count() < 12, out);
  }
}
