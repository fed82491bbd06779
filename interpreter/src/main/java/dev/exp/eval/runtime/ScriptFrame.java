package dev.exp.eval.runtime;

/**
 * One frame of a script call stack as an error records it while unwinding: the function left and the
 * place in it. The embedding API reports it as a {@code StackFrame}.
 */
public record ScriptFrame(String function, String file, int line, int column, int length) {}
