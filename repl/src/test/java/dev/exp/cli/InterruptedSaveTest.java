package dev.exp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while {@code save} writes: the target is the old complete file or absent, never torn, and
 * the hidden temporary file the write used is gone too (a shutdown hook deletes it).
 */
class InterruptedSaveTest {
  @TempDir
  Path dir;

  @Test
  void sigtermDuringASaveLeavesNoTemporaryFile() throws Exception {
    Path script = dir.resolve("save.exp");
    Files.writeString(script, "let t = table({a: randn([1000000], seed: 1), b: randn([1000000], seed: 2)})\n"
        + "for i in 0..1000 { save(t, \"big.csv\") }\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        script.toString())).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out").toFile()).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (temporaryFiles().isEmpty() && p.isAlive() && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertFalse(temporaryFiles().isEmpty(), "no save was seen in progress: " + Files.readString(dir.resolve("out")));
    p.destroy();   // SIGTERM
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process did not exit after SIGTERM");
    assertTrue(temporaryFiles().isEmpty(), "left behind: " + temporaryFiles());
    Path big = dir.resolve("big.csv");
    if (Files.exists(big)) {
      List<String> lines = Files.readAllLines(big);
      assertTrue(lines.size() == 1_000_001 && lines.get(0).equals("a,b"), "a complete file: " + lines.size() + " lines");
    }
  }

  private List<Path> temporaryFiles() throws java.io.IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
