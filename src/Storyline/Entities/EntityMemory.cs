namespace Storyline.Entities;

/// <summary>
/// What the recogniser has said so far in one document: for each capitalised word form, the entity types it was
/// labelled with in earlier sentences (or that it stood outside any name). Later sentences see it as a feature, so
/// "Besigye" after "Kizza Besigye" stays a person. Reused across documents with <see cref="Clear"/>; lookups and
/// updates do not allocate once the table has grown.
/// </summary>
public sealed class EntityMemory
{
    /// <summary>The bit for "seen capitalised, not sentence-initial, outside any name".</summary>
    public const uint OutsideName = 1u << 15;

    private ulong[] keys = new ulong[256];
    private uint[] values = new uint[256];
    private int count;

    public int Count => count;

    public void Clear()
    {
        if (count > 0)
        {
            Array.Clear(keys);
            Array.Clear(values);
            count = 0;
        }
    }

    public uint Get(ulong key)
    {
        var mask = keys.Length - 1;
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

    public void Add(ulong key, uint bits)
    {
        if (key == 0)
        {
            key = 1;
        }

        if ((count + 1) * 2 > keys.Length)
        {
            Grow();
        }

        var mask = keys.Length - 1;
        var slot = (int)key & mask;
        while (keys[slot] != 0 && keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }

        if (keys[slot] == 0)
        {
            keys[slot] = key;
            count++;
        }

        values[slot] |= bits;
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new ulong[oldKeys.Length * 2];
        values = new uint[oldKeys.Length * 2];
        count = 0;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0)
            {
                Add(oldKeys[i], oldValues[i]);
            }
        }
    }
}
