package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** forEach runs every task exactly once, before it returns, whether or not its helpers got to start. */
class ParallelTest {
  @Test
  void everyTaskRunsOnceAndNothingRunsAfterReturn() throws Exception {
    AtomicLong late = new AtomicLong();
    Parallel.withThreads(2, () -> {
      for (int rep = 0; rep < 2000; rep++) {
        int tasks = 1 + rep % 7; // tiny tasks: the caller often finishes before the helper is scheduled
        AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
        boolean[] done = {false};
        Parallel.forEach(tasks, t -> {
          if (done[0]) {
            late.incrementAndGet();
          }
          runs.incrementAndGet(t);
        });
        done[0] = true;
        for (int t = 0; t < tasks; t++) {
          assertEquals(1, runs.get(t), "task " + t + " of " + tasks);
        }
      }
      return null;
    });
    Thread.sleep(50); // a helper that was claimed by the caller must never run its loop later
    assertEquals(0, late.get());
  }

  @Test
  void aFailingTaskFailsTheCall() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.withThreads(2, () -> {
      Parallel.forEach(64, t -> {
        if (t == 40) {
          throw new IllegalStateException("task 40");
        }
      });
      return null;
    }));
    assertEquals("task 40", e.getMessage());
  }
}
