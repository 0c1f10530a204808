namespace EduAuth
{
    /// <summary>
    /// Status codes of the C API (eduauth/common.h), as carried by
    /// <see cref="EduAuthException.Status"/>. Part of the stable ABI.
    /// </summary>
    public static class StatusCode
    {
        public const int Ok = EduAuthNative.EDUAUTH_OK;
        public const int InvalidArgument = EduAuthNative.EDUAUTH_E_INVALID_ARGUMENT;
        public const int MalformedToken = EduAuthNative.EDUAUTH_E_MALFORMED_TOKEN;
        public const int UnsupportedVersion = EduAuthNative.EDUAUTH_E_UNSUPPORTED_VERSION;
        public const int SignatureMismatch = EduAuthNative.EDUAUTH_E_SIGNATURE_MISMATCH;
        public const int OutOfMemory = EduAuthNative.EDUAUTH_E_OUT_OF_MEMORY;
        public const int Network = EduAuthNative.EDUAUTH_E_NETWORK;
        public const int Timeout = EduAuthNative.EDUAUTH_E_TIMEOUT;
        public const int HttpStatus = EduAuthNative.EDUAUTH_E_HTTP_STATUS;
        public const int BadResponse = EduAuthNative.EDUAUTH_E_BAD_RESPONSE;
        public const int ExpiredFromServer = EduAuthNative.EDUAUTH_E_EXPIRED_FROM_SERVER;
        public const int TokenMismatch = EduAuthNative.EDUAUTH_E_TOKEN_MISMATCH;
        public const int ReauthRequired = EduAuthNative.EDUAUTH_E_REAUTH_REQUIRED;
        public const int TokenRejected = EduAuthNative.EDUAUTH_E_TOKEN_REJECTED;
        public const int Tls = EduAuthNative.EDUAUTH_E_TLS;
        public const int Closed = EduAuthNative.EDUAUTH_E_CLOSED;
        public const int Expired = EduAuthNative.EDUAUTH_E_EXPIRED;
        public const int InvalidLaunchOption = EduAuthNative.EDUAUTH_E_INVALID_LAUNCH_OPTION;
        public const int LaunchTokenMismatch = EduAuthNative.EDUAUTH_E_LAUNCH_TOKEN_MISMATCH;
        public const int Internal = EduAuthNative.EDUAUTH_E_INTERNAL;

        /// <summary>Static name of a code, e.g. "EDUAUTH_E_MALFORMED_TOKEN".</summary>
        public static string Name(int status)
        {
            return EduAuthNative.eduauth_status_name(status);
        }
    }
}
