package dev.exp.api;

/**
 * A Java function scripts can call, like any script function (also in pipelines: {@code xs |> f}).
 * It receives the positional arguments as {@link Value}s and returns any value a host may pass in
 * (see {@link Session#set}): a number, boolean, String, {@code double[]}, {@code double[][]}, List,
 * Map, or null for {@code none}.
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *     .function("scale", args -> args[0].asTensor().map(x -> x * args[1].asDouble()))
 *     .build();
 * // script: [1, 2, 3] |> scale(10)   →  [10, 20, 30]
 * }</pre>
 *
 * <p>An exception thrown by the function becomes a script runtime error whose message is
 * {@code name: message}, at the script location of the call. A function value among the arguments
 * can be called back with {@link Value#call}.
 */
@FunctionalInterface
public interface HostFunction {
  /**
   * Computes the result.
   *
   * @param args one {@link Value} per positional argument (a script's {@code none} is a Value whose
   *     {@link Value#isNone()} is true); named arguments are refused before the call
   * @return the result, converted as by {@link Session#set}; null is {@code none}
   * @throws Exception any failure, reported to the script as {@code name: message}
   */
  Object apply(Value... args) throws Exception;
}
