package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.loops.Loops;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The op table's loops against the scalar definitions, element by element, over every layout the
 * loops distinguish; NumPy literal cases for broadcasting.
 */
class TensorOpsTest {
  private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
      1.0, -1.0, 2.0, 0.5, Double.MIN_VALUE, Double.MAX_VALUE, 710, -745};

  /** Random values with specials mixed in, in a storage larger than needed. */
  static double[] values(SplittableRandom r, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = r.nextInt(6) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (r.nextDouble() - 0.5) * 20;
    }
    return d;
  }

  /** Operand pairs covering the layouts: contiguous, scalar both sides, broadcast, strided, reversed, zero-strided, empty. */
  static List<Tensor[]> layouts(SplittableRandom r) {
    List<Tensor[]> cases = new ArrayList<>();
    double[] big = values(r, 4000);
    double[] big2 = values(r, 4000);
    Tensor m = Tensor.view(DType.FLOAT64, new int[] {7, 37}, new int[] {37, 1}, 3, big);
    Tensor m2 = Tensor.view(DType.FLOAT64, new int[] {7, 37}, new int[] {37, 1}, 5, big2);
    cases.add(new Tensor[] {m, m2});                                                   // contiguous, offsets
    cases.add(new Tensor[] {m, Tensor.scalar(big2[9])});                               // tensor op scalar
    cases.add(new Tensor[] {Tensor.scalar(big2[11]), m2});                             // scalar op tensor
    cases.add(new Tensor[] {m, Tensor.view(DType.FLOAT64, new int[] {37}, new int[] {1}, 100, big2)});   // row broadcast
    cases.add(new Tensor[] {m, Tensor.view(DType.FLOAT64, new int[] {7, 1}, new int[] {1, 1}, 7, big2)}); // column broadcast
    cases.add(new Tensor[] {Tensor.view(DType.FLOAT64, new int[] {5, 1}, new int[] {3, 1}, 0, big),
        Tensor.view(DType.FLOAT64, new int[] {1, 9}, new int[] {9, 2}, 1, big2)});     // outer broadcast, strided
    cases.add(new Tensor[] {Tensor.view(DType.FLOAT64, new int[] {37, 7}, new int[] {1, 37}, 3, big),  // a transpose
        Tensor.view(DType.FLOAT64, new int[] {37, 7}, new int[] {7, 1}, 0, big2)});
    cases.add(new Tensor[] {Tensor.view(DType.FLOAT64, new int[] {6, 11}, new int[] {-40, -3}, 3000, big), // reversed
        Tensor.view(DType.FLOAT64, new int[] {6, 11}, new int[] {0, 1}, 50, big2)});  // zero stride
    cases.add(new Tensor[] {Tensor.view(DType.FLOAT64, new int[] {3, 7, 37}, new int[] {0, 0, 0}, 77, big),
        m2.broadcastTo(new int[] {3, 7, 37})});                                         // all-zero strides vs broadcast view
    cases.add(new Tensor[] {Tensor.zeros(0, 3), Tensor.vector(1, 2, 3)});              // empty
    cases.add(new Tensor[] {Tensor.view(DType.FLOAT64, new int[] {1, 13}, new int[] {13, 1}, 2, big),
        Tensor.view(DType.FLOAT64, new int[] {13, 1}, new int[] {2, 5}, 9, big2)});    // 1xn with nx1
    cases.add(new Tensor[] {Tensor.view(DType.FLOAT64, new int[] {9, 1}, new int[] {1, 1}, 0, big),
        Tensor.view(DType.FLOAT64, new int[] {9, 1}, new int[] {-3, 1}, 400, big2)});  // nx1 both, one reversed
    return cases;
  }

  /** Brute force: op.apply on every broadcast element pair, by multi-index. */
  static double[] reference(BinaryOp op, Tensor a, Tensor b) {
    int[] os = Tensor.broadcastShapes(a.shape(), b.shape());
    int n = TensorOps.size(os);
    double[] out = new double[n];
    int[] idx = new int[os.length];
    for (int k = 0; k < n; k++) {
      int rem = k;
      for (int d = os.length - 1; d >= 0; d--) {
        idx[d] = rem % os[d];
        rem /= os[d];
      }
      out[k] = op.apply(a.getRe(project(idx, a.shape())), b.getRe(project(idx, b.shape())));
    }
    return out;
  }

  static int[] project(int[] idx, int[] shape) {
    int[] p = new int[shape.length];
    int lead = idx.length - shape.length;
    for (int i = 0; i < shape.length; i++) {
      p[i] = shape[i] == 1 ? 0 : idx[lead + i];
    }
    return p;
  }

  static void assertBits(double[] expected, Tensor actual, String what) {
    double[] got = actual.raw();
    assertEquals(expected.length, got.length, what);
    for (int i = 0; i < got.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(got[i])
          && !(Double.isNaN(expected[i]) && Double.isNaN(got[i]))) {
        throw new AssertionError(what + " at " + i + ": expected " + expected[i] + ", got " + got[i]);
      }
    }
  }

  @Test
  void everyBinaryOpOnEveryLayoutMatchesTheScalarDefinitionExactly() {
    SplittableRandom r = new SplittableRandom(42);
    List<Tensor[]> cases = layouts(r);
    for (BinaryOp op : BinaryOp.values()) {
      if (!op.isElementWise()) {
        continue;
      }
      for (int c = 0; c < cases.size(); c++) {
        Tensor a = cases.get(c)[0];
        Tensor b = cases.get(c)[1];
        double[] want = reference(op, a, b);
        int[] shape = Tensor.broadcastShapes(a.shape(), b.shape());
        for (Loops loops : allLoops()) {
          Tensor got = TensorOps.binary(loops, op, a, b);
          assertArrayEquals(shape, got.shape());
          assertBits(want, got, op + " case " + c + " " + loops.describe());
          // and with the operands swapped (scalar-left loops)
          assertBits(reference(op, b, a), TensorOps.binary(loops, op, b, a), op + " swapped case " + c);
        }
      }
    }
  }

  @Test
  void everyUnaryOpOnEveryLayoutMatchesTheScalarDefinition() {
    SplittableRandom r = new SplittableRandom(7);
    List<Tensor[]> cases = layouts(r);
    for (UnaryOp op : UnaryOp.values()) {
      for (Tensor[] c : cases) {
        for (Tensor t : c) {
          double[] want = new double[t.size()];
          double[] src = t.raw();
          for (int i = 0; i < want.length; i++) {
            want[i] = op.apply(src[i]);
          }
          Tensor scalar = TensorOps.unary(Loops.scalar(), op, t);
          if (op == UnaryOp.EXP || op == UnaryOp.SIGMOID) {
            // the loops' exp (VectorExp's algorithm on both) is within 2 ulp of Math.exp
            for (int i = 0; i < want.length; i++) {
              assertTrue(ulps(want[i], scalar.raw()[i]) <= 2, op + "(" + src[i] + "): definition " + want[i]
                  + ", loops " + scalar.raw()[i]);
            }
          } else {
            assertBits(want, scalar, op + " scalar");
          }
          Loops v = Loops.vectorOrNull();
          if (v != null) { // the vector loops give the scalar loops' bits for every operator
            assertBits(scalar.raw(), TensorOps.unary(v, op, t), op + " vector");
          }
        }
      }
    }
  }

  /** Distance in units in the last place (0 for equal values or two NaNs). */
  static long ulps(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.isNaN(x) && Double.isNaN(y) ? 0 : Long.MAX_VALUE;
    }
    if (x == y) {
      return 0;
    }
    long a = Double.doubleToLongBits(x);
    long b = Double.doubleToLongBits(y);
    a = a < 0 ? Long.MIN_VALUE - a : a;
    b = b < 0 ? Long.MIN_VALUE - b : b;
    return Math.abs(a - b);
  }

  static List<Loops> allLoops() {
    List<Loops> l = new ArrayList<>();
    l.add(Loops.scalar());
    if (Loops.vectorOrNull() != null) {
      l.add(Loops.vectorOrNull());
    }
    return l;
  }

  @Test
  void theTestJvmHasTheVectorLoopsAndSelectsThem() {
    // the surefire argLine adds jdk.incubator.vector: make sure the comparisons above really compare two paths
    assertNotNull(Loops.vectorOrNull(), "vector loops not loadable in the test JVM");
    assertTrue(TensorOps.backend().startsWith("vector"), TensorOps.backend());
  }

  @Test
  void numpyBroadcastingLiterals() {
    Tensor col = Tensor.matrix(new double[][] {{1}, {2}, {3}});
    Tensor row = Tensor.vector(10, 20);
    Check.close(new int[] {3, 2}, new double[] {11, 21, 12, 22, 13, 23}, TensorOps.binary(BinaryOp.ADD, col, row), 0);
    Check.close(new int[] {3, 2}, new double[] {-9, -19, -8, -18, -7, -17}, TensorOps.binary(BinaryOp.SUB, col, row), 0);
    Tensor x = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Check.close(new int[] {2, 3}, new double[] {1, 1, 0.75, 4, 2.5, 1.5},
        TensorOps.binary(BinaryOp.DIV, x, Tensor.vector(1, 2, 4)), 0);
    Check.close(new int[] {4}, new double[] {2, Double.NaN, 3, 2},
        TensorOps.binary(BinaryOp.MAXIMUM, Tensor.vector(1, Double.NaN, 3, -0.0), Tensor.scalar(2)), 0);
    Check.close(new int[] {2, 3}, new double[] {0.25, 0.7071067811865476, 2.0, 4.0, 1.4142135623730951, 0.5},
        TensorOps.binary(BinaryOp.POW, Tensor.matrix(new double[][] {{0.5}, {2}}), Tensor.vector(2, 0.5, -1)), 1e-16);
    Check.close(new int[] {3}, new double[] {2, -2, 0.5},
        TensorOps.binary(BinaryOp.MOD, Tensor.vector(-7, 7, -7.5), Tensor.vector(3, -3, 2)), 0);
    // x[:, 1:] - x[:, :-1] as views; x.T * [1, 10]; x[::-1, ::-2]
    Tensor right = Tensor.view(DType.FLOAT64, new int[] {2, 2}, new int[] {3, 1}, 1, x.storage());
    Tensor left = Tensor.view(DType.FLOAT64, new int[] {2, 2}, new int[] {3, 1}, 0, x.storage());
    Check.close(new int[] {2, 2}, new double[] {1, 1, 1, 1}, TensorOps.binary(BinaryOp.SUB, right, left), 0);
    Tensor xt = Tensor.view(DType.FLOAT64, new int[] {3, 2}, new int[] {1, 3}, 0, x.storage());
    Check.close(new int[] {3, 2}, new double[] {1, 40, 2, 50, 3, 60},
        TensorOps.binary(BinaryOp.MUL, xt, Tensor.vector(1, 10)), 0);
    Tensor rev = Tensor.view(DType.FLOAT64, new int[] {2, 2}, new int[] {-3, -2}, 5, x.storage());
    Check.close(new int[] {2, 2}, new double[] {36, 16, 9, 1}, TensorOps.unary(UnaryOp.SQUARE, rev), 0);
    Check.close(new int[] {2, 2}, new double[] {36, 16, 9, 1}, TensorOps.binary(BinaryOp.MUL, rev, rev), 0);
    Check.close(new int[] {2, 2}, new double[] {6, 4, 3, 1}, TensorOps.binary(BinaryOp.ADD, rev, Tensor.scalar(0)), 0);
    KernelException e = assertThrows(KernelException.class,
        () -> TensorOps.binary(BinaryOp.ADD, Tensor.zeros(2, 3), Tensor.zeros(4)));
    assertTrue(e.getMessage().contains("[2, 3] and [4] cannot be broadcast"), e.getMessage());
  }

  /** Large operations run in chunks on the kernel threads: the same bits as one thread, on every layout. */
  @Test
  void largeOperationsSplitOverThreadsGiveTheSingleThreadBits() {
    SplittableRandom r = new SplittableRandom(11);
    int rows = 613;
    int cols = 701; // 613·700 > 2^18 elements: split; rows not a multiple of the rows per chunk
    double[] big = values(r, rows * cols + 5);
    double[] big2 = values(r, rows * cols + 5);
    Tensor m = Tensor.view(DType.FLOAT64, new int[] {rows, cols}, new int[] {cols, 1}, 5, big);
    Tensor m2 = Tensor.view(DType.FLOAT64, new int[] {rows, cols}, new int[] {cols, 1}, 5, big2);
    Tensor right = Tensor.view(DType.FLOAT64, new int[] {rows, cols - 1}, new int[] {cols, 1}, 6, big); // m[:, 1:]
    Tensor left = Tensor.view(DType.FLOAT64, new int[] {rows, cols - 1}, new int[] {cols, 1}, 5, big);  // m[:, :-1]
    Tensor mt = Tensor.view(DType.FLOAT64, new int[] {cols, rows}, new int[] {1, cols}, 5, big2);       // a transpose
    Tensor rowVec = Tensor.view(DType.FLOAT64, new int[] {rows}, new int[] {1}, 0, big2);
    Tensor[][] cases = {{m, m2}, {m, Tensor.scalar(0.75)}, {Tensor.scalar(-2.5), m2}, {right, left},
        {mt, mt}, {mt, rowVec}};
    for (Tensor[] c : cases) {
      for (BinaryOp op : new BinaryOp[] {BinaryOp.SUB, BinaryOp.DIV, BinaryOp.LT}) {
        Tensor one = dev.exp.kernel.Parallel.withThreads(1, () -> TensorOps.binary(op, c[0], c[1]));
        Tensor two = dev.exp.kernel.Parallel.withThreads(2, () -> TensorOps.binary(op, c[0], c[1]));
        assertArrayEquals(one.shape(), two.shape());
        assertBits(one.raw(), two, op + " on " + Tensor.shapeString(c[0].shape()));
        double[] want = reference(op, c[0], c[1]);
        assertBits(want, two, op + " against the definition");
      }
    }
    for (Tensor t : new Tensor[] {m, right, mt}) {
      for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.NEG}) {
        Tensor one = dev.exp.kernel.Parallel.withThreads(1, () -> TensorOps.unary(op, t));
        Tensor two = dev.exp.kernel.Parallel.withThreads(2, () -> TensorOps.unary(op, t));
        assertBits(one.raw(), two, op + " on " + Tensor.shapeString(t.shape()));
      }
    }
  }

  /** Seeking a row gives the positions the sequential walk reaches there. */
  @Test
  void stridedSeekMatchesTheSequentialWalk() {
    int[] shape = {4, 3, 5};
    int[][] st = {{-15, 5, 1}, {0, 1, 3}};
    dev.exp.tensor.loops.Strided walk = new dev.exp.tensor.loops.Strided(shape, st, new int[] {100, 7});
    List<int[]> seen = new ArrayList<>();
    while (walk.next()) {
      seen.add(new int[] {walk.row, walk.pos[0], walk.pos[1]});
    }
    assertEquals(walk.rows(), seen.size());
    for (int r = 0; r <= seen.size(); r++) {
      dev.exp.tensor.loops.Strided it = new dev.exp.tensor.loops.Strided(shape, st, new int[] {100, 7});
      it.seek(r);
      for (int k = r; k < seen.size(); k++) {
        assertTrue(it.next());
        assertArrayEquals(seen.get(k), new int[] {it.row, it.pos[0], it.pos[1]}, "from " + r + " at row " + k);
      }
      assertTrue(!it.next());
    }
  }
}
