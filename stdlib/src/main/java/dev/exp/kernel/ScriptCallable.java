package dev.exp.kernel;

/**
 * A {@link ScriptObject} that scripts may also call like a function, such as a learning-rate schedule
 * ({@code lr(100)}). Arguments are positional and use the Java side of the value mapping; {@link
 * KernelException} reports bad arguments.
 */
public interface ScriptCallable extends ScriptObject {
  /** Calls the value. */
  Object call(Object... args);

  /** How a call looks in help and errors, e.g. {@code schedule(step)}. */
  String callSignature();
}
