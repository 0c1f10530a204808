using System;

namespace EduAuth
{
    /// <summary>
    /// A failed eduauth call. <see cref="Status"/> is the C API status code
    /// (<see cref="StatusCode"/>); the message is the C API's per-thread error text, which
    /// names the field and value (secrets only as fingerprints).
    /// </summary>
    public class EduAuthException : Exception
    {
        public EduAuthException(int status, string message) : base(message)
        {
            Status = status;
        }

        /// <summary>The EDUAUTH_E_* code (negative).</summary>
        public int Status { get; }

        /// <summary>The code's name, e.g. "EDUAUTH_E_MALFORMED_TOKEN".</summary>
        public string StatusName => StatusCode.Name(Status);

        public override string ToString()
        {
            return "EduAuthException[" + StatusName + "]: " + Message;
        }

        /// <summary>
        /// Throws for a non-zero status with this thread's eduauth_error_last() message; call it
        /// right after the failing call, on the same thread.
        /// </summary>
        internal static void Check(int rc)
        {
            if (rc != StatusCode.Ok) throw FromLastError(rc);
        }

        internal static EduAuthException FromLastError(int rc)
        {
            string message = EduAuthNative.eduauth_error_last();
            if (string.IsNullOrEmpty(message)) message = StatusCode.Name(rc);
            return new EduAuthException(rc, message);
        }
    }
}
