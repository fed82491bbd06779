package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Ops;
import dev.exp.syntax.Loc;
import dev.exp.tensor.op.BinaryOp;

/**
 * Linear string building in loops. A Java string cannot grow, so {@code out += "{i},"} copies
 * {@code out} at every step; in a loop that is quadratic (100k appends: 1.6 s). For a variable that
 * the compiler found a loop only appends to ({@code compile.TextAppends}), the appends go to a
 * {@link StringBuilder} kept in a hidden slot of the frame, and the loop writes the text back to the
 * variable when it ends, however it ends (normally, by {@code break}/{@code return} or by an error).
 * Nothing in the loop reads the variable meanwhile, so the deferred write is not observable.
 */
public final class TextNodes {
  private TextNodes() {}

  /** {@code x += v} (or {@code x = x + v}) inside a loop that buffers {@code x}. */
  public static final class Append extends Node {
    final Node read;
    final AccessNodes.Writer write;
    /** The local variable, or null for a global (a captured local is never buffered). */
    final LocalVar local;
    final int buffer;
    final Node value;

    public Append(Loc loc, Node read, AccessNodes.Writer write, LocalVar local, int buffer, Node value) {
      super(loc);
      this.read = read;
      this.write = write;
      this.local = local;
      this.buffer = buffer;
      this.value = value;
    }

    @Override
    public Object eval(Frame f) {
      Object pending = f.slots[buffer];
      if (pending instanceof StringBuilder sb) {
        Object x = value.eval(f);
        if (x instanceof String t) {
          append(sb, t, loc);
          return null;
        }
        f.slots[buffer] = null;   // another kind of value: the ordinary operator decides
        write.write(f, Ops.binary(BinaryOp.ADD, sb.toString(), x, loc));
        return null;
      }
      Object cur = read.eval(f);
      Object x = value.eval(f);
      if (cur instanceof String s && x instanceof String t && (local == null || !local.captured)) {
        StringBuilder sb = new StringBuilder(Math.max(64, 2 * (s.length() + t.length())));
        append(sb.append(s), t, loc);
        f.slots[buffer] = sb;
        return null;
      }
      write.write(f, Ops.binary(BinaryOp.ADD, cur, x, loc));
      return null;
    }

    /** Appends within the limits {@link Ops#binary} applies to a concatenation. */
    private static void append(StringBuilder sb, String t, Loc loc) {
      long n = (long) sb.length() + t.length();
      if (n > Integer.MAX_VALUE - 8) {
        throw new ExpError("operator '+': a string of " + n + " characters is too long", loc);
      }
      Context.reserveHere(2 * n, "a string", n, "characters", loc);
      sb.append(t);
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }

  /** A loop whose appends to some variables are buffered: starts their buffers empty, writes them back at the end. */
  public static final class BufferingLoop extends Node {
    final Node loop;
    final int[] buffers;
    final AccessNodes.Writer[] writes;

    public BufferingLoop(Node loop, int[] buffers, AccessNodes.Writer[] writes) {
      super(loop.loc());
      this.loop = loop;
      this.buffers = buffers;
      this.writes = writes;
    }

    @Override
    public Object eval(Frame f) {
      Object[] slots = f.slots;
      for (int b : buffers) {
        slots[b] = null;
      }
      try {
        return loop.eval(f);
      } finally {
        for (int i = 0; i < buffers.length; i++) {
          if (slots[buffers[i]] instanceof StringBuilder sb) {
            slots[buffers[i]] = null;
            writes[i].write(f, sb.toString());
          }
        }
      }
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }
}
