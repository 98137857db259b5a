using System.Runtime.CompilerServices;

// The unit tests exercise the decoders (Thrift, RLE, Snappy, DELTA_*) directly, below the public reader.
[assembly: InternalsVisibleTo("LineageHub.Parquet.Tests")]
