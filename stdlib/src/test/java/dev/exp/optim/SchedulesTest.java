package dev.exp.optim;

import dev.exp.optim.schedule.Schedule;
import dev.exp.optim.schedule.ScheduleKernels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules against their closed forms, and schedules as an optimizer's lr. */
class SchedulesTest {
  @Test
  void closedForms() {
    assertEquals(0.1, ScheduleKernels.constant(0.1).at(1234));
    Schedule st = ScheduleKernels.step(1, 30, 0.1);
    assertEquals(1, st.at(29));
    assertEquals(0.1, st.at(30), 1e-15);
    assertEquals(0.01, st.at(60), 1e-15);
    assertEquals(0.125, ScheduleKernels.exponential(1, 0.5).at(3), 1e-15);
    Schedule cos = ScheduleKernels.cosine(1, 100, 0.1);
    assertEquals(1, cos.at(0), 1e-15);
    assertEquals(0.55, cos.at(50), 1e-15);
    assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, cos.at(25), 1e-15);
    assertEquals(0.1, cos.at(100), 1e-15);
    assertEquals(0.1, cos.at(500), 1e-15);
    assertEquals(0.5, ScheduleKernels.linear(1, 10).at(5), 1e-15);
    assertEquals(0, ScheduleKernels.linear(1, 10).at(11));
    assertEquals(2.0 / 3, ScheduleKernels.rex(1, 100).at(50), 1e-15);
    assertEquals(0.2 / 0.6, ScheduleKernels.rex(1, 100).at(80), 1e-15);
    Schedule inv = ScheduleKernels.inverseSqrt(1, 100);
    assertEquals(0.5, inv.at(50), 1e-15);
    assertEquals(1, inv.at(100), 1e-15);
    assertEquals(0.5, inv.at(400), 1e-15);
    assertEquals(1 / Math.sqrt(4), ScheduleKernels.inverseSqrt(1, 0).at(3), 1e-15);
  }

  @Test
  void warmupWrappersAndWsd() {
    Schedule w = ScheduleKernels.linearWarmup(ScheduleKernels.cosine(2, 100, 0), 10);
    assertEquals(0, w.at(0));
    assertEquals(1, w.at(5), 1e-15);
    assertEquals(2, w.at(10), 1e-15);
    assertEquals(1, w.at(60), 1e-15);
    assertEquals(2.0, w.field("peak"));
    Schedule c = ScheduleKernels.linearWarmup(0.3, 3);
    assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.3}, ScheduleKernels.values(c, 5).toArray(), 1e-15);
    Schedule wsd = ScheduleKernels.warmupStableDecay(1, 100, 10, 0.2, 0.1, "linear");
    assertEquals(0.5, wsd.at(5), 1e-15);
    assertEquals(1, wsd.at(79), 1e-15);
    assertEquals(1, wsd.at(80), 1e-15);
    assertEquals(0.55, wsd.at(90), 1e-15);
    assertEquals(0.1, wsd.at(100), 1e-15);
    assertEquals(20.0, wsd.field("decay"));
    Schedule wc = ScheduleKernels.warmupStableDecay(1, 100, 0, 50, 0, "cosine");
    assertEquals(0.5, wc.at(75), 1e-15);
    Schedule ws = ScheduleKernels.warmupStableDecay(1, 100, 0, 50, 0, "sqrt");
    assertEquals(1 - Math.sqrt(0.5), ws.at(75), 1e-15);
  }

  @Test
  void scheduleIsCallableWithFieldsAndSummary() {
    Schedule s = ScheduleKernels.step(0.5, 10, 0.5);
    assertEquals(0.25, s.call(10.0));
    assertEquals("schedule", s.typeName());
    assertEquals(java.util.List.of("kind", "lr", "step_size", "gamma"), s.fieldNames());
    assertEquals("<schedule step, lr 0.5, step_size 10, gamma 0.5>", s.summary());
    KernelException e = assertThrows(KernelException.class, () -> s.call(1.5));
    assertTrue(e.getMessage().contains("integer >= 0"), e.getMessage());
    e = assertThrows(KernelException.class, () -> ScheduleKernels.warmupStableDecay(1, 100, 90, 0.2, 0, "linear"));
    assertTrue(e.getMessage().contains("within total"), e.getMessage());
  }

  @Test
  void scheduledLearningRateUsesRateOfStepsTaken() {
    // sgd on g = 1 with lr = step(1, 1, 0.5): x decreases by 1, 0.5, 0.25
    Optimizer opt = OptimizerKernels.sgd(ScheduleKernels.step(1, 1, 0.5), 0, 0, false, 0);
    Tensor x = Tensor.vector(0);
    Map<?, ?> s = null;
    double[] expect = {-1, -1.5, -1.75};
    for (double e : expect) {
      Map<String, Object> r = OptimizerKernels.update(opt, x, Tensor.vector(1), s);
      x = (Tensor) r.get("x");
      s = (Map<?, ?>) r.get("state");
      assertEquals(e, x.at(0), 1e-15);
    }
  }
}
