package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.ScriptCallable;
import dev.exp.kernel.ScriptObject;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Library objects as script values: fields, printing, type(), calling a callable object, and
 * {@code @} on a linear operator (the contract models, sparse matrices and schedules rely on).
 */
class ScriptObjectTest {
  /** A schedule-like object: lr(t) = base / (1 + t). */
  record Decay(double base) implements ScriptCallable {
    @Override
    public String typeName() {
      return "schedule";
    }

    @Override
    public List<String> fieldNames() {
      return List.of("base", "kind");
    }

    @Override
    public Object field(String name) {
      return switch (name) {
        case "base" -> base;
        case "kind" -> "decay";
        default -> null;
      };
    }

    @Override
    public String summary() {
      return "<schedule decay, base " + base + ">";
    }

    @Override
    public Object call(Object... args) {
      if (args.length != 1 || !(args[0] instanceof Double t)) {
        throw new dev.exp.kernel.KernelException("expected one number (the step)");
      }
      return base / (1 + t);
    }

    @Override
    public String callSignature() {
      return "schedule(step)";
    }
  }

  /** A diagonal operator diag(1, 2, 3) that is not a tensor. */
  static final class Diag implements LinearOperator, ScriptObject {
    @Override
    public int rows() {
      return 3;
    }

    @Override
    public int cols() {
      return 3;
    }

    @Override
    public Tensor apply(Tensor x) {
      double[] v = x.raw().clone();
      for (int i = 0; i < v.length; i++) {
        v[i] *= i + 1;
      }
      return Tensor.wrap(x.shape(), v);
    }

    @Override
    public String typeName() {
      return "operator";
    }

    @Override
    public List<String> fieldNames() {
      return List.of("shape");
    }

    @Override
    public Object field(String name) {
      return name.equals("shape") ? List.of(3.0, 3.0) : null;
    }

    @Override
    public String summary() {
      return "<diagonal operator 3x3>";
    }
  }

  private final Engine engine = Engine.builder()
      .function("decay(base)", a -> new Decay(a[0].asDouble()))
      .function("diag3()", a -> new Diag())
      .build();

  @Test
  void fieldsPrintingAndTypeOfALibraryObject() {
    try (Session s = engine.newSession()) {
      s.eval("let lr = decay(0.5)");
      assertEquals(0.5, s.eval("lr.base").asDouble());
      assertEquals("decay", s.eval("lr.kind").asString());
      assertEquals("schedule", s.eval("type(lr)").asString());
      assertEquals("<schedule decay, base 0.5>", s.eval("str(lr)").asString());
      ExpException e = assertThrows(ExpException.class, () -> s.eval("lr.bse"));
      assertTrue(e.getMessage().contains("did you mean 'base'"), e.getMessage());
      assertTrue(e.getMessage().contains("fields: base, kind"), e.getMessage());
    }
  }

  @Test
  void aCallableObjectIsCalledLikeAFunction() {
    try (Session s = engine.newSession()) {
      assertEquals(0.25, s.eval("decay(0.5)(1)").asDouble());
      assertArrayEquals(new double[] {0.5, 0.25, 0.5 / 3}, s.eval("let lr = decay(0.5)\n[lr(t) for t in 0..3]")
          .asDoubleArray(), 1e-15);
      ExpException e = assertThrows(ExpException.class, () -> s.eval("decay(0.5)(\"x\")"));
      assertTrue(e.getMessage().contains("schedule(step): expected one number"), e.getMessage());
      ExpException named = assertThrows(ExpException.class, () -> s.eval("decay(0.5)(step: 1)"));
      assertTrue(named.getMessage().contains("positional arguments only"), named.getMessage());
    }
  }

  @Test
  void matmulAppliesALinearOperator() {
    try (Session s = engine.newSession()) {
      assertArrayEquals(new double[] {1, 4, 9}, s.eval("diag3() @ [1, 2, 3]").asDoubleArray());
      assertEquals("<diagonal operator 3x3>", s.eval("str(diag3())").asString());
    }
  }
}
