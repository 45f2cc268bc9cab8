package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Edge labels as ints: a value {@code >= 0} is an array slot ({@code [i]}); a negative value
 * {@code -1 - k} names entry {@code k} of a table of texts ({@code .next}, {@code
 * java.lang.System.out}, {@code <class>}).
 */
public final class Labels {
  public static final String CLASS = "<class>";
  public static final String SUPERCLASS = "<superclass>";
  public static final String CLASS_LOADER = "<classloader>";
  public static final String SIGNERS = "<signers>";
  public static final String PROTECTION_DOMAIN = "<protection domain>";
  public static final String CONSTANT_POOL = "<constant pool>";
  public static final String DEFINED_CLASS = "<defined class>";

  private final List<String> texts;
  private final Object2IntOpenHashMap<String> codes = new Object2IntOpenHashMap<>();

  public Labels() {
    this(new ArrayList<>());
  }

  public Labels(List<String> texts) {
    this.texts = new ArrayList<>(texts);
    for (int k = 0; k < this.texts.size(); k++) {
      codes.put(this.texts.get(k), -1 - k);
    }
  }

  /** The code of {@code text}, adding it to the table if new. */
  public int code(String text) {
    int code = codes.getOrDefault(text, 0);
    if (code == 0) {
      texts.add(text);
      code = -texts.size();
      codes.put(text, code);
    }
    return code;
  }

  /** The code of {@code text}, or 0 when the table does not have it. */
  public int codeOrZero(String text) {
    return codes.getOrDefault(text, 0);
  }

  /** The text of a label code: {@code [3]} for slots. */
  public String text(int code) {
    return code >= 0 ? "[" + code + "]" : texts.get(-1 - code);
  }

  public List<String> texts() {
    return texts;
  }
}
