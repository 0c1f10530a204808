namespace EduAuth
{
    /// <summary>
    /// One privilege of a token. Units (spec token-format.md §2.7, §3.4): in a 007 service the
    /// value is seconds RELATIVE to the token's IssueTs; in a 006 token an ABSOLUTE Unix time in
    /// seconds. 0 sets no limit of its own. Immutable.
    /// </summary>
    public sealed class TokenPrivilege
    {
        internal TokenPrivilege(uint id, uint value)
        {
            Id = id;
            Value = value;
        }

        /// <summary>Privilege id (1 join / login / room-user, 2..4 publish, 101 admin, 1000 RTM login).</summary>
        public uint Id { get; }

        /// <summary>The value as stored (see the class comment for its unit).</summary>
        public uint Value { get; }

        public override string ToString()
        {
            return "{id=" + Id + ", value=" + Value + "}";
        }
    }
}
