namespace EduAuth
{
    /// <summary>A token handed out by <see cref="EduAuthClient"/> and its effective expiry.</summary>
    public sealed class FetchedToken
    {
        internal FetchedToken(string token, long expiresAt)
        {
            Token = token;
            ExpiresAt = expiresAt;
        }

        /// <summary>The token text. A secret: never log it (use Sdk.Fingerprint).</summary>
        public string Token { get; }

        /// <summary>Effective expiry, ABSOLUTE Unix seconds.</summary>
        public long ExpiresAt { get; }

        public override string ToString()
        {
            return "FetchedToken{" + Sdk.Fingerprint(Token) + ", expiresAt=" + ExpiresAt + "}";
        }
    }
}
