package dev.exp.eval.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Resources are made once, outside the lock: closing the session never waits for one being made. */
class SessionResourcesTest {
  static final class Res implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void madeOnceAndClosedWithTheSession() {
    SessionResources r = new SessionResources();
    AtomicInteger made = new AtomicInteger();
    Res a = r.get(Res.class, () -> {
      made.incrementAndGet();
      return new Res();
    });
    assertSame(a, r.get(Res.class, Res::new));
    assertEquals(1, made.get());
    r.close();
    assertEquals(1, a.closes.get());
    assertThrows(IllegalStateException.class, () -> r.get(Res.class, Res::new));
  }

  @Test
  void aFailedMakeIsTriedAgain() {
    SessionResources r = new SessionResources();
    assertThrows(IllegalArgumentException.class, () -> r.get(Res.class, () -> {
      throw new IllegalArgumentException("no engine");
    }));
    Res a = r.get(Res.class, Res::new);
    assertSame(a, r.get(Res.class, Res::new));
  }

  @Test
  void closeDoesNotWaitForAResourceBeingMadeWhichIsClosedWhenItArrives() throws Exception {
    SessionResources r = new SessionResources();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Res late = new Res();
    CompletableFuture<Throwable> maker = CompletableFuture.supplyAsync(() -> {
      try {
        r.get(Res.class, () -> {
          started.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return late;
        });
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    long t0 = System.nanoTime();
    r.close();   // would block until release before: the make held the lock
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000, "close waited for the resource being made");
    release.countDown();
    Throwable e = maker.get(10, TimeUnit.SECONDS);
    assertTrue(e instanceof IllegalStateException, String.valueOf(e));
    assertEquals(1, late.closes.get(), "the resource made after close is closed, once");
  }
}
