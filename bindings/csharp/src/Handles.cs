using System;
using Microsoft.Win32.SafeHandles;

namespace EduAuth
{
    // One SafeHandle per C handle type. The P/Invoke marshaller creates them from `T **out`
    // parameters and add-refs them for the duration of every call, so Dispose() racing with a
    // call on another thread frees the C object only after that call returned; a handle that
    // is never disposed is released by its critical finalizer (eduauth_*_free may run on any
    // thread, eduauth/common.h).

    internal sealed class TokenHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public TokenHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            EduAuthNative.eduauth_token_free(handle);
            return true;
        }
    }

    internal sealed class ClientConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public ClientConfigHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            EduAuthNative.eduauth_client_config_free(handle);
            return true;
        }
    }

    internal sealed class ClientHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public ClientHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            EduAuthNative.eduauth_client_free(handle);
            return true;
        }
    }

    internal sealed class EventHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public EventHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            EduAuthNative.eduauth_event_free(handle);
            return true;
        }
    }

    internal sealed class LaunchOptionHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public LaunchOptionHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            EduAuthNative.eduauth_launch_option_free(handle);
            return true;
        }
    }
}
