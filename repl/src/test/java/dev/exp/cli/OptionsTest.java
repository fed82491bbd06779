package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: options up to the script, both value forms, and the usage errors. */
class OptionsTest {
  @Test
  void optionsStopAtTheScriptWhoseArgumentsStayUntouched() throws Exception {
    Options o = Options.parse(new String[] {"--timeout", "2.5", "--jobs=3", "--allow-dir", "a", "--allow-dir=b",
        "run.exp", "--timeout", "x", "-e"});
    assertEquals(2.5, o.timeout);
    assertEquals(3, o.jobs);
    assertEquals(List.of(Path.of("a"), Path.of("b")), o.allowDirs);
    assertEquals(List.of("run.exp", "--timeout", "x", "-e"), o.positional);
    assertNull(o.code);
  }

  @Test
  void runIsAnOptionalSubcommand() throws Exception {
    Options o = Options.parse(new String[] {"run", "--jobs", "2", "sor.exp", "run"});
    assertEquals(2, o.jobs);
    assertEquals(List.of("sor.exp", "run"), o.positional);
    assertEquals(List.of("a.exp"), Options.parse(new String[] {"--seed", "1", "run", "a.exp"}).positional);
    assertEquals(List.of("run"), Options.parse(new String[] {"--", "run"}).positional);   // a file named run
    assertEquals(List.of("run"), Options.parse(new String[] {"-e", "args", "run"}).positional);
    Options.UsageError none = assertThrows(Options.UsageError.class, () -> Options.parse(new String[] {"run"}));
    assertEquals("'exp run' needs a script to run", none.getMessage());
    assertThrows(Options.UsageError.class, () -> Options.parse(new String[] {"--max-steps", "0", "-e", "1"}));
    assertEquals(5000, Options.parse(new String[] {"--max-depth=5000", "a.exp"}).maxDepth);
    assertEquals("Invalid value for option '--max-depth': 0 (from 1 to 1000000)",
        assertThrows(Options.UsageError.class, () -> Options.parse(new String[] {"--max-depth", "0", "a.exp"})).getMessage());
  }

  @Test
  void evalCodeInEveryForm() throws Exception {
    assertEquals("1 + 1", Options.parse(new String[] {"-e", "1 + 1"}).code);
    assertEquals("2", Options.parse(new String[] {"-e2"}).code);
    assertEquals("3", Options.parse(new String[] {"--eval=3"}).code);
    Options o = Options.parse(new String[] {"--seed", "7", "--max-steps", "100", "--debug", "-e", "args", "x", "y"});
    assertEquals(7, o.seed);
    assertEquals(100L, o.maxSteps);
    assertTrue(o.debug);
    assertEquals(List.of("x", "y"), o.positional);
    assertEquals(List.of("-e"), Options.parse(new String[] {"--", "-e"}).positional);
    assertTrue(Options.parse(new String[] {"-h"}).help);
    assertTrue(Options.parse(new String[] {"--version"}).version);
  }

  @Test
  void usageErrorsSayWhatIsWrong() {
    assertEquals("Unknown option: '--foo'", error("--foo"));
    assertEquals("Missing value for option '--jobs' (N)", error("--jobs"));
    assertEquals("Invalid value for option '--timeout': 'abc' is not a number of seconds", error("--timeout", "abc"));
    assertEquals("Invalid value for option '--timeout': -1 (a positive number of seconds)", error("--timeout", "-1"));
    assertEquals("Invalid value for option '--seed': '1.5' is not an integer", error("--seed", "1.5"));
    assertEquals("Option '--debug' takes no value", error("--debug=yes"));
  }

  private static String error(String... args) {
    return assertThrows(Options.UsageError.class, () -> Options.parse(args)).getMessage();
  }
}
