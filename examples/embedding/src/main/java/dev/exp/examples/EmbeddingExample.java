package dev.exp.examples;

import dev.exp.api.Engine;
import dev.exp.api.Limits;
import dev.exp.api.Script;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Embeds Exp in a Java program: passes a host dataset into a script, calls an Exp function from
 * Java and reads back a tensor. From the repository root:
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp repl/target/exp.jar:examples/embedding/target/classes dev.exp.examples.EmbeddingExample
 * </pre>
 *
 * <p>The test suite runs it too ({@code EmbeddingExampleTest}).
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** What the example computes: the coefficients for each ridge penalty, one row per lambda. */
  public record Result(double[] lambdas, double[][] coefficients) {}

  /** Samples of y = 1 + 2x - 0.5x² at n points in [-1, 1], with the design matrix [1, x, x²]. */
  static double[][] design(int n) {
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      double t = -1 + 2.0 * i / (n - 1);
      x[i] = new double[] {1, t, t * t};
    }
    return x;
  }

  static double[] target(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 1 + 2 * x[i][1] - 0.5 * x[i][2];
    }
    return y;
  }

  /** Runs the example; the script's print output goes to {@code out}. */
  public static Result run(Consumer<String> out) throws IOException {
    // 1. One engine per application: immutable, thread-safe, sandboxed (no files, env, JS).
    Engine engine = Engine.builder()
        .limits(Limits.DEFAULT.withTimeout(Duration.ofSeconds(10)))
        .output(out)
        .build();

    // 2. Compile once; run in as many sessions as you like.
    Script script = engine.compile(new Source("ridge.exp", resource("ridge.exp")));

    double[][] x = design(50);
    double[] y = target(x);
    double[] lambdas = {0, 1, 10, 100};
    try (Session s = engine.newSession()) {
      // 3. Host data in: double[][] becomes a matrix, double[] a vector.
      s.set("X", x).set("y", y);
      s.run(script);

      // 4. Call an Exp function from Java, read the tensor back.
      double[][] coefficients = new double[lambdas.length][];
      for (int i = 0; i < lambdas.length; i++) {
        coefficients[i] = s.call("fit", lambdas[i]).asDoubleArray();
      }

      // 5. Or evaluate an expression over the session's globals.
      double[][] path = s.eval("stack([fit(l) for l in [0, 1, 10, 100]])").asMatrix();
      if (!java.util.Arrays.deepEquals(path, coefficients)) {
        throw new IllegalStateException("the two ways of computing the path disagree");
      }
      return new Result(lambdas, coefficients);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EmbeddingExample.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) throws IOException {
    Result r = run(System.out::println);
    for (int i = 0; i < r.lambdas().length; i++) {
      double[] w = r.coefficients()[i];
      System.out.printf("lambda %5.1f: w = [%.4f, %.4f, %.4f]%n", r.lambdas()[i], w[0], w[1], w[2]);
    }
  }
}
