namespace EduAuth
{
    /// <summary>uint32 values given as long (case C-02).</summary>
    internal static class Uint32
    {
        /// <summary>
        /// A uid: 0..4294967295, or a negative value of the int range, which is a uid of 2^31 or
        /// more held in a signed int (-1412626023 is 2882341273) and is reinterpreted as
        /// unsigned. Anything else (e.g. 9854785632) is refused, naming the field.
        /// </summary>
        internal static uint Uid(string field, long value)
        {
            if (value >= int.MinValue && value < 0) return unchecked((uint)(int)value);
            if (value < 0 || value > uint.MaxValue)
                throw new EduAuthException(StatusCode.InvalidArgument,
                    field + " " + value + " is outside the uint32 range 0..4294967295");
            return (uint)value;
        }
    }
}
