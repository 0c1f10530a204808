namespace EduAuth
{
    /// <summary>Library-wide facts: version of the loaded native library, fingerprints.</summary>
    public static class Sdk
    {
        /// <summary>Version of the loaded libeduauth, e.g. "0.1.0".</summary>
        public static string Version => EduAuthNative.eduauth_version();

        /// <summary>MAJOR * 10000 + MINOR * 100 + PATCH of the loaded libeduauth.</summary>
        public static uint VersionNumber => EduAuthNative.eduauth_version_number();

        /// <summary>Version of the C headers this binding was generated from.</summary>
        public const string BindingVersion = EduAuthNative.EDUAUTH_VERSION_STRING;

        /// <summary>A loggable fingerprint of a secret ("sha256:" + 8 hex digits).</summary>
        /// <exception cref="EduAuthException">InvalidArgument when secret is null.</exception>
        public static string Fingerprint(string secret)
        {
            string fp;
            EduAuthException.Check(EduAuthNative.eduauth_fingerprint(out fp, secret));
            return fp;
        }
    }
}
