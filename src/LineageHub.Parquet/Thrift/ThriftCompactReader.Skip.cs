namespace LineageHub.Parquet.Thrift;

internal ref partial struct ThriftCompactReader
{
    /// <summary>Skips a value of the given type, so fields added by newer writers are ignored (forward compatibility).</summary>
    public void Skip(ThriftType type)
    {
        switch (type)
        {
            case ThriftType.BoolTrue:
            case ThriftType.BoolFalse:
                ReadBool();
                break;
            case ThriftType.Byte:
                ReadByte();
                break;
            case ThriftType.I16:
            case ThriftType.I32:
                ReadVarint32();
                break;
            case ThriftType.I64:
                ReadVarint64();
                break;
            case ThriftType.Double:
                Take(8);
                break;
            case ThriftType.Binary:
                ReadBinarySpan();
                break;
            case ThriftType.List:
            case ThriftType.Set:
                SkipList();
                break;
            case ThriftType.Map:
                SkipMap();
                break;
            case ThriftType.Struct:
                SkipStruct();
                break;
            default:
                throw Error($"cannot skip field of type {(int)type}");
        }
    }

    public void SkipStruct()
    {
        EnterStruct();
        short last = 0;
        while (ReadFieldHeader(ref last, out var type, out _))
        {
            Skip(type);
        }
        ExitStruct();
    }

    private void SkipList()
    {
        var count = ReadListHeader(out var elementType);
        EnterStruct();
        for (var i = 0; i < count; i++)
        {
            SkipElement(elementType);
        }
        ExitStruct();
    }

    private void SkipMap()
    {
        var count = ReadVarint32();
        if (count == 0)
        {
            return;
        }
        if (count > (uint)Remaining)
        {
            throw Error($"map of {count} entries exceeds the {Remaining} bytes remaining");
        }
        var types = ReadByte();
        EnterStruct();
        for (var i = 0; i < count; i++)
        {
            SkipElement((ThriftType)(types >> 4));
            SkipElement((ThriftType)(types & 0x0F));
        }
        ExitStruct();
    }

    private void SkipElement(ThriftType type)
    {
        if (type is ThriftType.BoolTrue or ThriftType.BoolFalse)
        {
            ReadByte();
            return;
        }
        Skip(type);
    }
}
