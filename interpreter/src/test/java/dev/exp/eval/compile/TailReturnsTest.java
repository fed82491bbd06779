package dev.exp.eval.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import dev.exp.tensor.op.BinaryOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tail-return rewrite on syntax trees: which returns become values and which stay jumps. */
class TailReturnsTest {
  private static final Loc L = new Loc("t.exp", 1, 1, 1);

  private static Ast.Expr name(String n) {
    return new Ast.Name(L, n);
  }

  private static Ast.BlockExpr block(Ast.Stmt... ss) {
    return new Ast.BlockExpr(L, List.of(ss));
  }

  private static Ast.Stmt ret(Ast.Expr e) {
    return new Ast.Return(L, e);
  }

  private static Ast.Stmt expr(Ast.Expr e) {
    return new Ast.ExprStmt(L, e);
  }

  private static final Ast.Expr COND = new Ast.Binary(L, BinaryOp.LT, name("n"), new Ast.Num(L, 2));

  @Test
  void earlyReturnAndTailReturnBecomeAnIfElseOfValues() {
    // { if n < 2 { return n }; return f(n) }  ->  { if n < 2 { n } else { f(n) } }
    Ast.Expr call = new Ast.Call(L, name("f"), List.of(name("n")), null);
    Ast.Expr got = TailReturns.rewrite(block(expr(new Ast.If(L, COND, block(ret(name("n"))), null)), ret(call)));
    Ast.Expr want = block(expr(new Ast.If(L, COND, block(expr(name("n"))), block(expr(call)))));
    assertEquals(want, got);
  }

  @Test
  void returnsInLoopsAndValuelessReturnsStayJumps() {
    Ast.BlockExpr loop = block(new Ast.For(L, List.of("x"), name("xs"), block(expr(new Ast.If(L, COND, block(ret(name("x"))), null)))),
        expr(name("y")));
    assertSame(loop, TailReturns.rewrite(loop));
    Ast.BlockExpr bare = block(expr(new Ast.If(L, COND, block(ret(null)), null)), expr(name("y")));
    assertSame(bare, TailReturns.rewrite(bare));
  }

  @Test
  void aRestThatDeclaresStaysInTheBodysScope() {
    // { if c { return a }; let y = 1; return y }: the rest is not moved into a block, its tail return still becomes y
    Ast.Stmt early = expr(new Ast.If(L, COND, block(ret(name("a"))), null));
    Ast.Stmt let = new Ast.Let(L, "y", false, new Ast.Num(L, 1));
    Ast.Expr got = TailReturns.rewrite(block(early, let, ret(name("y"))));
    assertEquals(block(early, let, expr(name("y"))), got);
  }

  @Test
  void elseIfChainsInTailPosition() {
    Ast.Expr chain = new Ast.If(L, COND, block(ret(name("a"))), new Ast.If(L, name("c"), block(ret(name("b"))), block(ret(name("d")))));
    Ast.Expr want = new Ast.If(L, COND, block(expr(name("a"))), new Ast.If(L, name("c"), block(expr(name("b"))), block(expr(name("d")))));
    assertEquals(block(expr(want)), TailReturns.rewrite(block(expr(chain))));
  }
}
