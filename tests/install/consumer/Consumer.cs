// C# consumer of an installed eduauth: EduAuth.dll + libeduauth_csharp.so from lib/eduauth/csharp.
public static class Consumer
{
    public static int Main()
    {
        // p007-edu-room-user-02 of shared/vectors/token_vectors.json.
        var token = EduAuth.Token.Decode(
            "007eJxTYOB59a5sg3NC9NUnUq/2fNr3T/r2y9MPKizX31hueY/n4v1PCgyW5gbOjsamKalmBskmJmYmpklJiakWiUaGpgZmhkn" +
            "Gxgwfg1MjmBgY/BL3MDAzMDEwAiGIz8lQWpxapGtgYGDIChdUYDAzNjJKSjFOSU00t0wzMzBNTLQwtjBITk0zNTI3N0gzZkcyoC" +
            "g/PxdsAJJZTAwA+fAydA==");
        if (token.AppId != "970CA35de60c44645bbae8a215061b33")
        {
            System.Console.Error.WriteLine("csharp consumer: wrong app_id " + token.AppId);
            return 1;
        }
        System.Console.WriteLine("csharp consumer ok: eduauth " + EduAuth.Sdk.Version);
        return 0;
    }
}
