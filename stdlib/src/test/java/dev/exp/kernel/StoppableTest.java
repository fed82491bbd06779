package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A body that cannot poll still stops when its caller's limits say so; results and errors pass through. */
class StoppableTest {
  /** A context whose poll throws once {@code ms} have passed since it was made. */
  private static KernelContext stopsAfter(long ms) {
    long deadline = System.nanoTime() + ms * 1_000_000;
    return new KernelContext() {
      @Override
      public void poll() {
        if (System.nanoTime() - deadline >= 0) {
          throw new KernelException("stopped");
        }
      }

      @Override
      public Rng rng() {
        return new Rng(0);
      }

      @Override
      public String location() {
        return "";
      }
    };
  }

  private static <T> T under(KernelContext ctx, java.util.function.Supplier<T> body) {
    KernelContext old = KernelContext.install(ctx);
    try {
      return body.get();
    } finally {
      KernelContext.restore(old);
    }
  }

  @Test
  void aBodyThatNeverPollsStopsAtTheCallersLimit() {
    CountDownLatch release = new CountDownLatch(1);
    long t0 = System.nanoTime();
    KernelException e = assertThrows(KernelException.class, () -> under(stopsAfter(100), () ->
        Stoppable.detached(() -> {
          try {
            return release.await(30, TimeUnit.SECONDS);   // a computation of 30 s that cannot poll
          } catch (InterruptedException x) {
            return false;
          }
        })));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    release.countDown();
    assertEquals("stopped", e.getMessage());
    assertTrue(ms >= 99 && ms < 2000, "stopped after " + ms + " ms");
  }

  @Test
  void resultsAndErrorsPassThroughAndTheBodySeesTheCallersContext() {
    KernelContext ctx = stopsAfter(60_000);
    AtomicReference<KernelContext> seen = new AtomicReference<>();
    AtomicReference<String> thread = new AtomicReference<>();
    int r = under(ctx, () -> Stoppable.detached(() -> {
      seen.set(KernelContext.current());
      thread.set(Thread.currentThread().getName());
      return Stoppable.detached(() -> 6 * 7);   // nested: runs on the same pool thread
    }));
    assertEquals(42, r);
    assertSame(ctx, seen.get());
    assertEquals("exp-stoppable", thread.get());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> under(ctx, () -> Stoppable.detached(() -> {
          throw new IllegalArgumentException("bad A");
        })));
    assertEquals("bad A", e.getMessage());
    assertThrows(StackOverflowError.class, () -> Stoppable.detached(() -> {
      throw new StackOverflowError();
    }));
  }

  @Test
  void shortWorkRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    assertSame(caller, Stoppable.call(Stoppable.WORK - 1, Thread::currentThread));
    assertEquals("exp-stoppable", Stoppable.call(Stoppable.WORK, () -> Thread.currentThread().getName()));
  }
}
