package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Each limit ends a runaway script with its own exception carrying the script location, and the
 * session stays usable. Wall-clock bounds here are loose limit checks, not benchmarks.
 */
class LimitsTest {
  private static final String LOOP = "var i = 0\nwhile true {\n  i += 1\n}";

  private static void assertUsable(Session s) {
    assertEquals(2.0, s.eval("1 + 1").asDouble());
  }

  @Test
  void stepLimitStopsAnInfiniteLoop() {
    Engine engine = Engine.builder().limits(Limits.DEFAULT.withMaxSteps(100_000)).build();
    try (Session s = engine.newSession()) {
      long t0 = System.nanoTime();
      ExpStepLimitException e = assertThrows(ExpStepLimitException.class, () -> s.eval(new Source("loop.exp", LOOP)));
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
      assertEquals(ExpLimitException.Kind.STEPS, e.kind());
      assertEquals("step limit exceeded: the script ran more than 100000 steps (calls and loop iterations)",
          e.getMessage());
      assertEquals("loop.exp", e.location().file());
      assertEquals(2, e.location().line());
      assertEquals(100_000.0, s.get("i").asDouble(), "the loop ran exactly to the limit");
      assertUsable(s);
      // the limit is per evaluation: a later evaluation gets the full budget again
      assertEquals(50_000.0, s.eval("var n = 0\nfor k in 0..50000 { n += 1 }\nn").asDouble());
    }
  }

  @Test
  void callbacksFromAHostFunctionCountStepsAndStopAtTheDeadline() {
    // a numeric lambda (translated to bytecode, no loop inside) called back 100M times from Java
    HostFunction callMany = v -> {
      double acc = 0;
      for (int i = 0; i < 100_000_000; i++) {
        acc += v[0].call((double) i).asDouble();
      }
      return acc;
    };
    Engine steps = Engine.builder().limits(Limits.DEFAULT.withMaxSteps(100_000)).function("call_many", callMany).build();
    try (Session s = steps.newSession()) {
      assertThrows(ExpStepLimitException.class, () -> s.eval("call_many(x => x * 2)"));
      assertUsable(s);
    }
    Engine timed = Engine.builder().limits(Limits.DEFAULT.withTimeout(Duration.ofMillis(300))).function("call_many", callMany)
        .build();
    try (Session s = timed.newSession()) {
      long t0 = System.nanoTime();
      assertThrows(ExpTimeoutException.class, () -> s.eval("call_many(x => x * 2)"));
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "stopped after " + (System.nanoTime() - t0) / 1e6 + " ms");
    }
  }

  @Test
  void anInterruptDuringAHostFunctionStopsTheEvaluationWhenItReturns() {
    Engine engine = Engine.builder().function("spin", v -> {
      Thread.currentThread().interrupt();   // as if interrupted while the host's own code ran
      return 1;
    }).build();
    try (Session s = engine.newSession()) {
      assertThrows(ExpInterruptedException.class, () -> s.eval("spin()\nprint(2)"));
      assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt is consumed");
      assertUsable(s);
    }
  }

  @Test
  void timeoutStopsAnInfiniteLoopWithinTwoSeconds() {
    Engine engine = Engine.builder().limits(Limits.DEFAULT.withTimeout(Duration.ofSeconds(1))).build();
    try (Session s = engine.newSession()) {
      long t0 = System.nanoTime();
      ExpTimeoutException e = assertThrows(ExpTimeoutException.class, () -> s.eval(new Source("loop.exp", LOOP)));
      long elapsed = System.nanoTime() - t0;
      assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(990), "stopped after " + elapsed / 1e6 + " ms");
      assertTrue(elapsed < TimeUnit.SECONDS.toNanos(2), "stopped after " + elapsed / 1e6 + " ms");
      assertEquals(ExpLimitException.Kind.TIME, e.kind());
      assertEquals("time limit exceeded: the evaluation ran longer than its 1 s limit", e.getMessage());
      assertEquals(2, e.location().line());
      assertUsable(s);
    }
  }

  /** A record nested in itself 40 times prints 2^40 leaves: printing it must stop at a limit. */
  private static final String SELF_NESTED = "var r = {a: 1, b: 2}\nfor i in 0..40 { r = {a: r, b: r} }\n";

  @Test
  void printingAHugeSharedValueStopsAtTheTimeLimit() {
    Engine engine = Engine.builder().limits(Limits.DEFAULT.withTimeout(Duration.ofMillis(300))).build();
    try (Session s = engine.newSession()) {
      long t0 = System.nanoTime();
      ExpTimeoutException e = assertThrows(ExpTimeoutException.class,
          () -> s.eval(new Source("nest.exp", SELF_NESTED + "var t = str(r)")));
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "stopped after " + (System.nanoTime() - t0) / 1e6 + " ms");
      assertEquals(3, e.location().line());
      assertUsable(s);
    }
  }

  @Test
  void printingAHugeSharedValueStopsAtTheMemoryLimit() {
    Engine engine = Engine.builder().limits(Limits.DEFAULT.withMaxValueBytes(1 << 20)).build();
    try (Session s = engine.newSession()) {
      ExpMemoryLimitException e = assertThrows(ExpMemoryLimitException.class,
          () -> s.eval(new Source("nest.exp", SELF_NESTED + "print(r)")));
      assertTrue(e.getMessage().startsWith("printing this value needs more than 1.00 MB of text"), e.getMessage());
      assertEquals("nest.exp", e.location().file());
      assertEquals(3, e.location().line());
      // a result printed by the host (as the REPL shows it) is held to 64 Mi characters
      Value r = s.eval("r");
      assertThrows(ExpMemoryLimitException.class, r::repr);
      assertEquals("{a: {a: 1, b: 2}, b: {a: 1, b: 2}}", s.eval("{a: {a: 1, b: 2}, b: {a: 1, b: 2}}").repr());
    }
  }

  @Test
  void threadInterruptStopsARunningLoop() throws Exception {
    Engine engine = Engine.create();
    try (Session s = engine.newSession()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
      CompletableFuture<Void> started = new CompletableFuture<>();
      s.function("started", a -> {
        started.complete(null);
        return null;
      });
      Thread worker = new Thread(() -> {
        try {
          s.eval(new Source("loop.exp", "started()\n" + LOOP));
        } catch (Throwable t) {
          thrown.set(t);
        }
        interruptedAfter.set(Thread.currentThread().isInterrupted());
      });
      worker.start();
      started.get(10, TimeUnit.SECONDS);
      Thread.sleep(50);
      worker.interrupt();
      worker.join(TimeUnit.SECONDS.toMillis(2));
      assertFalse(worker.isAlive(), "the interrupted script is still running");
      assertTrue(thrown.get() instanceof ExpInterruptedException, String.valueOf(thrown.get()));
      ExpInterruptedException e = (ExpInterruptedException) thrown.get();
      assertEquals("loop.exp", e.location().file());
      assertTrue(e.location().line() >= 3, e.render());
      assertFalse(interruptedAfter.get(), "the interrupt is consumed");
      assertUsable(s);   // another thread may use the session once the first is done with it
    }
  }

  @Test
  void cancelFromAnotherThread() throws Exception {
    try (Session s = Engine.create().newSession()) {
      CompletableFuture<Void> started = new CompletableFuture<>();
      s.function("started", a -> {
        started.complete(null);
        return null;
      });
      CompletableFuture<Throwable> result = CompletableFuture.supplyAsync(() -> {
        try {
          s.eval("started()\n" + LOOP);
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      started.get(10, TimeUnit.SECONDS);
      s.cancel();
      assertTrue(result.get(2, TimeUnit.SECONDS) instanceof ExpInterruptedException);
      assertUsable(s);
    }
  }

  @Test
  void callDepthLimitOnInfiniteRecursion() {
    Engine engine = Engine.builder().limits(Limits.DEFAULT.withMaxCallDepth(100)).build();
    try (Session s = engine.newSession()) {
      ExpCallDepthException e = assertThrows(ExpCallDepthException.class,
          () -> s.eval(new Source("rec.exp", "fn down(n) = down(n + 1) + 1\ndown(0)")));
      assertEquals("call depth limit exceeded: more than 100 nested calls (unbounded recursion? to allow more: "
          + "exp --max-depth N, or Limits.withMaxCallDepth when embedded)", e.getMessage());
      assertEquals("rec.exp", e.location().file());
      assertEquals("down", e.location().function());
      assertEquals(1, e.location().line());
      assertTrue(e.render().contains("[the frame above repeats"), e.render());
      assertUsable(s);
      assertEquals(120.0, s.eval("fn fact(n) = if n <= 1 { 1 } else { n * fact(n - 1) }\nfact(5)").asDouble());
    }
  }

  @Test
  void noStackOverflowErrorEscapesOnASmallThreadStack() throws Exception {
    // default limits (2000 nested calls) on a thread whose Java stack runs out first
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Double> after = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try (Session s = Engine.create().newSession()) {
        try {
          s.eval("fn down(n) = down(n + 1) + 1\ndown(0)");
        } catch (Throwable e) {
          thrown.set(e);
        }
        try {
          s.eval("fn f(n) = f(n + 1)");
          s.call("f", 0);
        } catch (ExpCallDepthException e) {
          // the same from a host call
        }
        after.set(s.eval("1 + 1").asDouble());
      }
    }, "small-stack", 192 * 1024);
    t.start();
    t.join(TimeUnit.SECONDS.toMillis(20));
    assertTrue(thrown.get() instanceof ExpCallDepthException, String.valueOf(thrown.get()));
    assertNotNull(((ExpCallDepthException) thrown.get()).location());
    assertEquals(2.0, after.get());
  }

  @Test
  void limitsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxSteps(0));
    assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxCallDepth(-1));
  }
}
