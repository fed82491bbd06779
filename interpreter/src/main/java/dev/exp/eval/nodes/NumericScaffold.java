package dev.exp.eval.nodes;

import static dev.exp.eval.nodes.NumericClassFile.ENTRY;
import static dev.exp.eval.nodes.NumericClassFile.ERROR;
import static dev.exp.eval.nodes.NumericClassFile.FRAME;
import static dev.exp.eval.nodes.NumericClassFile.LOC_D;
import static org.objectweb.asm.Opcodes.*;

import dev.exp.tensor.Tensor;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;

/**
 * The static {@code body} method around the walk of a translation ({@link NumericCodegen}; the
 * class around it is {@link NumericClassFile}): for a function, the locals' initial values, the
 * result as a number, a bool or a deoptimisation, and the handler that records the script frames of
 * an error; for a loop, the prologue that loads the frame's variables into JVM locals and the
 * write-back of those it changed, on the way out and on an exception.
 */
final class NumericScaffold {
  private final NumericCodegen cg;

  NumericScaffold(NumericCodegen cg) {
    this.cg = cg;
  }

  void body() throws NumericCodegen.Ineligible {
    cg.mv.visitCode();
    Label prologue = new Label();
    Label entry = new Label();
    cg.mv.visitJumpInsn(GOTO, prologue);   // the tensors indexed are loaded first (known after the walk)
    cg.mv.visitLabel(entry);
    for (int s = cg.arity; s < cg.code.frameSize; s++) {
      cg.mv.visitInsn(DCONST_0);
      cg.mv.visitVarInsn(DSTORE, cg.local(s));
    }
    cg.mv.visitInsn(ICONST_M1);
    cg.mv.visitVarInsn(ISTORE, cg.siteLocal);
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    cg.mv.visitTryCatchBlock(start, end, handler, ERROR);
    cg.mv.visitLabel(start);
    Node body = cg.code.body;
    int result = cg.kind(body);
    if (result == NumericCodegen.NUM) {
      cg.num(body);
      cg.mv.visitInsn(DRETURN);
    } else if (result == NumericCodegen.BOOL) {
      cg.boolResult = true;   // a predicate (x => x % 3 == 0): 1 or 0, which the closure returns as a bool
      cg.boolValue(body);
      cg.mv.visitInsn(I2D);
      cg.mv.visitInsn(DRETURN);
    } else {
      cg.statement(body);
      cg.mayEndWithoutNumber = true;
      deopt();   // the body ends without a number: the tree gives its value
    }
    cg.mv.visitLabel(end);
    cg.mv.visitLabel(handler);
    cg.mv.visitVarInsn(ILOAD, cg.siteLocal);
    cg.cls.getSites(cg.mv);
    cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "unwind",
        "(L" + ERROR + ";I[Ljava/lang/String;[" + LOC_D + ")L" + ERROR + ";", false);
    cg.mv.visitInsn(ATHROW);
    cg.mv.visitLabel(prologue);
    cg.elements.emitHoists();
    cg.mv.visitJumpInsn(GOTO, entry);
    cg.mv.visitMaxs(0, 0);
    cg.mv.visitEnd();
  }

  /**
   * A loop's code: the prologue (at the end, reached by a jump: only then are the variables it must
   * load known) loads the frame's numbers into JVM locals; the loop runs; the variables it changed
   * are written back on the way out, normally or by an exception.
   */
  void loopBody() throws NumericCodegen.Ineligible {
    cg.mv.visitCode();
    Label prologue = new Label();
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    cg.mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
    cg.mv.visitJumpInsn(GOTO, prologue);
    cg.mv.visitLabel(start);
    if (cg.loopNode instanceof ControlNodes.For f) {
      if (f.second != null || f.first.captured) {
        throw new NumericCodegen.Ineligible("a for loop over pairs or with a captured variable");
      }
      cg.loops.countedLoop(f, 2, 4, 6, 8);   // runFor's (from, step, count, start)
    } else {
      cg.statement(cg.loopNode);
    }
    cg.mv.visitLabel(end);
    writeBack();
    cg.mv.visitInsn(RETURN);
    cg.mv.visitLabel(handler);
    cg.mv.visitVarInsn(ILOAD, cg.siteLocal);
    cg.cls.getSites(cg.mv);
    cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "unwindAny",
        "(Ljava/lang/Throwable;I[Ljava/lang/String;[" + LOC_D + ")Ljava/lang/Throwable;", false);
    writeBack();
    cg.mv.visitInsn(ATHROW);
    cg.mv.visitLabel(prologue);
    for (int s = 0; s < cg.frameSize; s++) {
      boolean bool = cg.slots.holdsBool(s);
      if (cg.slots.isInput(s)) {
        cg.mv.visitVarInsn(ALOAD, 1);
        cg.mv.visitLdcInsn(s);
        if (cg.slots.isTensor(s)) {
          cg.mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TensorElements.class), "slot",
              "(L" + FRAME + ";I)L" + Type.getInternalName(Tensor.class) + ";", false);
          cg.mv.visitVarInsn(ASTORE, cg.local(s));
        } else if (bool) {
          cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "slotBool", "(L" + FRAME + ";I)Z", false);
          cg.mv.visitVarInsn(ISTORE, cg.local(s));
        } else {
          cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "slot", "(L" + FRAME + ";I)D", false);
          cg.mv.visitVarInsn(DSTORE, cg.local(s));
        }
      } else if (cg.slots.declared.get(s)) {
        cg.mv.visitInsn(DCONST_0);   // any value: every read of a declared slot follows its store
        cg.mv.visitVarInsn(DSTORE, cg.local(s));
      }
    }
    cg.elements.emitHoists();
    cg.mv.visitInsn(ICONST_M1);
    cg.mv.visitVarInsn(ISTORE, cg.siteLocal);
    cg.mv.visitJumpInsn(GOTO, start);
    cg.mv.visitMaxs(0, 0);
    cg.mv.visitEnd();
  }

  /** Writes the frame variables the loop changed (declared before it) back to the frame. */
  void writeBack() {
    for (int s = cg.slots.written.nextSetBit(0); s >= 0; s = cg.slots.written.nextSetBit(s + 1)) {
      if (!cg.slots.declared.get(s)) {
        cg.mv.visitVarInsn(ALOAD, 1);
        cg.mv.visitLdcInsn(s);
        if (cg.slots.holdsBool(s)) {
          cg.mv.visitVarInsn(ILOAD, cg.local(s));
          cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "storeBool", "(L" + FRAME + ";IZ)V", false);
        } else {
          cg.mv.visitVarInsn(DLOAD, cg.local(s));
          cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "store", "(L" + FRAME + ";ID)V", false);
        }
      }
    }
  }

  private void deopt() {
    cg.mv.visitMethodInsn(INVOKESTATIC, ENTRY, "deopt", "()L" + ENTRY + "$Deopt;", false);
    cg.mv.visitInsn(ATHROW);
  }
}
