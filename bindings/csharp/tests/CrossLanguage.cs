namespace EduAuth.Tests
{
    /// <summary>
    /// Tokens built by the C++ core (eduauth-token CLI) for case C-08; the Java tests hold the
    /// same strings. RtmTokenBuilder2, App ID 970CA35de60c44645bbae8a215061b33, certificate
    /// 5CFd2fd1755d40ecb72977518be15d3b, expire 600, issue_ts 1700000000, salt 12345678.
    /// </summary>
    internal static class CrossLanguage
    {
        /// <summary>user id "u🙂" (bytes 75 f0 9f 99 82).</summary>
        internal const string RtmUEmojiToken =
            "007eJxTYJBcvMnGkdfzCl/vl9nlp7Jiei5nbL5YVPn8cKtes8515i8KDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUyOYGBj8EvcwMDIwATEjA4jPylD6Yf7MJgAnTx/H";

        /// <summary>user id "老师01" (8 UTF-8 bytes).</summary>
        internal const string RtmTeacherToken =
            "007eJxTYEg0DfL5vOBNst3/RZ955/0y/9z3RMPVXLzGoTL5su/S2GcKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUyOYGBj8EvcwMDIwATEjA4jPwfCiofHpjg4DQwCtdCFI";
    }
}
