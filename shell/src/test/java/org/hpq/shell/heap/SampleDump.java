package org.hpq.shell.heap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.hpq.testkit.StackFrameSpec;

/**
 * The small, deterministic "corner shop" dump the command-line tests and the golden transcripts
 * run on. Its content, written with {@link HprofWriter} (same bytes on every run):
 *
 * <pre>
 *   minimal JDK classes, plus java.lang.Integer, java.util.ArrayList, java.util.HashMap,
 *   java.util.LinkedHashMap (extends HashMap), java.util.HashMap$Node, HashMap$Node[]: all sticky
 *
 *   Shop.INSTANCE (static) -> shop (Shop)
 *     .name -> "corner shop"           .open = true   .founded = 1999   .manager = null
 *     .customers -> ArrayList{size 4} .elementData -> Object[4] {ann, bob, cid, dee}
 *     .catalog -> HashMap{size 3} .table -> HashMap$Node[4] {node apple, null, node pear, node plum}
 *         node i: .key -> name i, .value -> product i   (name i is also product i's .name)
 *     .visits -> Integer 42
 *     .recent -> WeakReference .referent -> coupon (Coupon, only weakly held)
 *     .plugin -> Plugin .label -> "plug"   (class com.example.plugin.Plugin, loader pluginLoader)
 *   products: apple (price 3), pear (price 5), plum (price 7)
 *   customer c (ann 1, bob 2, cid 3, dee 4) .name -> its name, .orders -> Object[n] of orders,
 *     n = 12, 9, 6, 3 (30 orders); order j of customer c: .number = 100 c + j,
 *     .amount = 10 (j + 1), .product -> product j % 3, .note = null except ann's order 0 -> "gift wrap"
 *   JNI global root -> stats = long[3] {1, 2, 3}
 *   thread "main": frame com.example.shop.Main.run(Main.java:12) holds cart (Cart)
 *     cart .items -> ArrayList{size 2} .elementData -> Object[2] {apple, pear}
 *   garbage (unreachable): two Orders (numbers 900, 901), the second with .note -> "lost"
 * </pre>
 *
 * <p>Shallow sizes with compressed oops (12-byte header, 4-byte references, 8-byte alignment):
 * Order 32, Customer 24, Product 24, String 24, Shop 48, ArrayList 24, HashMap 24, HashMap$Node
 * 32, Integer 16, Coupon 16, Cart 16, Plugin 16; byte[n] 16 + n rounded up to 8. The sizes of
 * class objects (mirrors) and of the ClassLoader (with HotSpot's injected fields) are the reader's
 * model of HotSpot, not fixed by this dump.
 */
public record SampleDump(
    Path file,
    long shopClass,
    long shop,
    long customerList,
    long customerArray,
    long catalog,
    long catalogTable,
    long[] products,
    long[] productNames,
    long[] customers,
    long[] customerOrderArrays,
    List<long[]> orders,
    long coupon,
    long weakReference,
    long plugin,
    long pluginLoader,
    long stats,
    long cart,
    long threadObject,
    long[] garbage) {

  /** Customer names, in order. */
  public static final String[] CUSTOMER_NAMES = {"ann", "bob", "cid", "dee"};
  /** Orders per customer, in order: 30 in all. */
  public static final int[] ORDER_COUNTS = {12, 9, 6, 3};
  /** Product names, in order. */
  public static final String[] PRODUCT_NAMES = {"apple", "pear", "plum"};
  /** Product prices, in order. */
  public static final int[] PRODUCT_PRICES = {3, 5, 7};

  /** Writes the dump as {@code folder/shop.hprof}. */
  public static SampleDump write(Path folder) throws IOException {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long object = jdk.objectClass();
    long integerClass = sticky(writer, writer.defineClass("java.lang.Integer").superclass(object)
        .field("value", FieldType.INT).write());
    long arrayListClass = sticky(writer, writer.defineClass("java.util.ArrayList").superclass(object)
        .field("size", FieldType.INT).field("elementData", FieldType.OBJECT).write());
    long hashMapClass = sticky(writer, writer.defineClass("java.util.HashMap").superclass(object)
        .field("size", FieldType.INT).field("table", FieldType.OBJECT).write());
    sticky(writer, writer.defineClass("java.util.LinkedHashMap").superclass(hashMapClass)
        .field("head", FieldType.OBJECT).write());
    long nodeClass = sticky(writer, writer.defineClass("java.util.HashMap$Node").superclass(object)
        .field("hash", FieldType.INT).field("key", FieldType.OBJECT).field("value", FieldType.OBJECT)
        .field("next", FieldType.OBJECT).write());
    long nodeArrayClass = sticky(writer, writer.defineClass("java.util.HashMap$Node[]").superclass(object).write());

    long shop = writer.reserveObjectId(40);
    long shopClass = sticky(writer, writer.defineClass("com.example.shop.Shop").superclass(object)
        .field("name", FieldType.OBJECT).field("customers", FieldType.OBJECT).field("catalog", FieldType.OBJECT)
        .field("visits", FieldType.OBJECT).field("recent", FieldType.OBJECT).field("plugin", FieldType.OBJECT)
        .field("manager", FieldType.OBJECT).field("open", FieldType.BOOLEAN).field("founded", FieldType.INT)
        .staticField("INSTANCE", FieldType.OBJECT, shop).write());
    long customerClass = sticky(writer, writer.defineClass("com.example.shop.Customer").superclass(object)
        .field("id", FieldType.INT).field("name", FieldType.OBJECT).field("orders", FieldType.OBJECT).write());
    long orderClass = sticky(writer, writer.defineClass("com.example.shop.Order").superclass(object)
        .field("number", FieldType.LONG).field("amount", FieldType.INT).field("product", FieldType.OBJECT)
        .field("note", FieldType.OBJECT).write());
    long productClass = sticky(writer, writer.defineClass("com.example.shop.Product").superclass(object)
        .field("price", FieldType.INT).field("name", FieldType.OBJECT).write());
    long couponClass = sticky(writer, writer.defineClass("com.example.shop.Coupon").superclass(object)
        .field("percent", FieldType.INT).write());
    long cartClass = sticky(writer, writer.defineClass("com.example.shop.Cart").superclass(object)
        .field("items", FieldType.OBJECT).write());
    long mainClass = sticky(writer, writer.defineClass("com.example.shop.Main").superclass(object).write());
    long pluginLoader = writer.reserveObjectId(24);
    long pluginClass = writer.defineClass("com.example.plugin.Plugin").superclass(object).classLoader(pluginLoader)
        .field("label", FieldType.OBJECT).write();
    writer.instance(jdk.classLoaderClass()).id(pluginLoader).write();

    long[] products = new long[3];
    long[] productNames = new long[3];
    for (int i = 0; i < 3; i++) {
      productNames[i] = writer.string(PRODUCT_NAMES[i]);
      products[i] = writer.instance(productClass).set("price", PRODUCT_PRICES[i]).set("name", productNames[i]).write();
    }
    long[] nodes = new long[3];
    for (int i = 0; i < 3; i++) {
      nodes[i] = writer.instance(nodeClass).set("hash", PRODUCT_NAMES[i].hashCode()).set("key", productNames[i])
          .set("value", products[i]).write();
    }
    long catalogTable = writer.objectArray(nodeArrayClass, nodes[0], 0L, nodes[1], nodes[2]);
    long catalog = writer.instance(hashMapClass).set("size", 3).set("table", catalogTable).write();

    long[] customers = new long[4];
    long[] orderArrays = new long[4];
    List<long[]> orders = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      long[] own = new long[ORDER_COUNTS[c]];
      for (int j = 0; j < own.length; j++) {
        long note = c == 0 && j == 0 ? writer.string("gift wrap") : 0L;
        own[j] = writer.instance(orderClass).set("number", 100L * (c + 1) + j).set("amount", 10 * (j + 1))
            .set("product", products[j % 3]).set("note", note).write();
      }
      orders.add(own);
      orderArrays[c] = writer.objectArray(jdk.objectArrayClass(), own);
      long name = writer.string(CUSTOMER_NAMES[c]);
      customers[c] = writer.instance(customerClass).set("id", c + 1).set("name", name).set("orders", orderArrays[c]).write();
    }
    long customerArray = writer.objectArray(jdk.objectArrayClass(), customers);
    long customerList = writer.instance(arrayListClass).set("size", 4).set("elementData", customerArray).write();

    long visits = writer.instance(integerClass).set("value", 42).write();
    long coupon = writer.instance(couponClass).set("percent", 15).write();
    long weak = writer.instance(jdk.weakReferenceClass()).set("referent", coupon).write();
    long plugin = writer.instance(pluginClass).set("label", writer.string("plug")).write();
    long shopName = writer.string("corner shop");
    writer.instance(shopClass).id(shop).set("name", shopName).set("customers", customerList).set("catalog", catalog)
        .set("visits", visits).set("recent", weak).set("plugin", plugin).set("open", true).set("founded", 1999).write();

    long stats = writer.primitiveArray(new long[] {1, 2, 3});
    writer.rootJniGlobal(stats, 0x51);

    long threadName = writer.string("main");
    long threadObject = writer.instance(jdk.threadClass()).set("name", threadName).set("priority", 5).write();
    var thread = writer.thread(threadObject, new StackFrameSpec(mainClass, "run", "()V", "Main.java", 12));
    long cartArray = writer.objectArray(jdk.objectArrayClass(), products[0], products[1]);
    long cartList = writer.instance(arrayListClass).set("size", 2).set("elementData", cartArray).write();
    long cart = writer.instance(cartClass).set("items", cartList).write();
    writer.rootJavaFrame(cart, thread.threadSerial(), 0);

    long[] garbage = new long[2];
    garbage[0] = writer.instance(orderClass).set("number", 900L).set("amount", 1).write();
    garbage[1] = writer.instance(orderClass).set("number", 901L).set("amount", 2).set("note", writer.string("lost")).write();

    Files.createDirectories(folder);
    Path file = folder.resolve("shop.hprof");
    Files.write(file, writer.toBytes());
    return new SampleDump(file, shopClass, shop, customerList, customerArray, catalog, catalogTable, products,
        productNames, customers, orderArrays, List.copyOf(orders), coupon, weak, plugin, pluginLoader, stats, cart,
        threadObject, garbage);
  }

  private static long sticky(HprofWriter writer, long classId) {
    writer.rootStickyClass(classId);
    return classId;
  }
}
