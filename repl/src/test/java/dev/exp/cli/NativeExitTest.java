package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --timeout} that stops a long native SVD: the error is reported and the process exits with the
 * limit's status once the abandoned LAPACK call ends. Before the exit waited for it (NativeCalls), the
 * process hung for good in OpenBLAS's library destructor when the exit came during a multi-threaded
 * phase of dgesdd (measured: 4 of 6 runs at 0.6 s, none at 1.0 s), so the test runs three limits.
 */
class NativeExitTest {
  @TempDir
  Path dir;

  @Test
  void aTimeoutDuringANativeSvdExitsWithTheLimitStatus() throws Exception {
    Path script = dir.resolve("svd.exp");
    Files.writeString(script, "print(linalg.svd(randn([40, 40], seed: 2)).s[0] > 0)\nlet a = randn([1500, 1500], seed: 1)\nprint(linalg.svd(a).s[0])\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] limits = {"0.5", "0.7", "0.9"};   // the hang needed the exit in a multi-threaded phase of dgesdd
    for (int run = 0; run < limits.length; run++) {
      Path err = dir.resolve("err" + run);
      Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "--timeout", limits[run], script.toString())).directory(dir.toFile())
          .redirectOutput(dir.resolve("out" + run).toFile()).redirectError(err.toFile()).start();
      boolean ended = p.waitFor(30, TimeUnit.SECONDS);
      if (!ended) {
        p.destroyForcibly();
      }
      assertTrue(ended, "run " + run + ": the process did not exit after the time limit");
      String text = Files.readString(err);
      assertEquals(Main.EXIT_LIMIT, p.exitValue(), text);
      assertTrue(text.contains("time limit exceeded"), text);
    }
  }
}
