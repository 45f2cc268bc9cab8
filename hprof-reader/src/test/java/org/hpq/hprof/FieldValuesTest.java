package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hpq.hprof.Dumps.at;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofVersion;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.hpq.testkit.StringLayout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Field values of every type, String text in the JDK 8 and JDK 9+ layouts, array contents. */
class FieldValuesTest {
  @TempDir Path folder;

  @ParameterizedTest(name = "{0}-byte ids")
  @ValueSource(ints = {4, 8})
  void readsEveryFieldType(int idSize) throws Exception {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_2, idSize);
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long target = writer.instance(jdk.objectClass()).write();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("aBoolean", true);
    values.put("aChar", '\u00e9');
    values.put("aFloat", -1.5f);
    values.put("aDouble", Math.PI);
    values.put("aByte", (byte) -7);
    values.put("aShort", (short) -300);
    values.put("anInt", Integer.MIN_VALUE + 5);
    values.put("aLong", Long.MAX_VALUE - 9);
    values.put("aReference", target);
    values.put("aNull", null);
    var builder = writer.defineClass("com.example.AllTypes").superclass(jdk.objectClass());
    FieldType[] types = {
      FieldType.BOOLEAN, FieldType.CHAR, FieldType.FLOAT, FieldType.DOUBLE, FieldType.BYTE, FieldType.SHORT, FieldType.INT,
      FieldType.LONG, FieldType.OBJECT, FieldType.OBJECT
    };
    int t = 0;
    for (String name : values.keySet()) {
      builder.field(name, types[t]).staticField("static_" + name, types[t], values.get(name));
      t++;
    }
    long allTypes = builder.write();
    var instance = writer.instance(allTypes);
    values.forEach(instance::set);
    long object = instance.write();
    writer.rootUnknown(object);

    try (HeapDump dump = Dumps.open(folder, writer)) {
      List<FieldValue> fields = dump.fields(at(dump, object));
      assertThat(fields).extracting(value -> value.field().name()).containsExactlyElementsOf(values.keySet());
      Object[] expected = {true, '\u00e9', -1.5f, Math.PI, (byte) -7, (short) -300, Integer.MIN_VALUE + 5, Long.MAX_VALUE - 9, target, 0L};
      assertThat(fields).extracting(FieldValue::value).containsExactly(expected);
      assertThat(fields.get(8).target()).isEqualTo(at(dump, target));
      assertThat(fields.get(9).target()).isEqualTo(-1);
      assertThat(fields.get(9).text()).isEqualTo("null");
      assertThat(fields.get(1).text()).isEqualTo("'\u00e9'");
      JavaClass javaClass = dump.classAtOrNull(at(dump, allTypes));
      assertThat(javaClass.statics()).extracting(StaticField::name).startsWith("static_aBoolean");
      assertThat(javaClass.statics().get(2).value()).isEqualTo((long) Float.floatToRawIntBits(-1.5f));
      assertThat(javaClass.statics().get(6).value()).isEqualTo(Integer.MIN_VALUE + 5);
      assertThat(javaClass.statics().get(7).value()).isEqualTo(Long.MAX_VALUE - 9);
      assertThat(javaClass.statics().get(8).value()).isEqualTo(target);
      assertThat(Dumps.outbound(dump, at(dump, allTypes))).contains("com.example.AllTypes.static_aReference -> 0x" + Long.toHexString(target));
    }
  }

  @Test
  void stringsInEveryLayout() throws Exception {
    HprofWriter writer = HprofWriter.create();
    writer.writeMinimalJdkClasses(StringLayout.COMPACT);
    long latin1 = writer.string("caf\u00e9 cr\u00e8me");
    long utf16 = writer.string("\u65e5\u672c\u8a9e \ud83d\ude00");
    long forced = writer.stringUtf16("ascii in UTF-16");
    long empty = writer.string("");
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.stringValue(at(dump, latin1))).isEqualTo("caf\u00e9 cr\u00e8me");
      assertThat(dump.stringValue(at(dump, utf16))).isEqualTo("\u65e5\u672c\u8a9e \ud83d\ude00");
      assertThat(dump.stringValue(at(dump, forced))).isEqualTo("ascii in UTF-16");
      assertThat(dump.stringValue(at(dump, empty))).isEmpty();
    }
  }

  @Test
  void jdk8CharArrayStrings() throws Exception {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_2, 8);
    JdkClasses jdk = writer.writeMinimalJdkClasses(StringLayout.CHAR_ARRAY);
    long text = writer.string("\u65e5\u672c and ascii");
    long other = writer.instance(jdk.objectClass()).write();
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.stringValue(at(dump, text))).isEqualTo("\u65e5\u672c and ascii");
      assertThat(dump.stringValue(at(dump, other))).isNull();
    }
  }

  @Test
  void bigEndianUtf16IsNotWhatX86Writes() throws Exception {
    // The reader assumes little-endian UTF-16 (x86 and ARM VMs); this pins that assumption down.
    HprofWriter writer = HprofWriter.create();
    writer.writeMinimalJdkClasses();
    writer.utf16ByteOrder(ByteOrder.BIG_ENDIAN);
    long text = writer.stringUtf16("AB");
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.stringValue(at(dump, text))).isEqualTo("\u4100\u4200");
    }
  }

  @Test
  void arrayLengthsAndElements() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long ints = writer.primitiveArray(new int[] {1, -2, Integer.MAX_VALUE});
    long longs = writer.primitiveArray(new long[] {Long.MIN_VALUE, 5});
    long doubles = writer.primitiveArray(new double[] {2.5});
    long chars = writer.primitiveArray(new char[] {'x', '\uffff'});
    long booleans = writer.primitiveArray(new boolean[] {true, false});
    long shorts = writer.primitiveArray(new short[] {-1});
    long floats = writer.primitiveArray(new float[] {0.25f});
    long empty = writer.primitiveArray(new byte[0]);
    long element = writer.instance(jdk.objectClass()).write();
    long objects = writer.objectArray(jdk.objectArrayClass(), element, 0, 0xdead0000L);
    long instance = writer.instance(jdk.objectClass()).write();
    try (HeapDump dump = Dumps.open(folder, writer, Strictness.WARN)) {
      assertThat(dump.arrayLength(at(dump, ints))).isEqualTo(3);
      assertThat(dump.arrayElements(at(dump, ints), 0, 10)).containsExactly(1, -2, Integer.MAX_VALUE);
      assertThat(dump.arrayElements(at(dump, ints), 1, 1)).containsExactly(-2);
      assertThat(dump.arrayElements(at(dump, ints), 5, 1)).isEmpty();
      assertThat(dump.arrayElements(at(dump, ints), 0, -1)).isEmpty();
      assertThat(dump.arrayElements(at(dump, longs), 0, 10)).containsExactly(Long.MIN_VALUE, 5);
      assertThat(dump.arrayElements(at(dump, doubles), 0, 10)).containsExactly(Double.doubleToRawLongBits(2.5));
      assertThat(dump.arrayElements(at(dump, floats), 0, 10)).containsExactly(Float.floatToRawIntBits(0.25f));
      assertThat(dump.arrayElements(at(dump, chars), 0, 10)).containsExactly('x', 0xffff);
      assertThat(dump.arrayElements(at(dump, booleans), 0, 10)).containsExactly(1, 0);
      assertThat(dump.arrayElements(at(dump, shorts), 0, 10)).containsExactly(-1);
      assertThat(dump.arrayLength(at(dump, empty))).isZero();
      assertThat(dump.arrayLength(at(dump, objects))).isEqualTo(3);
      assertThat(dump.arrayElements(at(dump, objects), 0, 10)).containsExactly(at(dump, element), -1, -1);
      assertThat(dump.arrayLength(at(dump, instance))).isEqualTo(-1);
      assertThat(dump.arrayElements(at(dump, instance), 0, 10)).isEmpty();
      assertThat(dump.fields(at(dump, ints))).isEmpty();
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("0xdead0000"));
    }
  }
}
