package dev.exp.linalg;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/**
 * A stack of matrices (NumPy's "..., M, N" convention): a tensor of rank >= 2 whose last two axes are
 * the matrices and whose leading axes (the batch) index them. The stacked linalg kernels
 * (solve, inv, det, slogdet) loop over its matrices with the kernels' 2-D code.
 */
final class Stack {
  final int[] batch;
  final int rows;
  final int cols;
  final int count;
  private final double[] data;

  private Stack(int[] batch, int rows, int cols, double[] data) {
    this.batch = batch;
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    int c = 1;
    for (int d : batch) {
      c = Math.multiplyExact(c, d);
    }
    this.count = c;
  }

  /** The stack of {@code a} (rank >= 2), broadcast to the batch shape {@code batch} when that is not null. */
  static Stack of(Tensor a, int[] batch) {
    int r = a.rank();
    int rows = a.dim(r - 2);
    int cols = a.dim(r - 1);
    int[] own = Arrays.copyOf(a.shape(), r - 2);
    if (batch == null || Arrays.equals(batch, own)) {
      return new Stack(own, rows, cols, a.raw());
    }
    int[] target = Arrays.copyOf(batch, batch.length + 2);
    target[batch.length] = rows;
    target[batch.length + 1] = cols;
    return new Stack(batch, rows, cols, a.broadcastTo(target).raw());
  }

  /** The square stack of A (rank >= 3 for a real batch), with the kernels' "square matrices" error otherwise. */
  static Stack square(Tensor a, String fn, String arg) {
    if (a.rank() < 2 || a.dim(a.rank() - 1) != a.dim(a.rank() - 2)) {
      throw KernelException.of("%s: %s must be a square matrix or a stack of them [..., n, n], got shape %s", fn, arg,
          Tensor.shapeString(a.shape()));
    }
    return of(a, null);
  }

  /** Matrix i of the stack (row-major over the batch), as a fresh rows×cols tensor. */
  Tensor matrix(int i) {
    int size = rows * cols;
    return Tensor.wrap(new int[] {rows, cols}, Arrays.copyOfRange(data, i * size, (i + 1) * size));
  }

  /** "A[1, 0]": the name of matrix i in messages. */
  String name(String arg, int i) {
    int[] idx = new int[batch.length];
    for (int d = batch.length - 1; d >= 0; d--) {
      idx[d] = i % batch[d];
      i /= batch[d];
    }
    StringBuilder s = new StringBuilder(arg).append('[');
    for (int d = 0; d < idx.length; d++) {
      s.append(d == 0 ? "" : ", ").append(idx[d]);
    }
    return s.append(']').toString();
  }

  /** The batch shape followed by {@code tail}. */
  int[] shape(int... tail) {
    int[] s = Arrays.copyOf(batch, batch.length + tail.length);
    System.arraycopy(tail, 0, s, batch.length, tail.length);
    return s;
  }
}
