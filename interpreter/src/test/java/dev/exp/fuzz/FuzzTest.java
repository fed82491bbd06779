package dev.exp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Hostile inputs through the embedding API (0.5 s timeout, 300k steps, no capabilities, 1 MB and
 * 256 KB thread stacks): every outcome must be a value or one of the documented exceptions, with no
 * Java text, and no run may overrun its limit by more than 1 s. {@code -Dexp.fuzz.count=N} changes
 * the number of generated inputs (2000 by default, plus the fixed extreme cases);
 * {@code bench/run-fuzz.sh} runs a long campaign and prints the counts by outcome.
 *
 * <p>Runs in every build (about 45 s for the default 2000 inputs); {@code -Dexp.fuzz=false} skips it
 * for quick local runs.
 */
class FuzzTest {
  @Test
  @DisabledIfSystemProperty(named = "exp.fuzz", matches = "false")
  void hostileInputsGiveValuesOrDocumentedErrors() throws Exception {
    int count = Integer.getInteger("exp.fuzz.count", 2000);
    long seed = Long.getLong("exp.fuzz.seed", 20261201L);
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("examples"))) {
      root = root.getParent();
    }
    FuzzInputs inputs = new FuzzInputs(seed, root == null ? Path.of(".") : root);
    assertTrue(inputs.corpusSize() >= 10, "the example and test scripts seed the mutations");
    FuzzRunner runner = new FuzzRunner(Duration.ofMillis(500), 300_000, 1.0);
    // the first large product of a JVM loads the native BLAS (about a second, not interruptible):
    // loading is not what the overrun bound is about
    runner.run("let a = randn([600, 600], seed: 1)\nlet b = a @ a", 1L << 20);
    Map<FuzzRunner.Outcome, Integer> counts = new EnumMap<>(FuzzRunner.Outcome.class);
    List<String> defects = new ArrayList<>();
    List<String> all = new ArrayList<>(FuzzInputs.extremes());
    for (int i = 0; i < count; i++) {
      all.add(inputs.next());
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < all.size(); i++) {
      long stack = i % 2 == 0 ? 1L << 20 : 256L << 10;
      FuzzRunner.Result r = runner.run(all.get(i), stack);
      counts.merge(r.outcome(), 1, Integer::sum);
      if (r.outcome().isDefect() && defects.size() < 40) {
        defects.add(r.outcome() + " (" + String.format("%.2f", r.seconds()) + " s, stack " + (stack >> 10) + " KB): "
            + r.detail() + "  <- input: " + FuzzRunner.abbreviate(all.get(i)));
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("fuzz: %d inputs in %.1f s (seed %d): %s%n", all.size(), secs, seed, counts);
    defects.forEach(d -> System.out.println("  " + d));
    assertEquals(List.of(), defects, "inputs whose outcome is not a value or a documented exception");
  }
}
