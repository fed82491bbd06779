package dev.exp.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workers are capped at the thread budget; nested experiments divide it instead of multiplying it. */
class ExperimentJobsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private List<Integer> workersOf(String script) {
    List<Integer> jobs = new ArrayList<>();
    try (Session s = Engine.builder().build().newSession()) {
      s.progress(new dev.exp.api.ExperimentListener() {
        @Override
        public void start(String e, int t, int g, long r, int c, int j) {
          synchronized (jobs) {
            jobs.add(j);
          }
        }

        @Override
        public void update(String e, int d, int f, int c, int t, double s) {}

        @Override
        public void finish(String e, int d, int f, int c, int t, double s, String err) {}
      });
      s.eval(script);
    }
    return jobs;
  }

  @Test
  void hugeJobsIsCappedAtTheCores() {
    List<Integer> jobs = workersOf("""
        let t = experiment "many" (jobs: 100000) {
          sweep k in 0..50
          report v = k * 2
        }
        assert(nrows(t) == 50)
        """);
    assertEquals(List.of(Math.min(CORES, 50)), jobs);
  }

  @Test
  void nestedExperimentsShareTheBudget() {
    List<Integer> jobs = workersOf("""
        let outer = experiment "outer" (jobs: 64) {
          sweep a in 0..4
          let inner = experiment "inner" (jobs: 64) {
            sweep b in 0..4
            report w = a + b
          }
          report v = nrows(inner)
        }
        """);
    // the top-level progress listener sees the outer experiment only; its workers are capped
    assertTrue(jobs.get(0) <= CORES, jobs.toString());
  }
}
