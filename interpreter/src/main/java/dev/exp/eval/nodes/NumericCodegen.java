package dev.exp.eval.nodes;

import static org.objectweb.asm.Opcodes.*;

import dev.exp.eval.runtime.GlobalVar;
import dev.exp.syntax.Loc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates the node tree of one numeric function into a hidden class (see {@link NumericTier} for
 * what qualifies). The function becomes a static method {@code body(Context, double...) double}:
 * every frame slot is a JVM {@code double} local, arithmetic and comparisons are JVM instructions,
 * {@code if}/{@code while}/{@code for} are branches, {@code return}/{@code break}/{@code continue}
 * are jumps, a call to itself is an {@code invokestatic} and a call to another compiled function a
 * constant {@link MethodHandle}. Limits stay exactly where the tree checks them: {@code tick} at
 * every call and loop iteration, {@code enter}/{@code exit} around calls. Anything outside that
 * subset makes the translation fail with {@link Ineligible}, and the function stays in the tree.
 *
 * <p>The translation walks the tree once: the walk is the eligibility check. Parts of it are in
 * {@link NumericElements}, {@link NumericBuiltins}, {@link NumericCalls} and {@link NumericLoops},
 * and the method around it in {@link NumericScaffold}.
 */
final class NumericCodegen {
  /** The node tree holds something the tier does not translate (the reason, for the log). */
  static final class Ineligible extends Exception {
    private static final long serialVersionUID = 1L;

    Ineligible(String why) {
      super(why, null, false, false);
    }
  }

  private static final String ENTRY = NumericClassFile.ENTRY;
  private static final String CTX = NumericClassFile.CTX;
  private static final String LOC_D = NumericClassFile.LOC_D;
  private static final String GLOBAL_D = NumericClassFile.GLOBAL_D;
  private static final String FRAME = NumericClassFile.FRAME;

  static final int NUM = 1;
  static final int BOOL = 2;
  private static final int VOID = 3;
  /** Control never reaches the end (return, break, continue). */
  private static final int DIVERGE = 4;

  /** The function being translated; null for a loop. */
  final FunctionCode code;
  /** The loop being translated ({@link ControlNodes.For} or {@link ControlNodes.While}); null for a function. */
  final Node loopNode;
  final int frameSize;
  final NumericTier.Compiling compiling;
  final int arity;
  /** Whether the function reads captured variables (its {@code body} then takes its closure's cells). */
  private final boolean captures;
  /** JVM local of frame slot 0 (slot s is at base + 2s). */
  private final int base;
  /** The kinds of the frame slots, and what a loop reads, writes and declares. */
  final NumericSlots slots;
  /** The tensor-element part of the walk. */
  final NumericElements elements = new NumericElements(this);
  /** The part of the walk for calls of builtins and kernels. */
  private final NumericBuiltins builtins = new NumericBuiltins(this);
  /** The part of the walk for calls of script functions and reads of captured variables. */
  private final NumericCalls calls = new NumericCalls(this);
  /** The loops: {@code while}, {@code for} over a range, {@code break} and {@code continue}. */
  final NumericLoops loops = new NumericLoops(this);
  /** The method around the walk: prologue, result, exception handler, a loop's write-back. */
  private final NumericScaffold scaffold = new NumericScaffold(this);
  /** The class being built: its constants, call sites and scaffolding. */
  final NumericClassFile cls;
  /** Globals holding real tensors that are indexed (with their ranks), and those written into. */
  final Map<GlobalVar, Integer> tensorGlobals = new IdentityHashMap<>();
  final java.util.Set<GlobalVar> tensorGlobalsWritten = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Globals read as numbers and as bools (here and in the functions called), and the callee guards. */
  final java.util.Set<GlobalVar> reads = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  final java.util.Set<GlobalVar> boolReads = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  final Map<GlobalVar, Object> guards = new IdentityHashMap<>();
  boolean mayEndWithoutNumber;
  /** Whether the loop assigns a global (an experiment trial may not: its loops then run in the tree, which says so). */
  boolean writesGlobals;
  /** Whether the function's body is a bool (returned as 1 or 0). */
  boolean boolResult;
  MethodVisitor mv;
  /** Values on the operand stack below the code being emitted: a jump out of a loop may not leave any. */
  int stacked;
  /** JVM local holding the call site running (-1 between calls), for the script frames of an error. */
  final int siteLocal;
  int nextLocal;

  private NumericCodegen(FunctionCode code, Node loopNode, Object[] frameSlots, int frameSize, NumericTier.Compiling compiling) {
    this.code = code;
    this.loopNode = loopNode;
    this.frameSize = frameSize;
    this.compiling = compiling;
    if (code != null) {
      this.arity = code.params.length;
      this.captures = code.captures.length > 0;
      this.base = captures ? 2 : 1;   // (ctx, [captures,] args...)
      this.cls = new NumericClassFile(ENTRY, NumericClassFile.bodyDescriptor(arity, captures));
    } else {
      this.arity = 0;
      this.captures = false;
      boolean isFor = loopNode instanceof ControlNodes.For;
      this.base = isFor ? 10 : 2;   // (ctx, frame, from, step, count, start) or (ctx, frame)
      this.cls = new NumericClassFile(NumericClassFile.LOOP, isFor ? NumericClassFile.FOR_DESC : NumericClassFile.WHILE_DESC);
    }
    this.slots = new NumericSlots(arity, frameSlots);
    this.siteLocal = base + 2 * frameSize;
    this.nextLocal = siteLocal + 1;
  }

  /** Translates and loads {@code code}; {@link Ineligible} when it is outside the numeric subset. */
  static NumericEntry compile(FunctionCode code, NumericTier.Compiling compiling) throws Ineligible {
    NumericCodegen g = new NumericCodegen(code, null, null, code.frameSize, compiling);
    g.emit();
    try {
      NumericEntry entry = (NumericEntry) g.cls.define(true, g.arity, g.captures, false);
      entry.lookup = g.cls.lookup;
      entry.bodyType = MethodType.fromMethodDescriptorString(g.cls.bodyDesc, NumericCodegen.class.getClassLoader());
      entry.reads = g.reads.toArray(new GlobalVar[0]);
      entry.boolReads = g.boolReads.toArray(new GlobalVar[0]);
      entry.tensorReads = g.tensorGlobals.keySet().toArray(new GlobalVar[0]);
      entry.tensorReadRanks = g.tensorGlobals.values().stream().mapToInt(Integer::intValue).toArray();
      entry.guardGlobals = g.guards.keySet().toArray(new GlobalVar[0]);
      entry.guardValues = g.guards.values().toArray();
      entry.mayEndWithoutNumber = g.mayEndWithoutNumber;
      entry.boolResult = g.boolResult;
      return entry;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("numeric tier: cannot load the code of " + code.name, t);
    }
  }

  /** Translates and loads one loop of a frame with {@code frameSize} slots. */
  static NumericLoop compileLoop(Node loop, Object[] frameSlots, NumericTier.Compiling compiling) throws Ineligible {
    NumericCodegen g = new NumericCodegen(null, loop, frameSlots, frameSlots.length, compiling);
    g.emit();
    try {
      NumericLoop l = (NumericLoop) g.cls.define(false, 0, false, loop instanceof ControlNodes.For);
      g.slots.inputsOf(l);
      l.tensorGlobals = g.tensorGlobals.keySet().toArray(new GlobalVar[0]);
      l.tensorGlobalRanks = g.tensorGlobals.values().stream().mapToInt(Integer::intValue).toArray();
      l.tensorGlobalWritten = new boolean[l.tensorGlobals.length];
      for (int k = 0; k < l.tensorGlobals.length; k++) {
        l.tensorGlobalWritten[k] = g.tensorGlobalsWritten.contains(l.tensorGlobals[k]);
      }
      l.reads = g.reads.toArray(new GlobalVar[0]);
      l.boolReads = g.boolReads.toArray(new GlobalVar[0]);
      l.writesGlobals = g.writesGlobals || !g.tensorGlobalsWritten.isEmpty();
      l.guardGlobals = g.guards.keySet().toArray(new GlobalVar[0]);
      l.guardValues = g.guards.values().toArray();
      return l;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("numeric tier: cannot load a loop at " + loop.loc, t);
    }
  }

  /** Emits the static {@code body}: the walk of the tree that is also the eligibility check. */
  private void emit() throws Ineligible {
    if (code != null && code.capturedParams) {
      throw new Ineligible("an inner function captures its parameters");
    }
    mv = cls.body();
    if (code != null) {
      scaffold.body();
    } else {
      scaffold.loopBody();
    }
  }

  void getConstant(Object value, String type) {
    cls.get(mv, value, type);
  }

  // ------------------------------------------------------------------ the walk

  int local(int slot) {
    if (slot >= frameSize) {
      throw new IllegalStateException("slot " + slot + " outside a frame of " + frameSize);
    }
    return base + 2 * slot;
  }

  void tick(Loc loc) {
    mv.visitVarInsn(ALOAD, 0);
    getConstant(loc, LOC_D);
    mv.visitMethodInsn(INVOKEVIRTUAL, CTX, "tick", "(" + LOC_D + ")V", false);
  }

  /** What a node evaluates to, as far as the translation is concerned. */
  int kind(Node n) {
    if (n instanceof VariableNodes.Const k) {
      return k.isNum ? NUM : k.value instanceof Boolean ? BOOL : VOID;
    }
    if (n instanceof VariableNodes.GlobalGet g) {
      return g.g.value instanceof Boolean ? BOOL : NUM;
    }
    if (n instanceof FusedNodes.Fused f) {
      return kind(f.plain);
    }
    if (n instanceof FusedNodes.ProbedLeaf p) {
      return kind(p.leaf());
    }
    if (n instanceof VariableNodes.LocalGet g) {
      return !g.v.captured && slots.guessBool(g.slot) ? BOOL : NUM;
    }
    if (n instanceof VariableNodes.CaptureGet) {
      return NUM;   // read as a number; a captured bool fails the read's check (see captured)
    }
    if (n instanceof Arithmetic.Op || n instanceof OperatorNodes.Negate || n instanceof OperatorNodes.Plus
        || n instanceof AccessNodes.Call || n instanceof AccessNodes.ConstCall || n instanceof AccessNodes.Index) {
      return NUM;
    }
    if (n instanceof Comparisons.Op || n instanceof OperatorNodes.Not || n instanceof OperatorNodes.And
        || n instanceof OperatorNodes.Or) {
      return BOOL;
    }
    if (n instanceof ControlNodes.If i) {
      int t = kind(i.then);
      int o = i.otherwise == null ? VOID : kind(i.otherwise);
      if (t == DIVERGE) {
        return o;
      }
      if (o == DIVERGE) {
        return t;
      }
      return t == o ? t : VOID;
    }
    if (n instanceof ControlNodes.Block b) {
      return b.statements.length == 0 ? VOID : kind(b.statements[b.statements.length - 1]);
    }
    if (n instanceof ControlNodes.Return || n instanceof ControlNodes.Break || n instanceof ControlNodes.Continue) {
      return DIVERGE;
    }
    return VOID;
  }

  /** Emits {@code n} leaving its number on the operand stack. */
  void num(Node n) throws Ineligible {
    if (n instanceof VariableNodes.Const k) {
      if (!k.isNum) {
        throw new Ineligible("a constant that is not a number");
      }
      mv.visitLdcInsn(k.num);
    } else if (n instanceof VariableNodes.LocalGet g) {
      if (g.v.captured) {
        throw new Ineligible("a captured local");
      }
      if (slots.isBool(g.slot) || slots.isTensor(g.slot)) {
        throw new Ineligible("a bool or tensor variable used as a number");
      }
      slots.read.set(g.slot);
      mv.visitVarInsn(DLOAD, local(g.slot));
    } else if (n instanceof VariableNodes.CaptureGet c) {
      calls.captured(c);
    } else if (n instanceof VariableNodes.GlobalGet g) {
      if (!(g.g.value instanceof Double) && g.g.value != Frame.NUM) {
        throw new Ineligible("global '" + g.g.name + "' is not a number");
      }
      reads.add(g.g);
      getConstant(g.g, GLOBAL_D);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "global", "(" + GLOBAL_D + ")D", false);
    } else if (n instanceof FusedNodes.ProbedLeaf p) {
      num(p.leaf());
    } else if (n instanceof FusedNodes.Fused f) {
      num(f.plain);
    } else if (n instanceof Arithmetic.Op op) {
      arithmetic(op);
    } else if (n instanceof OperatorNodes.Negate neg) {
      if (neg.generic) {
        throw new Ineligible("negation of a non-number");
      }
      num(neg.operand);
      mv.visitInsn(DNEG);
    } else if (n instanceof OperatorNodes.Plus p) {
      num(p.operand);
    } else if (n instanceof AccessNodes.Call c) {
      if (c.callee instanceof VariableNodes.Const k && k.value instanceof dev.exp.eval.runtime.Callable fn) {
        builtins.call(fn, c.args, c.names, null, c.loc);
      } else {
        calls.call(c);
      }
    } else if (n instanceof AccessNodes.ConstCall c) {
      builtins.call(c.fn, c.args, null, c.plan, c.loc);
    } else if (n instanceof AccessNodes.Index ix) {
      elements.element(ix.asElement(), null);   // u[i][j] of a rank-2 tensor as u[i, j]
    } else if (n instanceof ControlNodes.If i) {
      if (i.otherwise == null) {
        throw new Ineligible("an if without else as a value");
      }
      Label otherwise = new Label();
      Label end = new Label();
      condition(i, i.cond, otherwise, false);
      branchValue(i.then);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      branchValue(i.otherwise);
      mv.visitLabel(end);
    } else if (n instanceof ControlNodes.Block b) {
      Node[] ss = b.statements;
      if (ss.length == 0) {
        throw new Ineligible("an empty block as a value");
      }
      for (int k = 0; k < ss.length - 1; k++) {
        statement(ss[k]);
      }
      branchValue(ss[ss.length - 1]);
    } else if (kind(n) == DIVERGE) {
      branchValue(n);
    } else {
      throw new Ineligible(n.getClass().getSimpleName() + " as a number");
    }
  }

  /** A value position that may also end in a jump (a branch that returns): a dummy keeps the stack shape. */
  private void branchValue(Node n) throws Ineligible {
    if (kind(n) == DIVERGE) {
      statement(n);
      mv.visitInsn(DCONST_0);   // not reached
    } else {
      num(n);
    }
  }

  /** The two numbers of a binary operator, left then right. */
  private void operands(Node left, Node right) throws Ineligible {
    num(left);
    stacked++;
    num(right);
    stacked--;
  }

  private void arithmetic(Arithmetic.Op op) throws Ineligible {
    if (op.generic) {
      throw new Ineligible("arithmetic that has seen non-numbers");
    }
    operands(op.left, op.right);
    if (op instanceof Arithmetic.Add) {
      mv.visitInsn(DADD);
    } else if (op instanceof Arithmetic.Sub) {
      mv.visitInsn(DSUB);
    } else if (op instanceof Arithmetic.Mul) {
      mv.visitInsn(DMUL);
    } else if (op instanceof Arithmetic.Div) {
      mv.visitInsn(DDIV);
    } else if (op instanceof Arithmetic.Mod) {
      mv.visitMethodInsn(INVOKESTATIC, "dev/exp/tensor/op/BinaryOp", "floorMod", "(DD)D", false);
    } else if (op instanceof Arithmetic.Pow) {
      mv.visitMethodInsn(INVOKESTATIC, "dev/exp/tensor/op/BinaryOp", "pow", "(DD)D", false);
    } else {
      throw new Ineligible("operator " + op.op);
    }
  }

  /** Jumps to {@code target} when the bool {@code n} equals {@code when}; falls through otherwise. */
  void condition(Node owner, Node n, Label target, boolean when) throws Ineligible {
    if (owner instanceof ControlNodes.If i && i.genericCond || owner instanceof ControlNodes.Loop l && l.genericCond) {
      throw new Ineligible("a condition that has seen non-bools");
    }
    cond(n, target, when);
  }

  private void cond(Node n, Label target, boolean when) throws Ineligible {
    if (n instanceof FusedNodes.Fused f) {
      cond(f.plain, target, when);
    } else if (n instanceof FusedNodes.ProbedLeaf p) {
      cond(p.leaf(), target, when);
    } else if (n instanceof Comparisons.Op c) {
      if (c.generic) {
        throw new Ineligible("a comparison that has seen non-numbers");
      }
      operands(c.left, c.right);
      // DCMPG makes NaN compare greater, DCMPL smaller: either way every comparison with NaN is false
      int cmp = c.op == dev.exp.tensor.op.BinaryOp.LT || c.op == dev.exp.tensor.op.BinaryOp.LE ? DCMPG : DCMPL;
      int jump = switch (c.op) {
        case LT -> when ? IFLT : IFGE;
        case LE -> when ? IFLE : IFGT;
        case GT -> when ? IFGT : IFLE;
        case GE -> when ? IFGE : IFLT;
        case EQ -> when ? IFEQ : IFNE;
        case NE -> when ? IFNE : IFEQ;
        default -> throw new Ineligible("comparison " + c.op);
      };
      mv.visitInsn(cmp);
      mv.visitJumpInsn(jump, target);
    } else if (n instanceof OperatorNodes.Not not) {
      cond(not.operand, target, !when);
    } else if (n instanceof OperatorNodes.And and) {
      if (when) {
        Label no = new Label();
        cond(and.left, no, false);
        cond(and.right, target, true);
        mv.visitLabel(no);
      } else {
        cond(and.left, target, false);
        cond(and.right, target, false);
      }
    } else if (n instanceof OperatorNodes.Or or) {
      if (when) {
        cond(or.left, target, true);
        cond(or.right, target, true);
      } else {
        Label yes = new Label();
        cond(or.left, yes, true);
        cond(or.right, target, false);
        mv.visitLabel(yes);
      }
    } else if (n instanceof VariableNodes.LocalGet g && !g.v.captured && slots.isBool(g.slot)) {
      slots.read.set(g.slot);
      mv.visitVarInsn(ILOAD, local(g.slot));
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    } else if (n instanceof VariableNodes.CaptureGet c && code != null) {
      mv.visitVarInsn(ALOAD, 1);
      mv.visitLdcInsn(c.index);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "capturedBool", "([Ljava/lang/Object;I)Z", false);
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    } else if (n instanceof VariableNodes.GlobalGet g && g.g.value instanceof Boolean) {
      boolReads.add(g.g);
      getConstant(g.g, GLOBAL_D);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "globalBool", "(" + GLOBAL_D + ")Z", false);
      mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    } else if (n instanceof VariableNodes.Const k && k.value instanceof Boolean b) {
      if (b == when) {
        mv.visitJumpInsn(GOTO, target);
      }
    } else {
      throw new Ineligible(n.getClass().getSimpleName() + " as a condition");
    }
  }

  /** Emits {@code n} for its effect; the operand stack is as before. */
  void statement(Node n) throws Ineligible {
    if (n instanceof VariableNodes.LocalStore s) {
      boolean declaration = s instanceof VariableNodes.LocalDeclare;
      boolean bool = kind(s.value) == BOOL;
      if (s.v.captured || s.generic && !bool) {
        throw new Ineligible("a store of a captured or non-numeric local");
      }
      if (bool) {
        boolValue(s.value);
      } else {
        num(s.value);
      }
      slots.storeKind(s.slot, bool, declaration);
      if (declaration) {
        slots.declared.set(s.slot);
      }
      slots.written.set(s.slot);
      mv.visitVarInsn(bool ? ISTORE : DSTORE, local(s.slot));
    } else if (n instanceof VariableNodes.GlobalSet s && code == null && kind(s.value) == BOOL
        && s.g.value instanceof Boolean) {
      boolReads.add(s.g);   // it must hold a bool when the loop starts
      getConstant(s.g, GLOBAL_D);
      stacked++;
      boolValue(s.value);
      stacked--;
      writesGlobals = true;
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "setGlobalBool", "(" + GLOBAL_D + "Z)V", false);
    } else if (n instanceof VariableNodes.GlobalSet s && code == null) {
      // only a loop assigns globals (a function must stay free of effects)
      if (!s.typed || s.generic || !(s.g.value instanceof Double || s.g.value == Frame.NUM)) {   // typed: an assignment
        throw new Ineligible("a global store that is not a number");
      }
      reads.add(s.g);   // it must hold a number when the loop starts
      getConstant(s.g, GLOBAL_D);
      stacked++;
      num(s.value);
      stacked--;
      writesGlobals = true;
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "setGlobal", "(" + GLOBAL_D + "D)V", false);
    } else if (n instanceof AssignNodes.IndexAssign a && code == null) {
      elements.element(a.index, a);   // only a loop writes into tensors (a function must stay free of effects)
    } else if (n instanceof PathAssign p && p.elementStore != null && code == null) {
      elements.element(p.elementStore.index, p.elementStore);   // u[i][j] = v of a rank-2 tensor as u[i, j] = v
    } else if (n instanceof ControlNodes.Block b) {
      for (Node s : b.statements) {
        statement(s);
      }
    } else if (n instanceof ControlNodes.If i) {
      Label otherwise = new Label();
      condition(i, i.cond, otherwise, false);
      statement(i.then);
      if (i.otherwise == null) {
        mv.visitLabel(otherwise);
      } else {
        Label end = new Label();
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        statement(i.otherwise);
        mv.visitLabel(end);
      }
    } else if (n instanceof ControlNodes.While w) {
      loops.whileLoop(w);
    } else if (n instanceof ControlNodes.For f) {
      loops.forRange(f);
    } else if (n instanceof ControlNodes.Return r && code == null) {
      // a loop of a function that stays in the tree: hand the number to the tree's completion code
      if (!r.direct || r.value == null || kind(r.value) != NUM) {
        throw new Ineligible("a return inside a loop that is not a plain return of a number");
      }
      num(r.value);
      int v = nextLocal;
      nextLocal += 2;
      mv.visitVarInsn(DSTORE, v);
      scaffold.writeBack();
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(DLOAD, v);
      mv.visitMethodInsn(INVOKESTATIC, ENTRY, "returnFromLoop", "(L" + FRAME + ";D)V", false);
      mv.visitInsn(RETURN);
    } else if (n instanceof ControlNodes.Return r) {
      if (r.value == null || kind(r.value) != NUM) {
        throw new Ineligible("a return without a number");
      }
      num(r.value);
      mv.visitInsn(DRETURN);
    } else if (n instanceof ControlNodes.Break || n instanceof ControlNodes.Continue) {
      loops.jump(n);
    } else if (n instanceof VariableNodes.Const k && !k.isNum && !(k.value instanceof Boolean)) {
      // a statement without effect (an empty branch)
    } else {
      int k = kind(n);
      if (k == NUM) {
        num(n);
        mv.visitInsn(POP2);
      } else if (k == BOOL) {
        Label after = new Label();
        cond(n, after, true);
        mv.visitLabel(after);
      } else {
        throw new Ineligible(n.getClass().getSimpleName() + " as a statement");
      }
    }
  }

  /** Emits the bool {@code n} as an int 0 or 1 on the operand stack. */
  void boolValue(Node n) throws Ineligible {
    Label no = new Label();
    Label end = new Label();
    cond(n, no, false);
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(no);
    mv.visitInsn(ICONST_0);
    mv.visitLabel(end);
  }


}
