package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a hostile script gets instead of a Java exception: the nesting limit on small host stacks, the
 * memory budget, count overflows, none reaching a kernel, internal errors without Java text.
 */
class HardeningTest {
  private static final Engine ENGINE = Engine.builder()
      .limits(Limits.DEFAULT.withTimeout(Duration.ofSeconds(5)).withMaxValueBytes(64L << 20))
      .function("boom()", a -> {
        throw new NullPointerException("Cannot invoke \"dev.exp.Foo.bar()\"");
      })
      .function("quiet()", a -> {
        throw new IllegalStateException();
      })
      .build();

  /** Runs on a thread with a 256 KB stack, as many host thread pools have. */
  private static <T> T onSmallStack(Supplier<T> work) throws InterruptedException {
    AtomicReference<Object> out = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        out.set(work.get());
      } catch (Throwable e) {
        out.set(e);
      }
    }, "small-stack", 256 << 10);
    t.start();
    t.join();
    if (out.get() instanceof RuntimeException e) {
      throw e;
    }
    if (out.get() instanceof Error e) {
      throw new AssertionError("a Java error escaped: " + e, e);
    }
    @SuppressWarnings("unchecked")
    T r = (T) out.get();
    return r;
  }

  private static double eval(String code) throws InterruptedException {
    return onSmallStack(() -> {
      try (Session s = ENGINE.newSession()) {
        return s.eval(code).asDouble();
      }
    });
  }

  private static ExpException fails(String code) {
    return assertThrows(ExpException.class, () -> onSmallStack(() -> {
      try (Session s = ENGINE.newSession()) {
        return s.eval(code);
      }
    }));
  }

  @Test
  void nestingUpToTheLimitRunsOnA256KbStackAndDeeperIsASyntaxError() throws Exception {
    assertEquals(1, eval("(".repeat(190) + "1" + ")".repeat(190)));
    assertEquals(1, eval("[".repeat(190) + "1" + "]".repeat(190) + "[0]".repeat(190)));
    assertEquals(1, eval("-".repeat(190) + "1"));   // an even number of signs
    assertEquals(2, eval("2" + " ^ 1".repeat(190)));
    for (String deep : new String[] {"(".repeat(1000) + "1" + ")".repeat(1000), "-".repeat(2000) + "1",
        "not ".repeat(2000) + "true", "2" + " ^ 2".repeat(400), "[".repeat(1000) + "1" + "]".repeat(1000)}) {
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class, () -> onSmallStack(() -> Exp.eval(deep)));
      assertTrue(e.getMessage().contains("nested too deeply (limit 200"), e.getMessage());
    }
  }

  @Test
  void longLeftAssociativeChainsDoNotNest() throws Exception {
    assertEquals(5000, eval("1" + " + 1".repeat(4999)));
    assertEquals(0.5, eval("1" + " * 2".repeat(100) + " / 2".repeat(101)));
  }

  @Test
  void valuesOverTheMemoryBudgetAreRefusedNamingTheSize() {
    ExpException e = fails("zeros([30000, 30000])");
    assertTrue(e instanceof ExpMemoryLimitException, e.toString());
    assertTrue(e.getMessage().contains("a tensor of shape [30000, 30000] needs 6.71 GB, over the memory limit of 64.0 MB"),
        e.getMessage());
    ExpException big = fails("zeros([100000, 100000])");   // also past the per-tensor element count
    assertTrue(big instanceof ExpMemoryLimitException
        && big.getMessage().contains("a tensor of shape [100000, 100000] needs 74.5 GB"), big.getMessage());
    assertTrue(fails("var s = \"ab\"\nwhile true { s = s + s }") instanceof ExpMemoryLimitException);
    assertTrue(fails("var l = [\"a\"]\nwhile true { l = l + l }") instanceof ExpMemoryLimitException);
    ExpException list = fails("list(0..1e10)");
    assertTrue(list instanceof ExpMemoryLimitException && list.getMessage().contains("a list of 10000000000 items"),
        list.getMessage());
    assertTrue(fails("map(0..1e12, fn (i) { i })") instanceof ExpMemoryLimitException);
    assertTrue(fails("arange(1e9)") instanceof ExpMemoryLimitException);
    // dimensions and counts beyond the int range are requests for too much memory too (exit code 3)
    ExpException wide = fails("zeros([3e9])");
    assertTrue(wide instanceof ExpMemoryLimitException
        && wide.getMessage().contains("a tensor of shape [3000000000] needs 22.4 GB"), wide.getMessage());
    assertTrue(fails("randn([3e9, 2])") instanceof ExpMemoryLimitException);
    assertTrue(fails("arange(1e12)") instanceof ExpMemoryLimitException);
    ExpException num = fails("linspace(0, 1, 1e12)");
    assertTrue(num.getMessage().contains("expected an integer, got 1000000000000 (too large: at most 2147483647)"),
        num.getMessage());
    ExpException product = fails("let a = zeros([5000, 4])\na @ transpose(a)");   // 200 MB result
    assertTrue(product instanceof ExpMemoryLimitException
        && product.getMessage().contains("the result of [5000, 4] @ [4, 5000] needs 191 MB"), product.getMessage());
    ExpException broadcast = fails("zeros([5000, 1]) + zeros([1, 5000])");
    assertTrue(broadcast instanceof ExpMemoryLimitException, broadcast.toString());
    ExpException huge = fails("zeros([100000, 1]) + zeros([1, 100000])");
    assertTrue(huge instanceof ExpMemoryLimitException
        && huge.getMessage().contains("the result of shape [100000, 100000] needs 74.5 GB"), huge.getMessage());
    ExpException grid = fails("experiment \"g\" { sweep a in 0..1e5\n sweep b in 0..1e5\n report v = a }");
    assertTrue(grid.getMessage().contains("10000000000 trials"), grid.getMessage());
  }

  @Test
  void conversionsAndFusedChainsHoldToTheBudgetWhereTheyAreWritten() {
    // each used to be a wrapped count (a fused sum of 2^31+ values printed 0), a Java failure or an
    // out-of-memory error without a location
    String[][] cases = {
        {"tensor(0..1e9)", "a tensor of the 1000000000 values of 0..1000000000 needs 7.45 GB", "1:1"},
        {"(0..1e9) + 1", "operator '+': a tensor of the 1000000000 values", "1:10"},
        {"sum(ones([46341, 1]) * ones([1, 46341]))", "the result of shape [46341, 46341] needs 16.0 GB", "1:22"},
        {"exp(ones([5e4, 1]) * ones([1, 5e4]))", "the result of shape [50000, 50000] needs 18.6 GB", "1:20"},
        {"var s = \"x\"\nfor i in 0..40 { s = \"{s}{s}\" }", "a string of 67108864 characters needs 128 MB", "2:22"},
    };
    for (String[] c : cases) {
      ExpException e = fails(c[0]);
      assertTrue(e instanceof ExpMemoryLimitException, c[0] + ": " + e);
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
      ExpRuntimeException r = (ExpRuntimeException) e;
      assertEquals(c[2], r.location().line() + ":" + r.location().column(), c[0]);
    }
  }

  @Test
  void hugeCountsAndWidthsAreClearErrors() {
    ExpException r = fails("experiment \"r\" { repeat 2147483648\n report v = 1 }");
    assertTrue(r.getMessage().contains("would run 2147483648 trials"), r.getMessage());
    ExpException w = fails("format(1, \"2000000000\")");
    assertTrue(w.getMessage().contains("width 2000000000 is too large (at most 1000000)"), w.getMessage());
    ExpException p = fails("let x = 1.5\n\"{x:.2000000000f}\"");
    assertTrue(p instanceof ExpSyntaxException && p.getMessage().contains("precision 2000000000 is too large"),
        p.getMessage());
  }

  @Test
  void noneReachingAKernelIsAnArgumentError() {
    ExpException e = fails("linalg.solve(none, none)");
    assertTrue(e.getMessage().contains("linalg.solve: argument A: expected a tensor, got none"), e.getMessage());
    ExpException z = fails("zeros(none)");
    assertTrue(z.getMessage().contains("zeros: argument shape"), z.getMessage());
  }

  @Test
  void failuresWithoutAMessageNeverShowJavaText() {
    ExpException e = fails("boom()");
    assertTrue(e.getMessage().contains("boom: Cannot invoke"), e.getMessage());   // the host's own message is kept
    ExpException q = fails("quiet()");
    assertTrue(q.getMessage().contains("quiet: the host function failed (an inconsistent argument)"), q.getMessage());
    assertFalse(q.getMessage().contains("java."), q.getMessage());
  }

  @Test
  void theEnginesThreadBudgetBoundsExperimentTrials() {
    for (int budget : new int[] {1, 2}) {
      java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
      Engine e = Engine.builder().threads(budget).function("who()", a -> {
        threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
        return 1.0;
      }).build();
      try (Session s = e.newSession()) {
        s.eval("experiment \"t\" (jobs: 100000) { sweep k in 0..32\n report v = who() }");
      }
      assertTrue(threads.size() <= budget, budget + " threads allowed, trials ran on " + threads);
    }
  }
}
