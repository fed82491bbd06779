package dev.exp.eval.nodes;

import static dev.exp.eval.nodes.NumericClassFile.GLOBAL_D;
import static dev.exp.eval.nodes.NumericClassFile.LOC_D;
import static org.objectweb.asm.Opcodes.*;

import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The tensor-element part of a translation ({@link NumericCodegen}): {@code x[i]} and {@code u[i, j]}
 * of real tensors, read or written in place, and {@code len(x)}. The element's position is computed
 * by the emitted bytecode for non-negative integer indices in range, so the fast path never depends
 * on the JIT's inlining budget; other indices go through {@link TensorElements}, as in the tree.
 */
final class NumericElements {
  private final NumericCodegen cg;
  /**
   * The tensors indexed, by frame slot or global: nothing a translation runs can make a variable hold
   * another tensor, or move a tensor's storage (writes are in place into a tensor the variable owns),
   * so each tensor's storage, offset, extents and strides are read once, on entry
   * ({@link #emitHoists}), into JVM locals that every element access then uses.
   */
  private final Map<Object, Hoisted> hoisted = new LinkedHashMap<>();

  /** The JVM locals of one indexed tensor. */
  private static final class Hoisted {
    final Node target;
    final int rank;
    final int ref;
    final int data;
    final int off;
    final int[] ext;
    final int[] str;

    Hoisted(Node target, int rank, NumericCodegen cg) {
      this.target = target;
      this.rank = rank;
      ref = cg.nextLocal++;
      data = cg.nextLocal++;
      off = cg.nextLocal++;
      ext = new int[rank];
      str = new int[rank];
      for (int a = 0; a < rank; a++) {
        ext[a] = cg.nextLocal++;
        str[a] = cg.nextLocal++;
      }
    }
  }

  NumericElements(NumericCodegen cg) {
    this.cg = cg;
  }

  /** The hoisted locals of the tensor {@code target} holds (checked as {@link #tensor} checks it). */
  private Hoisted hoist(Node target, int rank, boolean written) throws NumericCodegen.Ineligible {
    Object key;
    if (target instanceof VariableNodes.LocalGet g && !g.v.captured && cg.code == null) {
      key = g.slot;
    } else if (target instanceof VariableNodes.GlobalGet g) {
      key = g.g;
    } else {
      throw new NumericCodegen.Ineligible("a tensor operand other than a tensor variable");
    }
    Hoisted h = hoisted.get(key);
    if (h != null && h.rank != rank) {
      throw new NumericCodegen.Ineligible("a tensor indexed with different numbers of indices");
    }
    MethodVisitor saved = cg.mv;
    cg.mv = new MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {};   // the checks and bookkeeping of tensor(), no code
    try {
      tensor(target, rank, written);
    } finally {
      cg.mv = saved;
    }
    if (h == null) {
      h = new Hoisted(target, rank, cg);
      hoisted.put(key, h);
    }
    return h;
  }

  /**
   * Loads every hoisted tensor and its layout into its JVM locals: the code a translation runs on
   * entry, before its body (after a loop's frame variables are loaded).
   */
  void emitHoists() throws NumericCodegen.Ineligible {
    String tensorT = Type.getInternalName(Tensor.class);
    MethodVisitor mv = cg.mv;
    for (Hoisted h : hoisted.values()) {
      tensor(h.target, h.rank, false);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ASTORE, h.ref);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKEVIRTUAL, tensorT, "storage", "()[D", false);
      mv.visitVarInsn(ASTORE, h.data);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKEVIRTUAL, tensorT, "offset", "()I", false);
      mv.visitVarInsn(ISTORE, h.off);
      for (int a = 0; a < h.rank; a++) {
        mv.visitInsn(DUP);
        mv.visitLdcInsn(a);
        mv.visitMethodInsn(INVOKEVIRTUAL, tensorT, "extent", "(I)I", false);
        mv.visitVarInsn(ISTORE, h.ext[a]);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(a);
        mv.visitMethodInsn(INVOKEVIRTUAL, tensorT, "stride", "(I)I", false);
        mv.visitVarInsn(ISTORE, h.str[a]);
      }
      mv.visitInsn(POP);
    }
  }

  /**
   * {@code x[i]} / {@code u[i, j]} of a real tensor with number indices, read ({@code store} null)
   * or written in place ({@code u[i, j] = v}, {@code +=}, ...). The tensor is a variable set before
   * the loop or a global; its rank is the one it has now (checked again before the loop starts, or by
   * a guard in a function).
   */
  void element(AccessNodes.Index ix, AssignNodes.IndexAssign store) throws NumericCodegen.Ineligible {
    int rank = ix.items.length;
    if (rank < 1 || rank > 2) {
      throw new NumericCodegen.Ineligible("indexing with " + rank + " indices");
    }
    for (int k = 0; k < rank; k++) {
      if (ix.slices[k] || ix.items[k].length != 1 || cg.kind(ix.items[k][0]) != NumericCodegen.NUM) {
        throw new NumericCodegen.Ineligible("an index that is a slice or not a number");
      }
    }
    Node target = store != null ? store.read : ix.target;
    int op = store == null ? 0 : TensorElements.code(store.arith);
    if (op < 0) {
      throw new NumericCodegen.Ineligible("a compound element assignment other than += -= *= /=");
    }
    if (store != null && cg.kind(store.value) != NumericCodegen.NUM) {
      throw new NumericCodegen.Ineligible("an element assignment of something other than a number");
    }
    // operands into temporaries (in the tree's order: the tensor, the indices, the value), then the
    // element's position inline: the fast path is plain bytecode, so it never depends on the JIT's
    // inlining budget; only an index that is negative, fractional or out of range calls out
    Hoisted h = hoist(target, rank, store != null);
    int[] idx = new int[rank];
    for (int k = 0; k < rank; k++) {
      cg.num(ix.items[k][0]);
      idx[k] = cg.nextLocal;
      cg.nextLocal += 2;
      cg.mv.visitVarInsn(DSTORE, idx[k]);
    }
    int v = -1;
    if (store != null) {
      cg.num(store.value);
      v = cg.nextLocal;
      cg.nextLocal += 2;
      cg.mv.visitVarInsn(DSTORE, v);
    }
    cg.mv.visitVarInsn(ALOAD, h.data);
    position(h, idx, ix.itemLocs, ix.loc);   // index errors point at the index, as in the tree
    if (store == null) {
      cg.mv.visitInsn(DALOAD);
      return;
    }
    if (op != 0) {
      cg.mv.visitInsn(DUP2);
      cg.mv.visitInsn(DALOAD);
      cg.mv.visitVarInsn(DLOAD, v);
      cg.mv.visitInsn(op == 1 ? DADD : op == 2 ? DSUB : op == 3 ? DMUL : DDIV);
    } else {
      cg.mv.visitVarInsn(DLOAD, v);
    }
    cg.mv.visitInsn(DASTORE);
  }

  /**
   * Pushes the storage position of element {@code idx} (double JVM locals) of the hoisted tensor
   * {@code h}: {@code offset + sum(k * stride)} when every index is a non-negative integer in range,
   * otherwise what {@link TensorElements#position} computes (negative indices) or throws.
   */
  private void position(Hoisted h, int[] idx, Loc[] itemLocs, Loc loc) {
    String tensorT = Type.getInternalName(Tensor.class);
    Label slow = new Label();
    Label done = new Label();
    int[] k = new int[idx.length];
    for (int a = 0; a < idx.length; a++) {
      k[a] = cg.nextLocal++;
      cg.mv.visitVarInsn(DLOAD, idx[a]);
      cg.mv.visitInsn(D2I);
      cg.mv.visitVarInsn(ISTORE, k[a]);
      cg.mv.visitVarInsn(ILOAD, k[a]);
      cg.mv.visitInsn(I2D);
      cg.mv.visitVarInsn(DLOAD, idx[a]);
      cg.mv.visitInsn(DCMPL);
      cg.mv.visitJumpInsn(IFNE, slow);
      cg.mv.visitVarInsn(ILOAD, k[a]);
      cg.mv.visitJumpInsn(IFLT, slow);
      cg.mv.visitVarInsn(ILOAD, k[a]);
      cg.mv.visitVarInsn(ILOAD, h.ext[a]);
      cg.mv.visitJumpInsn(IF_ICMPGE, slow);
    }
    cg.mv.visitVarInsn(ILOAD, h.off);
    for (int a = 0; a < idx.length; a++) {
      cg.mv.visitVarInsn(ILOAD, k[a]);
      cg.mv.visitVarInsn(ILOAD, h.str[a]);
      cg.mv.visitInsn(IMUL);
      cg.mv.visitInsn(IADD);
    }
    cg.mv.visitJumpInsn(GOTO, done);
    cg.mv.visitLabel(slow);
    cg.mv.visitVarInsn(ALOAD, h.ref);
    StringBuilder desc = new StringBuilder("(L" + tensorT + ";");
    for (int a = 0; a < idx.length; a++) {
      cg.mv.visitVarInsn(DLOAD, idx[a]);
      desc.append('D');
    }
    for (int a = 0; a < idx.length; a++) {
      cg.getConstant(itemLocs[a], LOC_D);
      desc.append(LOC_D);
    }
    cg.getConstant(loc, LOC_D);
    desc.append(LOC_D).append(")I");
    cg.mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TensorElements.class), "position" + idx.length, desc.toString(), false);
    cg.mv.visitLabel(done);
  }

  /**
   * Pushes the real tensor of rank {@code rank} (any rank from 1 up when negative) that {@code target}
   * holds: a variable set before the loop (loop mode) or a global.
   */
  void tensor(Node target, int rank, boolean written) throws NumericCodegen.Ineligible {
    String tensorT = Type.getInternalName(Tensor.class);
    if (target instanceof VariableNodes.LocalGet g && !g.v.captured && cg.code == null) {
      int has = cg.slots.tensorRank(g.slot);
      if (has < 1 || rank >= 0 && has != rank) {
        throw new NumericCodegen.Ineligible("a variable that is not a real tensor of rank " + rank);
      }
      cg.slots.read.set(g.slot);
      if (written) {
        cg.slots.tensorsWritten.set(g.slot);
      }
      cg.mv.visitVarInsn(ALOAD, cg.local(g.slot));
    } else if (target instanceof VariableNodes.GlobalGet g && g.g.value instanceof Tensor t && t.rank() >= 1
        && TensorElements.readable(t, rank < 0 ? t.rank() : rank)) {
      int r = t.rank();
      cg.tensorGlobals.put(g.g, r);
      if (written) {
        cg.tensorGlobalsWritten.add(g.g);
      }
      cg.getConstant(g.g, GLOBAL_D);
      cg.mv.visitLdcInsn(r);
      cg.mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TensorElements.class), "global",
          "(" + GLOBAL_D + "I)L" + tensorT + ";", false);
    } else {
      throw new NumericCodegen.Ineligible("a tensor operand other than a tensor variable");
    }
  }

  /** {@code len(x)} of a tensor: its first dimension (the step of the call counted as the tree counts it). */
  void length(Node[] args, String[] names, Loc loc) throws NumericCodegen.Ineligible {
    if (args.length != 1 || names != null) {
      throw new NumericCodegen.Ineligible("a call of len with other arguments");
    }
    tensor(args[0], -1, false);
    cg.tick(loc);
    cg.mv.visitInsn(ICONST_0);
    cg.mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Tensor.class), "extent", "(I)I", false);
    cg.mv.visitInsn(I2D);
  }
}
