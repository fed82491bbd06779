package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI as a subprocess, kills it with SIGKILL mid-sweep, reruns it, and checks that the
 * finished trials were reused and that the final table equals an uninterrupted run; SIGTERM stops it.
 */
class ResumeAfterKillTest {
  @TempDir
  Path dir;

  static final String SCRIPT = """
      fn work(n) {
        var acc = 0
        for i in 0..n { acc += sin(i) }
        acc
      }
      let res = experiment "slow sweep" (cache: "CACHE", jobs: 1) {
        sweep m in [1, 2, 3, 4, 5, 6]
        repeat 3
        let w = work(150000)
        report v = m + seed / 10 + rand([1])[0], w = w
      }
      print(res)
      """;

  private Process start(Path script, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        script.toString()));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(log.toFile())
        .redirectError(dir.resolve(log.getFileName() + ".err").toFile()).start();
  }

  @Test
  void killedSweepResumesFromItsFinishedTrials() throws Exception {
    Path script = dir.resolve("sweep.exp");
    Files.writeString(script, SCRIPT.replace("CACHE", "cache"));
    Path cacheFile = dir.resolve("cache/slow-sweep.jsonl");
    Process p = startAndAwait(script, dir.resolve("killed.out"), cacheFile, 4);
    p.destroyForcibly();  // SIGKILL on Unix
    p.waitFor(10, TimeUnit.SECONDS);
    int finished = lines(cacheFile);
    assertTrue(finished >= 4 && finished < 18, "finished trials at kill time: " + finished);

    Process resumed = start(script, dir.resolve("resumed.out"));
    assertTrue(resumed.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, resumed.exitValue(), Files.readString(dir.resolve("resumed.out.err")));
    String err = Files.readString(dir.resolve("resumed.out.err"));
    assertTrue(err.contains(finished + " from the cache"), err);

    Path fresh = dir.resolve("fresh.exp");
    Files.writeString(fresh, SCRIPT.replace("CACHE", "fresh-cache"));
    Process clean = start(fresh, dir.resolve("fresh.out"));
    assertTrue(clean.waitFor(120, TimeUnit.SECONDS));
    assertEquals(Files.readString(dir.resolve("fresh.out")), Files.readString(dir.resolve("resumed.out")));
  }

  /** {@code kill -TERM} (what a script can send; see docs/language.md) stops the sweep and the JVM. */
  @Test
  void sigtermEndsTheProcessAndKeepsTheFinishedTrials() throws Exception {
    Path script = dir.resolve("sweep.exp");
    Files.writeString(script, SCRIPT.replace("CACHE", "cache").replace("150000", "3000000"));
    Path cacheFile = dir.resolve("cache/slow-sweep.jsonl");
    Process p = startAndAwait(script, dir.resolve("termed.out"), cacheFile, 1);
    p.destroy();  // SIGTERM on Unix
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
    assertEquals(128 + 15, p.exitValue(), "the status a shell reports for SIGTERM");
    int finished = lines(cacheFile);
    assertTrue(finished >= 1 && finished < 18, "finished trials kept: " + finished);
    assertEquals("", Files.readString(dir.resolve("termed.out")), "no table: the sweep did not finish");
  }

  /** Starts the script and waits until its cache holds {@code trials} finished trials, the sweep still running. */
  private Process startAndAwait(Path script, Path log, Path cacheFile, int trials) throws Exception {
    Process p = start(script, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(cacheFile) < trials && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "the sweep finished before it could be stopped; make the trials slower");
    return p;
  }

  private static int lines(Path f) throws IOException {
    if (!Files.exists(f)) {
      return 0;
    }
    String s = Files.readString(f);
    return (int) s.chars().filter(c -> c == '\n').count();
  }
}
