package org.hpq.hprof.realdumps;

import java.util.regex.Pattern;

/**
 * Hidden class names in the two spellings seen in practice: HPROF's UTF8 record (the JVM's symbol)
 * writes {@code java.lang.ProcessHandleImpl$$Lambda$2+0x00007f49cc041bc0}, while {@code
 * Class.getName()} and {@code GC.class_histogram} write {@code ...$$Lambda$2/0x00007f49cc041bc0}.
 */
final class HiddenClassNames {
  private static final Pattern PLUS_SUFFIX = Pattern.compile("\\+(0x[0-9a-fA-F]+)(?=$|\\[)");

  private HiddenClassNames() {}

  /** The {@code Class.getName()} spelling: a {@code +0x...} suffix becomes {@code /0x...}. */
  static String asClassGetName(String name) {
    return PLUS_SUFFIX.matcher(name).replaceFirst("/$1");
  }

  /** Whether the name is spelled with HPROF's {@code +0x...} hidden-class suffix. */
  static boolean hasPlusSuffix(String name) {
    return PLUS_SUFFIX.matcher(name).find();
  }
}
