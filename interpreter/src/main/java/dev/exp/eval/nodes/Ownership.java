package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Held;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.UpdatableList;
import dev.exp.tensor.Tensor;
import java.util.List;

/**
 * Which values a variable owns exclusively, so that its next update may write in place: the value
 * its last update made ({@link Frame#owned}, {@link dev.exp.eval.runtime.GlobalVar#owned}), until it
 * is read elsewhere. Reads that only look ({@link #peek}) keep it owned; a value that becomes
 * visible releases it ({@link #escape}). See docs/architecture.md, "Copy-on-write".
 */
final class Ownership {
  private Ownership() {}

  /**
   * The value {@code r} read out of {@code t} (by an index or a field, {@code target} evaluated to
   * {@code t}) becomes visible to the script: a view of a tensor shares its storage and a slice of a
   * list shares its items, so the variable at the root of {@code target} gives up ownership (its next
   * element update copies); a record or list that {@code t} held exclusively is held no more (see
   * {@link Held}). The inner steps of a longer read ({@code g[i]} in {@code
   * g[i][j]}) do not escape: they are read through {@link #peek}.
   */
  static Object escape(Node target, Object t, Object r, Frame f) {
    // exact class tests first: an interface test of a Double would go through its secondary supers
    if (r instanceof Double || r instanceof String || r instanceof Boolean) {
      return r;
    }
    if (r instanceof Tensor v) {
      if (t instanceof Tensor x && v.storage() == x.storage()) {
        release(target, f);
      }
    } else if (r instanceof Record || r instanceof UpdatableList) {
      Held h = (Held) r;
      if (h.heldBy() == t) {
        h.heldBy(null);
      }
    } else if (r instanceof List<?> && t instanceof List<?>) {
      release(target, f);
    }
    return r;
  }

  /** Marks a variable's value as possibly shared (the next element update copies). */
  static void release(Node n, Frame f) {
    if (n instanceof AccessNodes.Index ix) {
      release(ix.target, f);
    } else if (n instanceof AccessNodes.Member m) {
      release(m.target, f);
    } else if (n instanceof VariableNodes.LocalGet l && !l.v.captured) {
      if (f.owned != null) {
        f.owned[l.v.slot] = null;
      }
    } else if (n instanceof VariableNodes.GlobalGet g) {
      g.g.owned = null;
    }
  }

  /** The tensor the variable read by {@code read} owns exclusively (may write in place), or null. */
  static Object owner(Node read, Frame f) {
    if (read instanceof VariableNodes.LocalGet l && !l.v.captured) {
      return f.owned == null ? null : f.owned[l.v.slot];
    }
    if (read instanceof VariableNodes.GlobalGet g) {
      return f.ctx.trial() == null ? g.g.owned : null;   // a trial never writes into a global's value in place
    }
    return null;
  }

  /** Whether {@code read} reads a variable that can own a value ({@link #own} records it). */
  static boolean canOwn(Node read) {
    return read instanceof VariableNodes.LocalGet l && !l.v.captured || read instanceof VariableNodes.GlobalGet;
  }

  /** Records that the variable read by {@code read} owns {@code value} exclusively. */
  static void own(Node read, Frame f, Object value) {
    if (read instanceof VariableNodes.LocalGet l && !l.v.captured) {
      if (f.owned == null) {
        f.owned = new Object[f.slots.length];
      }
      f.owned[l.v.slot] = value;
    } else if (read instanceof VariableNodes.GlobalGet g) {
      g.g.owned = value;
    }
  }

  /**
   * Evaluates a variable read, or an index or field read below one ({@code g[i]}, {@code r.xs}),
   * without marking the value as escaped; other nodes evaluate normally.
   */
  static Object peek(Node n, Frame f) {
    if (n instanceof VariableNodes.LocalGet l) {
      return l.peek(f);
    }
    if (n instanceof VariableNodes.GlobalGet g) {
      return g.peek(f);
    }
    if (n instanceof AccessNodes.Index ix) {
      return ix.read(f);
    }
    if (n instanceof AccessNodes.Member m) {
      return m.read(f);
    }
    return n.eval(f);
  }
}
