// Amazon.Lambda.Core's ILambdaSerializer under its real name (the package is not restorable here), in a file of its
// own: a project that compiles it without AmazonLambdaCoreContract.cs (the AOT test, the sample) has no ILambdaContext,
// so its [ClaimCheck] wrappers keep their context-free shape.
namespace Amazon.Lambda.Core
{
    public interface ILambdaSerializer
    {
        T Deserialize<T>(System.IO.Stream requestStream);

        void Serialize<T>(T response, System.IO.Stream responseStream);
    }
}
