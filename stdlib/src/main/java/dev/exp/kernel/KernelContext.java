package dev.exp.kernel;

import dev.exp.random.Rng;

/**
 * What a running kernel may ask of the interpreter that called it. A kernel method declares a
 * parameter of this type (without {@code @Arg}; scripts do not see it) and the interpreter passes the
 * calling evaluation's context:
 *
 * <ul>
 *   <li>{@link #poll()}: throws when the evaluation must stop (its deadline passed, it was cancelled or
 *       its thread interrupted). Long kernels call it between iterations or blocks; {@link
 *       Parallel#forEach} calls it between tasks. It is cheap (a flag and an interrupt check) and may be
 *       called from any thread.
 *   <li>{@link #rng()}: the session's random stream (use it on the calling thread only; split it
 *       before handing streams to parallel tasks).
 *   <li>{@link #location()}: the script location of the call, for messages.
 *   <li>{@link #call}: calls a script function back; safe from any thread, {@code Parallel} workers
 *       included. An error inside the callback carries the callback's script stack and the kernel
 *       call's location.
 * </ul>
 *
 * <p>Outside the interpreter (plain Java use of the library) {@link #NONE} is the context: polling
 * never stops, the stream is seeded with 0, and callbacks are plain calls.
 */
public interface KernelContext {
  /** Throws (an unchecked exception the interpreter reports) when the evaluation must stop. */
  void poll();

  /** The session's random stream. */
  Rng rng();

  /** The script location of the kernel call ({@code file:line:col}), or "" when unknown. */
  String location();

  /**
   * The largest value, in bytes, the evaluation may create (its memory budget); {@link Budget} checks
   * requests against it. Unlimited outside the interpreter.
   */
  default long maxValueBytes() {
    return Long.MAX_VALUE;
  }

  /** Calls a script function with Java-side values (see {@link Fn}); returns its Java-side result. */
  default Object call(Fn fn, Object... args) {
    return fn.call(args);
  }

  /** The context of plain Java use: nothing stops, stream seeded with 0, callbacks called directly. */
  KernelContext NONE = new KernelContext() {
    @Override
    public void poll() {}

    @Override
    public Rng rng() {
      return new Rng(0);
    }

    @Override
    public String location() {
      return "";
    }
  };

  /** The context of the kernel running on this thread ({@link #NONE} when none). */
  static KernelContext current() {
    KernelContext c = CurrentContext.CURRENT.get();
    return c == null ? NONE : c;
  }

  /**
   * Makes {@code ctx} the current context of this thread (the interpreter does this around each
   * evaluation; {@link Parallel} does it on its workers); returns the previous one for {@link #restore}.
   */
  static KernelContext install(KernelContext ctx) {
    KernelContext old = CurrentContext.CURRENT.get();
    CurrentContext.CURRENT.set(ctx);
    return old;
  }

  /** Restores the context {@link #install} returned. */
  static void restore(KernelContext previous) {
    if (previous == null) {
      CurrentContext.CURRENT.remove();
    } else {
      CurrentContext.CURRENT.set(previous);
    }
  }
}
