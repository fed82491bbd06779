package dev.exp.eval.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Things a session creates on first use and closes with the session (the JavaScript context of
 * {@code js(...)}). Shared by the contexts of one session, including those of parallel trials.
 */
public final class SessionResources implements AutoCloseable {
  private final Map<Class<?>, AutoCloseable> items = new LinkedHashMap<>();
  private boolean closed;

  /** The resource of type {@code key}, made by {@code make} on first use. */
  public synchronized <T extends AutoCloseable> T get(Class<T> key, Supplier<? extends T> make) {
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
    AutoCloseable r = items.get(key);
    if (r == null) {
      r = make.get();
      items.put(key, r);
    }
    return key.cast(r);
  }

  /** Closes every resource, most recent first; failures are ignored (nothing useful to report). */
  @Override
  public void close() {
    List<AutoCloseable> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(items.values());
      items.clear();
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      try {
        all.get(i).close();
      } catch (Exception | LinkageError e) {
        // best effort: a resource that cannot close cleanly is dropped
      }
    }
  }
}
