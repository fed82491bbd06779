package dev.exp.tensor.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorOps;
import dev.exp.tensor.op.UnaryOp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loops chosen at start-up, in fresh JVMs: without the Vector API module, and with it disabled. */
class LoopSelectionTest {
  /** Prints the active loops and exp of a few values (run in a child JVM). */
  public static void main(String[] args) {
    Tensor t = TensorOps.unary(UnaryOp.EXP, Tensor.vector(0, 1, 2, 3, 4, 5, 6, 7, 8));
    System.out.println(Loops.active().describe() + " " + t.raw()[1]);
  }

  static String run(String... jvmArgs) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LoopSelectionTest.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.getErrorStream().readAllBytes();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void withoutTheModuleTheScalarLoopsRunAndNothingFailsToLink() throws Exception {
    assertEquals("scalar " + Math.exp(1), run());
  }

  @Test
  void thePropertyForcesTheScalarLoops() throws Exception {
    assertEquals("scalar " + Math.exp(1), run("--add-modules", "jdk.incubator.vector", "-Dexp.vector=false"));
  }

  @Test
  void withTheModuleTheVectorLoopsRun() throws Exception {
    String out = run("--add-modules", "jdk.incubator.vector");
    assertEquals(true, out.startsWith("vector ("), out);
  }
}
