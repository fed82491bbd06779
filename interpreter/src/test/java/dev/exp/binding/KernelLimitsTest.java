package dev.exp.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpInterruptedException;
import dev.exp.api.ExpLimitException;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpTimeoutException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Deadline, cancel and interrupt stop work inside kernels (between their blocks), inside script
 * callbacks made by kernels on worker threads, inside Parallel.forEach and inside parallel experiment
 * trials. Each kernel here would run for minutes; the bounds are loose checks, not benchmarks.
 */
class KernelLimitsTest {
  private static final long LIMIT_MS = 150;

  private static Engine withTimeout() {
    return Engine.builder().module(ContextKernels.class).limits(Limits.DEFAULT.withTimeout(Duration.ofMillis(LIMIT_MS)))
        .build();
  }

  private static void assertStopsOnTime(String code, int line) {
    try (Session s = withTimeout().newSession()) {
      long t0 = System.nanoTime();
      ExpTimeoutException e = assertThrows(ExpTimeoutException.class, () -> s.eval(new Source("long.exp", code)));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= LIMIT_MS - 1 && ms < 900, "stopped after " + ms + " ms");
      assertEquals(ExpLimitException.Kind.TIME, e.kind());
      assertEquals(line, e.location().line(), e.render());
      assertEquals(2.0, s.eval("1 + 1").asDouble(), "the session stays usable");
    }
  }

  @Test
  void timeoutStopsALongKernelBetweenBlocks() {
    assertStopsOnTime("let a = 1\nkc.spin(1000000)", 2);
  }

  @Test
  void timeoutStopsALoopOfMatrixProductsAtTheOperator() {
    // the first large product of a JVM loads the native BLAS (about a second): not part of what is measured
    try (Session warm = Engine.create().newSession()) {
      warm.eval("let a = randn([1000, 1000], seed: 1)\nlet b = a @ a");
    }
    assertStopsOnTime("let a = randn([1000, 1000], seed: 1)\nwhile true { let b = a @ a }", 2);
  }

  @Test
  void timeoutStopsAPureJavaDecomposition() {
    // the pure-Java paths (EJML; F2J's dgeev) cannot poll: they run on a pool thread while the caller polls
    System.setProperty("exp.lapack.min", "100000");
    try {
      assertStopsOnTime("let a = randn([500, 500], seed: 1)\nlet e = linalg.eig(a)", 2);
      assertStopsOnTime("let a = randn([700, 700], seed: 1)\nlet s = linalg.svd(a)", 2);
    } finally {
      System.clearProperty("exp.lapack.min");
    }
  }

  @Test
  void timeoutStopsParallelForEachBetweenTasks() {
    assertStopsOnTime("let a = 1\nkc.spin_parallel(1000000)", 2);
  }

  @Test
  void timeoutStopsALoopInsideACallbackOnAWorker() {
    assertStopsOnTime("fn forever(i) {\n  var n = 0\n  while true { n += 1 }\n}\nkc.map(8, forever)", 3);
  }

  @Test
  void timeoutStopsAParallelExperiment() {
    // the first experiment of a JVM loads its machinery: not part of what is measured
    try (Session warm = Engine.builder().module(ContextKernels.class).build().newSession()) {
      warm.eval("experiment \"warm\" (jobs: 2) {\n  sweep b in [1, 2]\n  report n = kc.spin(1)\n}");
    }
    assertStopsOnTime("let t = experiment \"slow\" (jobs: 2) {\n  sweep b in [1, 2, 3, 4]\n"
        + "  report n = kc.spin(1000000)\n}", 3);
  }

  private static ExpRuntimeException runAndStop(String code, boolean cancel) throws Exception {
    Engine engine = Engine.builder().module(ContextKernels.class).build();
    try (Session s = engine.newSession()) {
      CompletableFuture<Void> started = new CompletableFuture<>();
      s.function("started", a -> {
        started.complete(null);
        return null;
      });
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          s.eval(new Source("stop.exp", "started()\n" + code));
        } catch (Throwable x) {
          thrown.set(x);
        }
      });
      t.start();
      started.get(5, TimeUnit.SECONDS);
      Thread.sleep(50);
      long t0 = System.nanoTime();
      if (cancel) {
        s.cancel();
      } else {
        t.interrupt();
      }
      t.join(2000);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(!t.isAlive() && ms < 500, "stopped after " + ms + " ms");
      return (ExpRuntimeException) thrown.get();
    }
  }

  @Test
  void interruptStopsALongKernel() throws Exception {
    ExpRuntimeException e = runAndStop("kc.spin(1000000)", false);
    assertTrue(e instanceof ExpInterruptedException, String.valueOf(e));
    assertEquals(2, e.location().line());
  }

  @Test
  void cancelStopsParallelWork() throws Exception {
    ExpRuntimeException e = runAndStop("kc.spin_parallel(1000000)", true);
    assertTrue(e instanceof ExpInterruptedException, String.valueOf(e));
  }

  @Test
  void interruptStopsACallbackOnAWorker() throws Exception {
    ExpRuntimeException e = runAndStop("kc.map(8, fn (i) { while true { } })", false);
    assertTrue(e instanceof ExpInterruptedException, String.valueOf(e));
  }
}
