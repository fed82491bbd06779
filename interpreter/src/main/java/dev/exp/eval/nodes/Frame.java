package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.Unboxed;

/**
 * The activation of one function (or of a script's top level): slots for its locals, and the
 * completion state of the jump ({@code return}/{@code break}/{@code continue}) being carried out.
 *
 * <p>Numeric locals are kept unboxed: a slot holding {@link #NUM} means the variable's value is the
 * number at the same index of {@link #nums} (allocated on the first such write). Any plain write to
 * the slot replaces the marker, so code that stores boxed values stays correct.
 */
public final class Frame {
  /** Marker in {@link #slots}: the value lives in {@link #nums}. Never a script value. */
  public static final Object NUM = Unboxed.NUM;

  /** No jump pending. */
  static final int NORMAL = 0;
  /** A {@code break} is leaving the innermost loop. */
  static final int BREAK = 1;
  /** A {@code continue} is leaving the innermost loop's body. */
  static final int CONTINUE = 2;
  /** A {@code return} is leaving the function; the value is in {@link #ret}. */
  static final int RETURN = 3;

  public final Object[] slots;
  /** The cells of the variables the running closure captured (set again when the frame is reused). */
  public Object[] captures;
  public final Context ctx;
  /** Unboxed numbers of the slots that hold {@link #NUM}; null until the first typed write. */
  double[] nums;
  /** The pending completion: {@link #NORMAL}, {@link #BREAK}, {@link #CONTINUE} or {@link #RETURN}. */
  int jump;
  /** The value of a pending {@link #RETURN}; {@link #NUM} when it is the number {@link #retNum}. */
  Object ret;
  /** The unboxed value of a pending {@link #RETURN} when {@link #ret} is {@link #NUM}. */
  double retNum;
  /** Per slot, the tensor this frame's variable owns exclusively (see {@link Ownership}). */
  Object[] owned;

  /** The frame this one lends to the functions it calls (see {@link #callee}); null until the first call. */
  private Frame spare;
  /** Whether {@link #spare} is lent out now. */
  private boolean spareLent;

  public Frame(int size, Object[] captures, Context ctx) {
    this.slots = new Object[size];
    this.captures = captures;
    this.ctx = ctx;
  }

  /** The unboxed-number array, allocated on first use. */
  double[] nums() {
    double[] n = nums;
    return n != null ? n : (nums = new double[slots.length]);
  }

  /** Stores a number unboxed in a (non-captured) slot. */
  void setNum(int slot, double v) {
    nums()[slot] = v;
    slots[slot] = NUM;
  }

  /** The value of the pending {@link #RETURN}, boxed. */
  Object returned() {
    Object r = ret;
    return r == NUM ? (Object) retNum : r;
  }

  /** The value of the pending {@link #RETURN} as a number, or {@link UnexpectedType} with it. */
  double returnedNumber() throws UnexpectedType {
    Object r = ret;
    return r == NUM ? retNum : Arithmetic.number(r);
  }

  /** The boxed value of a non-captured slot. */
  Object get(int slot) {
    Object x = slots[slot];
    return x == NUM ? (Object) nums[slot] : x;
  }

  /**
   * The frame for a call of a closure made from this frame, with empty slots. Calls made from one
   * frame nest, so one frame, lent and given back, serves them all: a recursion reuses one frame per
   * depth and a call allocates nothing. When the spare is lent already (a call inside another
   * call's arguments) or too small, the call gets a new frame. Give it back with {@link #giveBack}.
   */
  Frame callee(int size, Object[] captures) {
    Frame s = spare;
    if (!spareLent) {
      if (s == null || s.slots.length < size) {
        s = new Frame(size, captures, ctx);
        spare = s;
      } else {
        s.captures = captures;
      }
      spareLent = true;
      return s;
    }
    return new Frame(size, captures, ctx);
  }

  /**
   * Takes back a frame from {@link #callee} once its call has returned or failed; the spare's first
   * {@code size} slots are cleared (no value outlives its call) and its completion state reset.
   * Nothing may keep a frame after its call: closures keep cells, not frames.
   */
  void giveBack(Frame callee, int size) {
    if (callee == spare) {
      java.util.Arrays.fill(callee.slots, 0, size, null);
      callee.owned = null;   // ownership of tensors never carries over to another call
      callee.jump = NORMAL;
      callee.ret = null;
      spareLent = false;
    }
  }
}
