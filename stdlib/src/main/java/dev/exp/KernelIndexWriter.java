package dev.exp;

import dev.exp.kernel.KernelIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the kernel index of the standard library's kernel classes as the class {@link
 * KernelIndex#DATA_CLASS}, whose static {@code lines()} returns the index text in string constants.
 * The build runs it after compiling (stdlib's pom, phase process-classes), so the index is never
 * committed and never stale. A class rather than a resource file: it comes from the start-up
 * archive with the other classes, while reading a resource opens the jar (10-15 ms of a cold start).
 */
public final class KernelIndexWriter {
  private KernelIndexWriter() {}

  /** A string constant holds at most 65535 bytes of (modified) UTF-8; chunks stay well below it. */
  private static final int CHUNK_BYTES = 60_000;

  /** {@code args[0]}: the classes directory to write into. */
  public static void main(String[] args) throws IOException {
    String internal = KernelIndex.DATA_CLASS.replace('.', '/');
    Path out = Path.of(args[0]).resolve(internal + ".class");
    Files.createDirectories(out.getParent());
    Files.write(out, classFile(internal, chunks(KernelIndex.generate(Stdlib.kernelClasses()))));
  }

  /** The text cut at line ends into pieces of at most {@link #CHUNK_BYTES} UTF-8 bytes. */
  static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int bytes = 0;
    for (String line : text.split("(?<=\n)")) {
      int n = line.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > CHUNK_BYTES && piece.length() > 0) {
        out.add(piece.toString());
        piece.setLength(0);
        bytes = 0;
      }
      piece.append(line);
      bytes += n;
    }
    if (piece.length() > 0) {
      out.add(piece.toString());
    }
    return out;
  }

  /** {@code public final class <name> { public static String[] lines() { return new String[] {c0, c1, ...}; } }} */
  private static byte[] classFile(String internalName, List<String> chunks) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null,
        "java/lang/Object", null);
    MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lines", "()[Ljava/lang/String;", null, null);
    m.visitCode();
    m.visitLdcInsn(chunks.size());
    m.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
    for (int i = 0; i < chunks.size(); i++) {
      m.visitInsn(Opcodes.DUP);
      m.visitLdcInsn(i);
      m.visitLdcInsn(chunks.get(i));
      m.visitInsn(Opcodes.AASTORE);
    }
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }
}
