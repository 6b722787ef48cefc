package vigil;
public final class Vigil { public static void main(String[] a) {} }
