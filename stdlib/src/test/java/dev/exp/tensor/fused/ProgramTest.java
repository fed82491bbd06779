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

  /** Long runs: chunked sums (in parallel on 2 threads) keep fused = unfused and 1 thread = 2 threads. */
  @Test
  void longRunsAreChunkedIdenticallyOnAnyThreadCount() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 5 * Loops.SUM_CHUNK + 123;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = (r.nextDouble() - 0.5) * 6;
    }
    Tensor x = Tensor.wrap(new int[] {n}, d);
    Program.Expr e = binary(BinaryOp.ADD, binary(BinaryOp.MUL, unary(UnaryOp.EXP, leaf(0)), leaf(1)), leaf(0));
    Object[] leaves = {x, 2.0};
    // independent value: the exact sum of the (correctly rounded per element) terms, by BigDecimal
    java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
    for (double v : d) {
      exact = exact.add(new java.math.BigDecimal(Math.exp(v) * 2 + v));
    }
    for (Loops loops : new Loops[] {Loops.scalar(), Loops.vectorOrNull()}) {
      Tensor unfused = TensorOps.binary(loops, BinaryOp.ADD,
          TensorOps.binary(loops, BinaryOp.MUL, TensorOps.unary(loops, UnaryOp.EXP, x), Tensor.scalar(2)), x);
      double one = dev.exp.kernel.Parallel.withThreads(1, () -> FastReductions.sum(loops, unfused));
      double two = dev.exp.kernel.Parallel.withThreads(2, () -> FastReductions.sum(loops, unfused));
      double fused1 = dev.exp.kernel.Parallel.withThreads(1, () -> (Double) new Program(e, Program.Reduction.SUM, loops).run(leaves));
      double fused2 = dev.exp.kernel.Parallel.withThreads(2, () -> (Double) new Program(e, Program.Reduction.SUM, loops).run(leaves));
      assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(two));
      assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(fused1));
      assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(fused2));
      // the vector exp is within 2 ulp per element; the compensated sum adds no error of its own here
      assertEquals(exact.doubleValue(), one, 1e-12 * Math.abs(exact.doubleValue()) + 4 * Math.ulp(8.0) * n * 1e-3);
      Tensor par = dev.exp.kernel.Parallel.withThreads(2, () -> (Tensor) new Program(e, Program.Reduction.NONE, loops).run(leaves));
      assertBits(unfused, par);
      double mx = dev.exp.kernel.Parallel.withThreads(2, () -> (Double) new Program(e, Program.Reduction.MAX, loops).run(leaves));
      assertEquals(FastReductions.extreme(loops, unfused, true, "max"), mx);
    }
    // the chunked order itself: chunk totals of the lane order, combined in order
    Loops s = Loops.scalar();
    double[] parts = new double[Loops.chunks(n)];
    for (int c = 0; c < parts.length; c++) {
      double[] acc = Loops.newSum();
      int from = c * Loops.SUM_CHUNK;
      s.sumInto(d, from, Math.min(Loops.SUM_CHUNK, n - from), acc);
      parts[c] = Loops.finishSum(acc);
    }
    assertEquals(Double.doubleToLongBits(Loops.combineChunks(parts)), Double.doubleToLongBits(s.sum(d, 0, n)));
  }

  /** Row reductions of a large matrix split rows over threads without changing any value. */
  @Test
  void largeRowReductionsMatchRowByRow() {
    SplittableRandom r = new SplittableRandom(9);
    Tensor m = random(r, 700, 600);
    Loops loops = Loops.active();
    Tensor sums = dev.exp.kernel.Parallel.withThreads(2, () -> FastReductions.sumAxis(loops, m, 1, false, false));
    Tensor maxs = dev.exp.kernel.Parallel.withThreads(2, () -> FastReductions.extremeAxis(loops, m, 1, false, true));
    double[] raw = m.raw();
    for (int i = 0; i < 700; i++) {
      double[] row = java.util.Arrays.copyOfRange(raw, i * 600, (i + 1) * 600);
      double want = FastReductions.sum(Loops.scalar(), Tensor.wrap(new int[] {600}, row));
      assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(sums.raw()[i]), "row " + i);
      double mx = Double.NEGATIVE_INFINITY;
      for (double v : row) {
        mx = Math.max(mx, v);
      }
      assertEquals(Double.doubleToLongBits(mx), Double.doubleToLongBits(maxs.raw()[i]), "row " + i);
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
