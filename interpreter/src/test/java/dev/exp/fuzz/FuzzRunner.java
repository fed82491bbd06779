package dev.exp.fuzz;

import dev.exp.api.Engine;
import dev.exp.api.ExpCallDepthException;
import dev.exp.api.ExpInterruptedException;
import dev.exp.api.ExpMemoryLimitException;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpStepLimitException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.ExpTimeoutException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Runs one input through the embedding API as a hostile embedder would: no capabilities, a step
 * and time limit, a thread of a given stack size, and a watchdog that cancels and interrupts a run
 * that overstays. Classifies what came back.
 */
public final class FuzzRunner {
  /** What an input produced; the first group is documented behaviour, the rest are defects. */
  public enum Outcome {
    VALUE, SYNTAX_ERROR, RUNTIME_ERROR, STEP_LIMIT, TIMEOUT, CALL_DEPTH, MEMORY_LIMIT, INTERRUPTED,
    /** A Java exception or error escaped the API. */
    ESCAPED,
    /** A documented exception whose message shows Java internals (class names, stack text). */
    JAVA_TEXT,
    /** Stopped, but more than the allowed time after its limit. */
    OVERRUN,
    /** Did not stop even when cancelled and interrupted. */
    HUNG;

    public boolean isDefect() {
      return ordinal() >= ESCAPED.ordinal();
    }
  }

  /** One result: the outcome, the time it took and a short description. */
  public record Result(Outcome outcome, double seconds, String detail) {}

  private static final Pattern JAVA_TEXT = Pattern.compile(
      "java\\.|javax\\.|NullPointerException|ClassCastException|IndexOutOfBounds|ArithmeticException|"
          + "OutOfMemoryError|StackOverflowError|IllegalStateException|IllegalArgumentException|\\bat dev\\.exp\\.");

  private final Engine engine;
  private final Duration timeout;
  private final double overrunSeconds;

  public FuzzRunner(Duration timeout, long maxSteps, double overrunSeconds) {
    // values up to 64 MB: a doubling string's last allowed copy is then ~32 MB of work, not ~128 MB,
    // which on a loaded 2-core machine took longer than the overrun bound (s = s + s: 1.7 s once)
    this.engine = Engine.builder().limits(Limits.DEFAULT.withMaxSteps(maxSteps).withTimeout(timeout)
        .withMaxValueBytes(64L << 20)).build();
    this.timeout = timeout;
    this.overrunSeconds = overrunSeconds;
  }

  /** Runs {@code input} on a fresh thread with {@code stackBytes} of stack. */
  public Result run(String input, long stackBytes) {
    AtomicReference<Result> result = new AtomicReference<>();
    AtomicReference<Session> session = new AtomicReference<>();
    long t0 = System.nanoTime();
    Thread t = new Thread(null, () -> result.set(runHere(input, session, t0)), "fuzz", stackBytes);
    t.setDaemon(true);
    t.start();
    long limitMillis = timeout.toMillis() + (long) (overrunSeconds * 1000);
    join(t, limitMillis);
    if (t.isAlive()) {
      Session s = session.get();
      if (s != null) {
        s.cancel();
      }
      t.interrupt();
      join(t, 3000);
      if (t.isAlive()) {
        // nothing more can be done from outside: the daemon thread is left behind
        return new Result(Outcome.HUNG, seconds(t0), abbreviate(input));
      }
      Result r = result.get();
      return new Result(Outcome.OVERRUN, seconds(t0), (r == null ? "" : r.outcome() + ": ") + abbreviate(input));
    }
    return result.get();
  }

  private Result runHere(String input, AtomicReference<Session> holder, long t0) {
    try (Session s = engine.newSession()) {
      s.output(line -> {});
      holder.set(s);
      s.eval(input);
      return new Result(Outcome.VALUE, seconds(t0), "");
    } catch (ExpSyntaxException e) {
      return documented(Outcome.SYNTAX_ERROR, e, t0);
    } catch (ExpStepLimitException e) {
      return documented(Outcome.STEP_LIMIT, e, t0);
    } catch (ExpTimeoutException e) {
      return documented(Outcome.TIMEOUT, e, t0);
    } catch (ExpCallDepthException e) {
      return documented(Outcome.CALL_DEPTH, e, t0);
    } catch (ExpMemoryLimitException e) {
      return documented(Outcome.MEMORY_LIMIT, e, t0);
    } catch (ExpInterruptedException e) {
      return documented(Outcome.INTERRUPTED, e, t0);
    } catch (ExpRuntimeException e) {
      return documented(Outcome.RUNTIME_ERROR, e, t0);
    } catch (Throwable e) {
      return new Result(Outcome.ESCAPED, seconds(t0), e.getClass().getName() + ": " + abbreviate(String.valueOf(e.getMessage())));
    }
  }

  private Result documented(Outcome o, RuntimeException e, long t0) {
    String m = String.valueOf(e.getMessage());
    if (JAVA_TEXT.matcher(m).find()) {
      return new Result(Outcome.JAVA_TEXT, seconds(t0), abbreviate(m));
    }
    return new Result(o, seconds(t0), "");
  }

  private static void join(Thread t, long millis) {
    try {
      t.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}
