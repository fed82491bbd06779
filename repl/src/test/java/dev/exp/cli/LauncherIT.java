package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code exp} launcher (the bash script at the repository root) as a user runs it, after the
 * build made the jar: stdout and stderr stay apart (the JVM's incubator warning is filtered out of
 * stderr only), and the exit code is the program's.
 */
class LauncherIT {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private Run exp(String... args) throws IOException, InterruptedException {
    return expWith("", args);
  }

  private Run expWith(String javaOpts, String... args) throws IOException, InterruptedException {
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("exp");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("EXP_CDS", "0");   // no start-up archive recorded by the test
    pb.environment().put("EXP_JAVA_OPTS", javaOpts);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
    Thread.sleep(50);   // the stderr filter may write just after the JVM exits
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void outputGoesToStdoutErrorsToStderrAndTheExitCodeIsTheScripts() throws Exception {
    Run r = exp("-e", "print(\"hello\"); nope(1)");
    assertFalse(r.err().contains("exp: building"), "the jar is up to date after the package phase:\n" + r.err());
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out(), "a static error stops the script before it runs");
    assertTrue(r.err().contains("undefined name 'nope'"), r.err());
    assertFalse(r.err().contains("WARNING: Using incubator modules"), r.err());

    Run ok = exp("-e", "print(\"hello\"); 1 + 1");
    assertEquals(0, ok.code(), ok.err());
    assertEquals("hello\n2\n", ok.out());
    assertEquals("", ok.err());

    Run failed = exp("-e", "print(\"partial\"); [1, 2] @ [1, 2, 3]");
    assertEquals(1, failed.code(), failed.err());
    assertEquals("partial\n", failed.out());
    assertTrue(failed.err().contains("not aligned"), failed.err());
  }

  @Test
  void theNumericTierTranslatesWithAsmOnTheBootClassPath() throws Exception {
    // strict: a translation the JVM refused (a class that does not verify or link) would be an error
    Run r = expWith("-Dexp.tier.strict=true -Dexp.tier.log=true",
        "-e", "fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\nprint(fib(20))");
    assertEquals(0, r.code(), r.err());
    assertEquals("6765\n", r.out());
    assertTrue(r.err().contains("fib"), "the tier log names the translated function:\n" + r.err());
  }

  @Test
  void aScriptFileRunsWithItsArguments() throws Exception {
    Files.writeString(dir.resolve("s.exp"), "print(args)\n");
    Run r = exp("s.exp", "a", "b");
    assertEquals(0, r.code(), r.err());
    assertEquals("[\"a\", \"b\"]\n", r.out());
  }
}
