package dev.exp.eval.nodes;

import static dev.exp.eval.nodes.NumericClassFile.CTX;
import static dev.exp.eval.nodes.NumericClassFile.ENTRY;
import static dev.exp.eval.nodes.NumericClassFile.FRAME;
import static dev.exp.eval.nodes.NumericClassFile.GLOBAL_D;
import static dev.exp.eval.nodes.NumericClassFile.LOC_D;
import static dev.exp.eval.nodes.NumericClassFile.MH_D;
import static dev.exp.eval.nodes.NumericClassFile.OBJECT_D;
import static dev.exp.eval.nodes.NumericClassFile.SELF;
import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;

/**
 * The calls of script functions in a translation ({@link NumericCodegen}): a call of itself is an
 * {@code invokestatic}, a call of another translated function a constant {@link MethodHandle} (whose
 * global reads, tensor globals and guards the caller takes over), with the callee's closure cells
 * when it captured variables; and the reads of the captured variables of the code translated.
 */
final class NumericCalls {
  private final NumericCodegen cg;

  NumericCalls(NumericCodegen cg) {
    this.cg = cg;
  }

  /**
   * A call of a function by name with all its arguments, positionally: a top-level function, or in a
   * loop a closure held by a local the loop does not assign ({@code let f = x => x * k} before it).
   * A global callee is guarded (the global still holds a closure of the code seen here: a script run
   * again defines its functions afresh, with the same code); a local one is checked by
   * {@link NumericLoop#ready}. A callee that captured variables gets its closure's cells, read at the
   * call. Then the tree's order is kept: arguments, {@code tick}, {@code enter}, the call, {@code exit}.
   */
  void call(AccessNodes.Call c) throws NumericCodegen.Ineligible {
    VariableNodes.GlobalGet g = c.callee instanceof VariableNodes.GlobalGet x ? x : null;
    VariableNodes.LocalGet local = cg.code == null && c.callee instanceof VariableNodes.LocalGet x && !x.v.captured ? x : null;
    Closure callee = g != null && g.g.value instanceof Closure k ? k : local != null ? cg.slots.closure(local.slot) : null;
    if (c.names != null || callee == null) {
      throw new NumericCodegen.Ineligible("a call that is not a plain call of a top-level function or of a local closure");
    }
    FunctionCode cc = callee.code;
    boolean withCaptures = cc.captures.length > 0;
    if (cc.capturedParams || c.args.length != cc.params.length || withCaptures && cc == cg.code) {
      throw new NumericCodegen.Ineligible("a call of " + callee.name() + " with defaults or captured parameters");
    }
    MethodHandle target = null;
    if (cc != cg.code) {
      NumericEntry e = cg.compiling.callee(cc);
      if (e == null) {
        throw new NumericCodegen.Ineligible("calls " + callee.name() + ", which stays in the tree");
      }
      if (e.boolResult) {
        throw new NumericCodegen.Ineligible("calls " + callee.name() + ", which returns a bool");
      }
      if (cg.code == null && e.mayEndWithoutNumber) {
        throw new NumericCodegen.Ineligible("a loop calls " + callee.name() + ", which may end without a number");
      }
      target = e.body();
      java.util.Collections.addAll(cg.reads, e.reads);
      java.util.Collections.addAll(cg.boolReads, e.boolReads);
      for (int k = 0; k < e.tensorReads.length; k++) {
        Integer had = cg.tensorGlobals.putIfAbsent(e.tensorReads[k], e.tensorReadRanks[k]);
        if (had != null && had != e.tensorReadRanks[k]) {
          throw new NumericCodegen.Ineligible("a global tensor indexed with different ranks");
        }
      }
      for (int k = 0; k < e.guardGlobals.length; k++) {
        cg.guards.put(e.guardGlobals[k], e.guardValues[k]);
      }
      cg.mayEndWithoutNumber |= e.mayEndWithoutNumber;
    }
    if (g != null) {
      cg.guards.put(g.g, cc);
      cg.getConstant(g.g, GLOBAL_D);
      cg.getConstant(cc, OBJECT_D);
      cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "callee", "(" + GLOBAL_D + OBJECT_D + ")V", false);
    }
    int below = 1;
    if (target != null) {
      cg.getConstant(target, MH_D);
      below++;
    }
    cg.mv.visitVarInsn(ALOAD, 0);
    if (withCaptures) {
      if (g != null) {
        cg.getConstant(g.g, GLOBAL_D);
        cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturesOf", "(" + GLOBAL_D + ")[Ljava/lang/Object;", false);
      } else {
        cg.mv.visitVarInsn(ALOAD, 1);
        cg.mv.visitLdcInsn(local.slot);
        cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturesIn", "(L" + FRAME + ";I)[Ljava/lang/Object;", false);
      }
      below++;
    }
    cg.stacked += below;
    for (Node a : c.args) {
      cg.num(a);
      cg.stacked++;
    }
    cg.stacked -= below + c.args.length;
    cg.tick(c.loc);
    cg.mv.visitVarInsn(ALOAD, 0);
    cg.getConstant(c.loc, LOC_D);
    cg.mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "enter", "(" + LOC_D + ")V", false);
    cg.mv.visitLdcInsn(cg.cls.site(callee.name(), c.loc));
    cg.mv.visitVarInsn(ISTORE, cg.siteLocal);
    if (target == null) {
      cg.mv.visitMethodInsn(INVOKESTATIC, SELF, "body", cg.cls.bodyDesc, false);
    } else {
      cg.mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", NumericClassFile.bodyDescriptor(cc.params.length, withCaptures), false);
    }
    cg.mv.visitInsn(ICONST_M1);
    cg.mv.visitVarInsn(ISTORE, cg.siteLocal);
    cg.mv.visitVarInsn(ALOAD, 0);
    cg.mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "exit", "()V", false);
  }

  /**
   * A read of a captured variable as a number: a function reads its closure's cell (its second
   * argument) and deoptimises when the cell holds no number; a loop reads its frame's cell, which
   * {@link NumericLoop#ready} checked (nothing a translated loop runs can assign it).
   */
  void captured(VariableNodes.CaptureGet c) {
    if (cg.code != null) {
      cg.mv.visitVarInsn(ALOAD, 1);
      cg.mv.visitLdcInsn(c.index);
      cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "captured", "([Ljava/lang/Object;I)D", false);
    } else {
      cg.slots.capturesRead.set(c.index);
      cg.mv.visitVarInsn(ALOAD, 1);
      cg.mv.visitLdcInsn(c.index);
      cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturedInLoop", "(L" + FRAME + ";I)D", false);
    }
  }
}
