package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where a session's warnings go: things that run but are likely not what the script means (Python's
 * append habit {@code xs + [x]} on a tensor). Each source location warns once per run (a script, a REPL
 * input, a host call), however often it runs there, as Python's default warning filter does; parallel trials share one {@code Warnings}.
 */
public final class Warnings {
  /** One warning: where, and what is likely wrong. */
  public record Warning(Loc loc, String message) {}

  private final Set<Loc> seen = ConcurrentHashMap.newKeySet();
  private volatile Consumer<Warning> sink;

  /** Where warnings go from now on (null: nowhere). It may be called from several threads. */
  public void setSink(Consumer<Warning> sink) {
    this.sink = sink;
  }

  /** Forgets which locations warned: the next run warns afresh (a REPL input is a new run). */
  public void reset() {
    seen.clear();
  }

  /** Reports {@code message} at {@code loc}, unless that location already warned. */
  public void warn(Loc loc, String message) {
    Consumer<Warning> s = sink;
    if (s != null && seen.add(loc)) {
      s.accept(new Warning(loc, message));
    }
  }
}
