package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernel index (which class defines each kernel name, read so engines bind classes lazily) must
 * match the {@code @Kernel} annotations: the build writes it after compiling ({@code
 * dev.exp.KernelIndexWriter}).
 */
class KernelIndexTest {
  @Test
  void indexMatchesTheAnnotations() throws IOException {
    String expected = KernelIndex.generate(dev.exp.Stdlib.kernelClasses());
    String actual;
    try (InputStream in = KernelIndex.class.getResourceAsStream(KernelIndex.RESOURCE)) {
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, actual, "the build writes kernels.idx from the annotations");
  }

  @Test
  void loadGivesEveryNameItsClasses() {
    Map<String, List<String>> index = KernelIndex.load(dev.exp.Stdlib.kernelClasses());
    assertEquals(List.of("dev.exp.linalg.Linalg"), index.get("linalg.solve"));
    // sort is defined for tensors and for tables: both classes, in kernel-class order
    assertEquals(List.of("dev.exp.tensor.Sorting", "dev.exp.table.TableKernels"), index.get("sort"));
    assertTrue(index.size() > 150);
  }

  @Test
  void classesMissingFromTheIndexAreReflected() {
    Map<String, List<String>> index = KernelIndex.load(List.of(Sample.class));
    assertEquals(Map.of("sample.twice", List.of(Sample.class.getName())), index);
  }

  /** A kernel class that is not in the stdlib index. */
  public static final class Sample {
    @Kernel(name = "sample.twice", doc = "Twice x.")
    public static double twice(@Arg("x") double x) {
      return 2 * x;
    }
  }
}
