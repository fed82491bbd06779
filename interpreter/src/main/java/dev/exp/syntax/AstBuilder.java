package dev.exp.syntax;

import dev.exp.text.FormatSpec;
import dev.exp.grammar.ExpParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the immutable {@link Ast} from ANTLR's parse tree. */
final class AstBuilder {
  private final SourceText source;
  private final int lineOffset;
  private final int colOffset;
  private final SyntaxErrors errors;

  AstBuilder(SourceText source, int lineOffset, int colOffset, SyntaxErrors errors) {
    this.source = source;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
    this.errors = errors;
  }

  // ---------------------------------------------------------------- locations

  private Loc loc(Token t) {
    int line = t.getLine();
    int col = t.getCharPositionInLine() + 1;
    int len = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
    return new Loc(source.name(), line + lineOffset, line == 1 ? col + colOffset : col, len);
  }

  private Loc loc(ParserRuleContext ctx) {
    Loc start = loc(ctx.getStart());
    Token stop = ctx.getStop();
    int len = start.length();
    if (stop != null && stop.getLine() == ctx.getStart().getLine() && stop.getStopIndex() >= ctx.getStart().getStartIndex()) {
      len = stop.getStopIndex() - ctx.getStart().getStartIndex() + 1;
    }
    return new Loc(start.file(), start.line(), start.col(), len);
  }

  private Loc loc(TerminalNode n) {
    return loc(n.getSymbol());
  }

  // ---------------------------------------------------------------- program and statements

  Ast.Program program(ProgramContext ctx) {
    List<Ast.Stmt> stmts = new ArrayList<>();
    for (StatementContext s : ctx.statement()) {
      stmts.add(stmt(s));
    }
    return new Ast.Program(source.name(), stmts);
  }

  private Ast.BlockExpr block(BlockContext ctx) {
    List<Ast.Stmt> stmts = new ArrayList<>();
    for (StatementContext s : ctx.statement()) {
      stmts.add(stmt(s));
    }
    return new Ast.BlockExpr(loc(ctx.getStart()), stmts);
  }

  private Ast.Stmt stmt(StatementContext ctx) {
    Loc loc = loc(ctx);
    if (ctx instanceof LetStmtContext c) {
      return new Ast.Let(loc(c.IDENT()), c.IDENT().getText(), false, expr(c.expr()));
    }
    if (ctx instanceof VarStmtContext c) {
      return new Ast.Let(loc(c.IDENT()), c.IDENT().getText(), true, expr(c.expr()));
    }
    if (ctx instanceof FnStmtContext c) {
      String name = c.IDENT().getText();
      String text = c.getStart().getInputStream().getText(Interval.of(c.getStart().getStartIndex(), c.getStop().getStopIndex()));
      return new Ast.FnDecl(loc(c.IDENT()), name, lambda(loc(c.IDENT()), name, c.params(), c.fnBody()), text);
    }
    if (ctx instanceof ImportStmtContext c) {
      return new Ast.Import(loc, unquote(c.STRING().getSymbol()), c.IDENT().getText());
    }
    if (ctx instanceof AssignStmtContext c) {
      Ast.Expr target = postfix(c.target);
      if (!(target instanceof Ast.Name || target instanceof Ast.Index || target instanceof Ast.Member)) {
        error(target.loc(), "cannot assign to this expression: assign to a name, an element x[i] or a field r.f");
      }
      return new Ast.Assign(loc(c.op), target, c.op.getText(), expr(c.expr()));
    }
    if (ctx instanceof ForStmtContext c) {
      return new Ast.For(loc, forVars(c.forTarget()), expr(c.expr()), block(c.block()));
    }
    if (ctx instanceof WhileStmtContext c) {
      return new Ast.While(loc, expr(c.expr()), block(c.block()));
    }
    if (ctx instanceof BreakStmtContext) {
      return new Ast.Break(loc);
    }
    if (ctx instanceof ContinueStmtContext) {
      return new Ast.Continue(loc);
    }
    if (ctx instanceof ReturnStmtContext c) {
      return new Ast.Return(loc(c.getStart()), c.expr() == null ? null : expr(c.expr()));
    }
    if (ctx instanceof SweepStmtContext c) {
      List<Ast.SweepAxis> axes = new ArrayList<>();
      for (SweepAxisContext a : c.sweepAxis()) {
        if (a instanceof SingleAxisContext s) {
          axes.add(new Ast.SweepAxis(loc(s), List.of(s.IDENT().getText()), expr(s.expr())));
        } else {
          ZippedAxisContext z = (ZippedAxisContext) a;
          List<String> names = new ArrayList<>();
          for (TerminalNode n : z.IDENT()) {
            names.add(n.getText());
          }
          axes.add(new Ast.SweepAxis(loc(z), names, expr(z.expr())));
        }
      }
      return new Ast.Sweep(loc(c.getStart()), axes);
    }
    if (ctx instanceof RepeatStmtContext c) {
      return new Ast.Repeat(loc(c.getStart()), expr(c.expr()));
    }
    if (ctx instanceof ReportStmtContext c) {
      List<String> names = new ArrayList<>();
      List<Ast.Expr> values = new ArrayList<>();
      for (ReportItemContext r : c.reportItem()) {
        names.add(r.IDENT().getText());
        values.add(expr(r.expr()));
      }
      return new Ast.Report(loc(c.getStart()), names, values);
    }
    ExprStmtContext c = (ExprStmtContext) ctx;
    return new Ast.ExprStmt(loc, expr(c.expr()));
  }

  private List<String> forVars(ForTargetContext ctx) {
    List<String> vars = new ArrayList<>();
    for (TerminalNode n : ctx.IDENT()) {
      vars.add(n.getText());
    }
    return vars;
  }

  private Ast.Lambda lambda(Loc loc, String name, ParamsContext params, FnBodyContext body) {
    List<Ast.Param> ps = new ArrayList<>();
    if (params != null) {
      for (ParamContext p : params.param()) {
        ps.add(new Ast.Param(loc(p.IDENT()), p.IDENT().getText(), p.expr() == null ? null : expr(p.expr())));
      }
    }
    Ast.Expr b = body.block() != null ? block(body.block()) : expr(body.expr());
    return new Ast.Lambda(loc, name, ps, b);
  }

  // ---------------------------------------------------------------- expressions

  Ast.Expr expr(ExprContext ctx) {
    if (ctx instanceof PostfixExprContext c) {
      return postfix(c.postfix());
    }
    if (ctx instanceof PowExprContext c) {
      return new Ast.Binary(loc(c.getChild(1)), dev.exp.tensor.op.BinaryOp.POW, expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof UnaryExprContext c) {
      Ast.Expr operand = expr(c.expr());
      if (c.op.getText().equals("-") && operand instanceof Ast.Num n) {
        return new Ast.Num(loc(c.op), -n.value());
      }
      if (c.op.getText().equals("-") && operand instanceof Ast.Imag n) {
        return new Ast.Imag(loc(c.op), -n.value());
      }
      return new Ast.Unary(loc(c.op), c.op.getText(), operand);
    }
    if (ctx instanceof MulExprContext c) {
      return new Ast.Binary(loc(c.op), binaryOp(c.op.getText()), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof AddExprContext c) {
      return new Ast.Binary(loc(c.op), binaryOp(c.op.getText()), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof CmpExprContext c) {
      if (c.expr(0) instanceof CmpExprContext inner) {
        // a < b < c: Python's chain, which the language does not have; (a < b) < c compares a bool
        String middle = source(inner.expr(1));
        error(loc(c.op), "comparisons do not chain: write " + source(inner.expr(0)) + " " + inner.op.getText() + " "
            + middle + " and " + middle + " " + c.op.getText() + " " + source(c.expr(1))
            + " (or parenthesize to compare the first comparison's result)");
      }
      return new Ast.Binary(loc(c.op), binaryOp(c.op.getText()), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof RangeExprContext c) {
      return new Ast.Range(loc(c.op), expr(c.expr(0)), expr(c.expr(1)), c.op.getText().equals("..="));
    }
    if (ctx instanceof NotExprContext c) {
      return new Ast.Not(loc(c.getStart()), expr(c.expr()));
    }
    if (ctx instanceof AndExprContext c) {
      return new Ast.And(loc(c.getChild(1)), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof OrExprContext c) {
      return new Ast.Or(loc(c.getChild(1)), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof PipeExprContext c) {
      return new Ast.Pipe(loc(c.getChild(1)), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof Lambda1ExprContext c) {
      return new Ast.Lambda(loc(c.IDENT()), null,
          List.of(new Ast.Param(loc(c.IDENT()), c.IDENT().getText(), null)), expr(c.expr()));
    }
    LambdaExprContext c = (LambdaExprContext) ctx;
    List<Ast.Param> ps = new ArrayList<>();
    if (c.params() != null) {
      for (ParamContext p : c.params().param()) {
        ps.add(new Ast.Param(loc(p.IDENT()), p.IDENT().getText(), p.expr() == null ? null : expr(p.expr())));
      }
    }
    return new Ast.Lambda(loc(c.getStart()), null, ps, expr(c.expr()));
  }

  private Loc loc(org.antlr.v4.runtime.tree.ParseTree t) {
    if (t instanceof TerminalNode n) {
      return loc(n);
    }
    return loc((ParserRuleContext) t);
  }

  private Ast.Expr postfix(PostfixContext ctx) {
    if (ctx instanceof PrimaryPostfixContext c) {
      return primary(c.primary());
    }
    if (ctx instanceof CallPostfixContext c) {
      Ast.Expr callee = postfix(c.postfix());
      List<Ast.Expr> args = new ArrayList<>();
      List<String> names = new ArrayList<>();
      if (c.args() != null) {
        for (ArgContext a : c.args().arg()) {
          if (a instanceof NamedArgContext n) {
            if (names.contains(n.fieldName().getText())) {
              error(loc(n.fieldName().getStart()), "argument '" + n.fieldName().getText() + "' is given twice");
            }
            names.add(n.fieldName().getText());
            args.add(expr(n.expr()));
          } else {
            if (names.stream().anyMatch(s -> s != null)) {
              error(loc((ParserRuleContext) a), "positional argument after a named argument");
            }
            names.add(null);
            args.add(expr(((PositionalArgContext) a).expr()));
          }
        }
      }
      // located at the callee (`linalg.solve` in `linalg.solve(a, b)`): its errors' carets underline the name
      return new Ast.Call(loc(c.postfix()), callee, args, names);
    }
    if (ctx instanceof IndexPostfixContext c) {
      List<Ast.IndexItem> items = new ArrayList<>();
      for (IndexContext i : c.index()) {
        if (i instanceof PointIndexContext p) {
          items.add(new Ast.IndexItem(loc(p), false, expr(p.expr()), null, null));
        } else {
          SliceIndexContext s = (SliceIndexContext) i;
          items.add(new Ast.IndexItem(loc(s), true, s.lo == null ? null : expr(s.lo), s.hi == null ? null : expr(s.hi),
              s.step == null ? null : expr(s.step)));
        }
      }
      return new Ast.Index(loc(c.getChild(1)), postfix(c.postfix()), items);
    }
    MemberPostfixContext c = (MemberPostfixContext) ctx;
    return new Ast.Member(loc(c.fieldName()), postfix(c.postfix()), c.fieldName().getText());
  }

  private Ast.Expr primary(PrimaryContext ctx) {
    Loc loc = loc(ctx);
    if (ctx instanceof NumberLitContext c) {
      String text = c.NUMBER().getText().replace("_", "");
      if (text.endsWith("i")) {
        return new Ast.Imag(loc, Double.parseDouble(text.substring(0, text.length() - 1)));
      }
      return new Ast.Num(loc, Double.parseDouble(text));
    }
    if (ctx instanceof StringLitContext c) {
      return string(c.STRING().getSymbol());
    }
    if (ctx instanceof RawStringLitContext c) {
      String text = c.RAW_STRING().getText();
      return new Ast.Str(loc(c.getStart()), text.substring(2, text.length() - 1));
    }
    if (ctx instanceof TrueLitContext) {
      return new Ast.Bool(loc, true);
    }
    if (ctx instanceof FalseLitContext) {
      return new Ast.Bool(loc, false);
    }
    if (ctx instanceof NoneLitContext) {
      return new Ast.NoneLit(loc);
    }
    if (ctx instanceof NameRefContext c) {
      return new Ast.Name(loc, c.IDENT().getText());
    }
    if (ctx instanceof VarRefContext) {
      // 'var' starts a declaration only as `var NAME =`; anywhere else it names the variance kernel
      return new Ast.Name(loc, "var");
    }
    if (ctx instanceof ParenExprContext c) {
      return expr(c.expr());
    }
    if (ctx instanceof ComprehensionContext c) {
      List<Ast.CompClause> clauses = new ArrayList<>();
      for (CompClauseContext k : c.compClause()) {
        clauses.add(new Ast.CompClause(forVars(k.forTarget()), expr(k.expr(0)), k.expr().size() > 1 ? expr(k.expr(1)) : null));
      }
      return new Ast.Comprehension(loc, expr(c.expr()), clauses);
    }
    if (ctx instanceof ListLitContext c) {
      List<Ast.Expr> elems = new ArrayList<>();
      for (ExprContext e : c.expr()) {
        elems.add(expr(e));
      }
      return new Ast.ListLit(loc(c.getStart()), elems);
    }
    if (ctx instanceof RecordLitContext c) {
      List<String> names = new ArrayList<>();
      List<Ast.Expr> values = new ArrayList<>();
      for (FieldContext f : c.field()) {
        String name;
        Ast.Expr value;
        if (f instanceof NamedFieldContext n) {
          name = n.fieldName().getText();
          value = expr(n.expr());
        } else if (f instanceof QuotedFieldContext q) {
          name = unquote(q.STRING().getSymbol());
          value = expr(q.expr());
        } else if (f instanceof ShorthandFieldContext s) {
          name = s.IDENT().getText();
          value = new Ast.Name(loc(s.IDENT()), name);
        } else {
          name = null;
          value = expr(((SpreadFieldContext) f).expr());
        }
        if (name != null && names.contains(name)) {
          error(loc((ParserRuleContext) f), "field '" + name + "' is given twice");
        }
        names.add(name);
        values.add(value);
      }
      return new Ast.RecordLit(loc(c.getStart()), names, values);
    }
    if (ctx instanceof IfExprContext c) {
      return ifExpr(c.ifExpression());
    }
    if (ctx instanceof FnExprContext c) {
      return lambda(loc(c.getStart()), null, c.params(), c.fnBody());
    }
    ExperimentExprContext c = (ExperimentExprContext) ctx;
    List<Ast.Expr> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (c.args() != null) {
      for (ArgContext a : c.args().arg()) {
        if (a instanceof NamedArgContext n) {
          names.add(n.fieldName().getText());
          values.add(expr(n.expr()));
        } else {
          error(loc((ParserRuleContext) a), "experiment options are named, e.g. (jobs: 2, cache: \"runs/x\")");
        }
      }
    }
    String text = ctx.getStart().getInputStream().getText(
        Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    return new Ast.Experiment(loc(c.getStart()), string(c.STRING().getSymbol()), values, names, block(c.block()), text);
  }

  private Ast.Expr ifExpr(IfExpressionContext c) {
    Ast.Expr otherwise = null;
    if (c.ifExpression() != null) {
      otherwise = ifExpr(c.ifExpression());
    } else if (c.block().size() > 1) {
      otherwise = block(c.block(1));
    }
    return new Ast.If(loc(c.getStart()), expr(c.expr()), block(c.block(0)), otherwise);
  }

  // ---------------------------------------------------------------- strings

  private String unquote(Token t) {
    return StringLiterals.unescape(t.getText().substring(1, t.getText().length() - 1), loc(t), errors);
  }

  /** The location of body[index] for a string token at loc (strings may span lines). */
  private static Loc placeInString(Loc loc, String body, int index) {
    int nl = body.lastIndexOf('\n', index - 1);
    if (nl < 0) {
      return new Loc(loc.file(), loc.line(), loc.col() + 1 + index, 1);
    }
    int lines = (int) body.substring(0, index).chars().filter(c -> c == '\n').count();
    return new Loc(loc.file(), loc.line() + lines, index - nl, 1);
  }

  /** A string literal, split into text and interpolation holes {@code {expr}} / {@code {expr:spec}}. */
  private Ast.Expr string(Token t) {
    Loc loc = loc(t);
    String body = t.getText().substring(1, t.getText().length() - 1);
    List<String> texts = new ArrayList<>();
    List<Ast.Expr> holes = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char ch = body.charAt(i);
      if (ch == '\\' && i + 1 < body.length()) {
        cur.append(body, i, i + 2);
        i += 2;
        continue;
      }
      if (ch == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        cur.append("\\{");
        i += 2;
        continue;
      }
      if (ch == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        cur.append("\\}");
        i += 2;
        continue;
      }
      if (ch == '{') {
        int end = StringLiterals.holeEnd(body, i + 1);
        Loc holeLoc = placeInString(loc, body, i + 1);
        if (end < 0) {
          error(holeLoc, "unclosed '{' in string: write '{{' for a literal brace");
          break;
        }
        String inner = body.substring(i + 1, end);
        int colon = StringLiterals.specColon(inner);
        String exprText = colon < 0 ? inner : inner.substring(0, colon);
        String spec = colon < 0 ? null : inner.substring(colon + 1);
        if (exprText.isBlank()) {
          error(holeLoc, "empty '{}' in string: write '{{' for a literal brace");
        } else {
          texts.add(StringLiterals.unescape(cur.toString(), loc, errors));
          cur.setLength(0);
          holes.add(Parsing.parseHole(source, exprText, holeLoc.line(), holeLoc.col(), errors));
          if (spec != null) {
            String problem = FormatSpec.check(spec);
            if (problem != null) {
              error(holeLoc, "bad format spec ':" + spec + "': " + problem);
            }
          }
          specs.add(spec);
        }
        i = end + 1;
        continue;
      }
      cur.append(ch);
      i++;
    }
    String last = StringLiterals.unescape(cur.toString(), loc, errors);
    if (holes.isEmpty()) {
      return new Ast.Str(loc, last);
    }
    texts.add(last);
    return new Ast.Interp(loc, texts, holes, specs);
  }

  /** The source text of {@code ctx}, as written. */
  private static String source(ParserRuleContext ctx) {
    return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
  }

  private void error(Loc loc, String message) {
    errors.add(loc.line() - lineOffset, loc.line() - lineOffset == 1 ? loc.col() - colOffset : loc.col(), loc.length(), message);
  }

  private static dev.exp.tensor.op.BinaryOp binaryOp(String symbol) {
    dev.exp.tensor.op.BinaryOp op = dev.exp.tensor.op.BinaryOp.ofSymbol(symbol);
    if (op == null) {
      throw new IllegalStateException("grammar produced an unknown operator " + symbol);
    }
    return op;
  }
}
