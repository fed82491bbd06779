package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One engine shared by several threads, each with its own sessions, gives the sequential results. */
class ConcurrencyTest {
  private static final int THREADS = 6;
  private static final int RUNS = 8;

  private final Engine engine = Engine.builder()
      .function("shift", a -> a[0].asTensor().map(x -> x + a[1].asDouble()))
      .module(GeometryKernels.class)
      .output(line -> { })
      .build();

  private final Script script = engine.compile(new Source("work.exp", String.join("\n",
      "fn gram(x) = x.T @ x",
      "let noise = randn([20, 3])",                 // the session's own seeded stream
      "let x = data + 0.1 * noise |> shift(k)",
      "let g = gram(x)",
      "var acc = 0",
      "for i in 0..200 { acc += sum(geom.norms(x)) / (i + 1) }",
      "[sum(g), acc, linalg.det(g + eye(3))]")));

  private double[] runOnce(int k) {
    double[][] data = new double[20][3];
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 3; j++) {
        data[i][j] = Math.sin(i * 3 + j + k);
      }
    }
    try (Session s = engine.newSession()) {
      s.set("data", data).set("k", k);
      return s.run(script).asDoubleArray();
    }
  }

  @Test
  void threadsSharingAnEngineMatchSequentialRuns() throws Exception {
    List<double[]> expected = new ArrayList<>();
    for (int k = 0; k < THREADS * RUNS; k++) {
      expected.add(runOnce(k));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<double[]>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t * RUNS;
        futures.add(pool.submit(() -> {
          go.await();
          List<double[]> out = new ArrayList<>();
          for (int k = first; k < first + RUNS; k++) {
            out.add(runOnce(k));
          }
          return out;
        }));
      }
      go.countDown();
      for (int t = 0; t < THREADS; t++) {
        List<double[]> got = futures.get(t).get(60, TimeUnit.SECONDS);
        for (int r = 0; r < RUNS; r++) {
          assertArrayEquals(expected.get(t * RUNS + r), got.get(r), "thread " + t + " run " + r);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // different inputs give different results (the comparison above is not vacuous)
    assertTrue(expected.get(0)[0] != expected.get(1)[0]);
  }

  @Test
  void aSessionRefusesASecondThreadWhileRunning() throws Exception {
    try (Session s = engine.newSession()) {
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      s.function("pause", a -> {
        inside.countDown();
        release.await();
        return 1;
      });
      CompletableFuture<Double> first = CompletableFuture.supplyAsync(() -> s.eval("pause() + 1").asDouble());
      assertTrue(inside.await(10, TimeUnit.SECONDS));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.eval("1"));
      assertTrue(e.getMessage().contains("one thread at a time"), e.getMessage());
      release.countDown();
      assertEquals(2.0, first.get(10, TimeUnit.SECONDS));
      assertEquals(1.0, s.eval("1").asDouble());
    }
  }
}
