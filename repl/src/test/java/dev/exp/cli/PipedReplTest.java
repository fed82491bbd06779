package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `exp` with standard input from a pipe: no prompts, plain output, exit status from the outcome. */
class PipedReplTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String input, String... options) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(List.of(options));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  @Test
  void printsAndExitsZero() throws Exception {
    Result r = run("print(1 + 2)\n");
    assertEquals("3\n", r.out());
    assertEquals("", r.err());
    assertEquals(0, r.code());
  }

  @Test
  void multiLineInputAndDefinitionsAcrossInputs() throws Exception {
    Result r = run("fn f(x) {\n  x * 2\n}\nlet y = [1,\n 2]\nf(y)\n");
    assertEquals("[2, 4]\n", r.out());
    assertEquals(0, r.code());
  }

  @Test
  void pipelineStagesAndElseOnTheirOwnLinesContinueTheInputAsInAFile() throws Exception {
    Result r = run("let total = [1, 2, 3]\n  |> map(x => x * 2)\n  |> sum\nprint(total)\n"
        + "if total > 5 { print(\"big\") }\nelse { print(\"small\") }\nlet elsewhere = 3\nelsewhere\n");
    assertEquals("12\nbig\n3\n", r.out(), r.err());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void underscoreIsTheLastValueShown() throws Exception {
    Result r = run("[1, 2] @ [3, 4]\n_ * 2\nprint(\"x\")\n_ + 1\nlet _ = 5\n_\n");
    assertEquals("11\n22\nx\n23\n5\n", r.out(), r.err());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void anErrorIsReportedTheRestRunsAndTheStatusSaysSo() throws Exception {
    Result r = run("print(nope)\nprint(5)\n");
    assertTrue(r.err().contains("undefined name 'nope'"), r.err());
    assertEquals("5\n", r.out());
    assertEquals(2, r.code(), "a name error is found before running, like a syntax error");
    assertTrue(!r.err().contains("Exception"), r.err());
    Result rt = run("[1, 2] + [1, 2, 3]\nprint(6)\n");
    assertTrue(rt.err().contains("[2]") && rt.err().contains("[3]"), rt.err());
    assertEquals("6\n", rt.out());
    assertEquals(1, rt.code());
  }

  @Test
  void aLimitGivesTheLimitExitCodeAsForAScript() throws Exception {
    Result r = run("print(1)\nwhile true { }\n", "--timeout", "0.5");
    assertEquals("1\n", r.out());
    assertTrue(r.err().contains("time limit"), r.err());
    assertEquals(Main.EXIT_LIMIT, r.code(), r.err());
    Result steps = run("[1, 2] + [1, 2, 3]\nvar i = 0\nwhile true { i += 1 }\nprint(2)\n", "--max-steps", "10000");
    assertTrue(steps.err().contains("[3]") && steps.err().contains("step limit"), steps.err());
    assertEquals(Main.EXIT_LIMIT, steps.code(), "the worst outcome, a limit, after a runtime error: " + steps.err());
    assertTrue(!steps.err().contains("Exception"), steps.err());

    // timeouts below a millisecond and beyond a lifetime are limits like any other, not Java errors
    Result tiny = run("var i = 0\nwhile true { i += 1 }\n", "--timeout", "0.0009");
    assertEquals(Main.EXIT_LIMIT, tiny.code(), tiny.err());
    Result huge = run("print(2)\n", "--timeout", "1e10");
    assertEquals("2\n", huge.out());
    assertEquals(0, huge.code(), huge.err());

    // --max-depth: 2000 nested calls by default; a deeper recursion needs the option (sum 1..5000)
    String deep = "fn tri(n) = if n == 0 { 0 } else { n + tri(n - 1) }\nprint(tri(5000))\n";
    Result shallow = run(deep);
    assertEquals(Main.EXIT_LIMIT, shallow.code(), shallow.err());
    assertTrue(shallow.err().contains("more than 2000 nested calls") && shallow.err().contains("--max-depth"), shallow.err());
    Result allowed = run(deep, "--max-depth", "6000");
    assertEquals("12502500\n", allowed.out(), allowed.err());
    assertEquals(0, allowed.code(), allowed.err());
  }

  @Test
  void errorsAreLocatedInTheWholeInput() throws Exception {
    Result r = run("let a = 1\n\nfn f(x) = x + \"s\"\nprint(f(a))\n");
    assertTrue(r.err().contains("<stdin>:3:13: error: operator '+' cannot combine a number and a string"), r.err());
    assertTrue(r.err().contains(" 3 | fn f(x) = x + \"s\""), r.err());
    assertTrue(r.err().contains("at <script> (<stdin>:4:7)"), r.err());
  }
}
