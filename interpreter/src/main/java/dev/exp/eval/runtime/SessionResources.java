package dev.exp.eval.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Things a session creates on first use and closes with the session (the JavaScript context of
 * {@code js(...)}). Shared by the contexts of one session, including those of parallel trials. A
 * resource is made outside the lock (making the first JavaScript context takes about half a second):
 * other threads asking for it meanwhile wait for that one, and closing the session does not wait; a
 * resource finished after the session closed is closed at once.
 */
public final class SessionResources implements AutoCloseable {
  private final Map<Class<?>, CompletableFuture<AutoCloseable>> items = new LinkedHashMap<>();
  private boolean closed;

  /** The resource of type {@code key}, made by {@code make} on first use. */
  public <T extends AutoCloseable> T get(Class<T> key, Supplier<? extends T> make) {
    CompletableFuture<AutoCloseable> f;
    boolean mine = false;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the session is closed");
      }
      f = items.get(key);
      if (f == null) {
        f = new CompletableFuture<>();
        items.put(key, f);
        mine = true;
      }
    }
    if (!mine) {
      try {
        return key.cast(f.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    T r;
    try {
      r = make.get();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        items.remove(key, f);   // the next call tries again
      }
      f.completeExceptionally(e);
      throw e;
    }
    boolean late;
    synchronized (this) {   // with close(): exactly one of the two closes a resource finished late
      late = closed;
      f.complete(r);
    }
    if (late) {
      closeQuietly(r);
      throw new IllegalStateException("the session is closed");
    }
    return r;
  }

  /** Closes every resource made so far, most recent first; failures are ignored (nothing useful to report). */
  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (CompletableFuture<AutoCloseable> f : items.values()) {
        AutoCloseable r = f.isCompletedExceptionally() ? null : f.getNow(null);
        if (r != null) {
          all.add(r);   // one still being made is closed by its maker
        }
      }
      items.clear();
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      closeQuietly(all.get(i));
    }
  }

  private static void closeQuietly(AutoCloseable r) {
    try {
      r.close();
    } catch (Exception | LinkageError e) {
      // best effort: a resource that cannot close cleanly is dropped
    }
  }
}
