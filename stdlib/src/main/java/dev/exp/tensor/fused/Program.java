package dev.exp.tensor.fused;

import dev.exp.tensor.DType;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.loops.Loops;
import dev.exp.tensor.loops.Strided;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.Arrays;

/**
 * A fused element-wise program: a tree of {@link UnaryOp}/{@link BinaryOp} over leaf values (tensors
 * or numbers), optionally ending in a whole-tensor reduction (sum, mean, max, min). It runs block by
 * block ({@link #BLOCK} elements): each operator runs the op table's loops over the block into a small
 * buffer that stays in L1, so no full-size temporary is made per operator, and a reduction consumes
 * the blocks directly (no full-size result at all).
 *
 * <p>Relation to unfused evaluation: every element-wise loop computes an element independently of its
 * position and of the run it belongs to (see {@link Loops}), and number-only subtrees are computed with
 * the scalar definitions, as the unfused operators do; so fused results are bit-identical to
 * evaluating the operators one at a time. The sum consumes blocks of a multiple of
 * {@link Loops#SUM_LANES} elements into the same lane accumulators as {@code sum} over a whole tensor,
 * and in the same chunks of {@link Loops#SUM_CHUNK} values, so fused and unfused sums and means are
 * bit-identical too; max/min do not depend on the order. Chunks of a large program run on several
 * threads ({@link dev.exp.kernel.Parallel}); results never depend on the thread count.
 *
 * <p>{@link #run} returns null when the program does not apply to the given leaves (a leaf that is not
 * a number or a float64 tensor, no tensor leaf, shapes that do not broadcast, a comparison or
 * isnan/isfinite of numbers only, a 0-d result, max/min of an empty tensor): the caller then
 * evaluates the operators one at a time, which also produces the usual errors.
 */
public final class Program {
  /** Elements per block (a multiple of {@link Loops#SUM_LANES}). */
  public static final int BLOCK = 1024;

  /** A whole-tensor reduction applied to the element-wise result. */
  public enum Reduction { NONE, SUM, MEAN, MAX, MIN }

  /** A node of the program tree. */
  public abstract static class Expr {
    /** Position in the program's node numbering (set by the Program constructor). */
    int id = -1;

    Expr() {}
  }

  static final class Leaf extends Expr {
    final int index;

    Leaf(int index) {
      this.index = index;
    }
  }

  static final class Un extends Expr {
    final UnaryOp op;
    final Expr arg;

    Un(UnaryOp op, Expr arg) {
      this.op = op;
      this.arg = arg;
    }
  }

  static final class Bin extends Expr {
    final BinaryOp op;
    final Expr left;
    final Expr right;

    Bin(BinaryOp op, Expr left, Expr right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }
  }

  /** The value of leaf {@code index} (0-based, in evaluation order). */
  public static Expr leaf(int index) {
    return new Leaf(index);
  }

  public static Expr unary(UnaryOp op, Expr arg) {
    return new Un(op, arg);
  }

  /** An element-wise binary operator ({@code @} is not allowed). */
  public static Expr binary(BinaryOp op, Expr left, Expr right) {
    if (!op.isElementWise()) {
      throw new IllegalArgumentException("not element-wise: " + op);
    }
    return new Bin(op, left, right);
  }

  private final Expr root;
  private final Reduction reduction;
  private final Loops loops;
  private final int nodes;

  public Program(Expr root, Reduction reduction) {
    this(root, reduction, Loops.active());
  }

  /** A program on the given loops (tests compare the scalar and vector loops). */
  public Program(Expr root, Reduction reduction, Loops loops) {
    int[] next = {0};
    this.root = numbered(root, next);
    this.reduction = reduction;
    this.loops = loops;
    this.nodes = next[0];
  }

  /** A copy of the tree with its nodes numbered depth-first (so trees may be shared between programs). */
  private static Expr numbered(Expr e, int[] next) {
    Expr c;
    if (e instanceof Un u) {
      c = new Un(u.op, numbered(u.arg, next));
    } else if (e instanceof Bin b) {
      Expr l = numbered(b.left, next);
      c = new Bin(b.op, l, numbered(b.right, next));
    } else {
      c = new Leaf(((Leaf) e).index);
    }
    c.id = next[0]++;
    return c;
  }

  /** The reduction this program ends in. */
  public Reduction reduction() {
    return reduction;
  }

  /**
   * Runs the program on leaf values (Double or Tensor): a Tensor (no reduction) or a Double, or null
   * when the program does not apply to these values (the caller evaluates unfused).
   */
  public Object run(Object[] leaves) {
    boolean anyTensor = false;
    for (Object v : leaves) {
      if (v instanceof Tensor t) {
        if (t.dtype() != DType.FLOAT64) {
          return null;
        }
        anyTensor = true;
      } else if (!(v instanceof Double)) {
        return null;
      }
    }
    if (!anyTensor) {
      return null;
    }
    Run first = new Run(leaves);
    int[] shape = first.shapeOf(root);
    if (shape == null || shape == Run.NUMBER || shape.length == 0) {
      return null;
    }
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size > Integer.MAX_VALUE - 8) {
      return null;   // more values than a Java array holds: the operators one at a time report the size
    }
    int n = (int) size;
    if (n == 0 && (reduction == Reduction.MAX || reduction == Reduction.MIN)) {
      return null;
    }
    if (reduction == Reduction.NONE) {
      dev.exp.kernel.Budget.doubles(n, "the result of shape " + Tensor.shapeString(shape));
    }
    double[] out = reduction == Reduction.NONE ? new double[n] : null;
    // chunks of Loops.SUM_CHUNK values: the order of a whole-tensor sum (so fused and unfused sums agree
    // bit for bit), independent of the thread count; each chunk runs on its own buffers
    int chunks = Loops.chunks(n);
    double[] parts = new double[chunks];
    int total = n;
    java.util.function.IntConsumer task = c -> {
      Run r = c == 0 ? first : first.copy();
      r.prepare(root, shape);
      try {
        int from = c * Loops.SUM_CHUNK;
        int to = (int) Math.min(total, (long) from + Loops.SUM_CHUNK);
        parts[c] = runRange(r, from, to, out);
      } finally {
        r.release();
      }
    };
    if (chunks >= PARALLEL_CHUNKS && work(n) >= PARALLEL_WORK) {
      dev.exp.kernel.Parallel.forEach(chunks, task);
    } else {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
    }
    switch (reduction) {
      case NONE: return Tensor.wrap(shape, out);
      case SUM: return Loops.combineChunks(parts);
      case MEAN: return n == 0 ? Double.NaN : Loops.combineChunks(parts) / n;
      case MAX: {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : parts) {
          m = Math.max(m, v);
        }
        return m;
      }
      default: {
        double m = Double.POSITIVE_INFINITY;
        for (double v : parts) {
          m = Math.min(m, v);
        }
        return m;
      }
    }
  }

  /** Chunks of at least this many in one program run in parallel (when the work is large enough). */
  private static final int PARALLEL_CHUNKS = 2;
  /** Element-operations (values × operators) from which a program is worth splitting over threads. */
  private static final long PARALLEL_WORK = 1L << 19;

  /** The number of element operations of a run over n values. */
  private long work(int n) {
    return (long) n * Math.max(1, nodes / 2);
  }

  /** Values [from, to) on run r: written into out (no reduction) or reduced to one number. */
  private double runRange(Run r, int from, int to, double[] out) {
    double[] acc = reduction == Reduction.SUM || reduction == Reduction.MEAN ? Loops.newSum() : null;
    double m = reduction == Reduction.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int k = from; k < to; k += BLOCK) {
      int len = Math.min(BLOCK, to - k);
      Block b = r.eval(root, k, len, out, k);
      switch (reduction) {
        case NONE:
          if (b.array != out) {
            System.arraycopy(b.array, b.offset, out, k, len);
          }
          break;
        case SUM: case MEAN: loops.sumInto(b.array, b.offset, len, acc); break;
        case MAX: m = loops.max(b.array, b.offset, len, m); break;
        default: m = loops.min(b.array, b.offset, len, m); break;
      }
    }
    return acc != null ? Loops.finishSum(acc) : m;
  }

  /** A block of values: {@code array[offset .. offset + len)}, or a number. */
  static final class Block {
    double[] array;
    int offset;
    boolean number;
    double value;
  }

  /** Most block buffers a thread keeps for its next runs (8 KB each). */
  private static final int POOLED_BUFFERS = 16;
  /**
   * Block buffers of finished runs, per thread: a program over a small tensor (inside a script loop)
   * would otherwise allocate and zero a buffer per operator on every run. A run takes its buffers
   * from its own thread's pool and gives them back when it ends; results never point into them.
   */
  private static final ThreadLocal<java.util.ArrayDeque<double[]>> BUFFERS =
      ThreadLocal.withInitial(java.util.ArrayDeque::new);

  /** One evaluation: leaf values, node shapes, buffers. */
  private final class Run {
    static final int[] NUMBER = new int[0];
    private final Object[] leaves;
    private final int[][] shapes = new int[nodes][];
    private final Block[] blocks = new Block[nodes];
    private final int[][] leafStrides = new int[nodes][];
    private int[] outShape;
    /** The pooled buffers this run took (given back by {@link #release}). */
    private java.util.ArrayDeque<double[]> taken;

    Run(Object[] leaves) {
      this.leaves = leaves;
    }

    /** A run with this one's node shapes and its own buffers (call {@link #prepare} before use). */
    Run copy() {
      Run r = new Run(leaves);
      System.arraycopy(shapes, 0, r.shapes, 0, shapes.length);
      return r;
    }

    /** The broadcast shape of a node, {@link #NUMBER} for number-only subtrees, null if it does not apply. */
    int[] shapeOf(Expr e) {
      int[] s;
      if (e instanceof Leaf l) {
        Object v = leaves[l.index];
        s = v instanceof Tensor t ? t.shape() : NUMBER;
      } else if (e instanceof Un u) {
        s = shapeOf(u.arg);
        if (s == NUMBER && (u.op == UnaryOp.ISNAN || u.op == UnaryOp.ISFINITE)) {
          return null; // a bool for numbers
        }
      } else {
        Bin b = (Bin) e;
        int[] l = shapeOf(b.left);
        int[] r = l == null ? null : shapeOf(b.right);
        if (l == null || r == null) {
          return null;
        }
        if (l == NUMBER && r == NUMBER) {
          if (b.op.isComparison()) {
            return null; // a bool for numbers
          }
          s = NUMBER;
        } else if (l == NUMBER || r == NUMBER) {
          s = l == NUMBER ? r : l;
        } else {
          try {
            s = Tensor.broadcastShapes(l, r);
          } catch (RuntimeException x) {
            return null;
          }
        }
      }
      if (s == null) {
        return null;
      }
      shapes[e.id] = s;
      return s;
    }

    void prepare(Expr e, int[] shape) {
      outShape = shape;
      allocate(e);
      if (reduction == Reduction.NONE && !(e instanceof Leaf)) {
        give(blocks[e.id].array); // the root writes straight into the result
        blocks[e.id].array = null;
      }
    }

    /** A block buffer from this thread's pool, or a new one. */
    private double[] buffer() {
      if (taken == null) {
        taken = new java.util.ArrayDeque<>();
      }
      double[] b = BUFFERS.get().poll();
      if (b == null) {
        b = new double[BLOCK];
      }
      taken.push(b);
      return b;
    }

    private void give(double[] b) {
      if (taken != null && taken.remove(b)) {
        java.util.ArrayDeque<double[]> pool = BUFFERS.get();
        if (pool.size() < POOLED_BUFFERS) {
          pool.push(b);
        }
      }
    }

    /** Gives this run's buffers back to its thread's pool. */
    void release() {
      if (taken == null) {
        return;
      }
      java.util.ArrayDeque<double[]> pool = BUFFERS.get();
      for (double[] b : taken) {
        if (pool.size() < POOLED_BUFFERS) {
          pool.push(b);
        }
      }
      taken = null;
    }

    private void allocate(Expr e) {
      Block b = new Block();
      blocks[e.id] = b;
      if (shapes[e.id] == NUMBER) {
        b.number = true;
        b.value = numberValue(e);
        return;
      }
      if (e instanceof Leaf l) {
        Tensor t = (Tensor) leaves[l.index];
        if (t.isContiguous() && Arrays.equals(t.shape(), outShape)) {
          b.array = t.storage();
          b.offset = t.offset(); // + k per block
        } else {
          b.array = buffer();
          leafStrides[e.id] = Strided.broadcastStrides(t, outShape);
        }
        return;
      }
      b.array = buffer();
      if (e instanceof Un u) {
        allocate(u.arg);
      } else {
        Bin n = (Bin) e;
        allocate(n.left);
        allocate(n.right);
      }
    }

    /** A number-only subtree, with the scalar definitions (as the unfused operators compute numbers). */
    private double numberValue(Expr e) {
      if (e instanceof Leaf l) {
        return (Double) leaves[l.index];
      }
      if (e instanceof Un u) {
        return u.op.apply(numberValue(u.arg));
      }
      Bin b = (Bin) e;
      return b.op.apply(numberValue(b.left), numberValue(b.right));
    }

    /** Values [k, k + len) of node e; the root may write into dest at destOffset. */
    Block eval(Expr e, int k, int len, double[] dest, int destOffset) {
      Block b = blocks[e.id];
      if (b.number) {
        return b;
      }
      if (e instanceof Leaf l) {
        int[] st = leafStrides[e.id];
        if (st == null) {
          Block view = new Block();
          view.array = b.array;
          view.offset = b.offset + k;
          return view;
        }
        Tensor t = (Tensor) leaves[l.index];
        Strided.gatherBlock(t.storage(), t.offset(), outShape, st, k, len, b.array);
        return b;
      }
      double[] out = dest != null ? dest : b.array;
      int o = dest != null ? destOffset : 0;
      if (e instanceof Un u) {
        Block a = eval(u.arg, k, len, null, 0);
        loops.unary(u.op, a.array, a.offset, out, o, len);
      } else {
        Bin n = (Bin) e;
        Block x = eval(n.left, k, len, null, 0);
        Block y = eval(n.right, k, len, null, 0);
        if (y.number) {
          loops.binaryScalarRight(n.op, x.array, x.offset, y.value, out, o, len);
        } else if (x.number) {
          loops.binaryScalarLeft(n.op, x.value, y.array, y.offset, out, o, len);
        } else {
          loops.binary(n.op, x.array, x.offset, y.array, y.offset, out, o, len);
        }
      }
      Block r = dest != null ? new Block() : b;
      r.array = out;
      r.offset = o;
      return r;
    }
  }
}
