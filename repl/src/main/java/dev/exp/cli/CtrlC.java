package dev.exp.cli;

import dev.exp.api.Session;

/**
 * Ctrl-C while a script runs: the first one cancels the session's evaluation (it stops at its next
 * check — a call, a loop back-edge, a kernel block — and reports where, exit code 130); a second one
 * ends the process at once (once a native BLAS/LAPACK call in progress, which nothing can stop, ends). Restores the previous handler when closed.
 */
@SuppressWarnings("removal")
final class CtrlC implements AutoCloseable {
  private final sun.misc.Signal signal;
  private final sun.misc.SignalHandler previous;

  private CtrlC(sun.misc.Signal signal, sun.misc.SignalHandler previous) {
    this.signal = signal;
    this.previous = previous;
  }

  /** Installs the handler for {@code session}; a no-op handle where signals cannot be handled. */
  static CtrlC cancels(Session session) {
    try {
      sun.misc.Signal sig = new sun.misc.Signal("INT");
      boolean[] once = {false};
      sun.misc.SignalHandler old = sun.misc.Signal.handle(sig, s -> {
        if (once[0]) {
          // exit, not halt: the shutdown hooks wait for a native BLAS/LAPACK call in progress, which
          // OpenBLAS needs to exit at all; on a thread of its own, so this handler returns
          new Thread(() -> System.exit(Main.EXIT_INTERRUPTED), "exp-exit").start();
          return;
        }
        once[0] = true;
        session.cancel();
      });
      return new CtrlC(sig, old);
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      return new CtrlC(null, null);
    }
  }

  @Override
  public void close() {
    if (signal != null) {
      try {
        sun.misc.Signal.handle(signal, previous);
      } catch (IllegalArgumentException e) {
        // nothing to restore
      }
    }
  }
}
