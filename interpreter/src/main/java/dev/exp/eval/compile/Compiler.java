package dev.exp.eval.compile;

import dev.exp.eval.nodes.CollectionNodes;
import dev.exp.eval.nodes.ControlNodes;
import dev.exp.eval.nodes.FunctionCode;
import dev.exp.eval.nodes.FunctionNodes;
import dev.exp.eval.nodes.FusedNodes;
import dev.exp.eval.nodes.LocalVar;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.NumericWarmUp;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.eval.runtime.Globals;
import dev.exp.syntax.Ast;
import dev.exp.syntax.CompileError;
import dev.exp.syntax.Loc;
import dev.exp.syntax.Problem;
import dev.exp.syntax.SourceText;
import dev.exp.text.FormatSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Code generator: one walk over the AST that resolves every name through its {@link Resolver} (a
 * frame slot, a captured cell, a global cell or a builtin), reports all static errors together
 * (the resolver's, and misplaced {@code break}/{@code return}/{@code report}, bad calls) and emits
 * the executable node tree.
 */
public final class Compiler {
  private final SourceText source;
  private final List<Problem> errors = new ArrayList<>();
  /** What each name means where it is compiled (scopes, globals, builtins). */
  final Resolver names;
  /** Signatures of the program's top-level {@code fn}s (immutable globals): calls to them are checked statically. */
  private final StaticCalls calls = new StaticCalls();
  /** Strings appended to in the loops being compiled ({@link TextAppends}). */
  final TextBuffers textBuffers = new TextBuffers(this);
  /**
   * Where the construct being compiled sits: {@link #DIRECT_RETURN} when a {@code return} there
   * reaches its function body through blocks and {@code if} branches only, {@link #DIRECT_LOOP}
   * likewise for {@code break}/{@code continue} and the innermost loop body. Such jumps are
   * completion codes; others throw. Consumed by {@link #expr}, {@link #stmt} and {@link #block}.
   */
  private int direct;
  /** Jumps compiled as completion codes so far (a block stops after a statement that added one). */
  private int directJumps;
  static final int DIRECT_RETURN = 1;
  static final int DIRECT_LOOP = 2;
  public Compiler(SourceText source, Globals globals, Map<String, Object> builtins) {
    this(source, globals, builtins, null);
  }

  /** With {@code freeNames} non-null, undefined names are collected there instead of reported (checking a script without its host's globals). */
  public Compiler(SourceText source, Globals globals, Map<String, Object> builtins, Set<String> freeNames) {
    this.source = source;
    this.names = new Resolver(globals, builtins, freeNames, this::error);
  }

  /** The compiled top level of a program. */
  public record CompiledProgram(Node body, int frameSize) {}

  public CompiledProgram compileProgram(Ast.Program program) {
    List<Node> hoisted = new ArrayList<>();
    List<Node> body = new ArrayList<>();
    for (Ast.Stmt s : program.statements()) {
      names.declareTopLevel(s, calls);
    }
    for (Ast.Stmt s : program.statements()) {
      if (s instanceof Ast.FnDecl d) {
        GlobalVar g = names.global(d.name());
        hoisted.add(new VariableNodes.GlobalSet(d.loc(), g, fnDecl(d), true));
      }
    }
    for (int i = 0; i < program.statements().size(); i++) {
      Ast.Stmt s = program.statements().get(i);
      if (!(s instanceof Ast.FnDecl)) {
        danglingSign(program.statements(), i);
        body.add(stmt(s));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw new CompileError(errors, false);
    }
    List<Node> all = new ArrayList<>(hoisted);
    all.addAll(body);
    return new CompiledProgram(new ControlNodes.Block(Loc.NONE, all.toArray(new Node[0]), false), names.scope().maxSlots);
  }

  // ---------------------------------------------------------------- errors

  /** Statement {@code i} of {@code block} when it starts with a sign that likely meant to continue the line above. */
  private void danglingSign(List<Ast.Stmt> block, int i) {
    Ast.Stmt s = block.get(i);
    String problem = DanglingSign.problem(s, i == block.size() - 1, i > 0 ? block.get(i - 1) : null,
        source.line(s.loc().line()));
    if (problem != null) {
      error(((Ast.ExprStmt) s).expr().loc(), problem);   // at the sign
    }
  }

  private void error(Loc loc, String message) {
    if (errors.size() < 50) {
      errors.add(new Problem(loc.file(), loc.line(), loc.col(), loc.length(), message, source.line(loc.line())));
    }
  }

  /** A call's callee: a name there is resolved as any name, but suggested among callables only. */
  Node callee(Ast.Expr e) {
    if (!(e instanceof Ast.Name n)) {
      return expr(e);
    }
    direct = 0;   // as expr does for a name
    return names.read(n.loc(), n.name(), true);
  }

  // ---------------------------------------------------------------- statements

  private Node stmt(Ast.Stmt s) {
    int d = direct;
    direct = 0;
    if (s instanceof Ast.ExprStmt e) {
      direct = d;
      return expr(e.expr());
    }
    if (s instanceof Ast.Let l) {
      Ast.Expr init = l.value();
      if (init instanceof Ast.Lambda lam && lam.name() == null) {
        init = new Ast.Lambda(lam.loc(), l.name(), lam.params(), lam.body());   // name it for errors and stacks
      }
      Node value = expr(init);
      if (names.atTopLevel()) {
        names.defined(l.name());
        GlobalVar g = names.global(l.name());
        textBuffers.declared(g, l);
        CallCompiler.declared(this, g, l);
        return new VariableNodes.GlobalSet(l.loc(), g, value, true);
      }
      LocalVar v = names.declareLocal(l.name(), l.mutable(), l.loc());
      textBuffers.declared(v, l);
      CallCompiler.declared(this, v, l);
      return new VariableNodes.LocalDeclare(l.loc(), v, value);
    }
    if (s instanceof Ast.FnDecl fd) {
      if (names.atTopLevel()) {
        return new VariableNodes.GlobalSet(fd.loc(), names.global(fd.name()), fnDecl(fd), true);
      }
      LocalVar v = names.declareLocal(fd.name(), false, fd.loc(), BindingRoles.FUNCTION);
      return new VariableNodes.LocalDeclare(fd.loc(), v, fnDecl(fd));
    }
    if (s instanceof Ast.Import im) {
      if (!names.atTopLevel()) {
        error(im.loc(), "import is only allowed at the top level of a script");
        return new VariableNodes.Const(im.loc(), null);
      }
      names.defined(im.alias());
      GlobalVar g = names.global(im.alias());
      return new VariableNodes.GlobalSet(im.loc(), g, new VariableNodes.Import(im.loc(), im.path(), im.alias()), true);
    }
    if (s instanceof Ast.Assign a) {
      return AssignCompiler.compile(this, a);
    }
    if (s instanceof Ast.For f) {
      List<TextBuffers.Buffer> texts = textBuffers.start(f);
      Node src = expr(f.source());
      names.pushBlock();
      LocalVar first = names.declareLocal(f.vars().get(0), false, f.loc(), BindingRoles.LOOP);
      LocalVar second = f.vars().size() > 1 ? names.declareLocal(f.vars().get(1), false, f.loc(), BindingRoles.LOOP) : null;
      names.scope().loopDepth++;
      direct = (d & DIRECT_RETURN) | DIRECT_LOOP;
      Node body = block(f.body());
      names.scope().loopDepth--;
      names.popBlock();
      NumericWarmUp.start();   // code the numeric tier may translate: ready its machinery meanwhile
      return textBuffers.end(texts, new ControlNodes.For(f.loc(), src, first, second, body));
    }
    if (s instanceof Ast.While w) {
      List<TextBuffers.Buffer> texts = textBuffers.start(w);
      Node cond = expr(w.cond());
      names.scope().loopDepth++;
      direct = (d & DIRECT_RETURN) | DIRECT_LOOP;
      Node body = block(w.body());
      names.scope().loopDepth--;
      NumericWarmUp.start();   // code the numeric tier may translate: ready its machinery meanwhile
      return textBuffers.end(texts, new ControlNodes.While(w.loc(), cond, body));
    }
    if (s instanceof Ast.Break b) {
      if (names.scope().loopDepth == 0) {
        error(b.loc(), "'break' outside a loop");
      }
      return new ControlNodes.Break(b.loc(), jump(d, DIRECT_LOOP));
    }
    if (s instanceof Ast.Continue c) {
      if (names.scope().loopDepth == 0) {
        error(c.loc(), "'continue' outside a loop");
      }
      return new ControlNodes.Continue(c.loc(), jump(d, DIRECT_LOOP));
    }
    if (s instanceof Ast.Return r) {
      if (names.scope().topLevel()) {
        error(r.loc(), "'return' outside a function");
      }
      Node value = r.value() == null ? null : expr(r.value());
      return new ControlNodes.Return(r.loc(), value, jump(d, DIRECT_RETURN));
    }
    if (s instanceof Ast.Report r) {
      if (!names.scope().inExperiment) {
        error(r.loc(), "'report' is only allowed in the body of an experiment");
        return new VariableNodes.Const(r.loc(), null);
      }
      return ExperimentCompiler.report(this, r);
    }
    if (s instanceof Ast.Sweep || s instanceof Ast.Repeat) {
      error(s.loc(), "'" + (s instanceof Ast.Sweep ? "sweep" : "repeat")
          + "' is only allowed at the start of an experiment body");
      return new VariableNodes.Const(s.loc(), null);
    }
    throw new IllegalStateException("unknown statement " + s);
  }

  Node block(Ast.BlockExpr b) {
    int d = direct;
    direct = 0;
    names.pushBlock();
    List<Node> nodes = new ArrayList<>();
    boolean jumps = false;
    for (int si = 0; si < b.statements().size(); si++) {
      Ast.Stmt s = b.statements().get(si);
      if (s instanceof Ast.FnDecl fd) {
        // declare first so the function can call itself
        LocalVar v = names.declareLocal(fd.name(), false, fd.loc(), BindingRoles.FUNCTION);
        nodes.add(new VariableNodes.LocalDeclare(fd.loc(), v, fnDecl(fd)));
        continue;
      }
      int before = directJumps;
      direct = d;
      danglingSign(b.statements(), si);
      nodes.add(stmt(s));   // every statement node but an expression's evaluates to none
      jumps |= directJumps != before;
    }
    direct = 0;
    names.popBlock();
    if (nodes.size() == 1) {
      return nodes.get(0);
    }
    return new ControlNodes.Block(b.loc(), nodes.toArray(new Node[0]), jumps);
  }

  /** Whether a jump compiled where {@code d} holds is a completion code (counted) or must throw. */
  private boolean jump(int d, int kind) {
    if ((d & kind) != 0) {
      directJumps++;
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- expressions

  Node expr(Ast.Expr e) {
    int d = direct;
    direct = 0;
    if (e instanceof Ast.Num n) {
      return new VariableNodes.Const(n.loc(), n.value());
    }
    if (e instanceof Ast.Imag n) {
      return new VariableNodes.Const(n.loc(), new dev.exp.tensor.Complex(0, n.value()));
    }
    if (e instanceof Ast.Str s) {
      return new VariableNodes.Const(s.loc(), s.value());
    }
    if (e instanceof Ast.Bool b) {
      return new VariableNodes.Const(b.loc(), b.value());
    }
    if (e instanceof Ast.NoneLit n) {
      return new VariableNodes.Const(n.loc(), null);
    }
    if (e instanceof Ast.Name n) {
      return names.read(n.loc(), n.name(), false);
    }
    if (e instanceof Ast.Interp in) {
      Node[] holes = new Node[in.holes().size()];
      FormatSpec[] specs = new FormatSpec[holes.length];
      for (int i = 0; i < holes.length; i++) {
        holes[i] = expr(in.holes().get(i));
        String spec = in.specs().get(i);
        specs[i] = spec == null ? null : FormatSpec.parse(spec);
      }
      return new CollectionNodes.Interp(in.loc(), in.texts().toArray(new String[0]), holes, specs);
    }
    if (e instanceof Ast.ListLit l) {
      Node[] elems = new Node[l.elements().size()];
      boolean nested = !l.elements().isEmpty();
      for (int i = 0; i < elems.length; i++) {
        Ast.Expr el = l.elements().get(i);
        elems[i] = expr(el);
        nested &= el instanceof Ast.ListLit;
      }
      return new CollectionNodes.ListLit(l.loc(), elems, nested);
    }
    if (e instanceof Ast.RecordLit r) {
      Node[] values = new Node[r.values().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = expr(r.values().get(i));
      }
      return new CollectionNodes.RecordLit(r.loc(), r.names().toArray(new String[0]), values);
    }
    if (e instanceof Ast.Comprehension c) {
      return ComprehensionCompiler.compile(this, c);
    }
    if (e instanceof Ast.If i) {
      Node cond = expr(i.cond());
      direct = d;
      Node then = expr(i.then());
      direct = d;
      Node otherwise = i.otherwise() == null ? null : expr(i.otherwise());
      direct = 0;
      return new ControlNodes.If(i.loc(), cond, then, otherwise);
    }
    if (e instanceof Ast.BlockExpr b) {
      direct = d;
      return block(b);
    }
    if (e instanceof Ast.Lambda l) {
      return lambda(l);
    }
    if (e instanceof Ast.Call c) {
      Node fused = FusedNodes.tryFuse(this::compileHere, names::resolvesToBuiltin, e); // element-wise fusion (FusedNodes)
      return fused != null ? fused : CallCompiler.call(this, c);
    }
    if (e instanceof Ast.Pipe p) {
      return CallCompiler.pipe(this, p);
    }
    if (e instanceof Ast.Index ix) {
      return CallCompiler.index(this, ix);
    }
    if (e instanceof Ast.Member m) {
      return CallCompiler.member(this, m);
    }
    Node op = OperatorCompiler.compile(this, e);
    if (op != null) {
      return op;
    }
    if (e instanceof Ast.Experiment x) {
      return ExperimentCompiler.compile(this, x);
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  /** The static checks of calls to the program's own functions. */
  StaticCalls calls() {
    return calls;
  }

  /** Compiles a function literal or declaration into a closure-creating node. */
  Node lambda(Ast.Lambda l) {
    return new FunctionNodes.MakeClosure(l.loc(), function(l.name(), l.loc(), l.params(), l.body(), false));
  }

  /** A {@code fn} statement's closure; its code keeps the statement's text (see {@link FunctionCode#sourceText}). */
  private Node fnDecl(Ast.FnDecl d) {
    Ast.Lambda l = d.fn();
    FunctionCode code = function(l.name(), l.loc(), l.params(), l.body(), false);
    code.sourceText = d.sourceText();
    return new FunctionNodes.MakeClosure(l.loc(), code);
  }

  /** The lets bound to a comparison (their LocalVar or GlobalVar) and the line of each: as an index they are no mask. */
  final Map<Object, Integer> comparisons = new java.util.IdentityHashMap<>();

  /** The metric names the experiment body being compiled reports, in source order (null outside one). */
  java.util.Set<String> experimentReports;

  /** The function being compiled (the trial function inside an experiment body). */
  FunctionCode currentFunction() {
    return names.scope().code;
  }

  /** Compiles a function body in a new function scope. */
  FunctionCode function(String name, Loc loc, List<Ast.Param> params, Ast.Expr body, boolean experiment) {
    String[] paramNames = new String[params.size()];
    Node[] defaults = new Node[params.size()];
    LocalVar[] vars = new LocalVar[params.size()];
    NumericWarmUp.start();   // code the numeric tier may translate: ready its machinery meanwhile
    FunctionCode code = new FunctionCode(name, loc, paramNames, defaults, vars);
    code.sig = StaticCalls.signatureOf(name, params);
    FunctionScope saved = names.enterFunction(code, experiment);
    Ast.Param withDefault = null;
    for (int i = 0; i < params.size(); i++) {
      Ast.Param p = params.get(i);
      paramNames[i] = p.name();
      // a trial's parameters (its swept values and seed) are the row's columns: not assignable
      vars[i] = experiment
          ? names.declareLocal(p.name(), false, p.loc(), p.name().equals("seed") ? BindingRoles.SEED : BindingRoles.SWEPT)
          : names.declareLocal(p.name(), true, p.loc());
      if (p.dflt() != null) {
        withDefault = withDefault == null ? p : withDefault;
      } else if (withDefault != null) {
        error(p.loc(), "parameter '" + p.name() + "' needs a default: it follows '" + withDefault.name()
            + "', which has one (parameters with defaults come last)");
      }
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).dflt() != null) {
        defaults[i] = expr(params.get(i).dflt());
      }
    }
    int savedDirect = direct;
    direct = DIRECT_RETURN;
    code.body = expr(experiment ? body : TailReturns.rewrite(body));
    direct = savedDirect;
    code.frameSize = names.scope().maxSlots;
    for (LocalVar v : vars) {
      code.capturedParams |= v.captured;
    }
    code.captures = names.scope().captures.toArray(new FunctionCode.CaptureSource[0]);
    names.exitFunction(saved);
    return code;
  }

  /** Compiles {@code e} in the current scope (used by the experiment compiler). */
  public Node compileHere(Ast.Expr e) {
    return expr(e);
  }

  void reportError(Loc loc, String message) {
    error(loc, message);
  }
}
