package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernel index (which class defines each kernel name, read so engines bind classes lazily) must
 * match the {@code @Kernel} annotations: the build writes it after compiling ({@code
 * dev.exp.KernelIndexWriter}), as a class.
 */
class KernelIndexTest {
  @Test
  void indexMatchesTheAnnotations() {
    String expected = KernelIndex.generate(dev.exp.Stdlib.kernelClasses());
    assertEquals(expected, KernelIndex.text(), "the build writes the index class from the annotations");
  }

  private static List<String> classes(List<KernelIndex.Entry> entries) {
    return entries.stream().map(KernelIndex.Entry::className).toList();
  }

  @Test
  void loadGivesEveryNameItsClasses() {
    Map<String, List<KernelIndex.Entry>> index = KernelIndex.load(dev.exp.Stdlib.kernelClasses());
    assertEquals(List.of("dev.exp.linalg.Linalg"), classes(index.get("linalg.solve")));
    // sort is defined for tensors and for tables: both classes, in kernel-class order
    assertEquals(List.of("dev.exp.tensor.Sorting", "dev.exp.table.TableKernels"), classes(index.get("sort")));
    assertTrue(index.size() > 150);
  }

  @Test
  void everyIndexLineReadsBackAsTheAnnotationsSay() throws Exception {
    // the spec parsed from the index equals the one made from the annotations, for every kernel method
    int n = 0;
    for (Class<?> c : dev.exp.Stdlib.kernelClasses()) {
      for (KernelSpec s : KernelIndex.specsOf(c)) {
        KernelSpec back = KernelSpec.parse(s.line());
        assertEquals(s.line(), back.line());
        assertEquals(s.name(), back.name());
        assertArrayEquals(s.args(), back.args(), s.name());
        assertArrayEquals(s.defaults(), back.defaults(), s.name());
        assertArrayEquals(s.needs(), back.needs(), s.name());
        assertEquals(s.scalar(), back.scalar(), s.name());
        long matches = java.util.Arrays.stream(c.getMethods()).filter(back::describes).count();
        assertEquals(1, matches, s.name() + " names exactly one method");
        n++;
      }
    }
    assertTrue(n > 150);
    // a required argument, a default with spaces and brackets, the kernel context, needs and scalar
    KernelSpec u = KernelSpec.parse(KernelIndex.specsOf(dev.exp.tensor.Random.class).stream()
        .filter(s -> s.name().equals("uniform")).findFirst().orElseThrow().line());
    assertTrue(u.scalar());
    assertEquals("low", u.args()[0]);
    assertEquals("0", u.defaults()[0]);
  }

  @Test
  void classesMissingFromTheIndexAreReflected() {
    Map<String, List<KernelIndex.Entry>> index = KernelIndex.load(List.of(Sample.class));
    assertEquals(List.of("sample.twice"), List.copyOf(index.keySet()));
    KernelSpec s = index.get("sample.twice").get(0).spec();
    assertEquals(Sample.class.getName(), s.className());
    assertEquals("twice", s.method());
    assertArrayEquals(new String[] {"x"}, s.args());
    assertArrayEquals(new String[] {Arg.REQUIRED}, s.defaults());
  }

  /** A kernel class that is not in the stdlib index. */
  public static final class Sample {
    @Kernel(name = "sample.twice", doc = "Twice x.")
    public static double twice(@Arg("x") double x) {
      return 2 * x;
    }
  }
}
