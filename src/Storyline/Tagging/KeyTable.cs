namespace Storyline.Tagging;

/// <summary>
/// A read-only open-addressing map from non-zero 64-bit keys to 32-bit values (word → tag set, n-gram → gazetteer
/// kinds). Lookups do not allocate. Written to model files sorted by key.
/// </summary>
public sealed class KeyTable
{
    private readonly ulong[] keys;
    private readonly uint[] values;
    private readonly int mask;

    public KeyTable(IReadOnlyDictionary<ulong, uint> entries)
    {
        var capacity = 16;
        while (capacity < entries.Count * 2)
        {
            capacity <<= 1;
        }

        keys = new ulong[capacity];
        values = new uint[capacity];
        mask = capacity - 1;
        foreach (var (key, value) in entries)
        {
            if (key == 0)
            {
                throw new ArgumentException("keys must be non-zero", nameof(entries));
            }

            var slot = (int)key & mask;
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = key;
            values[slot] = value;
        }

        Count = entries.Count;
    }

    public int Count { get; }

    /// <summary>The value of <paramref name="key"/>, or 0 when absent.</summary>
    public uint Get(ulong key)
    {
        var slot = (int)key & mask;
        while (true)
        {
            var k = keys[slot];
            if (k == key)
            {
                return values[slot];
            }

            if (k == 0)
            {
                return 0;
            }

            slot = (slot + 1) & mask;
        }
    }

    public IEnumerable<KeyValuePair<ulong, uint>> Entries()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                yield return new(keys[i], values[i]);
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        var entries = Entries().OrderBy(e => e.Key).ToList();
        writer.Write(entries.Count);
        foreach (var (key, value) in entries)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    public static KeyTable Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var entries = new Dictionary<ulong, uint>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            entries[key] = reader.ReadUInt32();
        }

        return new KeyTable(entries);
    }
}
