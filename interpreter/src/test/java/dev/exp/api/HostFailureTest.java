package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a host's own failures and odd inputs become: documented exceptions with the host's message. */
class HostFailureTest {
  @Test
  void anErrorThrownByAHostFunctionIsAScriptError() {
    Engine e = Engine.builder().function("bad", v -> {
      throw new AssertionError("assert");
    }).build();
    try (Session s = e.newSession()) {
      ExpRuntimeException x = assertThrows(ExpRuntimeException.class, () -> s.eval("bad()"));
      assertEquals("bad: assert", x.getMessage());
      assertEquals(2.0, s.eval("1 + 1").asDouble());
    }
  }

  @Test
  void aHostFunctionThatHonoursAnInterruptEndsTheEvaluationAsInterrupted() throws Exception {
    CountDownLatch sleeping = new CountDownLatch(1);
    Engine e = Engine.builder().function("slp", v -> {
      sleeping.countDown();
      Thread.sleep(20_000);
      return 1;
    }).build();
    AtomicReference<Throwable> got = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try (Session s = e.newSession()) {
        s.eval("slp()");
      } catch (Throwable x) {
        got.set(x);
      }
    });
    t.start();
    assertTrue(sleeping.await(10, TimeUnit.SECONDS));
    t.interrupt();
    t.join(10_000);
    assertTrue(got.get() instanceof ExpInterruptedException, String.valueOf(got.get()));
  }

  @Test
  void aHostModulesExceptionKeepsItsMessage() {
    Engine e = Engine.builder().module(hostmod.FailingModule.class).build();
    try (Session s = e.newSession()) {
      ExpRuntimeException x = assertThrows(ExpRuntimeException.class, () -> s.eval("geom.boom()"));
      assertEquals("geom.boom: kaboom", x.getMessage());
    }
  }

  @Test
  void wrongKindsAndNullsAreTheDocumentedJavaExceptions() {
    try (Session s = Engine.create().newSession()) {
      ClassCastException c = assertThrows(ClassCastException.class, () -> s.eval("[1+2i, 3]").asDoubleArray());
      assertTrue(c.getMessage().contains("complex") && c.getMessage().contains("asComplexArray"), c.getMessage());
      assertThrows(ClassCastException.class, () -> s.eval("[[1+2i, 3], [1, 1]]").asMatrix());
      IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
          () -> s.set("m", new double[][] {{1, 2}, null}));
      assertTrue(row.getMessage().contains("row 1 is null"), row.getMessage());
      NullPointerException n = assertThrows(NullPointerException.class, () -> s.call((String) null, 1.0));
      assertEquals("function", n.getMessage());
      assertEquals("capability", assertThrows(NullPointerException.class, () -> s.grant((Capability) null)).getMessage());
    }
  }
}
