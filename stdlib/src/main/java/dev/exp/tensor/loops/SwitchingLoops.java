package dev.exp.tensor.loops;

import dev.exp.kernel.WarmSwitch;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;

/**
 * The loops of {@link Loops#active()} when vector loops are available: each call runs on the loops of
 * a {@link WarmSwitch} (scalar first, vector after enough work), counting its elements. The two give
 * the same bits, so which one runs a call never shows in results.
 */
final class SwitchingLoops extends Loops {
  private final WarmSwitch<Loops> sw;

  SwitchingLoops(WarmSwitch<Loops> sw) {
    this.sw = sw;
  }

  @Override
  public String describe() {
    return sw.chosen().describe();
  }

  @Override
  public void binary(BinaryOp op, double[] a, int ai, double[] b, int bi, double[] out, int oi, int n) {
    sw.use(n).binary(op, a, ai, b, bi, out, oi, n);
  }

  @Override
  public void binaryScalarRight(BinaryOp op, double[] a, int ai, double y, double[] out, int oi, int n) {
    sw.use(n).binaryScalarRight(op, a, ai, y, out, oi, n);
  }

  @Override
  public void binaryScalarLeft(BinaryOp op, double x, double[] b, int bi, double[] out, int oi, int n) {
    sw.use(n).binaryScalarLeft(op, x, b, bi, out, oi, n);
  }

  @Override
  public void unary(UnaryOp op, double[] a, int ai, double[] out, int oi, int n) {
    sw.use(n).unary(op, a, ai, out, oi, n);
  }

  @Override
  public void sumInto(double[] a, int ai, int n, double[] acc) {
    sw.use(n).sumInto(a, ai, n, acc);
  }

  @Override
  public double max(double[] a, int ai, int n, double init) {
    return sw.use(n).max(a, ai, n, init);
  }

  @Override
  public double min(double[] a, int ai, int n, double init) {
    return sw.use(n).min(a, ai, n, init);
  }

  @Override
  public void neumaierRows(double[] a, int ai, double[] s, double[] c, int n) {
    sw.use(n).neumaierRows(a, ai, s, c, n);
  }
}
