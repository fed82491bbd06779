package dev.exp.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.Session;
import dev.exp.api.Source;
import dev.exp.api.StackFrame;
import dev.exp.kernel.KernelContext;
import dev.exp.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a kernel gets from its {@link KernelContext}: callbacks from any thread, the stream, the location. */
class KernelContextTest {
  private final Engine engine = Engine.builder().module(ContextKernels.class).build();

  @Test
  void callbacksRunFromParallelWorkers() {
    try (Session s = engine.newSession()) {
      double[] got = s.eval("let k = 10\nkc.map(64, fn (i) = i * i + k)").asDoubleArray();
      double[] want = new double[64];
      for (int i = 0; i < 64; i++) {
        want[i] = i * i + 10;
      }
      assertArrayEquals(want, got);
      assertTrue(ContextKernels.THREADS.size() > 1, "callbacks ran on " + ContextKernels.THREADS);
    }
  }

  @Test
  void anErrorInsideACallbackCarriesBothStacks() {
    try (Session s = engine.newSession()) {
      String code = "fn check(i) {\n  if i == 37 { error(\"bad item {i}\") }\n  i\n}\nlet r = kc.map(64, check)";
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval(new Source("cb.exp", code)));
      assertEquals("bad item 37", e.getMessage());
      List<StackFrame> st = e.scriptStack();
      assertEquals(new StackFrame("check", "cb.exp", 2, 16), st.get(0), e.render());
      assertEquals("kc.map", st.get(1).function(), e.render());
      assertEquals(5, st.get(1).line(), "the kernel frame is at the kernel call");
      assertEquals(new StackFrame("<script>", "cb.exp", 5, 9), st.get(2), e.render());
      assertEquals(3, st.size(), e.render());
      // the session is usable afterwards
      assertEquals(2.0, s.eval("1 + 1").asDouble());
    }
  }

  @Test
  void theLocationIsTheCallsAndTheStreamIsTheSessions() {
    try (Session s = engine.newSession()) {
      assertEquals("loc.exp:2:9", s.eval(new Source("loc.exp", "let a = 1\nlet w = kc.where()\nw")).asString());
    }
    Engine seeded = Engine.builder().module(ContextKernels.class).seed(7).build();
    double first;
    try (Session s = seeded.newSession()) {
      first = s.eval("kc.draw()").asDouble();
      assertNotEquals(first, s.eval("kc.draw()").asDouble(), "the stream continues");
    }
    assertEquals(new Rng(7).nextDouble(), first, "the first draw of a seed-7 session is the seed-7 stream's");
  }

  @Test
  void outsideTheInterpreterTheContextIsANoOp() {
    KernelContext none = KernelContext.current();
    assertEquals(KernelContext.NONE, none);
    none.poll();
    assertEquals("", none.location());
    assertEquals(3.0, ContextKernels.spin(none, 3));
    assertEquals(new Rng(0).nextDouble(), none.rng().nextDouble());
  }
}
