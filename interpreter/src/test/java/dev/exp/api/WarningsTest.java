package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings reach the host's consumer rendered like errors, once per source location and run. */
class WarningsTest {
  private final List<String> warned = Collections.synchronizedList(new ArrayList<>());
  private final Engine engine = Engine.builder().warnings(warned::add).output(line -> {}).build();

  @Test
  void aWarningShowsItsLineAndCaretOncePerLocationAndRun() {
    try (Session s = engine.newSession()) {
      String code = "let xs = [1, 2, 3]\nvar t = 0\nfor i in 0..4 { t += sum(xs + [i]) }\nt";
      assertEquals(42, s.eval(new Source("w.exp", code)).asDouble(), 1e-12);
      assertEquals(List.of("""
          w.exp:3:29: warning: xs + [i] adds i to each of the 3 elements of xs: numbers in brackets make a tensor, \
          and + broadcasts as in NumPy; to append, write concat([xs, [i]]), or collect the items in a list that starts as []
           3 | for i in 0..4 { t += sum(xs + [i]) }
             |                             ^"""), warned);
      s.eval(new Source("w.exp", code));   // a new run warns again
      assertEquals(2, warned.size());
    }
  }

  @Test
  void parallelTrialsShareOneWarningPerLocation() {
    try (Session s = engine.newSession().jobs(2)) {
      s.eval("""
          let t = experiment "e" (jobs: 2) {
            sweep k in 0..8
            report v = sum([1, 2] + [k])
          }
          assert(nrows(t) == 8)
          """);
    }
    assertEquals(1, warned.size());
  }

  @Test
  void listsAppendWithoutAWarning() {
    try (Session s = engine.newSession()) {
      s.eval("var xs = []\nfor i in 0..3 { xs += [i] }\nlet ys = xs + [7]\nassert(len(ys) == 4)");
    }
    assertEquals(List.of(), warned);
  }
}
