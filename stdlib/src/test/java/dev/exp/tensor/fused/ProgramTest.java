package dev.exp.tensor.fused;

import static dev.exp.tensor.fused.Program.binary;
import static dev.exp.tensor.fused.Program.leaf;
import static dev.exp.tensor.fused.Program.unary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.exp.tensor.DType;
import dev.exp.tensor.FastReductions;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorOps;
import dev.exp.tensor.loops.Loops;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fused programs against the same operators applied one at a time, on both loop implementations. */
class ProgramTest {
  static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 710, -746};

  static Tensor random(SplittableRandom r, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = r.nextInt(20) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (r.nextDouble() - 0.5) * 8;
    }
    return Tensor.wrap(shape, d);
  }

  static void assertBits(Tensor expected, Tensor actual) {
    assertArrayEquals(expected.shape(), actual.shape());
    double[] e = expected.raw();
    double[] a = actual.raw();
    for (int i = 0; i < e.length; i++) {
      assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]), "at " + i + ": " + e[i] + " vs " + a[i]);
    }
  }

  @Test
  void expTimesTwoPlusXAndItsSumAreBitIdenticalToUnfused() {
    SplittableRandom r = new SplittableRandom(11);
    for (Loops loops : new Loops[] {Loops.scalar(), Loops.vectorOrNull()}) {
      assertNotNull(loops);
      for (int n : new int[] {1, 7, 511, 512, 513, 1500, 10_007}) {
        Tensor x = random(r, n);
        Program.Expr e = binary(BinaryOp.ADD, binary(BinaryOp.MUL, unary(UnaryOp.EXP, leaf(0)), leaf(1)), leaf(0));
        Object[] leaves = {x, 2.0};
        Tensor unfused = TensorOps.binary(loops, BinaryOp.ADD,
            TensorOps.binary(loops, BinaryOp.MUL, TensorOps.unary(loops, UnaryOp.EXP, x), Tensor.scalar(2)), x);
        assertBits(unfused, (Tensor) new Program(e, Program.Reduction.NONE, loops).run(leaves));
        // sums without nan: compare bits
        Tensor clean = TensorOps.unary(loops, UnaryOp.TANH, x);
        Object[] cl = {TensorOps.binary(loops, BinaryOp.MAXIMUM, TensorOps.binary(loops, BinaryOp.MINIMUM, x, Tensor.scalar(700)),
            Tensor.scalar(-700)), 2.0};
        Tensor u2 = TensorOps.binary(loops, BinaryOp.ADD, TensorOps.binary(loops, BinaryOp.MUL,
            TensorOps.unary(loops, UnaryOp.EXP, (Tensor) cl[0]), Tensor.scalar(2)), (Tensor) cl[0]);
        double want = FastReductions.sum(loops, u2);
        assertEquals(Double.doubleToLongBits(want),
            Double.doubleToLongBits((Double) new Program(e, Program.Reduction.SUM, loops).run(cl)), "n = " + n);
        assertEquals(want / n, (Double) new Program(e, Program.Reduction.MEAN, loops).run(cl));
        assertEquals(FastReductions.extreme(loops, clean, true, "max"),
            new Program(unary(UnaryOp.TANH, leaf(0)), Program.Reduction.MAX, loops).run(new Object[] {x}));
      }
    }
  }

  @Test
  void broadcastAndStridedLeavesMatchUnfused() {
    SplittableRandom r = new SplittableRandom(12);
    Tensor a = random(r, 40, 33);
    Tensor b = random(r, 33);
    Tensor col = random(r, 40, 1);
    Tensor t = Tensor.view(DType.FLOAT64, new int[] {40, 33}, new int[] {1, 40}, 0, random(r, 33, 40).storage()); // a transpose
    // relu(a * t + b) - col / 2
    Program.Expr e = binary(BinaryOp.SUB,
        unary(UnaryOp.RELU, binary(BinaryOp.ADD, binary(BinaryOp.MUL, leaf(0), leaf(1)), leaf(2))),
        binary(BinaryOp.DIV, leaf(3), leaf(4)));
    Tensor unfused = TensorOps.binary(BinaryOp.SUB,
        TensorOps.unary(UnaryOp.RELU, TensorOps.binary(BinaryOp.ADD, TensorOps.binary(BinaryOp.MUL, a, t), b)),
        TensorOps.binary(BinaryOp.DIV, col, Tensor.scalar(2)));
    assertBits(unfused, (Tensor) new Program(e, Program.Reduction.NONE).run(new Object[] {a, t, b, col, 2.0}));
  }

  @Test
  void doesNotApplyWhereUnfusedEvaluationMustDecide() {
    Program.Expr e = binary(BinaryOp.ADD, unary(UnaryOp.EXP, leaf(0)), leaf(1));
    Program p = new Program(e, Program.Reduction.NONE);
    assertNull(p.run(new Object[] {1.0, 2.0}));                                  // numbers only
    assertNull(p.run(new Object[] {Tensor.zeros(2), "a"}));                      // not a number
    assertNull(p.run(new Object[] {Tensor.zeros(2), Tensor.zeros(3)}));          // does not broadcast
    assertNull(p.run(new Object[] {Tensor.wrapComplex(new int[] {1}, new double[] {1, 1}), 1.0}));
    assertNull(new Program(binary(BinaryOp.LT, leaf(0), leaf(1)), Program.Reduction.NONE)
        .run(new Object[] {1.0, 2.0}));                                           // a bool for numbers
    assertNull(new Program(unary(UnaryOp.EXP, leaf(0)), Program.Reduction.MAX).run(new Object[] {Tensor.zeros(0)}));
  }
}
