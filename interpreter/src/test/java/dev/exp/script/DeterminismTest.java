package dev.exp.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same script, run twice in fresh sessions, prints identical bytes (random numbers included). */
class DeterminismTest {
  @TempDir
  Path dir;

  @Test
  void sameScriptTwiceGivesIdenticalOutput() throws Exception {
    Path script = dir.resolve("random.exp");
    Files.writeString(script, """
        print(randn([3, 3]))
        print(rand([4]), randint(0, 100, [5]), permutation(6))
        print(choice(10, size: 4), dirichlet([1, 1, 1]))
        let res = experiment "draws" (jobs: 2) {
          sweep k in [1, 2, 3]
          repeat 4
          report u = rand([1])[0] + k, v = randn([2], seed: seed)[1]
        }
        print(column(res, "u"), column(res, "v"))
        print(1 / 3, 2 ^ 0.5, exp(1), 1e-7 * 3, 123456789.123)
        """);
    ScriptRunner.Result a = ScriptRunner.run(script);
    ScriptRunner.Result b = ScriptRunner.run(script);
    assertNull(a.error(), a.error());
    assertTrue(a.output().length() > 100);
    assertEquals(a.output(), b.output());
  }
}
