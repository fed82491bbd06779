package dev.exp.syntax;

import java.util.List;

/**
 * The immutable abstract syntax tree. Every node carries its source location. Built by
 * {@link AstBuilder} from the ANTLR parse tree; compiled to executable code by
 * the compiler (in the evaluator), which also resolves names.
 */
public final class Ast {
  private Ast() {}

  /** Any node. */
  public sealed interface Node permits Expr, Stmt {
    Loc loc();
  }

  /** Expressions. */
  public sealed interface Expr extends Node
      permits Num, Imag, Str, Interp, Bool, NoneLit, Name, ListLit, Comprehension, RecordLit, If, Lambda,
          Call, Index, Member, Unary, Binary, And, Or, Not, Range, Pipe, BlockExpr, Experiment {}

  /** Statements. */
  public sealed interface Stmt extends Node
      permits Let, FnDecl, Import, Assign, For, While, Break, Continue, Return, Sweep, Repeat, Report,
          ExprStmt {}

  // ---------------------------------------------------------------- expressions
  public record Num(Loc loc, double value) implements Expr {}

  /** An imaginary literal {@code 2i}: the complex number 0 + value·i. */
  public record Imag(Loc loc, double value) implements Expr {}

  public record Str(Loc loc, String value) implements Expr {}

  /** An interpolated string: literal text pieces and {expr:spec} holes, in order. */
  public record Interp(Loc loc, List<String> texts, List<Expr> holes, List<String> specs) implements Expr {}

  public record Bool(Loc loc, boolean value) implements Expr {}

  public record NoneLit(Loc loc) implements Expr {}

  public record Name(Loc loc, String name) implements Expr {}

  /** {@code [a, b, c]}; {@code nestedRows} is true when every element is itself a list literal. */
  public record ListLit(Loc loc, List<Expr> elements) implements Expr {}

  /** {@code [element for a in xs if p for b in ys ...]}: the clauses nest left to right, as in Python. */
  public record Comprehension(Loc loc, Expr element, List<CompClause> clauses) implements Expr {}

  /** One {@code for vars in source (if filter)} of a comprehension. */
  public record CompClause(List<String> vars, Expr source, Expr filter) {}

  /** A record literal; a field with a null name is a spread ({@code ...expr}). */
  public record RecordLit(Loc loc, List<String> names, List<Expr> values) implements Expr {}

  public record If(Loc loc, Expr cond, Expr then, Expr otherwise) implements Expr {}

  /** A function literal or body; {@code name} is null for anonymous functions. */
  public record Lambda(Loc loc, String name, List<Param> params, Expr body) implements Expr {}

  public record Param(Loc loc, String name, Expr dflt) {}

  /** A call; {@code names.get(i)} is null for positional arguments. */
  public record Call(Loc loc, Expr callee, List<Expr> args, List<String> names) implements Expr {}

  public record Index(Loc loc, Expr target, List<IndexItem> items) implements Expr {}

  /** One index position: a point ({@code lo} only, {@code slice} false) or a slice. */
  public record IndexItem(Loc loc, boolean slice, Expr lo, Expr hi, Expr step) {}

  public record Member(Loc loc, Expr target, String name) implements Expr {}

  public record Unary(Loc loc, String op, Expr operand) implements Expr {}

  public record Binary(Loc loc, dev.exp.tensor.op.BinaryOp op, Expr left, Expr right) implements Expr {}

  public record And(Loc loc, Expr left, Expr right) implements Expr {}

  public record Or(Loc loc, Expr left, Expr right) implements Expr {}

  public record Not(Loc loc, Expr operand) implements Expr {}

  public record Range(Loc loc, Expr from, Expr to, boolean inclusive) implements Expr {}

  /** {@code value |> target}; target is a call (value becomes its first argument) or any callable. */
  public record Pipe(Loc loc, Expr value, Expr target) implements Expr {}

  /** A block of statements; its value is the last expression statement's value (else none). */
  public record BlockExpr(Loc loc, List<Stmt> statements) implements Expr {}

  /** {@code experiment "name" (options) { body }}. */
  public record Experiment(Loc loc, Expr name, List<Expr> optionValues, List<String> optionNames, BlockExpr body,
      String sourceText) implements Expr {}

  // ---------------------------------------------------------------- statements
  public record Let(Loc loc, String name, boolean mutable, Expr value) implements Stmt {}

  /** {@code fn name(params) body}; {@code sourceText}: the statement's text (it keys cached experiment trials that call it). */
  public record FnDecl(Loc loc, String name, Lambda fn, String sourceText) implements Stmt {}

  public record Import(Loc loc, String path, String alias) implements Stmt {}

  /** {@code target op= value}; op is "=" or a compound assignment ("+=", "-=", "*=", "/=", "%=", "^=", "@="). Target: Name, Index or Member. */
  public record Assign(Loc loc, Expr target, String op, Expr value) implements Stmt {}

  public record For(Loc loc, List<String> vars, Expr source, BlockExpr body) implements Stmt {}

  public record While(Loc loc, Expr cond, BlockExpr body) implements Stmt {}

  public record Break(Loc loc) implements Stmt {}

  public record Continue(Loc loc) implements Stmt {}

  public record Return(Loc loc, Expr value) implements Stmt {}

  /** One sweep line: each axis binds one or more names (several when zipped) to a source. */
  public record Sweep(Loc loc, List<SweepAxis> axes) implements Stmt {}

  public record SweepAxis(Loc loc, List<String> names, Expr source) {}

  public record Repeat(Loc loc, Expr count) implements Stmt {}

  public record Report(Loc loc, List<String> names, List<Expr> values) implements Stmt {}

  public record ExprStmt(Loc loc, Expr expr) implements Stmt {}

  /** A whole script. */
  public record Program(String file, List<Stmt> statements) {}
}
