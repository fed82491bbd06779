package dev.exp.api;

import dev.exp.eval.runtime.ValueCodec;

/**
 * The host side of {@link ValueCodec}: Java values handed in by a host become script values by the
 * codec's checked rules, plus the API's own types (a {@link Value} goes back in as the script value
 * it wraps, a {@link HostFunction} becomes a function); script values leave as plain Java values,
 * anything else wrapped in a {@link Value}. Scripts never hold arbitrary Java objects.
 */
final class HostValues {
  private HostValues() {}

  static final String SUPPORTED = "supported: numbers, boolean, String, double[], double[][], int[], long[], "
      + "List, Map with String keys, a Tensor, a library ScriptObject or LinearOperator, a Value, a HostFunction, or null";

  private static final ValueCodec CODEC = ValueCodec.checked(HostValues::apiType, SUPPORTED);

  /** A host value as a script value; {@code what} names it in errors ("global 'x'", "argument 1"). */
  static Object toExp(Object v, String what) {
    try {
      return CODEC.toExp(v, what);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException(what + ": the value nests too deeply or contains itself "
          + "(a list or map that holds itself cannot become a script value)");
    }
  }

  private static Object apiType(Object v, String what) {
    if (v instanceof Value val) {
      return val.raw();
    }
    if (v instanceof HostFunction f) {
      return HostCallable.adapt(what, f);
    }
    if (v.getClass().getName().startsWith("dev.exp.api.") && !(v instanceof dev.exp.kernel.ScriptObject)
        && !(v instanceof dev.exp.linalg.LinearOperator)) {   // an Engine, a Session, ...: not a value
      throw new IllegalArgumentException(what + ": cannot pass a " + v.getClass().getName() + " to a script ("
          + SUPPORTED + ")");
    }
    return ValueCodec.NOT_MINE;
  }

  /** A script value as a plain Java value (see {@link ValueCodec#toJava}); other values stay {@link Value}s. */
  static Object toJava(Object v, Value.Caller caller) {
    return ValueCodec.toJava(v, x -> new Value(x, caller));
  }
}
