package dev.exp.eval;

/** The activation of one function (or of a script's top level): slots for its locals. */
final class Frame {
  final Object[] slots;
  final Object[] captures;
  final Context ctx;
  /** Per slot, the tensor this frame's variable owns exclusively (see {@link AccessNodes.IndexAssign}). */
  Object[] owned;

  Frame(int size, Object[] captures, Context ctx) {
    this.slots = new Object[size];
    this.captures = captures;
    this.ctx = ctx;
  }
}
